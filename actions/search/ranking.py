"""Relevance order, computed by the database and read only as far as the page needs.

Every clause contributes (id, score) rows from one or more statements; an action's score is
the sum over clauses of its best row in each. The database sums, sorts and streams; Python
reads rows in order, keeps those within the matches (the filters applied), and stops once
the page is full, so a query with 60,000 candidates costs one sort in the engine, not 60,000
Python objects.
"""

from __future__ import annotations

import numpy as np

from actions.search.cursor import search_cursor

Statement = tuple[str, list]
BATCH = 500


def combined(statements_by_clause: list[list[Statement]]) -> Statement:
    """One statement of (id, score), best score first (ties: the newer id first)."""
    order = " ORDER BY score DESC, id DESC"
    if len(statements_by_clause) == 1 and len(statements_by_clause[0]) == 1:
        sql, params = statements_by_clause[0][0]
        return sql + order, params  # one source of scores: nothing to combine
    ctes, parts, params = [], [], []
    for index, statements in enumerate(statements_by_clause):
        # Materialised: SQLite allows bm25() only in the SELECT that runs the MATCH.
        ctes.append(f"c{index} AS MATERIALIZED ({' UNION ALL '.join(s for s, _ in statements)})")
        parts.append(f"SELECT id, MAX(score) AS score FROM c{index} GROUP BY id")
        for _, statement_params in statements:
            params += statement_params
    return (
        f"WITH {', '.join(ctes)} SELECT id, SUM(score) AS score "
        f"FROM ({' UNION ALL '.join(parts)}) clauses GROUP BY id{order}",
        params,
    )


def first_ranked(
    db: str, statement: Statement, among: np.ndarray, need: int
) -> tuple[list[int], dict[int, float], bool]:
    """The first `need` ids of the statement's order that are in `among` (sorted), their
    scores, and whether the statement ran out before the page was full."""
    found: list[int] = []
    scores: dict[int, float] = {}
    if not len(among) or need <= 0:
        return found, scores, not len(among)
    with search_cursor(db, *statement) as cursor:
        while len(found) < need:
            rows = cursor.fetchmany(BATCH)
            if not rows:
                return found, scores, True
            ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
            at = np.clip(np.searchsorted(among, ids), 0, len(among) - 1)
            for (action_id, score), inside in zip(rows, among[at] == ids, strict=True):
                if inside:
                    found.append(action_id)
                    scores[action_id] = float(score)
    return found, scores, False
