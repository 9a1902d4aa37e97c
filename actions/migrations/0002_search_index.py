"""The full-text index over SearchDocument, one per database vendor.

SQLite: an external-content FTS5 table kept in step by triggers (porter stemming, diacritics
folded). PostgreSQL: a generated, weighted tsvector column with a GIN index. The vendor is read
from the migration's connection, never at import time.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE actions_search_fts USING fts5(
        title, headings, body, terms,
        content='actions_searchdocument', content_rowid='action_id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER actions_search_ai AFTER INSERT ON actions_searchdocument BEGIN
        INSERT INTO actions_search_fts(rowid, title, headings, body, terms)
        VALUES (new.action_id, new.title, new.headings, new.body, new.terms);
    END""",
    """CREATE TRIGGER actions_search_ad AFTER DELETE ON actions_searchdocument BEGIN
        INSERT INTO actions_search_fts(actions_search_fts, rowid, title, headings, body, terms)
        VALUES ('delete', old.action_id, old.title, old.headings, old.body, old.terms);
    END""",
    """CREATE TRIGGER actions_search_au AFTER UPDATE ON actions_searchdocument BEGIN
        INSERT INTO actions_search_fts(actions_search_fts, rowid, title, headings, body, terms)
        VALUES ('delete', old.action_id, old.title, old.headings, old.body, old.terms);
        INSERT INTO actions_search_fts(rowid, title, headings, body, terms)
        VALUES (new.action_id, new.title, new.headings, new.body, new.terms);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS actions_search_au",
    "DROP TRIGGER IF EXISTS actions_search_ad",
    "DROP TRIGGER IF EXISTS actions_search_ai",
    "DROP TABLE IF EXISTS actions_search_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE actions_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(terms, '')), 'A')
        || setweight(to_tsvector('english', coalesce(headings, '')), 'B')
        || setweight(to_tsvector('english', coalesce(body, '')), 'C')
    ) STORED""",
    "CREATE INDEX actions_searchdocument_vector ON actions_searchdocument USING GIN (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS actions_searchdocument_vector",
    "ALTER TABLE actions_searchdocument DROP COLUMN IF EXISTS vector",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("actions", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
