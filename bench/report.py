"""Write bench/RESULTS.md: the machine, the date, the commands, every benchmark's latest section
(`.bench/results/*.md`, written by each script), then bench/NOTES.md (what was profiled and
fixed, with before and after figures, kept by hand).

    python bench/report.py
"""

from __future__ import annotations

import datetime
import os
import platform
import sqlite3
import subprocess

from common import BENCH_DIR, ROOT

COMMANDS = """\
`make bench` runs, in order (each script prints its figures and writes its section):

    python bench/ingest.py                       # whole corpus into fresh SQLite and PostgreSQL
    python bench/scale.py --source ... --target ... --factor 10   # ~100k actions, both backends
    python bench/search.py --database URL --label ...   # 4 runs: 2 backends x 2 sizes
    python bench/pages.py --database URL --label ...    # 4 runs
    python bench/load.py --duration 15                  # gunicorn + wrk, 8 and 32 connections
    python bench/report.py                              # this file
"""


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as info:
            kib = int(info.readline().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    try:
        postgres = subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-tA",
                "-c",
                "SHOW server_version",
                "-c",
                "SHOW shared_buffers",
            ],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.splitlines()
        postgres = f"{postgres[0]} (shared_buffers {postgres[1]})" if len(postgres) == 2 else ""
    except (OSError, subprocess.SubprocessError):
        postgres = "not reachable"
    return (
        f"{os.cpu_count()} cores ({cpu}){memory}; {platform.platform()}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}; "
        f"PostgreSQL {postgres or 'not reachable'}"
    )


def main() -> None:
    sections = sorted(
        (BENCH_DIR / "results").glob("*.md"),
        key=lambda path: (
            int(path.name.split("-")[0]) if path.name[0].isdigit() else 99,
            path.name,
        ),
    )
    notes = ROOT / "bench" / "NOTES.md"
    parts = [
        "# Benchmark results\n",
        "Written by `bench/report.py` from the last `make bench` run; edit bench/NOTES.md, not "
        "this file.\n",
        f"Date: {datetime.date.today().isoformat()}. Machine: {machine()}.\n",
        COMMANDS,
    ]
    parts += [section.read_text() for section in sections]
    if notes.exists():
        parts.append(notes.read_text())
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(parts))
    print(f"bench/RESULTS.md: {len(sections)} sections")


if __name__ == "__main__":
    main()
