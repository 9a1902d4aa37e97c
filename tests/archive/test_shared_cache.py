"""Two server processes sharing one Redis (`ARCHIVE_REDIS_URL`): pages, large match sets, the
facet index and the API's rate counts; and the site answering when Redis stops mid-run.

Real parts: gunicorn processes, Redis on 127.0.0.1:6379 (`.ci/services` starts it), a second
Redis started here to be stopped, the seed documents in a database of their own."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid

import pytest

from tests.archive.servers import (
    base_environment,
    free_port,
    load_archive,
    manage,
    start_server,
)
from tests.conftest import CORPUS, default_data

EO_13850_JSON = CORPUS / "fr-eo-1994-2020" / "executive_orders" / "EO_13850.json"

REDIS = "redis://127.0.0.1:6379/15"


def redis_cli(*args: str, port: int = 6379) -> str:
    result = subprocess.run(
        ["redis-cli", "-p", str(port), "-n", "15", *args], capture_output=True, text=True
    )
    return result.stdout.strip()


@pytest.fixture(scope="module")
def archive_env(tmp_path_factory):
    if redis_cli("PING") != "PONG":
        pytest.fail("Redis is not answering at 127.0.0.1:6379 (bash .ci/services starts it)")
    database = tmp_path_factory.mktemp("shared-cache") / "archive.sqlite3"
    env = base_environment(f"sqlite:///{database}")
    load_archive(env, *default_data())
    return env


@pytest.fixture
def shared_env(archive_env):
    """Settings for gunicorn processes sharing one Redis, under a key prefix of their own."""
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    servers = []
    yield (
        prefix,
        servers,
        {
            **archive_env,
            "ARCHIVE_REDIS_URL": REDIS,
            "ARCHIVE_REDIS_PREFIX": prefix,
            "ARCHIVE_API_RATE_LIMIT": "4/m",
            "ARCHIVE_SEARCH_CACHE_MIN_MATCHES": "1",
        },
    )
    for server in servers:
        server.stop()
    found = redis_cli("--scan", "--pattern", f"{prefix}:*").split()
    if found:
        redis_cli("DEL", *found)


def keys(prefix: str, kind: str) -> list[str]:
    return redis_cli("--scan", "--pattern", f"{prefix}:*:{kind}:*").split()


def read_not_written(key: str, ttl_when_written: int) -> bool:
    """Whether a key was read in the last second or so (Redis's idle clock, counted in whole
    seconds, may tick between the read and this question: 1 is as good as 0) and not written
    again (a write would have reset its time to live as well). Callers wait two seconds
    after the key is written, so an idle time under two is a read since then."""
    idle = int(redis_cli("OBJECT", "IDLETIME", key))
    return idle <= 1 and int(redis_cli("TTL", key)) < ttl_when_written


def wait_until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_two_processes_share_pages_matches_facets_and_rate_counts(shared_env):
    prefix, servers, env = shared_env
    a = start_server(env)
    servers.append(a)
    # The first process builds the facet index as it starts and leaves it in Redis; the
    # second, started later, reads it there instead of building it again.
    assert wait_until(lambda: keys(prefix, "facets"))
    time.sleep(2.1)
    b = start_server(env)
    servers.append(b)
    (facets,) = keys(prefix, "facets")
    assert wait_until(lambda: read_not_written(facets, 24 * 3600 - 1))

    status, headers, body = a.get("/eo/13768")
    assert status == 200 and headers["X-Archive-Cache"] == "miss"
    status, headers, again = b.get("/eo/13768")
    assert status == 200 and headers["X-Archive-Cache"] == "hit" and again == body
    # The archive's version is shared too: both processes read it from Redis, and an ingest
    # (another process, writing) retires every cached page at once when it commits.
    assert redis_cli("--scan", "--pattern", f"{prefix}:*:archive-version")
    manage(env, "ingest", str(EO_13850_JSON))
    assert b.get("/eo/13768")[1]["X-Archive-Cache"] == "miss"
    assert a.get("/eo/13768")[1]["X-Archive-Cache"] == "hit"

    # A match set one process found, the other reads (a page of its own: not the cached one).
    assert a.get("/search/?q=immigration")[0] == 200
    matches = keys(prefix, "search")
    assert matches
    time.sleep(2.1)
    assert b.get("/search/?q=immigration&page=1")[0] == 200
    assert any(read_not_written(key, 600 - 1) for key in matches)

    # Four API requests a minute per address, counted across both processes.
    answers = [server.get("/api/actions/?page_size=1")[0] for server in (a, b, a, b, a)]
    assert answers == [200, 200, 200, 200, 429]


def test_the_site_answers_when_redis_stops_mid_run(archive_env, tmp_path):
    if not shutil.which("redis-server"):
        pytest.fail("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        if redis_cli("PING", port=port) == "PONG":
            break
        time.sleep(0.1)
    env = {
        **archive_env,
        "ARCHIVE_REDIS_URL": f"redis://127.0.0.1:{port}/15",
        "ARCHIVE_API_RATE_LIMIT": "100/m",
    }
    server = start_server(env)
    try:
        assert server.get("/eo/13768")[1]["X-Archive-Cache"] == "miss"
        assert server.get("/eo/13768")[1]["X-Archive-Cache"] == "hit"
        redis.terminate()
        redis.wait(10)
        paths = [
            "/eo/13768",
            "/search/?q=border",
            "/api/actions/?q=border",
            "/",
            "/feeds/search/?q=border",
        ]
        answers = [server.get(path) for path in paths * 3]
        assert all(status == 200 for status, _, _ in answers), [s for s, _, _ in answers]
        # Without the cache each page is made again, and still right.
        assert answers[0][1]["X-Archive-Cache"] == "miss"
        assert b"13768" in answers[0][2]
    finally:
        server.stop()
        if redis.poll() is None:
            redis.kill()
