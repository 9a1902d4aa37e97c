"""PostgreSQL: tell the planner what `tsvector_pairs` costs, so that it reads the pair index.

Declared with the default cost (100, as cheap as an operator), the function looked free to
call per row: with a LIMIT, and once the tables had statistics, the planner preferred reading
the table in order and computing every document's pairs until enough matched, 620 ms for
`"President Joseph"` on the real corpus instead of 2 ms through the index, and the commentary
links of a whole-corpus ingest took 50-100 s of waiting. Building a document's pairs costs
about as much as a page of tuples, hence the high figure.
"""

from django.db import migrations


def declare(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER FUNCTION tsvector_pairs(tsvector) COST 100000")


def undeclare(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER FUNCTION tsvector_pairs(tsvector) COST 100")


class Migration(migrations.Migration):
    dependencies = [("actions", "0017_relate_incrementally")]

    operations = [migrations.RunPython(declare, undeclare)]
