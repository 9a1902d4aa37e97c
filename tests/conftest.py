"""Shared fixtures: real documents from ../shared, and a database loaded with them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from actions.ingest.detect import detect_format
from actions.search.facets import forget as forget_facet_indexes

SHARED = Path(settings.ARCHIVE_DATA_DIR)
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
EO_13768_JSON = CORPUS / "fr-eo-1994-2020" / "executive_orders" / "EO_13768.json"


@pytest.fixture(autouse=True)
def _no_api_rate_limit(settings):
    """Tests make many API requests and see their own data: the limiter and the page cache
    have their own tests."""
    settings.ARCHIVE_API_RATE_LIMIT = ""
    settings.ARCHIVE_PAGE_CACHE_SECONDS = 0  # each test sees its own data; cache tested apart
    settings.ARCHIVE_SEARCH_CACHE_SECONDS = 0
    forget_facet_indexes()  # built from rows an earlier test rolled back


def require_shared() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the shared documents are not at {SHARED} (set ARCHIVE_DATA_DIR)")


@contextmanager
def loaded(files: Iterable[Path], django_db_blocker) -> Iterator[None]:
    """These real files ingested for a module's tests, and rolled back after them (for a
    module-scoped fixture)."""
    require_shared()
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("ingest", *map(str, files), stdout=StringIO())
        yield
        transaction.set_rollback(True)


def seed_files() -> list[Path]:
    require_shared()
    return sorted(p for p in SEEDS.iterdir() if p.is_file())


def seed(fmt: str, containing: str | None = None) -> Path:
    """The seed of a format (told from content, as the archive does), optionally by a phrase."""
    for path in seed_files():
        data = path.read_bytes()
        if detect_format(data) == fmt and (containing is None or containing.encode() in data):
            return path
    raise LookupError(f"no seed of format {fmt} containing {containing!r}")


def default_data() -> list[str]:
    require_shared()
    return [str(SEEDS), str(EO_13768_JSON)]


def ingest_default_data() -> None:
    call_command("ingest", *default_data(), stdout=StringIO())


@pytest.fixture(scope="module")
def _module_archive(django_db_setup, django_db_blocker):
    """The default data ingested once per test module, inside a transaction that is rolled
    back when the module ends. Each test runs in a savepoint within it (pytest-django's `db`),
    so whatever a test writes is undone before the next one."""
    require_shared()
    with django_db_blocker.unblock(), transaction.atomic():
        ingest_default_data()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(_module_archive, db):
    """The default data (the seeds and the FR record of EO 13768), ingested once per module."""
    return None


@pytest.fixture
def seeded_committed(transactional_db):
    """The default data, committed, for tests that need other connections to see it (a live
    server, concurrent processes); the database is flushed after the test."""
    ingest_default_data()


@pytest.fixture
def eo(seeded):
    from actions.models import Action

    def get(number: str) -> Action:
        return Action.objects.get(kind="executive_order", number=number)

    return get
