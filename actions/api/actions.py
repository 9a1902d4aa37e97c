"""The JSON API, built with django-ninja.

django-ninja was chosen over Django REST framework because the schema *is* the code: typed
pydantic schemas give validation, serialisation and an OpenAPI document (served at
`/api/schema/`, browsable at `/api/docs`) from one definition, with less machinery per endpoint.
List endpoints share the HTML site's FilterSet and search, and page with a total count and a
`next` link that reaches every result.
"""

from __future__ import annotations

import math
import time
from datetime import date

from django.conf import settings
from django.http import Http404, HttpRequest
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import HttpError
from ninja.throttling import AnonRateThrottle

from actions.api.catalog import router as catalog_router
from actions.api.common import (
    MAX_ID,
    MAX_PAGE,
    ActionItem,
    ActionPage,
    action_item,
    page_fields,
)
from actions.api.emergencies import router as emergencies_router
from actions.models import Action
from actions.read.as_amended import text_record
from actions.read.detail import read_detail, serialize, status_on_record
from actions.read.selection import select
from actions.store.consolidation import as_amended
from actions.store.status import status_on


class AnonymousRateLimit(AnonRateThrottle):
    """A per-address limit at the rate the setting `ARCHIVE_API_RATE_LIMIT` gives when each
    request arrives ("60/m"; empty turns it off). A limited client gets a 429 with
    Retry-After (the seconds left in the window).

    Counted per fixed window with the cache's atomic `add` and `incr` (Redis's INCRBY when
    `ARCHIVE_REDIS_URL` is set), so the count is exact across server processes and hosts;
    django-ninja's own throttle reads, edits and writes back a list, which loses counts when
    two processes answer the same client at once."""

    def __init__(self) -> None:
        super().__init__(rate="1/s")  # replaced per request from the setting
        self._retry_after: float | None = None

    def allow_request(self, request: HttpRequest) -> bool:
        rate = (getattr(settings, "ARCHIVE_API_RATE_LIMIT", "") or "").strip()
        if not rate:
            return True
        self.num_requests, self.duration = self.parse_rate(rate)
        client = self.get_cache_key(request)
        if client is None:
            return True
        now = time.time()
        window = int(now // self.duration)
        key = f"{client}:{window}"
        self.cache.add(key, 0, self.duration + 1)
        try:
            count = self.cache.incr(key)
        except ValueError:  # the window's count expired between the two calls
            self.cache.add(key, 1, self.duration + 1)
            count = 1
        self._retry_after = (window + 1) * self.duration - now
        return count <= self.num_requests

    def wait(self) -> float | None:
        return max(1, math.ceil(self._retry_after)) if self._retry_after is not None else None


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


class EffectOut(Schema):
    kind: str  # revokes, amends, supersedes ...
    action_id: int | None  # the acting action
    number: str | None
    section: str | None  # the acting action's section that says it
    part: str  # the part of this section named ("3(b)"), or the section itself
    date: date | None  # when it took effect


class SectionOut(Schema):
    number: str
    heading: str
    anchor: str
    text: str
    effects: list[EffectOut] = []


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
    start: int  # offset in its section's text (or the preamble)
    page: int | None  # the printed FR page


class RelationOut(Schema):
    kind: str
    direction: str  # outgoing: this action acts on the other; incoming: the other acts on this
    in_part: bool
    origin: str
    target_id: int | None  # the other action (its end, whichever the direction)
    target_number: str | None
    target_title: str | None
    target_url: str | None
    label: str
    section: str | None  # the section of the acting action that states it
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


class ActingOut(Schema):
    id: int | None
    kind: str
    number: str | None
    relation: str
    in_part: bool
    effective_on: date | None


class StatusOnOut(Schema):
    date: date
    status: str  # a status value, or not_yet_signed
    in_force: bool
    since: date | None
    by: list[ActingOut]


class ActionDetail(ActionItem):
    """One action in full. With `fields=`, only the fields asked for are present."""

    published_on: date | None = None
    signer: str | None = None
    place: str | None = None
    fr_citation: str | None = None
    fr_document_number: str | None = None
    dcpd_number: str | None = None
    sections: list[SectionOut] | None = None
    citations: list[CitationOut] | None = None
    relations: list[RelationOut] | None = None
    agencies: list[AgencyMentionOut] | None = None
    sources: list[SourceOut] | None = None
    commentary: list[CommentaryOut] | None = None
    status_on: StatusOnOut | None = None  # with ?as_of=YYYY-MM-DD


class ActionRef(Schema):
    action_id: int = Field(..., ge=1, le=MAX_ID)


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
    in_force_on: str | None = None
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
    selection = select(filters)
    if selection.errors:
        raise HttpError(400, f"invalid filters: {selection.errors}")
    offset = (page - 1) * page_size
    count = selection.count()
    snippets: dict[int, str] = {}
    if selection.results is not None:
        hits = selection.results.page(offset, page_size, selection.sort) if count else []
        actions = [hit.action for hit in hits]
        snippets = {hit.action.pk: str(hit.snippet.html) for hit in hits if hit.snippet}
    else:
        ordered = selection.ordered().result_rows()
        actions = list(ordered[offset : offset + page_size])
    return {
        **page_fields(request, filters, page, page_size, count),
        "results": [
            _only(action_item(action, snippets.get(action.pk)), wanted) for action in actions
        ],
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


@api.get(
    "/actions/{action_id}/",
    response=ActionDetail,
    summary="One action in full",
    exclude_unset=True,
)
def get_action(
    request: HttpRequest,
    ref: Path[ActionRef],
    fields: str | None = None,
    as_of: date | None = None,
):
    """Sections, citations (with pins and the Act section they were resolved from), relations
    both ways (with origin), agency mentions, sources and commentary; `fields=` to choose."""
    wanted = _fields(fields, ActionDetail)
    try:
        detail = read_detail(ref.action_id)
    except Action.DoesNotExist as missing:
        raise Http404("No such action") from missing
    data = serialize(detail)
    if as_of is not None:
        data["status_on"] = status_on_record(status_on(detail.action, as_of))
    return _only(data, wanted)


class TextChange(Schema):
    action_id: int
    number: str | None
    section: str | None
    date: date | None
    instruction: str


class TextSection(Schema):
    number: str
    heading: str
    text: str
    revoked: bool
    added: bool
    formerly: str | None = Field(None, description="the number it was first given, if renumbered")
    changes: list[TextChange]


class NotAppliedItem(TextChange):
    reason: str


class FrontText(Schema):
    text: str
    struck: bool = Field(description="struck whole by an amendment")
    changes: list[TextChange]


class ActionText(Schema):
    as_of: date
    title: FrontText | None = Field(None, description="the title as amended")
    preamble: FrontText | None = Field(None, description="the preamble as amended, if any")
    sections: list[TextSection]
    not_applied: list[NotAppliedItem]


@api.get("/actions/{action_id}/text/", response=ActionText, summary="The text as amended")
def get_action_text(request: HttpRequest, ref: Path[ActionRef], as_of: date | None = None):
    """The order's title, preamble and sections with the amendments in effect on `as_of`
    (default today) applied, each with the changes made to it; the instructions that could
    not be applied cleanly in `not_applied`, each with its reason."""
    action = Action.objects.filter(pk=ref.action_id).first()
    if action is None:
        raise Http404("No such action")
    return text_record(as_amended(action, as_of or date.today()))


api.add_router("/", catalog_router)
api.add_router("/", emergencies_router)
