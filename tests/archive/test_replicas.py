"""Reads from a PostgreSQL streaming replica, writes to the primary (`DATABASE_REPLICA_URLS`):
pages, search, feeds and the API read the replica; an ingest writes the primary; a reader who
just wrote reads the primary; a lagging or stopped replica is skipped.

Real parts: the primary at 127.0.0.1:5432, its streaming replica at 127.0.0.1:5433 (made by
`.ci/services` with pg_createcluster and pg_basebackup -R), gunicorn, real documents. Runs with
the suite on PostgreSQL; the router's own rules are checked on either database."""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import time
import urllib.parse
import urllib.request

import pytest
from django.db import connection

from archive.replicas import ReplicaRouter, replica_databases
from tests.archive.servers import base_environment, load_archive, manage, start_server
from tests.conftest import CORPUS, default_data

PRIMARY = "postgres://postgres@127.0.0.1:5432"
REPLICA_PORT = int(os.environ.get("ARCHIVE_REPLICA_PORT", "5433"))
REPLICA = f"postgres://postgres@127.0.0.1:{REPLICA_PORT}"
NAME = "archive_replica_test"
FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"


def test_replica_urls_become_mirrored_aliases_of_any_engine():
    found = replica_databases(f" {REPLICA}/x , sqlite:////tmp/copy.sqlite3,", conn_max_age=60)
    assert list(found) == ["replica1", "replica2"]
    assert found["replica1"]["PORT"] == REPLICA_PORT and found["replica1"]["NAME"] == "x"
    assert found["replica2"]["ENGINE"] == "django.db.backends.sqlite3"
    assert all(config["TEST"] == {"MIRROR": "default"} for config in found.values())


def test_outside_a_request_everything_is_the_primarys():
    from actions.models import Action

    router = ReplicaRouter()
    assert router.db_for_read(Action) == "default" == router.db_for_write(Action)
    assert router.allow_migrate("default", "actions") and not router.allow_migrate(
        "replica1", "actions"
    )


def psql(server: str, sql: str, database: str = NAME) -> str:
    result = subprocess.run(
        ["psql", f"{server}/{database}", "-tAc", sql], capture_output=True, text=True
    )
    if result.returncode:
        raise AssertionError(f"psql {server}: {result.stderr}")
    return result.stdout.strip()


