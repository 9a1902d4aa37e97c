"""Benchmark: the production topology on one machine, against one plain instance.

    nginx (Debian's package) -> two gunicorn instances -> the PostgreSQL primary for writes,
                                                          its streaming replica for reads,
                                                          one Redis for the cache they share
against: one gunicorn instance, the primary only, each process its own memory cache.

wrk at 64 connections on a mix of action pages (a thousand distinct ones: mostly not cached
yet), searches and API calls; then the failure cases, each in a run of its own: the replica
stopped a third of the way in (and started again two thirds in), and Redis stopped a third of
the way in. Prints requests/s, p50/p95/p99 and the count of answers that were not 2xx/3xx.

Needs the whole corpus in PostgreSQL (`bench/ingest.py` makes `archive_bench`), the replica and
Redis (`bash .ci/services`), nginx and wrk (`apt-get install nginx wrk`). Run as root (it stops
and starts the replica cluster with pg_ctlcluster):

    python bench/topology.py [--duration 30] [--connections 64]
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
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from common import POSTGRES_REAL, ROOT, environment, fragment, table

LUA = Path(__file__).with_name("load.py")  # the wrk script is load.py's LUA
NGINX_CONF = """
worker_processes 2;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  upstream archive {{
    server 127.0.0.1:{a} max_fails=0;
    server 127.0.0.1:{b} max_fails=0;
    keepalive 32;
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://archive;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_next_upstream error timeout;
    }}
  }}
}}
"""


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sample(database: str) -> list[str]:
    """The mix: 60% action pages (1,000 distinct), 20% searches, 20% API calls."""
    code = (
        "import json, random;"
        "from actions.models import Action;"
        "ids = list(Action.objects.values_list('id', flat=True));"
        "rng = random.Random(11);"
        "print(json.dumps([a.get_absolute_url() for a in "
        "Action.objects.filter(id__in=rng.sample(ids, 1000))]))"
    )
    env = {**os.environ, **environment(database)}
    found = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    actions = json.loads(found.stdout.strip().splitlines()[-1])
    queries = ["immigration", "national emergency", "tariff", "8 U.S.C. 1357", "climate",
               "artificial intelligence", "Department of Homeland Security", "EO 13768",
               "sanctions Iran", "federal workforce"]  # fmt: skip
    searches = [f"/search/?q={quote(q)}" for q in queries]
    api = [f"/api/actions/?q={quote(q)}&page_size=20" for q in queries] + [
        "/api/actions/?kind=executive_order&year=2025",
        "/api/actions/?statute=50+U.S.C.+1701",
        "/api/emergencies/",
        "/api/actions/?agency=Department+of+State",
    ]
    rng = random.Random(5)
    mix = (
        actions * 3
        + [rng.choice(searches) for _ in range(1000)]
        + [rng.choice(api) for _ in range(1000)]
    )
    rng.shuffle(mix)
    return mix


def gunicorn(env: dict, port: int, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "archive.wsgi", "--bind",
         f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "error"],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    wait_for(f"http://127.0.0.1:{port}/")
    return process


def wait_for(url: str) -> None:
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"{url} did not answer")


def wrk(url: str, paths: list[str], connections: int, duration: int) -> dict:
    script_dir = Path(tempfile.mkdtemp())
    sys.path.insert(0, str(LUA.parent))
    from load import LUA as script

    (script_dir / "mix.lua").write_text(script)
    (script_dir / "paths.txt").write_text("\n".join(paths))
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s",
         str(script_dir / "mix.lua"), url],
        env={**os.environ, "LOAD_PATHS": str(script_dir / "paths.txt")},
        capture_output=True,
        text=True,
        timeout=duration + 60,
    )  # fmt: skip
    line = next(x for x in result.stdout.splitlines() if x.startswith("RESULT "))
    found = json.loads(line.removeprefix("RESULT "))
    found["rps"] = found["requests"] / found["seconds"]
    return found


def cluster(action: str) -> None:
    version = sorted(os.listdir("/etc/postgresql"), key=float)[-1]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "replica", action],
                   check=True)  # fmt: skip


def later(seconds: float, action) -> threading.Timer:
    timer = threading.Timer(seconds, action)
    timer.start()
    return timer


def row(label: str, found: dict) -> list:
    errors = found["status_errors"] + found["socket_errors"]
    return [label, f"{found['rps']:.0f}", f"{found['p50']:.0f}", f"{found['p95']:.0f}",
            f"{found['p99']:.0f}", errors]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default=POSTGRES_REAL)
    parser.add_argument("--replica-port", type=int, default=5433)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    for tool in ("nginx", "wrk", "redis-server"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed: apt-get install {tool}")
    name = args.database.rsplit("/", 1)[-1]
    replica = f"postgres://postgres@127.0.0.1:{args.replica_port}/{name}"
    paths = sample(args.database)
    base = {**os.environ, **environment(args.database), "ARCHIVE_PAGE_CACHE_SECONDS": "600"}
    base["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    rows, processes = [], []
    try:
        # One plain instance: four workers, each with its own memory cache.
        port = free_port()
        processes.append(gunicorn(base, port, workers=4))
        found = wrk(f"http://127.0.0.1:{port}", paths, args.connections, args.duration)
        rows.append(row("one instance x 4 workers, primary only, per-process cache", found))
        print(rows[-1], flush=True)
        processes.pop().terminate()

        def topology(label: str, redis_port: int, fault=None) -> None:
            env = {**base, "DATABASE_REPLICA_URLS": replica,
                   "ARCHIVE_REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
                   "ARCHIVE_REDIS_PREFIX": f"topology-{time.time_ns()}"}  # fmt: skip
            a, b, front = free_port(), free_port(), free_port()
            servers = [gunicorn(env, a, workers=2), gunicorn(env, b, workers=2)]
            conf = Path(tempfile.mkdtemp())
            (conf / "nginx.conf").write_text(NGINX_CONF.format(dir=conf, a=a, b=b, port=front))
            nginx = subprocess.Popen(["nginx", "-c", str(conf / "nginx.conf"), "-p", str(conf),
                                      "-g", "daemon off;"])  # fmt: skip
            wait_for(f"http://127.0.0.1:{front}/")
            timers = fault(args.duration) if fault else []
            try:
                found = wrk(f"http://127.0.0.1:{front}", paths, args.connections, args.duration)
            finally:
                for timer in timers:
                    timer.join()
                nginx.terminate()
                for server in servers:
                    server.terminate()
            rows.append(row(label, found))
            print(rows[-1], flush=True)

        redis_port = free_port()
        redis = subprocess.Popen(
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        time.sleep(0.5)
        topology("nginx, 2 instances x 2 workers, replica reads, one Redis", redis_port)

        def replica_down(duration: float) -> list[threading.Timer]:
            return [
                later(duration / 3, lambda: cluster("stop")),
                later(2 * duration / 3, lambda: cluster("start")),
            ]

        topology("the same, the replica stopped at 1/3, started at 2/3", redis_port, replica_down)
        topology(
            "the same, Redis stopped at 1/3",
            redis_port,
            lambda d: [later(d / 3, redis.terminate)],
        )
    finally:
        for process in processes:
            process.terminate()
        ready = ["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(args.replica_port)]
        if subprocess.run(ready).returncode:
            cluster("start")
    fragment(
        "7-topology",
        "## Production topology on one machine (bench/topology.py)\n\n"
        f"wrk, {args.connections} connections, {args.duration} s per run, on a mix of 1,000 "
        "distinct action pages (60%), searches (20%) and API calls (20%) over the whole "
        "corpus in PostgreSQL; a 5xx or a socket error counts as an error.\n\n"
        + table(["setup", "requests/s", "p50 ms", "p95 ms", "p99 ms", "errors"], rows)
        + "\n",
    )


if __name__ == "__main__":
    main()
