"""The bulk path into an empty archive writes what saving one document at a time writes.

The same real files (January 2025: the White House's pages, re-dated reprints among them, and
the FR's records of the same orders with their numbers; the FR's table of orders; the 2025
Markdown transcriptions; the seeds, commentary included) are ingested both ways into an empty
archive, and every table of the app is compared row by row. Ids are compared by their rank in
their table (PostgreSQL's sequences do not roll back with a test), foreign keys by the rank of
the row they point to; only the timestamps of the moment are left out.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from actions.jobs.ingest import ingest_paths
from actions.models import Action, Source
from actions.store.snapshot import archive_rows
from tests.conftest import CORPUS, EO_13768_JSON, SEEDS, require_shared

pytestmark = pytest.mark.django_db

MONTH = "2025-01"


def january_2025() -> list[str]:
    require_shared()
    pages = CORPUS / "whitehouse-2021-2026" / "presidential-actions" / MONTH
    records = sorted(
        path
        for path in (CORPUS / "fr-eo-metadata-2009-2026").rglob("eo-14*.json")
        if 14147 <= int(path.stem.split("-")[1]) <= 14190
    )
    markdown = sorted(
        (CORPUS / "eo-markdown-1933-2025").rglob(f"{MONTH}-*.md"),
    )
    table = CORPUS / "fr-api-core" / "data" / "executive_orders.csv"
    return [str(SEEDS), str(pages), str(table), *map(str, records), *map(str, markdown)]


def load(files: list[str], *, bulk: bool, relate: bool = True) -> tuple[dict, object]:
    with transaction.atomic():
        # Both runs draw ids from the same start: PostgreSQL's sequences do not roll back, and
        # a label may print an id ("Proclamation #33" for one with neither number nor date).
        restart_sequences()
        report = ingest_paths(files, bulk=bulk, relate=relate)
        assert not report.errors, report.errors
        snapshot = archive_rows()
        transaction.set_rollback(True)
    return snapshot, report


def restart_sequences() -> None:
    models = list(apps.get_app_config("actions").get_models())
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def test_bulk_and_one_by_one_write_the_same_rows():
    files = january_2025()
    one_by_one, report = load(files, bulk=False)
    bulk, bulk_report = load(files, bulk=True)
    assert report.outcomes == bulk_report.outcomes
    assert report.rebuilt == bulk_report.rebuilt > 200
    # A real run: reprinted pages and twins joined, corrections, commentary, table rows.
    assert len(one_by_one["actions_source"]) > len(one_by_one["actions_action"]) > 200
    assert one_by_one["actions_commentary"]
    for table, rows in one_by_one.items():
        assert bulk[table] == rows, f"{table} differs between the bulk and one-by-one paths"


def test_the_bulk_path_is_taken_only_into_an_empty_archive():
    require_shared()
    with transaction.atomic():
        call_command("ingest", str(SEEDS), stdout=StringIO())
        assert not Action.objects.filter(kind="executive_order", number="13768").exists()
        actions, sources = Action.objects.count(), Source.objects.count()
        # The FR's record of the order a seeded 2017 page prints without its number, in a
        # second run: saved one document at a time, it joins that page's action as its twin
        # (a bulk run, knowing only its own cards, would make a second action).
        report = ingest_paths([str(EO_13768_JSON)])
        assert report.outcomes["new"] == 1 and not report.errors
        assert (Action.objects.count(), Source.objects.count()) == (actions, sources + 1)
        order = Action.objects.get(kind="executive_order", number="13768")
        assert order.sources.count() == 2
        transaction.set_rollback(True)


def test_worker_processes_change_nothing(settings, monkeypatch):
    """Files parsed and copies read by two worker processes (thresholds lowered so that this
    month takes the pool paths) or all in this process: the same archive."""
    from actions.jobs import reading
    from actions.store import rebuild

    files = january_2025()
    settings.ARCHIVE_INGEST_WORKERS = 1
    # The computed links come after, from the rows compared here.
    alone, _ = load(files, bulk=True, relate=False)
    monkeypatch.setattr(reading, "POOL_FROM", 2)
    monkeypatch.setattr(rebuild, "POOL_FROM_ACTIONS", 2)
    settings.ARCHIVE_INGEST_WORKERS = 2
    pooled, _ = load(files, bulk=True, relate=False)
    assert len(alone["actions_citation"]) > 100
    for table, rows in alone.items():
        assert pooled[table] == rows, f"{table} differs with worker processes"
