"""Reads of pages, search, feeds and the API from read replicas; every write to the primary.

`DATABASE_REPLICA_URLS` (comma-separated, any URL dj-database-url reads) adds the aliases
`replica1`, `replica2` ... and turns the router on; unset, nothing changes. What a request reads
from is settled once when it starts (`ReadFromReplicaMiddleware`), so one page never mixes two
replicas, and it is the primary when:
- the request is not a read (POST and the like) or is the admin's (it writes, and shows what
  it wrote);
- the reader wrote within the last `ARCHIVE_MAX_REPLICA_LAG_SECONDS` (a cookie says so), or the
  request itself has written (a write switches the rest of it to the primary);
- no replica is usable: each is checked at most every `ARCHIVE_REPLICA_CHECK_SECONDS` and
  skipped while it is unreachable or lags more than `ARCHIVE_MAX_REPLICA_LAG_SECONDS` behind.
Outside requests (ingest, sync, rebuild, the management commands) everything is the primary's.

The lag of a PostgreSQL replica is the age of the last transaction it replayed while WAL it
has received is still waiting to be replayed, zero when it has replayed all it received (after
a restart the receiver reports the start of the segment it resumed from, behind what was
replayed: caught up too); the age alone while it receives nothing (not streaming yet). A
server not in recovery, and SQLite, lag zero.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from contextvars import ContextVar

import dj_database_url
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import DatabaseError, InterfaceError, OperationalError

logger = logging.getLogger(__name__)
PREFIX = "replica"
# The cookie a writing request leaves: its reader reads the primary while replicas catch up.
WROTE_COOKIE = "archive_wrote"

_reading: ContextVar[str | None] = ContextVar("archive_read_alias", default=None)
_health: dict[str, tuple[float, bool]] = {}  # alias -> (checked at, usable)
_health_lock = threading.Lock()

LAG_SQL = """
SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN 0
  WHEN pg_last_wal_receive_lsn() IS NOT NULL
       AND pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0
  ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()), 1e9)
END
"""


def replica_databases(urls: str, conn_max_age: int) -> dict[str, dict]:
    """The DATABASES entries for a comma-separated list of replica URLs. Each is a test mirror
    of the primary: the test runner creates no database on it (a replica cannot)."""
    out = {}
    for position, url in enumerate((u.strip() for u in urls.split(",") if u.strip()), start=1):
        config = dj_database_url.parse(url, conn_max_age=conn_max_age)
        config["TEST"] = {"MIRROR": DEFAULT_DB_ALIAS}
        out[f"{PREFIX}{position}"] = config
    return out


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith(PREFIX)]


def lag_seconds(alias: str) -> float:
    """How far behind the primary this replica is, in seconds; raises when it cannot answer."""
    connection = connections[alias]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("SELECT 1")
            return 0.0
        cursor.execute(LAG_SQL)
        return float(cursor.fetchone()[0])


def usable(alias: str, now: float | None = None) -> bool:
    """Whether reads may go to this replica now (checked at most every few seconds)."""
    now = time.monotonic() if now is None else now
    checked = _health.get(alias)
    if checked and now - checked[0] < settings.ARCHIVE_REPLICA_CHECK_SECONDS:
        return checked[1]
    with _health_lock:
        checked = _health.get(alias)
        if checked and now - checked[0] < settings.ARCHIVE_REPLICA_CHECK_SECONDS:
            return checked[1]
        try:
            lag = lag_seconds(alias)
            ok = lag <= settings.ARCHIVE_MAX_REPLICA_LAG_SECONDS
            if not ok:
                logger.warning("replica %s lags %.1f s behind: reads go elsewhere", alias, lag)
        except DatabaseError as error:
            logger.warning("replica %s is unreachable (%s): reads go elsewhere", alias, error)
            connections[alias].close()
            ok = False
        _health[alias] = (now, ok)
        return ok


def mark_unusable(alias: str) -> None:
    """A replica that failed mid-request is skipped until its next check."""
    _health[alias] = (time.monotonic(), False)
    connections[alias].close()


def forget_health() -> None:
    """Check every replica again at its next use (tests, and after an operator's change)."""
    _health.clear()


def choose_for_reading() -> str:
    """A usable replica, chosen at random among them, or the primary when there is none."""
    candidates = [alias for alias in replica_aliases() if usable(alias)]
    return random.choice(candidates) if candidates else DEFAULT_DB_ALIAS


class ReplicaRouter:
    """Reads where the request's middleware decided (the primary outside requests); writes,
    migrations and everything else on the primary."""

    def db_for_read(self, model, **hints) -> str:
        return _reading.get() or DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        # Whatever this request reads after a write, it reads from where it wrote.
        if _reading.get() not in (None, DEFAULT_DB_ALIAS):
            _reading.set(DEFAULT_DB_ALIAS)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # one database, copied: rows from any copy relate

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == DEFAULT_DB_ALIAS


def _fell_back(request) -> bool:
    return getattr(request, "archive_fell_back", False)


class ReadFromReplicaMiddleware:
    """Settles, per request, where its reads go (see the module's docstring)."""

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        reads_primary = (
            not replica_aliases()
            or request.method not in self.SAFE
            or request.path.startswith("/admin/")
            or WROTE_COOKIE in request.COOKIES
        )
        alias = DEFAULT_DB_ALIAS if reads_primary else choose_for_reading()
        token = _reading.set(alias)
        try:
            response = self.get_response(request)
            read_from = _reading.get()
            wrote = request.method not in self.SAFE or (
                read_from != alias and read_from == DEFAULT_DB_ALIAS and not _fell_back(request)
            )
        finally:
            _reading.reset(token)
        if wrote and replica_aliases():
            response.set_cookie(
                WROTE_COOKIE,
                "1",
                max_age=int(settings.ARCHIVE_MAX_REPLICA_LAG_SECONDS) + 1,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        if replica_aliases():  # said for operators: which copy of the archive answered
            response.headers["X-Archive-Read-From"] = read_from
        return response

    def process_view(self, request, view, args, kwargs) -> None:
        request.archive_view = (view, args, kwargs)

    def process_exception(self, request, exception):
        """A replica lost mid-request (stopped, restarted, cut off): a read is safe to make
        again, so it is made again on the primary rather than answered with a 500."""
        alias = _reading.get()
        if alias in (None, DEFAULT_DB_ALIAS) or not isinstance(
            exception, OperationalError | InterfaceError
        ):
            return None
        logger.warning(
            "replica %s failed mid-request (%s): read again from the primary", alias, exception
        )
        mark_unusable(alias)
        _reading.set(DEFAULT_DB_ALIAS)
        request.archive_fell_back = True
        view, args, kwargs = request.archive_view
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        return response
