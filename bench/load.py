"""Benchmark: gunicorn on loopback under wrk (Debian's `wrk`), bounded in time.

Serves the database DATABASE_URL names (the whole corpus after `make serve`) with gunicorn in
production settings (a page cache shared by the workers, warmed by one request per page, as a
live site's popular pages are), then drives it with wrk for a fixed duration per scenario:
action pages alone, statute pages alone, searches alone, and a realistic mix (60% action
pages, 20% statute and browse pages, 20% searches), at 8 and 32 connections. Prints
requests/s, p50/p95/p99 latency and the error count (non-2xx/3xx answers and socket errors)
per run.

Run: `python bench/load.py [--duration 20] [--workers 4]`. Needs `wrk` (apt-get install wrk).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PORT = 8811

LUA = r"""
local paths = {}
for line in io.lines(os.getenv("LOAD_PATHS")) do paths[#paths + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter * 7919) % #paths + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT {\"requests\": %d, \"seconds\": %.3f, \"p50\": %.2f, \"p95\": %.2f, \"p99\": %.2f, " ..
    "\"status_errors\": %d, \"socket_errors\": %d}\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
"""


def sample_paths(count: int = 400) -> dict[str, list[str]]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from actions.models import Action, Statute

    rng = random.Random(7)
    ids = list(Action.objects.exclude(text_source=None).values_list("id", flat=True))
    actions = [a.get_absolute_url() for a in Action.objects.filter(id__in=rng.sample(ids, count))]
    statutes = [
        s.get_absolute_url() for s in Statute.objects.filter(kind="usc").order_by("?")[: count // 4]
    ]
    searches = [
        "/search/?q=" + q.replace(" ", "+")
        for q in (
            "united+states",
            "immigration",
            "national emergency",
            "8 U.S.C. 1357",
            "tariff",
            "climate",
            "artificial intelligence",
            "DHS",
            "EO 13768",
            "manzanita",
        )
    ]
    browse = ["/actions/?kind=executive_order", "/statutes/usc/8", "/timeline/", "/"]
    mix = actions * 3 + (statutes + browse) * 1 + searches * 12
    paths = {"action": actions, "statute": statutes, "search": searches, "mix": mix}
    return {name: [quote(p, safe="/?=&+%") for p in group] for name, group in paths.items()}


def serve(env: dict, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "archive.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start")


def run_wrk(paths: list[str], connections: int, duration: int, script: Path) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(paths))
    env = {**os.environ, "LOAD_PATHS": handle.name}
    result = subprocess.run(
        [
            "wrk",
            f"-t{min(connections, 2)}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            f"http://127.0.0.1:{PORT}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=duration + 60,
    )
    os.unlink(handle.name)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    if not lines:
        sys.exit(f"wrk failed: {result.stdout}\n{result.stderr}")
    data = json.loads(lines[-1][7:])
    data["rps"] = data["requests"] / data["seconds"]
    return data


def run_mode(paths: dict, args, cached: bool, script: Path) -> list[list]:
    """Every scenario at 8 and 32 connections against a fresh gunicorn."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "load-benchmark-" + "x" * 40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_ROOT": str(Path(tempfile.mkdtemp()) / "static"),
        # One page cache for all workers, as in production with several processes.
        "ARCHIVE_CACHE_DIR": tempfile.mkdtemp(prefix="archive-cache-"),
        "ARCHIVE_PAGE_CACHE_SECONDS": "600" if cached else "0",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = serve(env, args.workers)
    rows = []
    mode = "page cache" if cached else "no page cache"
    try:
        started = time.monotonic()
        warm = sorted(set(p for group in paths.values() for p in group))
        if not cached:  # only the processes' own indexes and the databases' caches
            warm = warm[:: max(1, len(warm) // 20)]
        for path in warm:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=60).read()
        print(f"{mode}: warm-up of {len(warm)} pages ({time.monotonic() - started:.0f} s)")
        for scenario in args.scenarios:
            for connections in (8, 32):
                r = run_wrk(paths[scenario], connections, args.duration, script)
                errors = r["status_errors"] + r["socket_errors"]
                row = [
                    mode,
                    scenario,
                    connections,
                    f"{r['rps']:.0f}",
                    f"{r['p50']:.1f}",
                    f"{r['p95']:.1f}",
                    f"{r['p99']:.1f}",
                    errors,
                ]
                print("| " + " | ".join(map(str, row)) + " |", flush=True)
                rows.append(row)
    finally:
        server.terminate()
        server.wait(timeout=20)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--scenarios", nargs="+", default=["action", "statute", "search", "mix"])
    parser.add_argument(
        "--modes", nargs="+", choices=["cached", "uncached"], default=["cached", "uncached"]
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    paths = sample_paths()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(LUA)
    script = Path(handle.name)
    database = os.environ.get("DATABASE_URL", "sqlite (db.sqlite3)").split("@")[-1]
    print(f"load: gunicorn, {args.workers} workers, {args.duration} s per run, {database}")
    try:
        rows = [
            row for mode in args.modes for row in run_mode(paths, args, mode == "cached", script)
        ]
    finally:
        script.unlink()
    from common import fragment, table

    fragment(
        "11-load",
        "## Load (bench/load.py)\n\n"
        f"gunicorn ({args.workers} workers, production settings) on loopback, driven by "
        f"Debian's wrk for {args.duration} s per run: {len(paths['action'])} action pages, "
        f"{len(paths['statute'])} statute pages, {len(paths['search'])} searches, and a mix "
        "(60% action pages, 20% statute and browse pages, 20% searches). With the page cache "
        "(shared by the workers through `ARCHIVE_CACHE_DIR`, warmed by one request per page, as "
        "a live site's popular pages are), and without it (every request rendered).\n\n"
        + table(
            [
                "mode",
                "scenario",
                "connections",
                "requests/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "errors",
            ],
            rows,
        )
        + "\n",
    )


if __name__ == "__main__":
    main()
