"""Every amended order's sections as amended today, written down and compared with another
writing of them: what a change to the amendment reader did beyond `measure_law`'s count.

Run: `python bench/consolidated_sections.py write OUT.jsonl` on the archive DATABASE_URL names
(one line per section: order, number, heading, text, revoked; the title and preamble too where
an amendment changed them), then, after the change,
`python bench/consolidated_sections.py diff BEFORE.jsonl AFTER.jsonl`: prints each section
whose heading, text or state changed, with a line diff of its text. Each change is to be read:
a count that goes up can hide a section made wrong (NOTES.md, issue 19, late night).
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from datetime import date

from common import ROOT


def write(path: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from actions.read.law_measure import amended_orders
    from actions.store.consolidation import amendments_of, as_amended

    today = date.today()
    with open(path, "w", encoding="utf-8") as out:
        for action in amended_orders():
            amendments = amendments_of(action)
            if not amendments:
                continue
            result = as_amended(action, today, amendments)
            # The title and preamble where they changed (numbered "title" and "preamble")
            changed_front = [part for part in result.front if part.changes]
            for part in [*changed_front, *result.parts]:
                row = [action.number, part.number, part.heading, part.text, part.revoked]
                out.write(json.dumps(row) + "\n")


def _sections(path: str) -> dict[tuple[str, str], list]:
    """(order, section) -> its rows (a section struck and another renumbered into its number
    are both kept, in order)."""
    out: dict[tuple[str, str], list] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            order, number, heading, text, revoked = json.loads(line)
            out.setdefault((order, number), []).append((heading, text, revoked))
    return out


def diff(before_path: str, after_path: str) -> int:
    before, after = _sections(before_path), _sections(after_path)
    changed = 0
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key, [("", "", None)]), after.get(key, [("", "", None)])
        if old == new:
            continue
        changed += 1
        (old_heading, old_text, old_revoked), (new_heading, new_text, new_revoked) = old[0], new[0]
        print(
            f"== EO {key[0]} section {key[1]}: heading {old_heading!r} -> {new_heading!r}, "
            f"revoked {old_revoked} -> {new_revoked}"
        )
        lines = difflib.unified_diff(old_text.split("\n"), new_text.split("\n"), lineterm="", n=0)
        for line in lines:
            if not line.startswith(("---", "+++")):
                print("   ", line[:300])
    print(f"{changed} sections changed of {len(after)}")
    return changed


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        write(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        diff(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
