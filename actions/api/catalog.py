"""The API's catalogue: statutes, agencies, presidents and relations."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from actions.api.common import MAX_ID, ActionPage, Page, PageParams, action_item, paged
from actions.models import Action, Agency, Citation, President, Relation, Statute

router = Router()


class StatuteRef(Schema):
    statute_id: int = Field(..., ge=1, le=MAX_ID)


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


@router.get("/statutes/", response=StatutePage, summary="Statutes cited, with counts")
def list_statutes(
    request: HttpRequest,
    paging: Query[PageParams],
    kind: str | None = None,
    title: str | None = None,
):
    """Every statute the archive's actions cite (U.S. Code sections, CFR parts, Public Laws,
    Statutes at Large, FR pages, the Constitution), with the number of actions citing it.
    `title=8` lists the sections of title 8 cited."""
    statutes = Statute.objects.cited()
    if kind:
        statutes = statutes.filter(kind=kind)
    if title:
        statutes = statutes.filter(title=title)
    rows, page = paged(request, statutes, paging, {"kind": kind, "title": title})
    return {**page, "results": [_statute(s, s.actions) for s in rows]}


@router.get("/statutes/{statute_id}/", response=StatuteDetail, summary="One statute and its citers")
def get_statute(request: HttpRequest, ref: Path[StatuteRef], paging: Query[PageParams]):
    """The statute, the pins cited under it, and the actions citing it (newest first, paged)."""
    statute = get_object_or_404(Statute, pk=ref.statute_id)
    pins = Citation.objects.pins(statute)
    rows, page = paged(request, Action.objects.citing(statute).result_rows().newest(), paging, {})
    return {
        **_statute(statute, page["count"]),
        "pins": [{"pin": pin, "actions": n} for pin, n in pins],
        "citing": {**page, "results": [action_item(a) for a in rows]},
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


@router.get("/agencies/", response=list[AgencyItem], summary="Agencies, with counts")
def list_agencies(request: HttpRequest):
    """The canonical agencies with their aliases; how many actions name and direct each."""
    return [_agency(a, a.actions, a.directed) for a in Agency.objects.with_counts()]


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


@router.get(
    "/agencies/{slug}/", response=AgencyDetail, summary="One agency and the actions naming it"
)
def get_agency(request: HttpRequest, slug: str, paging: Query[PageParams], directed: bool = False):
    """The actions naming the agency, newest first; `directed=true` for those directing it."""
    agency = get_object_or_404(Agency, slug=slug)
    naming = Action.objects.naming(agency)
    directing = Action.objects.naming(agency, directed=True)
    selected = directing if directed else naming
    rows, page = paged(
        request,
        selected.result_rows().newest(),
        paging,
        {"directed": "true" if directed else None},
    )
    return {
        **_agency(agency, naming.count(), directing.count()),
        "naming": {**page, "results": [action_item(a) for a in rows]},
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


@router.get("/presidents/", response=list[PresidentItem], summary="Presidents and their terms")
def list_presidents(request: HttpRequest):
    presidents = President.objects.with_counts().prefetch_related("terms")
    return [_president(p, p.action_count) for p in presidents]


@router.get("/presidents/{slug}/", response=PresidentDetail, summary="One president's actions")
def get_president(request: HttpRequest, slug: str):
    """Counts by kind and by year; list the actions with `/api/actions/?president=slug`."""
    president = get_object_or_404(President.objects.prefetch_related("terms"), slug=slug)
    actions = president.actions.all()
    kinds = sorted(actions.kind_counts().items(), key=lambda row: -row[1])
    years = sorted(actions.year_counts().items())
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


@router.get("/relations/", response=RelationPage, summary="Relations between actions")
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
    relations = Relation.objects.stated().select_related("source", "target")
    if kind:
        relations = relations.filter(kind=kind)
    if origin:
        relations = relations.filter(origin=origin)
    if action is not None:
        relations = relations.involving(action)
    rows, page = paged(
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
