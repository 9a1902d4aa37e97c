"""Benchmark: ingest the whole corpus into a fresh SQLite and a fresh PostgreSQL database.

Prints files, documents, seconds, files/s and MB/s per backend, then a second (unchanged) run,
and the speed of citation extraction alone. Run: `python bench/ingest.py [--postgres URL]`.
Never a test: it takes minutes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
    return elapsed, result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def bench_backend(label: str, database_url: str, data_dir: Path) -> None:
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
    first, summary = run(env, "ingest", *paths)
    print(
        f"{label}: first ingest {first:.1f} s, {files / first:.0f} files/s, "
        f"{size / first / 1e6:.2f} MB/s ({files} files, {size / 1e6:.1f} MB)"
    )
    print(f"  {summary}")
    second, summary = run(env, "ingest", *paths)
    print(f"{label}: unchanged re-ingest {second:.1f} s ({first / second:.0f}x faster)")


def bench_citations(data_dir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from actions.citations import extract_citations
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
    print(
        f"citation extraction: {size / 1e6:.1f} MB of FR XML text in {elapsed:.2f} s = "
        f"{size / elapsed / 1e6:.1f} MB/s, {found} citations"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default_data = os.environ.get("ARCHIVE_DATA_DIR", ROOT.parent / "shared")
    parser.add_argument("--data", default=default_data)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/archive_bench")
    args = parser.parse_args()
    data_dir = Path(args.data)
    with tempfile.TemporaryDirectory() as folder:
        bench_backend("SQLite", f"sqlite:///{folder}/bench.sqlite3", data_dir)
    if args.postgres:
        name = args.postgres.rsplit("/", 1)[-1]
        admin = args.postgres.rsplit("/", 1)[0] + "/postgres"
        subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
        subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
        bench_backend("PostgreSQL", args.postgres, data_dir)
    bench_citations(data_dir)


if __name__ == "__main__":
    main()
