"""Every action page's digest, to show that a change to how pages are made changes no page.

    python bench/page_digests.py --database URL OUT.tsv [--limit N]
    python bench/page_digests.py --compare A.tsv B.tsv

The first form requests each action's page through Django's test client (page cache off) and
writes its address and the SHA-1 of its HTML, whitespace runs and whitespace between tags
ignored (a page made from stored HTML has no template line breaks). Run it with two versions
of the code on one archive (a `git worktree` of the older commit, with this script beside
it), then `--compare` the two files: it prints how many pages differ and the first few.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time

from common import setup_django


def digest(html: bytes) -> str:
    return hashlib.sha1(re.sub(rb">\s+<", b"><", re.sub(rb"\s+", b" ", html))).hexdigest()


def write(database: str, out: str, limit: int | None) -> None:
    setup_django(database)
    from django.test import Client

    from actions.models import Action

    client = Client()
    addresses = [a.get_absolute_url() for a in Action.objects.order_by("id")][:limit]
    started = time.monotonic()
    with open(out, "w") as handle:
        for address in addresses:
            response = client.get(address)
            body = response.content if response.status_code == 200 else b"%d" % response.status_code
            handle.write(f"{address}\t{digest(body)}\n")
    print(f"{len(addresses)} pages in {time.monotonic() - started:.0f} s -> {out}")


def compare(first: str, second: str) -> int:
    def read(path: str) -> dict[str, str]:
        with open(path) as handle:
            return dict(line.rstrip("\n").split("\t") for line in handle)

    a, b = read(first), read(second)
    differ = sorted(address for address in a.keys() & b.keys() if a[address] != b[address])
    only = len(a.keys() ^ b.keys())
    print(f"{len(a.keys() & b.keys())} pages in both, {len(differ)} differ, {only} in one only")
    for address in differ[:20]:
        print("  differs:", address)
    return 1 if differ or only else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"))
    parser.add_argument("out", nargs="?")
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare))
    if not (args.database and args.out):
        parser.error("--database and OUT, or --compare A B")
    write(args.database, args.out, args.limit)


if __name__ == "__main__":
    main()
