"""`python manage.py inspect_document PATH`: the parsed document as JSON; no database."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actions.extract.agencies import find_agencies
from actions.extract.citations import extract_citations
from actions.extract.references import extract_references
from actions.ingest.detect import parse_document
from actions.ingest.parsed import ParseError


class Command(BaseCommand):
    help = "Print a file's parsed document (sections, citations, references) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            parsed = parse_document(Path(path).read_bytes())
        except (OSError, ParseError) as error:
            raise CommandError(f"{path}: {error}") from error
        data = parsed.to_json()
        units = [("preamble", parsed.preamble)] + [(s.number, s.text) for s in parsed.sections]
        if not parsed.sections:
            units = [(None, parsed.text)]
        data["citations"] = [
            {**cite.to_json(), "section": number}
            for number, text in units
            for cite in extract_citations(text)
        ]
        data["references"] = [
            {**ref.to_json(), "section": number}
            for number, text in units
            for ref in extract_references(text)
        ]
        data["agencies"] = sorted({m.slug for _, text in units for m in find_agencies(text)})
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
