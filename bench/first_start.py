"""Benchmark: `make serve` on a fresh clone, until the site answers its first page.

Clones the project's committed tree into a temporary folder (no `.venv`, no database), then
times each phase `make serve` runs, one make target at a time: the virtualenv and
`requirements.txt` (with pip's cache off unless `--pip-cache`: what a fresh machine
downloads), the migrations, the whole corpus, the static files, and the server's start until
`/` answers 200. Prints seconds per phase and the total.

    python bench/first_start.py [--pip-cache] [--keep]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import ROOT

PORT = 8765


def timed(label: str, command: list[str], cwd: Path, env: dict) -> float:
    started = time.monotonic()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"{label} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    print(f"{label:28s} {elapsed:7.1f} s", flush=True)
    return elapsed


def first_page(cwd: Path, env: dict) -> float:
    started = time.monotonic()
    server = subprocess.Popen(
        ["make", "serve", f"HOST=127.0.0.1:{PORT}"],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while time.monotonic() - started < 120:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=5) as page:
                    if page.status == 200:
                        elapsed = time.monotonic() - started
                        print(f"{'server up, / answers 200':28s} {elapsed:7.1f} s", flush=True)
                        return elapsed
            except OSError:
                time.sleep(0.2)
        sys.exit("the server did not answer within 120 s")
    finally:
        os.killpg(server.pid, 15)
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pip-cache", action="store_true", help="let pip use its cache")
    parser.add_argument("--keep", action="store_true", help="keep the clone")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="first-start-"))
    clone = folder / "archive"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "VIRTUAL_ENV", "DJANGO_DEBUG", "DJANGO_SECRET_KEY"}
    }
    env["ARCHIVE_DATA_DIR"] = os.environ.get("ARCHIVE_DATA_DIR", str(ROOT.parent / "shared"))
    if not args.pip_cache:
        env["PIP_NO_CACHE_DIR"] = "1"
    phases = [
        ("install (venv, requirements)", ["make", "install"]),
        ("migrate (SQLite)", ["make", "migrate"]),
        ("data (whole corpus)", ["make", "data"]),
        ("static", ["make", "static"]),
    ]
    total = sum(timed(label, command, clone, env) for label, command in phases)
    total += first_page(clone, env)
    print(f"{'total, fresh clone to page':28s} {total:7.1f} s")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
