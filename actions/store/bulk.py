"""Many rows of one model written in one go, below the ORM's per-object work: PostgreSQL's
`COPY ... FROM STDIN` (psycopg's copy protocol), and `executemany` of one INSERT elsewhere.

`bulk_create` builds every value through each field's `get_db_prep_save`, about 10 µs a value;
for the hundred thousand related links of the whole corpus that was 20 s on SQLite. The rows
given here are plain values already (ids, not objects); each field's own preparation is still
applied for the types that need it (JSON, for one), so what is stored is what the ORM would
store, which the bulk-versus-one-by-one test checks table by table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connections, models, router
from django.db.models.fields import AutoFieldMixin

BATCH = 5000


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Insert plain rows (one value per named field, in order); returns the count written."""
    using = router.db_for_write(model)
    connection = connections[using]
    fields = [model._meta.get_field(name) for name in columns]
    prepared = _preparers(fields, connection)
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # psycopg's own cursor: the copy protocol
            with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row([prepare(v) for prepare, v in zip(prepared, row, strict=True)])
                    count += 1
            return count
        marks = ", ".join(["%s"] * len(fields))
        statement = f"INSERT INTO {table} ({names}) VALUES ({marks})"
        batch: list[list] = []
        for row in rows:
            batch.append([prepare(v) for prepare, v in zip(prepared, row, strict=True)])
            if len(batch) == BATCH:
                cursor.executemany(statement, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(statement, batch)
            count += len(batch)
    return count


def insert_objects(
    model: type[models.Model], objects: Sequence[models.Model], *, ids: bool = False
) -> int:
    """Unsaved objects of a model, inserted as `insert_rows`; write timestamps set as
    `bulk_create` sets them. Their ids are not read back: either nothing in the same batch
    points to them, or (`ids`) the writer gave each its id already (the first load's actions
    and copies, whose sequences `bulk_load` moves past them afterwards)."""
    # Every column but an id the database numbers (a one-to-one key is a column like others).
    fields = [f for f in model._meta.concrete_fields if ids or not isinstance(f, AutoFieldMixin)]
    stamped = [
        f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    for obj in objects:
        # A foreign key assigned an object before that object was saved: take its id now.
        obj._prepare_related_fields_for_save(operation_name="insert_objects")
        for field in stamped:  # the time of writing, as `save` and `bulk_create` set it
            field.pre_save(obj, add=True)
    rows = ([getattr(obj, f.attname) for f in fields] for obj in objects)
    return insert_rows(model, [f.name for f in fields], rows)


def update_rows(model: type[models.Model], columns: Sequence[str], objects: Sequence) -> int:
    """Write these fields of these saved objects: one UPDATE by primary key, executed for
    all of them (`executemany`). `bulk_update` builds one CASE WHEN per field over the whole
    batch instead, whose expressions cost more to build than the rows take to write: a
    whole-corpus rebuild spent 50 s in it for ten thousand actions."""
    using = router.db_for_write(model)
    connection = connections[using]
    fields = [model._meta.get_field(name) for name in columns]
    prepared = _preparers(fields, connection)
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    statement = (
        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    rows = [
        [
            *(
                prepare(getattr(obj, field.attname))
                for prepare, field in zip(prepared, fields, strict=True)
            ),
            obj.pk,
        ]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(statement, rows[start : start + BATCH])
    return len(rows)


def _preparers(fields, connection) -> list:
    """Per field, the function turning a Python value into what the driver is given: identity
    for the types drivers take as they are, the field's own preparation for the others."""
    plain = (
        models.AutoField,
        models.BigAutoField,
        models.IntegerField,
        models.FloatField,
        models.BooleanField,
        models.CharField,
        models.TextField,
        models.ForeignKey,
    )
    out = []
    for field in fields:
        if isinstance(field, plain) and not isinstance(field, models.JSONField):
            out.append(_same)
        else:
            out.append(lambda value, field=field: field.get_db_prep_save(value, connection))
    return out


def _same(value):
    return value
