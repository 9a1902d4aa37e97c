"""The JSON API, built with django-ninja.

django-ninja was chosen over Django REST framework because the schema *is* the code: typed
pydantic schemas give validation, serialisation and an OpenAPI document (served at
`/api/schema/`, browsable at `/api/docs`) from one definition, with less machinery per endpoint.
List endpoints share the HTML site's FilterSet and search, and page with a total count and a
`next` link that reaches every result.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle

from actions.filters import ActionFilter
from actions.models import Action, Agency, Citation, President, Relation, Statute
from actions.search import search_actions


class AnonymousRateLimit(AnonRateThrottle):
    """django-ninja's per-address throttle, at the rate the setting `ARCHIVE_API_RATE_LIMIT`
    gives when each request arrives ("60/m"; empty turns it off). A limited client gets a 429
    with Retry-After. The count lives in Django's cache: with several server processes, use a
    shared cache for it to be exact."""

    def __init__(self) -> None:
        super().__init__(rate="1/s")  # replaced per request from the setting

    def allow_request(self, request: HttpRequest) -> bool:
        rate = (getattr(settings, "ARCHIVE_API_RATE_LIMIT", "") or "").strip()
        if not rate:
            return True
        self.num_requests, self.duration = self.parse_rate(rate)
        return super().allow_request(request)


api = NinjaAPI(
    title="Presidential Actions Archive API",
    version="1",
    description="Executive orders, proclamations, memoranda and notices; their sections, "
    "statute citations, relations, agencies and sources.",
    openapi_url="/schema/",
    docs_url="/docs",
    urls_namespace="api",
    throttle=[AnonymousRateLimit()],
)


class ActionItem(Schema):
    """An action in a list. With `fields=`, only the fields asked for are present."""

    id: int | None = None
    kind: str | None = None
    number: str | None = None
    title: str | None = None
    signed_on: date | None = None
    president: str | None = None
    status: str | None = None
    url: str | None = None
    snippet: str | None = None


class Page(Schema):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None


class ActionPage(Page):
    results: list[ActionItem]


class SectionOut(Schema):
    number: str
    heading: str
    anchor: str
    text: str


class CitationOut(Schema):
    text: str
    key: str
    pin: str
    et_seq: bool
    note: bool
    range_end: str | None
    via: str | None
    act: str | None
    section: str | None


class RelationOut(Schema):
    kind: str
    direction: str  # outgoing: this action acts on the other; incoming: the other acts on this
    in_part: bool
    origin: str
    target_id: int | None
    target_number: str | None
    target_title: str | None
    label: str
    reason: str
    score: float | None


class SourceOut(Schema):
    kind: str
    url: str | None
    sha256: str
    official: bool
    publisher: str
    text_shown: bool


class CommentaryOut(Schema):
    title: str
    url: str | None
    evidence: str


class AgencyMentionOut(Schema):
    slug: str
    name: str
    section: str | None
    count: int
    directed: bool


class ActionDetail(Schema):
    """One action in full. With `fields=`, only the fields asked for are present."""

    id: int | None = None
    kind: str | None = None
    number: str | None = None
    title: str | None = None
    signed_on: date | None = None
    published_on: date | None = None
    president: str | None = None
    signer: str | None = None
    place: str | None = None
    status: str | None = None
    fr_citation: str | None = None
    fr_document_number: str | None = None
    dcpd_number: str | None = None
    url: str | None = None
    snippet: str | None = None
    sections: list[SectionOut] | None = None
    citations: list[CitationOut] | None = None
    relations: list[RelationOut] | None = None
    agencies: list[AgencyMentionOut] | None = None
    sources: list[SourceOut] | None = None
    commentary: list[CommentaryOut] | None = None


MAX_PAGE = 1_000_000  # beyond it an offset stops being a number the databases take


MAX_ID = 2**31 - 1  # ids are 32-bit or 64-bit integers; anything larger names nothing


class ActionRef(Schema):
    action_id: int = Field(..., ge=1, le=MAX_ID)


class StatuteRef(Schema):
    statute_id: int = Field(..., ge=1, le=MAX_ID)


class PageParams(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(20, ge=1, le=settings.ARCHIVE_API_MAX_PAGE_SIZE)


class ListParams(Schema):
    q: str | None = None
    kind: str | None = None
    president: str | None = None
    signed_after: str | None = None
    signed_before: str | None = None
    term: str | None = None
    year: str | None = None
    agency: str | None = None
    directed: str | None = None
    statute: str | None = None
    topic: str | None = None
    status: str | None = None
    sort: str | None = None
    fields: str | None = None
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(20, ge=1, le=settings.ARCHIVE_API_MAX_PAGE_SIZE)


@api.get("/actions/", response=ActionPage, summary="List or search actions", exclude_unset=True)
def list_actions(request: HttpRequest, params: Query[ListParams]):
    """Every action, filtered like the site; `q` searches (web-search syntax, statutes,
    agencies, identifiers). Follow `next` to reach every result; `count` is exact.
    `fields=id,number,title` returns only those fields of each action."""
    page_size, page = params.page_size, params.page
    filters = {k: v for k, v in params.dict().items() if v not in (None, "")}
    wanted = _fields(params.fields, ActionItem)
    filterset = ActionFilter(filters, queryset=Action.objects.all())
    if not filterset.is_valid():
        raise HttpError(400, f"invalid filters: {dict(filterset.errors)}")
    base = filterset.qs
    offset = (page - 1) * page_size
    snippets: dict[int, str] = {}
    if params.q and params.q.strip():
        results = search_actions(params.q, base)
        count = 0 if results.query.is_empty else results.count()
        sort = params.sort or "relevance"
        hits = [] if results.query.is_empty else results.page(offset, page_size, sort)
        actions = [hit.action for hit in hits]
        snippets = {hit.action.pk: str(hit.snippet.html) for hit in hits if hit.snippet}
    else:
        count = base.count()
        order = ("signed_on", "id") if params.sort == "oldest" else ("-signed_on", "-id")
        actions = list(
            base.select_related("president").order_by(*order)[offset : offset + page_size]
        )
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "next": _page_link(request, filters, page + 1, page_size)
        if offset + page_size < count
        else None,
        "previous": _page_link(request, filters, page - 1, page_size) if page > 1 else None,
        "results": [_only(_item(action, snippets.get(action.pk)), wanted) for action in actions],
    }


def _fields(requested: str | None, schema) -> set[str] | None:
    """The field names asked for (`fields=id,title`), checked against the schema."""
    if not requested:
        return None
    names = {name.strip() for name in requested.split(",") if name.strip()}
    unknown = names - set(schema.model_fields)
    if unknown:
        raise HttpError(400, f"unknown fields: {', '.join(sorted(unknown))}")
    return names


def _only(data: dict, wanted: set[str] | None) -> dict:
    return data if wanted is None else {k: v for k, v in data.items() if k in wanted}


def _page_link(request: HttpRequest, filters: dict, page: int, page_size: int) -> str:
    query = {k: v for k, v in filters.items() if k not in {"page", "page_size"}}
    query.update(page=page, page_size=page_size)
    return request.build_absolute_uri(f"{request.path}?{urlencode(query)}")


def _item(action: Action, snippet: str | None = None) -> dict:
    return {
        "id": action.pk,
        "kind": action.kind,
        "number": action.number,
        "title": action.title,
        "signed_on": action.signed_on,
        "president": action.president.name if action.president else None,
        "status": action.status,
        "url": action.get_absolute_url(),
        "snippet": snippet,
    }


@api.get(
    "/actions/{action_id}/",
    response=ActionDetail,
    summary="One action in full",
    exclude_unset=True,
)
def get_action(request: HttpRequest, ref: Path[ActionRef], fields: str | None = None):
    """Sections, citations (with pins and the Act section they were resolved from), relations
    both ways (with origin), agency mentions, sources and commentary; `fields=` to choose."""
    wanted = _fields(fields, ActionDetail)
    action = get_object_or_404(
        Action.objects.select_related("president").prefetch_related("signatories"),
        pk=ref.action_id,
    )
    signatory = next(iter(action.signatories.all()), None)
    citations = Citation.objects.filter(action=action).select_related("statute", "section")
    outgoing = Relation.objects.filter(source=action).select_related("target")
    incoming = Relation.objects.filter(target=action).select_related("source")
    mentions = action.agency_mentions.select_related("agency", "section")
    data = {
        **_item(action),
        "published_on": action.published_on,
        "signer": signatory.name if signatory else None,
        "place": action.place,
        "fr_citation": action.fr_citation,
        "fr_document_number": action.fr_document_number,
        "dcpd_number": action.dcpd_number,
        "sections": [
            {"number": s.number, "heading": s.heading, "anchor": s.anchor, "text": s.text}
            for s in action.sections.all()
        ],
        "citations": [
            {
                "text": c.text,
                "key": c.statute.key,
                "pin": c.pin,
                "et_seq": c.et_seq,
                "note": c.note,
                "range_end": c.range_end or None,
                "via": c.via or None,
                "act": c.act or None,
                "section": c.section.number if c.section else None,
            }
            for c in citations
        ],
        "relations": [_relation(r, "outgoing", r.target, r.target_label) for r in outgoing]
        + [_relation(r, "incoming", r.source, r.source_label) for r in incoming],
        "sources": [
            {
                "kind": s.format,
                "url": s.url or None,
                "sha256": s.sha256,
                "official": s.official,
                "publisher": s.publisher,
                "text_shown": s.pk == action.text_source_id,
            }
            for s in action.sources.all()
        ],
        "commentary": [
            {
                "title": link.commentary.title,
                "url": link.commentary.url or None,
                "evidence": link.evidence,
            }
            for link in action.commentary_links.select_related("commentary")
        ],
        "agencies": [
            {
                "slug": m.agency.slug,
                "name": m.agency.name,
                "section": m.section.number if m.section else None,
                "count": m.count,
                "directed": m.directed,
            }
            for m in mentions
        ],
    }
    data.pop("snippet", None)
    return _only(data, wanted)


def _relation(relation: Relation, direction: str, other: Action | None, label: str) -> dict:
    return {
        "kind": relation.kind,
        "direction": direction,
        "in_part": relation.in_part,
        "origin": relation.origin,
        "target_id": other.pk if other else None,
        "target_number": other.number if other else None,
        "target_title": other.title if other else None,
        "label": str(other) if other else label,
        "reason": relation.evidence,
        "score": relation.score,
    }


# Statutes, agencies, presidents, relations ------------------------------------------------


def _paged(request: HttpRequest, items, paging: PageParams, params: dict) -> tuple:
    """(page of items, the paging fields) for any queryset, with an exact count."""
    page_size, page = paging.page_size, paging.page
    count = items.count()
    offset = (page - 1) * page_size
    rows = list(items[offset : offset + page_size])
    filters = {k: v for k, v in params.items() if v not in (None, "")}
    return rows, {
        "count": count,
        "page": page,
        "page_size": page_size,
        "next": _page_link(request, filters, page + 1, page_size)
        if offset + page_size < count
        else None,
        "previous": _page_link(request, filters, page - 1, page_size) if page > 1 else None,
    }


class StatuteItem(Schema):
    id: int
    key: str
    kind: str
    title: str
    section: str
    actions: int
    url: str
    official_url: str | None


class StatutePage(Page):
    results: list[StatuteItem]


class PinCount(Schema):
    pin: str
    actions: int


class StatuteDetail(StatuteItem):
    pins: list[PinCount]
    citing: ActionPage


def _statute(statute: Statute, actions: int) -> dict:
    return {
        "id": statute.pk,
        "key": statute.key,
        "kind": statute.kind,
        "title": statute.title,
        "section": statute.section,
        "actions": actions,
        "url": statute.get_absolute_url(),
        "official_url": statute.official_url,
    }


@api.get("/statutes/", response=StatutePage, summary="Statutes cited, with counts")
def list_statutes(
    request: HttpRequest,
    paging: Query[PageParams],
    kind: str | None = None,
    title: str | None = None,
):
    """Every statute the archive's actions cite (U.S. Code sections, CFR parts, Public Laws,
    Statutes at Large, FR pages, the Constitution), with the number of actions citing it.
    `title=8` lists the sections of title 8 cited."""
    statutes = (
        Statute.objects.annotate(n=Count("citations__action", distinct=True))
        .filter(n__gt=0)
        .order_by("kind", "title", "key")
    )
    if kind:
        statutes = statutes.filter(kind=kind)
    if title:
        statutes = statutes.filter(title=title)
    rows, page = _paged(request, statutes, paging, {"kind": kind, "title": title})
    return {**page, "results": [_statute(s, s.n) for s in rows]}


@api.get("/statutes/{statute_id}/", response=StatuteDetail, summary="One statute and its citers")
def get_statute(request: HttpRequest, ref: Path[StatuteRef], paging: Query[PageParams]):
    """The statute, the pins cited under it, and the actions citing it (newest first, paged)."""
    statute = get_object_or_404(Statute, pk=ref.statute_id)
    citing = Action.objects.filter(citations__statute=statute).distinct()
    pins = (
        Citation.objects.filter(statute=statute)
        .values_list("pin")
        .annotate(n=Count("action", distinct=True))
        .order_by("pin")
    )
    rows, page = _paged(
        request, citing.select_related("president").order_by("-signed_on", "-id"), paging, {}
    )
    return {
        **_statute(statute, page["count"]),
        "pins": [{"pin": pin, "actions": n} for pin, n in pins],
        "citing": {**page, "results": [_item(a) for a in rows]},
    }


class AgencyItem(Schema):
    slug: str
    name: str
    abbreviation: str
    aliases: list[str]
    actions: int
    directed: int
    url: str


class AgencyDetail(AgencyItem):
    naming: ActionPage


@api.get("/agencies/", response=list[AgencyItem], summary="Agencies, with counts")
def list_agencies(request: HttpRequest):
    """The canonical agencies with their aliases; how many actions name and direct each."""
    agencies = Agency.objects.annotate(
        n=Count("mentions__action", distinct=True),
        d=Count("mentions__action", filter=Q(mentions__directed=True), distinct=True),
    ).order_by("-n", "name")
    return [_agency(a, a.n, a.d) for a in agencies]


def _agency(agency: Agency, actions: int, directed: int) -> dict:
    return {
        "slug": agency.slug,
        "name": agency.name,
        "abbreviation": agency.abbreviation,
        "aliases": list(agency.aliases),
        "actions": actions,
        "directed": directed,
        "url": agency.get_absolute_url(),
    }


@api.get("/agencies/{slug}/", response=AgencyDetail, summary="One agency and the actions naming it")
def get_agency(request: HttpRequest, slug: str, paging: Query[PageParams], directed: bool = False):
    """The actions naming the agency, newest first; `directed=true` for those directing it."""
    agency = get_object_or_404(Agency, slug=slug)
    lookup = Q(agency_mentions__agency=agency)
    directing = Action.objects.filter(lookup, agency_mentions__directed=True).distinct()
    naming = Action.objects.filter(lookup).distinct()
    selected = directing if directed else naming
    rows, page = _paged(
        request,
        selected.select_related("president").order_by("-signed_on", "-id"),
        paging,
        {"directed": "true" if directed else None},
    )
    return {
        **_agency(agency, naming.count(), directing.count()),
        "naming": {**page, "results": [_item(a) for a in rows]},
    }


class TermOut(Schema):
    ordinal: int
    start: date
    end: date | None


class PresidentItem(Schema):
    slug: str
    name: str
    actions: int
    terms: list[TermOut]
    url: str


class CountOut(Schema):
    value: str
    actions: int


class PresidentDetail(PresidentItem):
    by_kind: list[CountOut]
    by_year: list[CountOut]


def _president(president: President, actions: int) -> dict:
    return {
        "slug": president.slug,
        "name": president.name,
        "actions": actions,
        "terms": [
            {"ordinal": t.ordinal, "start": t.start, "end": t.end} for t in president.terms.all()
        ],
        "url": president.get_absolute_url(),
    }


@api.get("/presidents/", response=list[PresidentItem], summary="Presidents and their terms")
def list_presidents(request: HttpRequest):
    presidents = (
        President.objects.annotate(n=Count("actions"))
        .prefetch_related("terms")
        .order_by("terms__start")
        .distinct()
    )
    return [_president(p, p.n) for p in presidents]


@api.get("/presidents/{slug}/", response=PresidentDetail, summary="One president's actions")
def get_president(request: HttpRequest, slug: str):
    """Counts by kind and by year; list the actions with `/api/actions/?president=slug`."""
    president = get_object_or_404(President.objects.prefetch_related("terms"), slug=slug)
    actions = president.actions.all()
    kinds = actions.values_list("kind").annotate(n=Count("id")).order_by("-n")
    years = (
        actions.exclude(signed_on=None)
        .annotate(y=ExtractYear("signed_on"))
        .values_list("y")
        .annotate(n=Count("id"))
        .order_by("y")
    )
    return {
        **_president(president, actions.count()),
        "by_kind": [{"value": k, "actions": n} for k, n in kinds],
        "by_year": [{"value": str(y), "actions": n} for y, n in years],
    }


class RelationItem(Schema):
    id: int
    kind: str
    in_part: bool
    origin: str
    source_id: int | None
    source_label: str
    target_id: int | None
    target_label: str
    found_in_id: int
    evidence: str


class RelationPage(Page):
    results: list[RelationItem]


@api.get("/relations/", response=RelationPage, summary="Relations between actions")
def list_relations(
    request: HttpRequest,
    paging: Query[PageParams],
    kind: str | None = None,
    origin: str | None = None,
    action: int | None = Query(None, ge=1, le=MAX_ID),
):
    """Stated relations (revokes, amends, supersedes, continues, suspends, ratifies, cites, see
    also), stored once from the acting action to the affected one. `origin` is `text` (read
    from the acting order) or `fr_notes` (the FR's editors); `action` gives both directions of
    one action. Computed "related" links are left out (see an action's page)."""
    relations = Relation.objects.exclude(kind="related").select_related("source", "target")
    if kind:
        relations = relations.filter(kind=kind)
    if origin:
        relations = relations.filter(origin=origin)
    if action is not None:
        relations = relations.filter(Q(source_id=action) | Q(target_id=action))
    rows, page = _paged(
        request,
        relations.order_by("id"),
        paging,
        {"kind": kind, "origin": origin, "action": action},
    )
    return {
        **page,
        "results": [
            {
                "id": r.pk,
                "kind": r.kind,
                "in_part": r.in_part,
                "origin": r.origin,
                "source_id": r.source_id,
                "source_label": r.source.short_label if r.source else r.source_label,
                "target_id": r.target_id,
                "target_label": r.target.short_label if r.target else r.target_label,
                "found_in_id": r.found_in_id,
                "evidence": r.evidence,
            }
            for r in rows
        ],
    }
