"""`make bench`: every benchmark in order, then bench/RESULTS.md.

    python bench/run_all.py [--skip-ingest] [--only STEP ...] [--rounds 20] [--load-duration 15]

Ingest builds the real-corpus databases (SQLite file and PostgreSQL `archive_bench`); scale
copies them to ~100k actions; search and pages run on all four; load runs gunicorn on the
SQLite one. `--skip-ingest` reuses databases a previous run left in `.bench/`; `--only search
pages` runs those steps alone and keeps the other sections of the last run. About an hour on
the project's 2-core machine, most of it the two ingests.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from common import (
    BENCH_DIR,
    POSTGRES_REAL,
    POSTGRES_SCALED,
    ROOT,
    SQLITE_REAL,
    SQLITE_SCALED,
)

DATABASES = [
    ("sqlite-real", SQLITE_REAL, "SQLite, real corpus"),
    ("sqlite-scaled", SQLITE_SCALED, "SQLite, scaled x10"),
    ("postgresql-real", POSTGRES_REAL, "PostgreSQL, real corpus"),
    ("postgresql-scaled", POSTGRES_SCALED, "PostgreSQL, scaled x10"),
]


def step(*args: str, env: dict | None = None) -> None:
    print(f"\n$ python {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, *args], cwd=ROOT / "bench", env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument(
        "--only", nargs="+", choices=["ingest", "scale", "search", "pages", "load"], default=None
    )
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--load-duration", type=int, default=15)
    args = parser.parse_args()
    BENCH_DIR.mkdir(exist_ok=True)
    steps = set(args.only or ["ingest", "scale", "search", "pages", "load"])
    if args.skip_ingest:
        steps.discard("ingest")
    if args.only is None:
        # This run's sections only (an interrupted run leaves what it measured for report.py).
        for old in (BENCH_DIR / "results").glob("*.md"):
            old.unlink()
    if "ingest" in steps:
        step("ingest.py")
    if "scale" in steps:
        step("scale.py", "--source", SQLITE_REAL, "--target", SQLITE_SCALED, "--factor", "10")
        step("scale.py", "--source", POSTGRES_REAL, "--target", POSTGRES_SCALED, "--factor", "10")
    for order, (name, url, label) in enumerate(DATABASES, start=3):
        if "search" not in steps:
            break
        step(
            "search.py",
            "--database",
            url,
            "--label",
            label,
            "--rounds",
            str(args.rounds),
            "--name",
            f"{order}-search-{name}",
        )
    for order, (name, url, label) in enumerate(DATABASES, start=7):
        if "pages" not in steps:
            break
        step("pages.py", "--database", url, "--label", label, "--name", f"{order}-pages-{name}")
    if "load" in steps:
        env = {**os.environ, "DATABASE_URL": SQLITE_REAL}
        step("load.py", "--duration", str(args.load_duration), env=env)
    step("report.py")


if __name__ == "__main__":
    main()
