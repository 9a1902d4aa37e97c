"""PostgreSQL: row sources of (id, score) over the weighted tsvector of SearchDocument.

`websearch_to_tsquery` reads the same web-search syntax as the site and never raises on user
input. `ts_rank_cd` with normalisation 1 divides by 1 + log(length): without it the longest
orders would rank first for common words.
"""

from actions.search.query import SearchQuery

# Weights for D, C, B, A: body is C, headings B, title and terms A.
RANK = "ts_rank_cd('{0.05, 0.2, 0.5, 1.0}'::float4[], vector, q, 1)"


def text_rows(query: SearchQuery) -> tuple[str, list] | None:
    if not query.groups:
        return None
    return _rows(query.text_query)


def phrase_rows(words: list[str]) -> tuple[str, list]:
    return _rows('"' + " ".join(words) + '"')


def _rows(websearch: str) -> tuple[str, list]:
    return (
        f"SELECT action_id AS id, {RANK} * 100 AS score "
        "FROM actions_searchdocument, websearch_to_tsquery('english', %s) q WHERE vector @@ q",
        [websearch],
    )
