"""Every row of the archive's tables, comparable across two databases built apart.

Ids are replaced by their rank in their table and foreign keys by the rank of the row they
point to (two runs draw ids from their own sequences); the timestamps of the moment a row
was written are left out. Used to show that two ways of building the archive (the bulk first
load and saving one document at a time; workers or none) give the same archive.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models


def archive_rows(using: str = "default") -> dict[str, list[tuple]]:
    """Table name -> its rows in id order, ids as ranks, without write timestamps."""
    app_models = [m for m in apps.get_app_config("actions").get_models() if not m._meta.proxy]
    ranks = {
        model: {
            pk: rank
            for rank, pk in enumerate(
                model.objects.using(using).order_by("pk").values_list("pk", flat=True)
            )
        }
        for model in app_models
    }
    out = {}
    for model in app_models:
        fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.DateTimeField)]
        rows = []
        query = model.objects.using(using).order_by("pk").values_list(*[f.attname for f in fields])
        for row in query.iterator(chunk_size=2000):
            values = []
            for field, value in zip(fields, row, strict=True):
                if field.primary_key:
                    value = ranks[model][value]
                elif field.is_relation and value is not None and field.related_model in ranks:
                    value = ranks[field.related_model].get(value, ("missing", value))
                values.append(value)
            rows.append(tuple(values))
        out[model._meta.db_table] = rows
    return out
