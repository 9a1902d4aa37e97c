"""`python manage.py mine_acts`: candidate rows for `actions/data/acts.csv`, from the archive.

Orders often print an Act's name beside its U.S. Code range: "the Clean Air Act (42 U.S.C.
7401 et seq.)". Each such pairing is evidence for a crosswalk row. This prints, as CSV, every
Act name seen with the same range in at least `--min` orders, with the first source file that
prints both (the row's evidence). A maintainer reviews the rows before adding them.
"""

import csv
import re
import sys
from collections import Counter, defaultdict

from django.core.management.base import BaseCommand

from actions.extract.crosswalk import act_by_name
from actions.models import Action

ACT_WITH_RANGE_RE = re.compile(
    r"\b(?:the\s+)?(?P<name>(?:[A-Z][\w'\u2019.-]*\s+)(?:(?:of|and|the|for|on|to|in|[A-Z][\w'\u2019.-]*)\s+){0,9}"
    r"Act(?:\s+of\s+\d{4})?)"
    r"(?:,?\s+as\s+amended,?)?\s*\((?:Public\s+Law\s+[\d-]+;?\s*)?(?P<title>\d{1,2})\s+U\.\s?S\.\s?C\.\s+"
    r"(?P<section>\d+[a-z]?(?:-\d+)?)\s+et\.?\s+seq\.?"
)


class Command(BaseCommand):
    help = "Print candidate Act -> U.S. Code range rows, each with a corpus file as evidence."

    def add_arguments(self, parser):
        parser.add_argument("--min", type=int, default=3, dest="minimum")

    def handle(self, *args, minimum: int = 3, **options):
        seen: Counter = Counter()
        evidence: dict = {}
        ranges_by_name: dict[str, Counter] = defaultdict(Counter)
        known = act_by_name()
        for action in Action.objects.exclude(text_source=None).select_related("text_source"):
            for match in ACT_WITH_RANGE_RE.finditer(action.text):
                name = " ".join(match.group("name").split())
                if name.lower() in known or name.lower().startswith(("section ", "sec. ")):
                    continue
                key = (name, match.group("title"), match.group("section"))
                seen[key] += 1
                ranges_by_name[name][key[1:]] += 1
                evidence.setdefault(key, action.text_source.locator)
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["names", "usc_title", "usc_section", "orders", "evidence"])
        for (name, title, section), count in seen.most_common():
            # A name printed with several ranges is ambiguous; keep its dominant range only.
            if count < minimum or ranges_by_name[name].most_common(1)[0][0] != (title, section):
                continue
            writer.writerow([name, title, section, count, evidence[(name, title, section)]])
