"""SQLite FTS5: the SQL of matches and scores for the search; higher scores rank first.

Two indexes over the same rows: `actions_search_fts` (title, headings, body, terms) and the
small `actions_title_fts` (title alone). bm25 weights columns and already normalises by
document length, so a long order does not win merely by being long.
"""

from actions.search.query import SearchQuery, fts5_expression

WEIGHTS = "10.0, 4.0, 1.0, 6.0"


def text_expression(query: SearchQuery) -> str | None:
    return fts5_expression(query.groups, query.negated)


def phrase_expression(words: list[str]) -> str:
    return '"' + " ".join(word.replace('"', '""') for word in words) + '"'


def ids(expression: str) -> tuple[str, list]:
    return (
        "SELECT rowid AS id FROM actions_search_fts WHERE actions_search_fts MATCH %s",
        [expression],
    )


def scores(expression: str, among: list[int]) -> list[tuple[str, list]]:
    """bm25 of every match; the caller keeps the rows it asked for. Scoring all matches
    (about 2 microseconds a row) is far cheaper than `rowid IN (...)`, which makes FTS5 seek
    and re-test the expression once per listed row (0.6 ms each)."""
    return [
        (
            f"SELECT rowid AS id, -bm25(actions_search_fts, {WEIGHTS}) AS score "
            "FROM actions_search_fts WHERE actions_search_fts MATCH %s",
            [expression],
        )
    ]


def title_scores(expression: str) -> tuple[str, list]:
    return (
        "SELECT rowid AS id, -bm25(actions_title_fts) AS score "
        "FROM actions_title_fts WHERE actions_title_fts MATCH %s",
        [expression],
    )


def joined_ids(sql: str) -> str:
    """The ids of a statement as one comma-joined string (or NULL for none)."""
    return f"SELECT group_concat(id) FROM ({sql}) found"
