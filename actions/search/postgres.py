"""PostgreSQL: the SQL of matches and scores over SearchDocument's weighted tsvectors.

`websearch_to_tsquery` reads the same web-search syntax as the site and never raises on user
input. `ts_rank_cd` with normalisation 1 divides by 1 + log(length): without it the longest
orders would rank first for common words. `title_vector` (the title alone) is the small
index that ranks candidates when a query matches too many actions to score them all.
"""

import re
from functools import lru_cache

from django.db import DEFAULT_DB_ALIAS, connections

from actions.search.query import SearchQuery

# Weights for D, C, B, A: body is C, headings B, title and terms A.
RANK = "ts_rank_cd('{0.05, 0.2, 0.5, 1.0}'::float4[], vector, q, 1)"
TITLE_RANK = "ts_rank_cd(title_vector, q, 1)"
QUERY = "websearch_to_tsquery('english', %s) q"


def text_expression(query: SearchQuery) -> str | None:
    return query.text_query if query.groups else None


def phrase_expression(words: list[str]) -> str:
    return '"' + " ".join(words) + '"'


def ids(expression: str) -> tuple[str, list]:
    pair = adjacent_pair(expression)
    if pair is not None:
        # A two-word phrase: one lookup in the index of adjacent pairs (migration 0009), no
        # position check of every candidate's vector.
        return (
            "SELECT action_id AS id FROM actions_searchdocument "
            "WHERE tsvector_pairs(vector) @@ %s::tsquery",
            [pair],
        )
    return (
        f"SELECT action_id AS id FROM actions_searchdocument, {QUERY} WHERE vector @@ q",
        [expression],
    )


_PAIR = re.compile(r"^'((?:[^'\\]|'')+)' <-> '((?:[^'\\]|'')+)'$")


@lru_cache(maxsize=1024)
def adjacent_pair(expression: str) -> str | None:
    """The expression as one lexeme of the pairs index (`'nation secur'`), when all it asks
    is two words side by side; else None. Only an expression with a quote can be a phrase,
    so only those cost a round trip (once per process: the parse never changes)."""
    if '"' not in expression:
        return None
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT websearch_to_tsquery('english', %s)::text", [expression])
        parsed = cursor.fetchone()[0]
    found = _PAIR.match(parsed)
    return f"'{found.group(1)} {found.group(2)}'" if found else None


def scores(expression: str, among: list[int]) -> list[tuple[str, list]]:
    """ts_rank_cd of the given rows only, found by key: each costs one read of its vector.
    (`AND vector @@ q` would read each vector twice, and the rows are known to match; a row
    that does not match this expression scores 0.)"""
    return [
        (
            f"SELECT action_id AS id, {RANK} * 100 AS score FROM actions_searchdocument, "
            f"{QUERY} WHERE action_id = ANY(%s)",
            [expression, list(among)],
        )
    ]


def title_scores(expression: str) -> tuple[str, list]:
    return (
        f"SELECT action_id AS id, {TITLE_RANK} * 100 AS score "
        f"FROM actions_searchdocument, {QUERY} WHERE title_vector @@ q",
        [expression],
    )


def joined_ids(sql: str) -> str:
    """The ids of a statement as one comma-joined string (or NULL for none)."""
    return f"SELECT string_agg(id::text, ',') FROM ({sql}) found"
