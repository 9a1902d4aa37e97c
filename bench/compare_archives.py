"""Two archives built apart compared table by table, row by row (`store/snapshot.py`).

Run: `python bench/compare_archives.py URL_A URL_B` (dj-database-url URLs): prints, per table,
the rows of each and how many differ, and the first differing row. Exit status 1 if any
table differs. Used to check the bulk first load against saving one document at a time on
the whole corpus (NOTES.md).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile

from common import ROOT

DUMP = """
import os, pickle, sys, django
sys.path.insert(0, {root!r})
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
django.setup()
from actions.store.snapshot import archive_rows
with open({out!r}, "wb") as handle:
    pickle.dump(archive_rows(), handle)
"""


def dump(url: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".pickle") as out:
        code = DUMP.format(root=str(ROOT), out=out.name)
        subprocess.run(
            [sys.executable, "-c", code], env={**os.environ, "DATABASE_URL": url}, check=True
        )
        with open(out.name, "rb") as handle:
            return pickle.load(handle)


def main() -> int:
    first, second = dump(sys.argv[1]), dump(sys.argv[2])
    differ = 0
    for table in sorted(first):
        a, b = first[table], second.get(table, [])
        wrong = sum(1 for x, y in zip(a, b, strict=False) if x != y) + abs(len(a) - len(b))
        differ += bool(wrong)
        print(f"{table:32s} {len(a):8d} {len(b):8d}  {'same' if not wrong else f'{wrong} differ'}")
        if wrong:
            x, y = next(
                ((x, y) for x, y in zip(a, b, strict=False) if x != y),
                (a[len(b) : len(b) + 1], b[len(a) : len(a) + 1]),
            )
            print(f"    first: {str(x)[:300]}\n    other: {str(y)[:300]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
