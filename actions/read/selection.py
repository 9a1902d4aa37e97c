"""The actions a request selects: its query and filters, read the same way by every output.

The search page, the CSV export, the Atom feeds and the JSON API all take the same parameters
(`q`, the ActionFilter fields, `sort`); this is where they are read. A filter that cannot be
read is dropped and reported, never a server error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import QueryDict

from actions.models import Action
from actions.read.filters import SORT_CHOICES, ActionFilter
from actions.search import SearchResults
from actions.search.facets import facet_index


@dataclass
class Selection:
    query: str
    filterset: ActionFilter
    sort: str
    results: SearchResults | None  # None when there is no text query
    errors: dict = field(default_factory=dict)
    truncated: bool = False  # the query was longer than MAX_QUERY and was cut

    @property
    def matched(self) -> QuerySet:
        """Every selected action, unordered."""
        if self.results is None:
            return self.filterset.qs
        if self.results.query.is_empty:
            return Action.objects.none()
        return self.results.matched

    def count(self) -> int:
        """How many actions are selected: exact, from the ids matched once."""
        if self.results is None:
            return self.filterset.qs.count()
        if self.results.query.is_empty:
            return 0
        return self.results.count()

    def facets(self) -> dict[str, list[tuple[str, str, int]]]:
        """Counts per kind, president, year, agency, U.S.C. title and status of the selection:
        name -> [(value, label, count)]."""
        if self.results is not None:
            return self.results.facets()
        index = facet_index(self.filterset.qs.db)
        listed = self.filterset.qs
        return index.counts(
            index.ids if not listed.query.where else list(listed.values_list("id", flat=True))
        )

    def ordered(self) -> QuerySet:
        """Every selected action by date (newest first unless `sort=oldest`)."""
        return self.matched.oldest() if self.sort == "oldest" else self.matched.newest()


MAX_QUERY = 500  # characters; a longer query is cut at a word and the page says so


def select(params: QueryDict) -> Selection:
    query = " ".join(params.get("q", "").split())
    truncated = len(query) > MAX_QUERY
    if truncated:
        query = query[:MAX_QUERY].rsplit(" ", 1)[0]
    filterset = ActionFilter(params, queryset=Action.objects.all())
    errors: dict = {}
    if not filterset.is_valid():
        errors = dict(filterset.errors)
        data = params.copy()
        for name in errors:
            data.pop(name, None)
        filterset = ActionFilter(data, queryset=Action.objects.all())
        filterset.is_valid()
    sort = params.get("sort") or ("relevance" if query else "newest")
    if sort not in dict(SORT_CHOICES) or (sort == "relevance" and not query):
        sort = "newest"
    results = filterset.qs.search(query) if query else None
    return Selection(
        query=query,
        filterset=filterset,
        sort=sort,
        results=results,
        errors=errors,
        truncated=truncated,
    )
