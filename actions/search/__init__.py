"""One search API over both databases: `search_actions(query, queryset)`.

A query is an AND of clauses: the free text (one FTS expression), and each statute or agency it
names, which matches the citation or mention index (a statute also by its printed phrase). An
identifier (`EO 13768`, `82 FR 8799`, an FR document or DCPD number) puts its action first.
The backend (FTS5 or tsvector) is chosen from the connection at query time.

How a search stays fast at 100k actions and still honest:
- the matching ids are found once, unscored (one SQL statement over the engines' posting
  lists); the count and the facet counts come from them, exactly (`facets.py`);
- relevance is scored exactly whenever the query matches at most `ARCHIVE_SEARCH_RANK_LIMIT`
  actions (1,000 by default): text by the engine over the whole document (bm25, or
  ts_rank_cd normalised by length), statutes and agencies by how often each action cites or
  names them. A query matching more (`united states` matches nearly every action) is ranked
  by its candidates: the actions matching in their title (scored on a small title index), or
  citing the statute or naming the agency most, then every other match, newest first. The
  results page says so; nothing is dropped, every match is counted and reachable by paging
  or by date order (`ranking.py`);
- a page reads only its twenty actions, and of each only the unit its snippet quotes
  (`units.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from actions.models import Action, ArchiveVersion, Citation
from actions.search import memo, postgres, sqlite
from actions.search.clauses import EntityClause, TextClause
from actions.search.cursor import search_cursor
from actions.search.facets import facet_index
from actions.search.query import SearchQuery, parse_query
from actions.search.ranking import combined, first_ranked
from actions.search.snippets import Snippet, snippet_of, term_pattern
from actions.search.units import choose_units


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
    """The matches of a query within a queryset, counted, ranked and paged lazily."""

    def __init__(self, query: SearchQuery, base: QuerySet):
        self.query = query
        self.base = base
        self.backend = _backend(base)
        self._clauses = self._build_clauses()
        self.pinned = self._find_pinned()
        self._ids: np.ndarray | None = None
        self._order: list[int] = []
        self._order_complete = False
        self.rank_limit = settings.ARCHIVE_SEARCH_RANK_LIMIT
        self.ranked_exactly = True
        self._scores: dict[int, float] = {}
        self._memo: str | None = None  # cache key of this match, when remembered

    @property
    def _db(self) -> str:
        return self.base.db

    @cached_property
    def _archive_version(self) -> str:
        """Read once per search: the facet index and the match cache are keyed by it."""
        return ArchiveVersion.current()

    @cached_property
    def _index(self):
        return facet_index(self._db, self._archive_version)

    # Matching ----------------------------------------------------------------------------

    def _build_clauses(self) -> list[TextClause | EntityClause]:
        clauses = []
        text = self.backend.text_expression(self.query)
        if text:
            clauses.append(TextClause(self.backend, text))
        for entity in self.query.entities:
            words = [w for w in entity.text.lower().replace(".", " ").split() if w]
            clauses.append(EntityClause(self.backend, entity, words))
        return clauses

    def _ids_sql(self) -> tuple[str, list] | None:
        """SQL of the ids matching every clause within the base set, unscored."""
        if not self._clauses:
            return None
        parts, params = [], []
        for index, clause in enumerate(self._clauses):
            sql, clause_params = clause.ids()
            parts.append(f"SELECT id FROM ({sql}) c{index}")
            params += clause_params
        sql = " INTERSECT ".join(parts)
        if self.base.query.where:
            try:
                # Unordered: the default ordering made PostgreSQL sort every filtered action
                # (31,670 for "since 2017" at 100k) and hash them: 83 ms against 18.
                base_sql, base_params = self.base.values("id").order_by().query.sql_with_params()
            except EmptyResultSet:
                base_sql, base_params = "SELECT NULL WHERE 1 = 0", ()
            # Materialised first: otherwise SQLite hands the filter's ids to FTS5 one by
            # one, and each is a seek and a re-test of the expression.
            sql = f"WITH matching AS MATERIALIZED ({sql}) SELECT id FROM matching "
            sql += f"WHERE id IN ({base_sql})"
            params += list(base_params)
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

    def ids(self) -> np.ndarray:
        """Every matching action id (the pinned one included), sorted; read once. The ids
        come back as one comma-joined string: twice as fast as a row per id at 60,000."""
        if self._ids is None:
            found = np.zeros(0, dtype=np.int64)
            scored = self._ids_sql()
            if scored is not None:
                self._memo = memo.key_for(self._db, scored, self._archive_version)
                cached = memo.load_ids(self._memo)
                if cached is not None:
                    found = cached
                else:
                    statement = self.backend.joined_ids(scored[0])
                    with search_cursor(self._db, statement, scored[1]) as cursor:
                        joined = cursor.fetchone()[0]
                    if joined:
                        found = np.fromstring(joined, dtype=np.int64, sep=",")
                    memo.store_ids(self._memo, found)
            if self.pinned:
                found = np.append(found, self.pinned.pk)
            # The engines hand rows back in id order: sort only when they did not.
            if len(found) > 1 and not np.all(found[1:] > found[:-1]):
                found = np.unique(found)
            self._ids = found
        return self._ids

    @property
    def matched(self) -> QuerySet:
        """Every matching action (pinned included) as a queryset, for exports and feeds."""
        scored = self._ids_sql()
        if scored is None:
            condition = Q(pk=self.pinned.pk) if self.pinned else Q(pk__in=[])
            return self.base.filter(condition)
        condition = Q(id__in=RawSQL(scored[0], scored[1]))
        if self.pinned:
            condition |= Q(pk=self.pinned.pk)
        return self.base.filter(condition)

    def count(self) -> int:
        return int(len(self.ids()))

    def facets(self):
        ids = self.ids()
        facets = memo.load(self._memo, "facets")
        if facets is None:
            facets = self._index.counts(ids)
            memo.store(self._memo, "facets", facets, len(ids))
        return facets

    # Ranking and paging -------------------------------------------------------------------

    def ranking(self, need: int) -> list[int]:
        """At least the first `need` matching ids in relevance order (all of them once the
        candidates run out): the pinned action first, then by score."""
        if self._order_complete or len(self._order) >= need:
            return self._order
        among = self.ids()
        if self.pinned:
            among = among[among != self.pinned.pk]
        self.ranked_exactly = len(among) <= self.rank_limit
        statements = [
            list(clause.scores(among.tolist()) if self.ranked_exactly else clause.lead_scores())
            for clause in self._clauses
        ]
        lead = [self.pinned.pk] if self.pinned else []
        if not statements:
            self._order, self._order_complete = lead, True
            return self._order
        found, self._scores, exhausted = first_ranked(
            self._db, combined(statements), among, max(need - len(lead), 0)
        )
        if exhausted:
            # Every candidate is placed: the other matches follow, newest first.
            rest = np.setdiff1d(among, np.array(found, dtype=np.int64))
            found += self._index.newest_first(rest)
        self._order, self._order_complete = lead + found, exhausted
        return self._order

    def page(self, offset: int, limit: int, sort: str = "relevance") -> list[Hit]:
        if sort in {"newest", "oldest"}:
            ordered = self._index.newest_first(self.ids())
            if sort == "oldest":
                ordered.reverse()
            ids = ordered[offset : offset + limit]
            scores: dict[int, float] = {}
        else:
            ids = self.ranking(offset + limit)[offset : offset + limit]
            scores = self._scores
        statutes = [(e.key, e.pin) for e in self.query.entities if e.kind == "statute"]
        cites = (
            # Only what marking a cite needs: whole sections' texts made this the page's
            # costliest statement (250 kB for `50 U.S.C. 1701`).
            Citation.objects.filter(statute__key__in=[key for key, _ in statutes])
            .select_related("statute", "section")
            .only("action_id", "pin", "start", "end", "statute__key", "section__number")
            if statutes
            else None
        )
        by_id = _page_actions(self._db, ids, cites)
        terms = self.query.highlight_terms()
        cited = {action_id: _cited_spans(action, statutes) for action_id, action in by_id.items()}
        units = choose_units(self._db, list(by_id), terms, cited)
        pattern = term_pattern(terms)
        pinned_id = self.pinned.pk if self.pinned else None
        return [
            Hit(
                action=by_id[action_id],
                score=scores.get(action_id),
                snippet=snippet_of(
                    units[action_id], pattern, cited[action_id].get(units[action_id].anchor, [])
                )
                if action_id in units
                else None,
                pinned=action_id == pinned_id,
            )
            for action_id in ids
            if action_id in by_id
        ]


# What a result row reads: not the texts (the snippet reads one unit of each), nor the JSON.
ROW_FIELDS = (
    "kind",
    "number",
    "title",
    "slug",
    "signed_on",
    "status",
    "president__name",
    "president__slug",
)


def _page_actions(db: str, ids: list[int], cites: QuerySet | None) -> dict[int, Action]:
    """The page's actions; with `cites`, each with the citations the query named."""
    actions = Action.objects.using(db).select_related("president").only(*ROW_FIELDS)
    if cites is None:
        by_id = actions.in_bulk(ids)
        for action in by_id.values():
            action.query_cites = []
        return by_id
    return actions.prefetch_related(
        Prefetch("citations", queryset=cites, to_attr="query_cites")
    ).in_bulk(ids)


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
