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
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError

from actions.filters import ActionFilter
from actions.models import Action, Citation, Relation
from actions.search import search_actions

api = NinjaAPI(
    title="Presidential Actions Archive API",
    version="1",
    description="Executive orders, proclamations, memoranda and notices; their sections, "
    "statute citations, relations, agencies and sources.",
    openapi_url="/schema/",
    docs_url="/docs",
    urls_namespace="api",
)


class ActionItem(Schema):
    id: int
    kind: str
    number: str | None
    title: str
    signed_on: date | None
    president: str | None
    status: str
    url: str
    snippet: str | None = None


class ActionPage(Schema):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None
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


class ActionDetail(Schema):
    id: int
    kind: str
    number: str | None
    title: str
    signed_on: date | None
    published_on: date | None
    president: str | None
    signer: str | None
    place: str
    status: str
    fr_citation: str | None
    fr_document_number: str | None
    dcpd_number: str | None
    url: str
    sections: list[SectionOut]
    citations: list[CitationOut]
    relations: list[RelationOut]
    sources: list[SourceOut]
    commentary: list[CommentaryOut]


class ListParams(Schema):
    q: str | None = None
    kind: str | None = None
    president: str | None = None
    signed_after: str | None = None
    signed_before: str | None = None
    year: str | None = None
    agency: str | None = None
    directed: str | None = None
    statute: str | None = None
    topic: str | None = None
    status: str | None = None
    sort: str | None = None
    page: int = 1
    page_size: int = 20


@api.get("/actions/", response=ActionPage, summary="List or search actions")
def list_actions(request: HttpRequest, params: Query[ListParams]):
    """Every action, filtered like the site; `q` searches (web-search syntax, statutes,
    agencies, identifiers). Follow `next` to reach every result; `count` is exact."""
    page_size = min(max(params.page_size, 1), settings.ARCHIVE_API_MAX_PAGE_SIZE)
    page = max(params.page, 1)
    filters = {k: v for k, v in params.dict().items() if v not in (None, "")}
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
        "results": [_item(action, snippets.get(action.pk)) for action in actions],
    }


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


@api.get("/actions/{action_id}/", response=ActionDetail, summary="One action in full")
def get_action(request: HttpRequest, action_id: int):
    action = get_object_or_404(
        Action.objects.select_related("president").prefetch_related("signatories"), pk=action_id
    )
    signatory = next(iter(action.signatories.all()), None)
    citations = Citation.objects.filter(action=action).select_related("statute", "section")
    outgoing = Relation.objects.filter(source=action).select_related("target")
    incoming = Relation.objects.filter(target=action).select_related("source")
    return {
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
    }


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
