"""A small full-text index over each action's title.

When a query matches more actions than can be scored in time (`united states` matches almost
all of them), the candidates ranked first are those matching in the title: scoring them on
this index reads a few words per action, not whole bodies. (Statutes and agencies a query
names have their own index, the citation and mention tables.) SQLite: a second
external-content FTS5 table with its own triggers. PostgreSQL: a generated tsvector column
with a GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE actions_title_fts USING fts5(
        title,
        content='actions_searchdocument', content_rowid='action_id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER actions_title_ai AFTER INSERT ON actions_searchdocument BEGIN
        INSERT INTO actions_title_fts(rowid, title) VALUES (new.action_id, new.title);
    END""",
    """CREATE TRIGGER actions_title_ad AFTER DELETE ON actions_searchdocument BEGIN
        INSERT INTO actions_title_fts(actions_title_fts, rowid, title)
        VALUES ('delete', old.action_id, old.title);
    END""",
    """CREATE TRIGGER actions_title_au AFTER UPDATE OF title ON actions_searchdocument BEGIN
        INSERT INTO actions_title_fts(actions_title_fts, rowid, title)
        VALUES ('delete', old.action_id, old.title);
        INSERT INTO actions_title_fts(rowid, title) VALUES (new.action_id, new.title);
    END""",
    "INSERT INTO actions_title_fts(actions_title_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS actions_title_au",
    "DROP TRIGGER IF EXISTS actions_title_ad",
    "DROP TRIGGER IF EXISTS actions_title_ai",
    "DROP TABLE IF EXISTS actions_title_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE actions_searchdocument ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('english', coalesce(title, ''))
    ) STORED""",
    "CREATE INDEX actions_searchdocument_title_vector ON actions_searchdocument "
    "USING GIN (title_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS actions_searchdocument_title_vector",
    "ALTER TABLE actions_searchdocument DROP COLUMN IF EXISTS title_vector",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("actions", "0004_archive_version")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
