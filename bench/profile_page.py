"""Profile one page of the archive with pyinstrument: where its server time goes.

    python bench/profile_page.py --database URL PATH [PATH...]

Prints a call tree per page (each requested `--repeat` times, after one warm-up request).
"""

from __future__ import annotations

import argparse
import os

from common import setup_django

SHOW_ALL = bool(os.environ.get("SHOW_ALL"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    setup_django(args.database)
    from django.test import Client
    from pyinstrument import Profiler

    client = Client()
    for path in args.paths:
        client.get(path)
        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(args.repeat):
                client.get(path)
        print(f"# {path}")
        print(profiler.output_text(unicode=False, color=False, show_all=SHOW_ALL))


if __name__ == "__main__":
    main()
