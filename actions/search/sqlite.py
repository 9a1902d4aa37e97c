"""SQLite FTS5: row sources of (id, score) for the search SQL; higher scores rank first.

bm25 weights columns title, headings, body, terms; bm25 already normalises by document length,
so a long order does not win merely by being long.
"""

from actions.search.query import SearchQuery, fts5_expression

WEIGHTS = "10.0, 4.0, 1.0, 6.0"


def text_rows(query: SearchQuery) -> tuple[str, list] | None:
    expression = fts5_expression(query.groups, query.negated)
    if expression is None:
        return None
    return (
        f"SELECT rowid AS id, -bm25(actions_search_fts, {WEIGHTS}) AS score "
        "FROM actions_search_fts WHERE actions_search_fts MATCH %s",
        [expression],
    )


def phrase_rows(words: list[str]) -> tuple[str, list]:
    phrase = '"' + " ".join(word.replace('"', '""') for word in words) + '"'
    return (
        f"SELECT rowid AS id, -bm25(actions_search_fts, {WEIGHTS}) AS score "
        "FROM actions_search_fts WHERE actions_search_fts MATCH %s",
        [phrase],
    )
