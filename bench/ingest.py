"""Benchmark: ingest the whole corpus into a fresh SQLite and a fresh PostgreSQL database.

Prints files, documents, seconds, files/s and MB/s per backend, then a second (unchanged) run,
and the speed of citation extraction alone. The databases are kept (`.bench/real.sqlite3` and
PostgreSQL `archive_bench`): the search, page and scaling benchmarks run on them.
Run: `python bench/ingest.py [--postgres URL] [--skip-postgres]`. Never a test: it takes minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from common import BENCH_DIR, POSTGRES_REAL, ROOT, SQLITE_REAL, fragment, table


def corpus_paths(data_dir: Path) -> list[str]:
    return [str(data_dir / "seeds"), str(data_dir / "corpus")]


def run(env: dict, *args: str) -> tuple[float, str]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    elapsed = time.monotonic() - started
    if result.returncode not in (0, 1):
        sys.exit(f"{args[0]} failed:\n{result.stderr[-2000:]}")
    return elapsed, result.stdout.strip()


def bench_backend(label: str, database_url: str, data_dir: Path) -> list:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "bench",
        "DJANGO_ALLOWED_HOSTS": "localhost",
    }
    run(env, "migrate", "--noinput", "-v0")
    paths = corpus_paths(data_dir)
    files = sum(1 for p in paths for f in Path(p).rglob("*") if f.is_file())
    size = sum(f.stat().st_size for p in paths for f in Path(p).rglob("*") if f.is_file())
    first, output = run(env, "ingest", *paths)
    summary = output.splitlines()[-1] if output else ""
    phases = re.search(r"phases: (.*)", output)
    phases = phases.group(1) if phases else "?"
    print(
        f"{label}: first ingest {first:.1f} s, {files / first:.0f} files/s, "
        f"{size / first / 1e6:.2f} MB/s ({files} files, {size / 1e6:.1f} MB)"
    )
    print(f"  {summary}\n  phases: {phases}")
    second, _ = run(env, "ingest", *paths)
    print(f"{label}: unchanged re-ingest {second:.1f} s ({first / second:.0f}x faster)")
    documents = re.search(r"(\d+) new", summary)
    return [
        label,
        f"{first:.0f} s",
        phases,
        f"{files / first:.0f}",
        f"{size / first / 1e6:.2f}",
        documents.group(1) if documents else "?",
        f"{second:.1f} s ({first / second:.0f}x faster)",
    ]


def bench_citations(data_dir: Path) -> str:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from actions.extract.citations import extract_citations
    from actions.ingest.detect import parse_file

    texts = []
    for path in sorted((data_dir / "corpus").rglob("*.xml")):
        try:
            texts += [doc.text for doc in parse_file(path.read_bytes())]
        except ValueError:
            continue
    size = sum(len(t.encode()) for t in texts)
    started = time.monotonic()
    found = sum(len(extract_citations(t)) for t in texts)
    elapsed = time.monotonic() - started
    line = (
        f"Citation extraction alone: {size / 1e6:.1f} MB of FR XML text in {elapsed:.2f} s = "
        f"**{size / elapsed / 1e6:.1f} MB/s**, {found:,} citations (goal: at least 5 MB/s)."
    )
    print(line)
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default_data = os.environ.get("ARCHIVE_DATA_DIR", ROOT.parent / "shared")
    parser.add_argument("--data", default=default_data)
    parser.add_argument("--sqlite", default=SQLITE_REAL)
    parser.add_argument("--postgres", default=POSTGRES_REAL)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument(
        "--citations-only",
        action="store_true",
        help="measure citation extraction again; keep the ingest rows of the last run",
    )
    args = parser.parse_args()
    # Relative to the project (as `make` and manage.py read it), not to bench/ where run_all
    # starts this script: counted from here, "../shared" held no files and the rates read 0.
    data_dir = Path(args.data)
    if not data_dir.is_absolute():
        data_dir = (ROOT / data_dir).resolve()
    BENCH_DIR.mkdir(exist_ok=True)
    saved = BENCH_DIR / "ingest-rows.json"
    if args.citations_only:
        rows = json.loads(saved.read_text())
    else:
        rows = ingest_both(args, data_dir)
        saved.write_text(json.dumps(rows))
    citations = bench_citations(data_dir)
    files = sum(1 for p in corpus_paths(data_dir) for f in Path(p).rglob("*") if f.is_file())
    fragment(
        "1-ingest",
        f"## Ingest (bench/ingest.py)\n\nThe whole of `../shared/seeds` and `../shared/corpus` "
        f"({files:,} files) into a fresh database, then the same command again.\n\n"
        + table(
            [
                "backend",
                "first ingest",
                "phases",
                "files/s",
                "MB/s",
                "documents",
                "unchanged re-run",
            ],
            rows,
        )
        + f"\n\n{citations}\n",
    )


def ingest_both(args, data_dir: Path) -> list:
    database = Path(args.sqlite.removeprefix("sqlite:///"))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    rows = [bench_backend("SQLite", args.sqlite, data_dir)]
    if not args.skip_postgres:
        name = args.postgres.rsplit("/", 1)[-1]
        admin = args.postgres.rsplit("/", 1)[0] + "/postgres"
        subprocess.run(
            ["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True
        )
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
        rows.append(bench_backend("PostgreSQL", args.postgres, data_dir))
    return rows


if __name__ == "__main__":
    main()
