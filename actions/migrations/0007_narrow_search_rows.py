"""PostgreSQL: keep the search table's rows narrow.

Matching a common word reads, through the GIN index, every matching row of
actions_searchdocument just to learn its id: with titles, headings and terms stored inline a
row took about 1 kB, and `united states` read 12,000 pages at 100k actions (148 ms). With
`toast_tuple_target = 128` the long values move to the TOAST table, the heap shrinks to about
a third, and the same statement takes 45 ms. The title vector alone stays in the row
(`STORAGE PLAIN`): it is small, and ranking title matches reads thousands of them, which
fetched from TOAST cost 70 ms instead of 10. Rows written from now on are stored this way
(a fresh database, or after `VACUUM FULL actions_searchdocument`).
"""

from django.db import migrations


def narrow(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE actions_searchdocument SET (toast_tuple_target = 128)")
        schema_editor.execute(
            "ALTER TABLE actions_searchdocument ALTER COLUMN title_vector SET STORAGE PLAIN"
        )


def widen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE actions_searchdocument RESET (toast_tuple_target)")
        schema_editor.execute(
            "ALTER TABLE actions_searchdocument ALTER COLUMN title_vector SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("actions", "0006_search_indexes")]

    operations = [migrations.RunPython(narrow, widen)]
