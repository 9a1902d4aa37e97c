"""The clauses a query is made of, each as SQL for its matches and its scores.

A clause answers three questions, each with SQL the backend module writes for its engine:
which actions match (`ids`, unscored: the posting lists alone), how well each of a bounded set
of actions matches (`scores`), and which candidates rank first when there are too many to
score (`lead_scores`, from the small indexes).
"""

from __future__ import annotations

from collections.abc import Iterator

from actions.search.query import EntityClause as Entity

Statement = tuple[str, list]


class TextClause:
    """The free text of the query, over the full-text index."""

    def __init__(self, backend, expression: str):
        self.backend = backend
        self.expression = expression

    def ids(self) -> Statement:
        return self.backend.ids(self.expression)

    def scores(self, among: list[int]) -> Iterator[Statement]:
        yield from self.backend.scores(self.expression, among)

    def lead_scores(self) -> Iterator[Statement]:
        yield self.backend.title_scores(self.expression)


class EntityClause:
    """A statute or agency the query names: its index rows, or its printed words as a phrase
    (so `8 U.S.C. 1357` finds both the cited section and a text that prints the citation)."""

    def __init__(self, backend, entity: Entity, words: list[str]):
        self.backend = backend
        self.entity = entity
        self.phrase = backend.phrase_expression(words)

    def _index(self) -> Statement:
        entity = self.entity
        if entity.kind == "statute":
            sql = (
                "SELECT c.action_id AS id, 5.0 + COUNT(*) AS score FROM actions_citation c "
                "JOIN actions_statute s ON s.id = c.statute_id WHERE s.key = %s"
            )
            params: list = [entity.key]
            if entity.pin:
                sql += " AND (c.pin = %s OR c.pin LIKE %s)"
                params += [entity.pin, entity.pin + "%"]
            return sql + " GROUP BY c.action_id", params
        return (
            "SELECT m.action_id AS id, 5.0 + SUM(m.count) AS score "
            "FROM actions_agencymention m JOIN actions_agency a ON a.id = m.agency_id "
            "WHERE a.slug = %s GROUP BY m.action_id",
            [entity.key],
        )

    def ids(self) -> Statement:
        index_sql, index_params = self._index()
        if self.entity.kind == "agency":
            # Agency mentions are found by the same recognizer that read this query, so a
            # text printing the name is already in the index: the phrase would add only cost.
            return f"SELECT id FROM ({index_sql}) by_index", index_params
        phrase_sql, phrase_params = self.backend.ids(self.phrase)
        return (
            f"SELECT id FROM ({index_sql}) by_index UNION SELECT id FROM ({phrase_sql}) by_words",
            index_params + phrase_params,
        )

    def scores(self, among: list[int]) -> Iterator[Statement]:
        # The index alone: how many times each action cites the statute or names the agency.
        # (Scoring the printed phrase too read every matching document's whole vector on
        # PostgreSQL, for an order the counts already give; a match by the phrase alone
        # scores 0 and follows.)
        yield self._index()

    def lead_scores(self) -> Iterator[Statement]:
        yield self._index()
        yield self.backend.title_scores(self.phrase)
