"""`python manage.py ingest PATH...`: read published documents into the archive."""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from actions.ingest.detect import parse_document
from actions.ingest.files import MAX_FILE_BYTES, iter_files, locator_for, sha256_of
from actions.models import Source
from actions.parsed import ParseError
from actions.relations import relate_all
from actions.store import save_document


class Command(BaseCommand):
    help = "Ingest files or folders (recursively) of presidential documents and commentary."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--no-relate", action="store_true", help="skip computed links")

    def handle(self, *args, paths, no_relate, **options):
        counts = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
        known = dict(Source.objects.values_list("locator", "sha256"))
        files = list(iter_files(paths))
        started = time.monotonic()
        show_progress = sys.stderr.isatty()
        for position, path in enumerate(files, start=1):
            try:
                outcome = self.ingest_file(path, known)
            except Exception as error:  # noqa: BLE001 - any failure is reported per file, then skipped
                counts["failed"] += 1
                reason = (
                    str(error)
                    if isinstance(error, OSError | ParseError)
                    else f"{type(error).__name__}: {error}"
                )
                self.stderr.write(f"error: {path}: {reason}")
            else:
                counts[outcome] += 1
            if show_progress and (position % 50 == 0 or position == len(files)):
                sys.stderr.write(f"\r{position}/{len(files)} files")
        if show_progress:
            sys.stderr.write("\n")
        if (counts["new"] or counts["updated"]) and not no_relate:
            links = relate_all()
            self.stdout.write(
                f"related: {links['related']} links; commentary: {links['commentary_links']} links"
            )
        elapsed = time.monotonic() - started
        self.stdout.write(
            "ingested {files} files in {secs:.1f}s: {new} new, {updated} updated, "
            "{unchanged} unchanged, {failed} failed".format(
                files=len(files), secs=elapsed, **counts
            )
        )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} file(s) could not be ingested", returncode=1)

    def ingest_file(self, path, known: dict[str, str]) -> str:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ParseError(
                f"file is {path.stat().st_size} bytes, over the {MAX_FILE_BYTES} limit"
            )
        data = path.read_bytes()
        locator = locator_for(path)
        digest = sha256_of(data)
        if known.get(locator) == digest:
            return "unchanged"  # skip parsing entirely: a second run is near-free
        parsed = parse_document(data)
        for attempt in range(3):
            try:
                return save_document(parsed, locator=locator, sha256=digest).outcome
            except IntegrityError:
                # A concurrent ingest created the same action or source: look again.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")
