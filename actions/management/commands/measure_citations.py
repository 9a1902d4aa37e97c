"""`python manage.py measure_citations`: U.S.C. recall against the FR's own statute links.

Every `<a class="usc">` link in the FR body HTML files of the corpus is a citation the FR found;
the archive must find the same (title, section) in the text of the same order, read from its
FR XML (or, failing that, the HTML's own text). Prints recall, speed and the misses. Pure: no
database.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from actions.extract.citations import extract_citations
from actions.ingest.detect import parse_file
from actions.ingest.federal_register_html import fr_statute_links


class Command(BaseCommand):
    help = "Measure U.S.C. citation recall against the Federal Register's statute links."

    def add_arguments(self, parser):
        parser.add_argument("--folder", default=None)
        parser.add_argument("--misses", type=int, default=40)

    def handle(self, *args, folder=None, misses=40, **options):
        base = Path(folder or settings.ARCHIVE_DATA_DIR / "corpus" / "fr-eo-1994-2020")
        expected_total = found_total = 0
        missed: list[str] = []
        size = 0
        elapsed = 0.0
        for html in sorted(base.rglob("*.html")):
            links = Counter(fr_statute_links(html.read_bytes()))
            if not links:
                continue
            xml = html.with_suffix(".xml")
            doc = parse_file((xml if xml.exists() else html).read_bytes())[0]
            units = (
                [doc.preamble, *(s.text for s in doc.sections)]
                if doc.preamble or doc.sections
                else [doc.text]
            )
            started = time.monotonic()
            found = Counter()
            for text in units:
                for cite in extract_citations(text):
                    if cite.kind == "usc":
                        found[(cite.title, cite.section)] += 1
                        if cite.range_end:
                            found[(cite.title, cite.range_end)] += 1
            elapsed += time.monotonic() - started
            size += sum(len(text.encode()) for text in units)
            # The FR's links keep a section's leading digits only (287c, 300a-7 -> 287, 300).
            stems = {(title, re.match(r"\d*", section).group()) for title, section in found}
            for key in links:
                expected_total += 1
                if found[key] or key in stems:
                    found_total += 1
                else:
                    missed.append(f"{html.name}: {key[0]} U.S.C. {key[1]}")
        recall = found_total / expected_total if expected_total else 0.0
        self.stdout.write(
            f"U.S.C. recall against the FR's links: {found_total}/{expected_total} = {recall:.2%} "
            f"(distinct title+section per order); extraction {size / 1e6:.1f} MB in "
            f"{elapsed:.2f} s = {size / max(elapsed, 1e-9) / 1e6:.1f} MB/s"
        )
        for line in missed[:misses]:
            self.stdout.write(f"  missed {line}")
        if len(missed) > misses:
            self.stdout.write(f"  ... and {len(missed) - misses} more")
