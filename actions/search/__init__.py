"""One search API over both databases: `search_actions(query, queryset)`.

A query is an AND of clauses: the free text (one FTS expression), and each statute or agency it
names, which matches either the citation/agency index or the printed phrase. Each clause yields
(id, score) rows; an action matches when it appears under every clause, and ranks by the sum of
its scores. An identifier (`EO 13768`, `82 FR 8799`, an FR document or DCPD number) puts its
action first. The backend (FTS5 or tsvector) is chosen from the connection at query time.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from actions.models import Action, Citation
from actions.search import postgres, sqlite
from actions.search.query import SearchQuery, parse_query
from actions.search.snippets import Snippet, best_snippet


@dataclass
class Hit:
    action: Action
    score: float | None
    snippet: Snippet | None
    pinned: bool = False


def _backend(queryset: QuerySet):
    vendor = connections[queryset.db].vendor
    return postgres if vendor == "postgresql" else sqlite


class SearchResults:
    """The matches of a query within a queryset, counted, filtered and paged lazily."""

    def __init__(self, query: SearchQuery, base: QuerySet):
        self.query = query
        self.base = base
        self.backend = _backend(base)
        self._clauses = self._build_clauses()
        self.pinned = self._find_pinned()

    # Matching ----------------------------------------------------------------------------

    def _build_clauses(self) -> list[tuple[str, list]]:
        clauses = []
        text = self.backend.text_rows(self.query)
        if text:
            clauses.append(text)
        for entity in self.query.entities:
            if entity.kind == "statute":
                sql = (
                    "SELECT c.action_id AS id, 5.0 + COUNT(*) AS score FROM actions_citation c "
                    "JOIN actions_statute s ON s.id = c.statute_id WHERE s.key = %s"
                )
                params: list = [entity.key]
                if entity.pin:
                    sql += " AND (c.pin = %s OR c.pin LIKE %s)"
                    params += [entity.pin, entity.pin + "%"]
                sql += " GROUP BY c.action_id"
            else:
                sql = (
                    "SELECT m.action_id AS id, 5.0 + SUM(m.count) AS score "
                    "FROM actions_agencymention m JOIN actions_agency a ON a.id = m.agency_id "
                    "WHERE a.slug = %s GROUP BY m.action_id"
                )
                params = [entity.key]
            words = [w for w in entity.text.lower().replace(".", " ").split() if w]
            phrase_sql, phrase_params = self.backend.phrase_rows(words)
            clauses.append((f"{sql} UNION ALL {phrase_sql}", params + phrase_params))
        return clauses

    def _scored_sql(self) -> tuple[str, list] | None:
        """SQL of (id, score) for every action matching every clause within the base set."""
        if not self._clauses:
            return None
        # Each clause is a materialised CTE: SQLite allows bm25() only in the query that runs
        # the MATCH, and would otherwise flatten the subquery into the aggregate around it.
        ctes, parts, params = [], [], []
        for index, (sql, clause_params) in enumerate(self._clauses):
            ctes.append(f"c{index} AS MATERIALIZED ({sql})")
            parts.append(f"SELECT id, MAX(score) AS score FROM c{index} GROUP BY id")
            params += clause_params
        union = " UNION ALL ".join(parts)
        sql = f"WITH {', '.join(ctes)} SELECT id, SUM(score) AS score FROM ({union}) clauses"
        if self.base.query.where:
            try:
                base_sql, base_params = self.base.values("id").query.sql_with_params()
            except EmptyResultSet:
                base_sql, base_params = "SELECT NULL WHERE 1 = 0", ()
            sql += f" WHERE id IN ({base_sql})"
            params += list(base_params)
        sql += f" GROUP BY id HAVING COUNT(*) = {len(self._clauses)}"
        return sql, params

    def _find_pinned(self) -> Action | None:
        if not self.query.identifier:
            return None
        kind, values = self.query.identifier
        lookup = {
            "eo": lambda: Q(kind="executive_order", number=values[0]),
            "proclamation": lambda: Q(kind="proclamation", number=values[0]),
            "fr_citation": lambda: Q(fr_citation=f"{values[0]} FR {values[1]}"),
            "fr_document_number": lambda: Q(fr_document_number=values[0]),
            "dcpd_number": lambda: Q(dcpd_number=values[0].replace("-", "")),
        }[kind]()
        return self.base.filter(lookup).first()

    @property
    def matched(self) -> QuerySet:
        """Every matching action (pinned included), for counts, facets and date sorting."""
        scored = self._scored_sql()
        if scored is None:
            condition = Q(pk=self.pinned.pk) if self.pinned else Q(pk__in=[])
            return self.base.filter(condition)
        sql, params = scored
        condition = Q(id__in=RawSQL(f"SELECT id FROM ({sql}) m", params))
        if self.pinned:
            condition |= Q(pk=self.pinned.pk)
        return self.base.filter(condition)

    def count(self) -> int:
        return self.matched.count()

    # Paging -------------------------------------------------------------------------------

    def page(self, offset: int, limit: int, sort: str = "relevance") -> list[Hit]:
        if sort in {"newest", "oldest"}:
            order = ("-signed_on", "-id") if sort == "newest" else ("signed_on", "id")
            ids = list(
                self.matched.order_by(*order).values_list("id", flat=True)[offset : offset + limit]
            )
            scores: dict[int, float] = {}
        else:
            ids, scores = self._ranked(offset, limit)
        statutes = [(e.key, e.pin) for e in self.query.entities if e.kind == "statute"]
        cites = Citation.objects.filter(
            statute__key__in=[key for key, _ in statutes]
        ).select_related("statute", "section")
        by_id = (
            Action.objects.select_related("president")
            .prefetch_related(
                "sections", Prefetch("citations", queryset=cites, to_attr="query_cites")
            )
            .in_bulk(ids)
        )
        terms = self.query.highlight_terms()
        pinned_id = self.pinned.pk if self.pinned else None
        return [
            Hit(
                action=by_id[action_id],
                score=scores.get(action_id),
                snippet=best_snippet(
                    by_id[action_id], terms, _cited_spans(by_id[action_id], statutes)
                ),
                pinned=action_id == pinned_id,
            )
            for action_id in ids
            if action_id in by_id
        ]

    def _ranked(self, offset: int, limit: int) -> tuple[list[int], dict[int, float]]:
        """A page of ids, [pinned] + ranked; the pinned action takes the very first slot."""
        lead: list[int] = []
        params: list = []
        skip_pinned = ""
        if self.pinned:
            skip_pinned = " WHERE id <> %s"
            params = [self.pinned.pk]
            if offset == 0:
                lead, limit = [self.pinned.pk], limit - 1
            else:
                offset -= 1
        scored = self._scored_sql()
        if scored is None or limit <= 0:
            return lead, {}
        sql, scored_params = scored
        ranked_sql = (
            f"SELECT id, score FROM ({sql}) ranked{skip_pinned} "
            f"ORDER BY score DESC, id DESC LIMIT {int(limit)} OFFSET {int(offset)}"
        )
        with connections[self.base.db].cursor() as cursor:
            cursor.execute(ranked_sql, scored_params + params)
            rows = cursor.fetchall()
        return lead + [row[0] for row in rows], {row[0]: float(row[1]) for row in rows}


def _cited_spans(
    action: Action, statutes: list[tuple[str, str]]
) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for cite in action.query_cites:
        if any(cite.statute.key == key and cite.pin.startswith(pin) for key, pin in statutes):
            anchor = cite.section.anchor if cite.section else ""
            spans.setdefault(anchor, []).append((cite.start, cite.end))
    return spans


def search_actions(query: str | SearchQuery, queryset: QuerySet | None = None) -> SearchResults:
    parsed = parse_query(query) if isinstance(query, str) else query
    return SearchResults(parsed, queryset if queryset is not None else Action.objects.all())
