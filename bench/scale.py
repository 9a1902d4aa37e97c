"""Build a scaled archive (~100k actions) by replicating a real one, for the search benchmarks.

    python bench/scale.py --source URL --target URL [--factor 10]

The target starts as a copy of the source (a file copy on SQLite, `CREATE DATABASE ... TEMPLATE`
on PostgreSQL), then every action is copied `factor - 1` times with its sections, citations,
agency mentions, signatories, sources, stated relations and search document: distinct ids,
numbers, slugs and locators, and small text changes (a word swapped, a replica word added), so
the full-text indexes hold distinct documents of real shape. Plain INSERT ... SELECT per table:
the databases do the copying, in a bounded time (minutes, most of it rebuilding the full-text
index), and the same SQL runs on both backends.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# One common word swapped per replica: the copies differ in text, not only in ids.
SWAPS = [
    ("shall", "must"),
    ("agencies", "departments"),
    ("Federal", "national"),
    ("policy", "course"),
    ("United States", "Nation"),
    ("order", "directive"),
    ("Secretary", "Secretary,"),
    ("hereby", "herewith"),
    ("including", "among them"),
    ("national", "federal"),
]


def copy_database(source: str, target: str) -> None:
    if source.startswith("sqlite"):
        src, dst = Path(source.removeprefix("sqlite:///")), Path(target.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{dst}{suffix}").unlink(missing_ok=True)
        import sqlite3

        # The backup API copies a consistent snapshot, WAL included.
        with sqlite3.connect(src) as origin, sqlite3.connect(dst) as copy:
            origin.backup(copy)
        return
    import psycopg

    server = source.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server.replace("postgres://", "postgresql://"), autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{_name(target)}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{_name(target)}" TEMPLATE "{_name(source)}"')


def _name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def replicate(factor: int) -> dict[str, int]:
    """Run inside Django with DATABASE_URL set to the target."""
    from django.db import connection, transaction

    from actions import models

    strides = {
        model: (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        for model in (
            models.Action,
            models.Source,
            models.Section,
            models.Signatory,
            models.Citation,
            models.AgencyMention,
            models.Relation,
        )
    }
    action, source, section = models.Action, models.Source, models.Section

    def offset(model):
        return lambda column, r: f"{column} + {r * strides[model]}"

    def text_swap(column, r):
        old, new = SWAPS[r % len(SWAPS)]
        return f"REPLACE({column}, '{old}', '{new}')"

    plans = [
        (
            models.Source,
            {
                "id": offset(source),
                "action_id": offset(action),
                "locator": lambda c, r: f"{c} || '#replica-{r}'",
            },
        ),
        (
            models.Action,
            {
                "id": offset(action),
                "text_source_id": offset(source),
                "number": lambda c, r: f"{c} || '-R{r}'",
                "fr_document_number": lambda c, r: f"{c} || '-r{r}'",
                "dcpd_number": lambda c, r: f"{c} || 'R{r}'",
                "slug": lambda c, r: f"SUBSTR({c}, 1, 90) || '-r{r}'",
                "title": lambda c, r: f"{text_swap(c, r)} || ' (replica {r})'",
                "text": text_swap,
            },
        ),
        (
            models.Section,
            {"id": offset(section), "action_id": offset(action), "text": text_swap},
        ),
        (models.Signatory, {"id": offset(models.Signatory), "action_id": offset(action)}),
        (
            models.Citation,
            {
                "id": offset(models.Citation),
                "action_id": offset(action),
                "section_id": offset(section),
            },
        ),
        (
            models.AgencyMention,
            {
                "id": offset(models.AgencyMention),
                "action_id": offset(action),
                "section_id": offset(section),
            },
        ),
        (
            models.Relation,
            {
                "id": offset(models.Relation),
                "found_in_id": offset(action),
                "source_id": offset(action),
                "target_id": offset(action),
                "section_id": offset(section),
            },
        ),
        (
            models.SearchDocument,
            {
                "action_id": offset(action),
                "body": text_swap,
                "title": lambda c, r: f"{text_swap(c, r)} || ' replica{r}'",
            },
        ),
    ]
    counts: dict[str, int] = {}
    qn = connection.ops.quote_name  # `end` is a column, and a keyword on PostgreSQL
    # One transaction: foreign keys are checked at its end, when every table has its copies.
    with transaction.atomic(), connection.cursor() as cursor:
        for model, changes in plans:
            table = model._meta.db_table
            columns = [field.column for field in model._meta.concrete_fields]
            key = "action_id" if model is models.SearchDocument else "id"
            stride = strides.get(model, strides[action])
            started = time.monotonic()
            for r in range(1, factor):
                select = ", ".join(changes[c](qn(c), r) if c in changes else qn(c) for c in columns)
                # Rows of the original archive only (ids below the stride), not earlier copies.
                cursor.execute(
                    f"INSERT INTO {table} ({', '.join(map(qn, columns))}) "
                    f"SELECT {select} FROM {table} WHERE {key} < {stride}"
                )
            counts[table] = model.objects.count()
            elapsed = time.monotonic() - started
            print(f"  {table}: {counts[table]:,} rows ({elapsed:.1f} s)", flush=True)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for model in strides:
                table = model._meta.db_table
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT MAX(id) FROM {table}))"
                )
            cursor.execute("ANALYZE")
        else:
            cursor.execute("INSERT INTO actions_search_fts(actions_search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
    models.ArchiveVersion.bump()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", required=True, help="database URL of the real archive")
    parser.add_argument("--target", required=True, help="database URL to create")
    parser.add_argument("--factor", type=int, default=10)
    args = parser.parse_args()
    started = time.monotonic()
    copy_database(args.source, args.target)
    os.environ["DATABASE_URL"] = args.target
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    print(f"replicating x{args.factor} into {args.target}", flush=True)
    counts = replicate(args.factor)
    elapsed = time.monotonic() - started
    print(f"scaled archive: {counts['actions_action']:,} actions in {elapsed:.0f} s")
    from common import fragment
    from django.db import connection

    fragment(
        f"2-scale-{connection.vendor}",
        f"Scaled archive on {connection.vendor} (bench/scale.py, x{args.factor}): "
        f"{counts['actions_action']:,} actions, {counts['actions_section']:,} sections, "
        f"{counts['actions_citation']:,} citations, {counts['actions_searchdocument']:,} search "
        f"rows, built in {elapsed:.0f} s.\n",
    )


if __name__ == "__main__":
    main()