def on_replica_eventually(sql: str, expected: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while psql(REPLICA, sql) != expected:
        if time.monotonic() > deadline:
            raise AssertionError(f"the replica did not catch up: {sql} != {expected}")
        time.sleep(0.2)


def count_of(number: str) -> str:
    return f"SELECT count(*) FROM actions_action WHERE number = '{number}'"


def cluster(action: str) -> None:
    version = sorted(os.listdir("/etc/postgresql"), key=float)[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "replica", action], check=True
    )
    if action == "start":
        ready = ["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(REPLICA_PORT)]
        for _ in range(100):
            if subprocess.run(ready).returncode == 0:
                return
            time.sleep(0.2)
        raise AssertionError("the replica did not start again")


@pytest.fixture(scope="module")
def replicated():
    if connection.vendor != "postgresql":
        pytest.skip("the replica tests run with the suite on PostgreSQL")
    try:
        assert psql(REPLICA, "SELECT pg_is_in_recovery()", "postgres") == "t"
    except (AssertionError, FileNotFoundError) as error:
        pytest.fail(f"no streaming replica at 127.0.0.1:{REPLICA_PORT} ({error}); run .ci/services")
    psql(PRIMARY, f"DROP DATABASE IF EXISTS {NAME} WITH (FORCE)", "postgres")
    psql(PRIMARY, f"CREATE DATABASE {NAME}", "postgres")
    env = base_environment(
        f"{PRIMARY}/{NAME}",
        DATABASE_REPLICA_URLS=f"{REPLICA}/{NAME}",
        ARCHIVE_MAX_REPLICA_LAG_SECONDS="2",
        ARCHIVE_REPLICA_CHECK_SECONDS="0.2",
        ARCHIVE_PAGE_CACHE_SECONDS="0",
        ARCHIVE_SEARCH_CACHE_SECONDS="0",
    )
    load_archive(env, *default_data())
    on_replica_eventually(count_of("13768"), "1")
    server = start_server(env)
    yield env, server
    server.stop()
    psql(PRIMARY, f"DROP DATABASE IF EXISTS {NAME} WITH (FORCE)", "postgres")


def read_from(server, path: str, **headers) -> str:
    status, answer, _ = server.get(path, headers)
    assert status == 200, (path, status)
    return answer["X-Archive-Read-From"]


def eventually_read_from(server, path: str, alias: str, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while (found := read_from(server, path)) != alias:
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} still read from {found}, not {alias}")
        time.sleep(0.2)


def test_reads_go_to_the_replica_and_an_ingest_to_the_primary(replicated):
    env, server = replicated
    pages = ["/eo/13768", "/search/?q=border", "/api/actions/?q=border", "/"]
    for path in [*pages, "/feeds/search/?q=border"]:
        assert read_from(server, path) == "replica1", path
    # The ingest runs with the replica configured: had any write gone there, the replica
    # (read-only, in recovery) would have refused it and the command failed.
    manage(env, "ingest", str(FR / "EO_13850.json"))
    assert psql(PRIMARY, count_of("13850")) == "1"
    on_replica_eventually(count_of("13850"), "1")
    status, answer, body = server.get("/eo/13850")
    assert status == 200 and answer["X-Archive-Read-From"] == "replica1" and b"13850" in body


def test_a_reader_who_just_wrote_reads_the_primary(replicated):
    env, server = replicated
    manage(
        {**env, "DJANGO_SUPERUSER_PASSWORD": "a long test password 7"},
        "createsuperuser", "--noinput", "--username", "editor", "--email", "e@example.org",
    )  # fmt: skip
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = browser.open(f"{server.url}/admin/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    credentials = {"username": "editor", "password": "a long test password 7"}
    signed_in = browser.open(
        f"{server.url}/admin/login/?next=/admin/",
        urllib.parse.urlencode({"csrfmiddlewaretoken": token, **credentials}).encode(),
    )
    assert signed_in.url.endswith("/admin/")  # the session was written: signed in
    assert any(cookie.name == "archive_wrote" for cookie in jar)
    with browser.open(f"{server.url}/eo/13768") as page:
        assert page.headers["X-Archive-Read-From"] == "default"
    assert read_from(server, "/eo/13768") == "replica1"  # another reader: the replica


def test_a_lagging_replica_is_skipped(replicated):
    env, server = replicated
    psql(REPLICA, "SELECT pg_wal_replay_pause()")
    try:
        manage(env, "ingest", str(FR / "EO_13870.json"))
        time.sleep(2.5)  # past ARCHIVE_MAX_REPLICA_LAG_SECONDS
        assert psql(REPLICA, count_of("13870")) == "0"  # the replica is behind
        status, answer, _ = server.get("/eo/13870")
        assert status == 200 and answer["X-Archive-Read-From"] == "default"
    finally:
        psql(REPLICA, "SELECT pg_wal_replay_resume()")
    on_replica_eventually(count_of("13870"), "1")
    eventually_read_from(server, "/eo/13870", "replica1")


def test_a_stopped_replica_is_skipped(replicated):
    env, server = replicated
    cluster("stop")
    try:
        for path in ("/eo/13768", "/search/?q=border", "/api/actions/", "/"):
            assert read_from(server, path) == "default", path
    finally:
        cluster("start")
    eventually_read_from(server, "/eo/13768", "replica1")


def test_any_url_can_be_a_replica_sqlite_lagging_zero(tmp_path):
    """A copy of an SQLite archive as the replica: pages read it (its lag is zero), and an
    ingest still writes the primary only."""
    import shutil

    primary, copy = tmp_path / "primary.sqlite3", tmp_path / "copy.sqlite3"
    env = base_environment(
        f"sqlite:///{primary}",
        ARCHIVE_PAGE_CACHE_SECONDS="0",
    )
    load_archive(env, *default_data())
    shutil.copy(primary, copy)
    env["DATABASE_REPLICA_URLS"] = f"sqlite:///{copy}"
    server = start_server(env)
    try:
        assert read_from(server, "/eo/13768") == "replica1"
        manage(env, "ingest", str(FR / "EO_13850.json"))
        # The copy is no replica that replays: what the ingest wrote is on the primary alone.
        assert server.get("/eo/13850")[0] == 404
    finally:
        server.stop()
    del env["DATABASE_REPLICA_URLS"]
    server = start_server(env)
    try:
        status, answer, _ = server.get("/eo/13850")
        assert status == 200 and "X-Archive-Read-From" not in answer  # unset: as before
    finally:
        server.stop()
