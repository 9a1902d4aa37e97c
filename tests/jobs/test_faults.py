"""Faults, with real processes on a database of their own (SQLite file, or a fresh PostgreSQL
database when the suite runs on PostgreSQL): an ingest killed with SIGKILL leaves a
consistent archive that the next ingest completes; two ingests of the same files at once
make no duplicate."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from tests.conftest import CORPUS, require_shared

ROOT = Path(__file__).resolve().parents[2]
# Real files: a year of Federal Register orders (JSON + XML + HTML + HTM copies of each).
SAMPLE = sorted((CORPUS / "fr-eo-1994-2020" / "executive_orders").glob("EO_138[0-4]*"))


@pytest.fixture
def database_url(tmp_path):
    """A database only the child processes use, migrated."""
    require_shared()
    if connection.vendor == "postgresql":
        import psycopg

        settings = connection.settings_dict
        name = f"archive_fault_{uuid.uuid4().hex[:8]}"
        server = f"host={settings['HOST'] or '127.0.0.1'} port={settings['PORT'] or 5432} "
        server += f"user={settings['USER']} dbname=postgres"
        if settings.get("PASSWORD"):
            server += f" password={settings['PASSWORD']}"
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        url = (
            f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{name}"
        )
        yield _migrated(url)
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield _migrated(f"sqlite:///{tmp_path / 'faults.sqlite3'}")


def _env(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "archive.settings"}


def _migrated(url: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"],
        cwd=ROOT,
        env=_env(url),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return url


def _ingest(url: str, *paths) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "ingest", *map(str, paths)],
        cwd=ROOT,
        env=_env(url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _files_saved(url: str) -> int:
    """How many files the child has committed, read straight from its database."""
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(url.replace("postgres://", "postgresql://")) as db:
            return db.execute("SELECT count(*) FROM actions_sourcefile").fetchone()[0]
    import sqlite3

    with sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30) as db:
        return db.execute("SELECT count(*) FROM actions_sourcefile").fetchone()[0]


def _wait_for_files(url: str, child: subprocess.Popen, count: int) -> None:
    deadline = time.monotonic() + 300
    while _files_saved(url) < count:
        assert child.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline, "the ingest saved nothing in five minutes"
        time.sleep(0.05)


def _snapshot(url: str) -> dict:
    """What the archive holds, read by a separate process."""
    script = (
        "import django, json; django.setup();"
        "from actions.models import *;"
        "from django.db.models import Count;"
        "print(json.dumps({"
        "'actions': Action.objects.count(),"
        "'sources': Source.objects.count(),"
        "'orphan_sources': Source.objects.filter(action=None, commentary=None).count(),"
        "'actions_without_sources': Action.objects.filter(sources=None).count(),"
        "'pending': Action.objects.filter(needs_rebuild=True).count(),"
        "'sections': Section.objects.count(),"
        "'citations': Citation.objects.count(),"
        "'relations': Relation.objects.exclude(origin='computed').count(),"
        "'related': Relation.objects.filter(origin='computed').count(),"
        "'tasks': list(PendingTask.objects.values_list('name', flat=True)),"
        "'duplicate_numbers': Action.objects.exclude(number=None).values('kind', 'number')"
        ".annotate(n=Count('id')).filter(n__gt=1).count(),"
        "'duplicate_locators': Source.objects.values('locator').annotate(n=Count('id'))"
        ".filter(n__gt=1).count(),"
        "}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=_env(url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    import json

    return json.loads(result.stdout)


@pytest.mark.django_db(transaction=True)
def test_an_ingest_killed_halfway_is_completed_by_the_next(database_url, tmp_path):
    # On SQLite, the same files ingested without interruption give the reference archive.
    reference_url = (
        None
        if database_url.startswith("postgres")
        else _migrated(f"sqlite:///{tmp_path / 'reference.sqlite3'}")
    )
    child = _ingest(database_url, *SAMPLE)
    # Killed once a tenth of the files are saved, however fast the machine: well into the
    # run, with most files and the rebuild still to come.
    _wait_for_files(database_url, child, len(SAMPLE) // 10)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    halfway = _snapshot(database_url)
    assert halfway["sources"] > 0, "killed before anything was saved: the test proves nothing"
    # Consistent: every saved copy has its action, every action a copy; no duplicate.
    assert halfway["orphan_sources"] == 0 and halfway["actions_without_sources"] == 0
    assert halfway["duplicate_numbers"] == 0 and halfway["duplicate_locators"] == 0

    again = _ingest(database_url, *SAMPLE)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    done = _snapshot(database_url)
    assert done["pending"] == 0 and done["tasks"] == [] and done["related"] > 0
    if reference_url:
        clean = _ingest(reference_url, *SAMPLE)
        clean.communicate(timeout=600)
        reference = _snapshot(reference_url)
        for key in ("actions", "sources", "sections", "citations", "relations", "related"):
            assert done[key] == reference[key], key


@pytest.mark.django_db(transaction=True)
def test_concurrent_ingests_of_the_same_files_make_no_duplicates(database_url):
    files = SAMPLE[:80]
    first, second = _ingest(database_url, *files), _ingest(database_url, *files)
    for child in (first, second):
        out, err = child.communicate(timeout=600)
        assert child.returncode == 0, err
    state = _snapshot(database_url)
    assert state["duplicate_numbers"] == 0 and state["duplicate_locators"] == 0
    assert state["orphan_sources"] == 0 and state["pending"] == 0
    orders = {path.stem for path in files}
    assert state["actions"] == len(orders)
