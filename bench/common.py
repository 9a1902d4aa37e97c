"""What the benchmark scripts share: Django set up on a chosen database, timing, percentiles."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / ".bench"  # databases and fragments the benchmarks make (never committed)
SQLITE_REAL = f"sqlite:///{BENCH_DIR / 'real.sqlite3'}"
SQLITE_SCALED = f"sqlite:///{BENCH_DIR / 'scaled.sqlite3'}"
POSTGRES_REAL = "postgres://postgres@127.0.0.1:5432/archive_bench"
POSTGRES_SCALED = "postgres://postgres@127.0.0.1:5432/archive_bench_scaled"


def environment(database_url: str) -> dict[str, str]:
    """Production-like settings: no debug, no page cache (every request does its work)."""
    return {
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "bench",
        "DJANGO_ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback
        "DJANGO_STATIC_ROOT": str(BENCH_DIR / "static"),
        "ARCHIVE_PAGE_CACHE_SECONDS": "0",
        "ARCHIVE_API_RATE_LIMIT": "",
    }


def setup_django(database_url: str) -> None:
    os.environ.update(environment(database_url))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if not (BENCH_DIR / "static" / "staticfiles.json").exists():
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)


def timed(function) -> tuple[float, object]:
    """Milliseconds one call takes, and what it returned."""
    started = time.perf_counter()
    result = function()
    return (time.perf_counter() - started) * 1000, result


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: p95 of 20 runs is the 19th fastest."""
    ordered = sorted(values)
    rank = max(1, int(-(-share * len(ordered) // 1)))
    return ordered[min(rank, len(ordered)) - 1]


def p50(values: list[float]) -> float:
    return statistics.median(values)


def table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def fragment(name: str, text: str) -> None:
    """A section of RESULTS.md, written by one benchmark run (bench/report.py joins them)."""
    folder = BENCH_DIR / "results"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md").write_text(text.rstrip() + "\n")
    print(text)


def cpu_ticks() -> tuple[int, int]:
    """(stolen, total) CPU ticks so far, from /proc/stat; (0, 0) where there is none. On a
    virtual machine, "steal" is time the hypervisor gave to other guests: a benchmark that ran
    while it was high measured a slower machine, and says so."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    return (fields[7] if len(fields) > 7 else 0), sum(fields[:8])


def stolen_share(before: tuple[int, int], after: tuple[int, int]) -> float:
    total = after[1] - before[1]
    return (after[0] - before[0]) / total if total > 0 else 0.0


def fresh_statistics() -> None:
    """Statistics and vacuum before measuring: a freshly ingested PostgreSQL database has no
    planner statistics until autovacuum gets to it, and autovacuum would then run during the
    measurements (on two cores, a third of the machine)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
