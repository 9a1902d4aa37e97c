"""Thin views: read the request, ask the filters, search and queries, render a template."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.http import http_date

from actions.graph.reconcile import fold_cross_references, reconcile
from actions.ingest.text import DIGEST_LENGTH, normalize_number
from actions.models import Action
from actions.page_parts import finish_document
from actions.read.detail import section_effects
from actions.read.filters import SORT_CHOICES, TRUE_VALUES
from actions.read.page import PAGE_ACTION, read_page
from actions.read.selection import MAX_QUERY, select
from actions.store.status import status_on
from actions.vocabulary import (
    FORWARD_LABELS,
    INVERSE_LABELS,
    KIND_LABELS,
    LINEAGE_KINDS,
    PATH_KINDS,
    STATUS_RELATION_KINDS,
)
from actions.web.caching import archive_cached
from actions.web.charts import LineageNode, lineage
from actions.web.chips import active_filters, agency_suggestions
from actions.web.citing import citation_formats
from actions.web.coverage import gaps_crossed
from actions.web.diff import compare
from actions.web.export_csv import action_rows, citation_rows


@archive_cached
def home(request: HttpRequest) -> HttpResponse:
    latest = Action.objects.result_rows().newest()[:12]
    counts = Action.objects.kind_counts()
    return render(
        request,
        "actions/home.html",
        {
            "latest": latest,
            "kind_counts": [(KIND_LABELS[k], k, counts[k]) for k in KIND_LABELS if counts.get(k)],
            "total": sum(counts.values()),
        },
    )


def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The whole selection as CSV, streamed: `?rows=citations` for one row per citation."""
    selection = select(request.GET)
    base_url = request.build_absolute_uri("/").rstrip("/")
    by_citation = request.GET.get("rows") == "citations"
    rows = (citation_rows if by_citation else action_rows)(selection.ordered(), base_url)
    name = "presidential-actions-citations.csv" if by_citation else "presidential-actions.csv"
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@archive_cached
def search(request: HttpRequest) -> HttpResponse:
    """Search results, or the browsable list when there is no query; same filters for both."""
    selection = select(request.GET)
    page_number = _page_number(request)
    size = settings.ARCHIVE_PAGE_SIZE
    total = selection.count()
    if selection.results is not None:
        offset = (page_number - 1) * size
        hits = selection.results.page(offset, size, selection.sort) if total else []
    else:
        page_actions = selection.ordered().result_rows()[
            (page_number - 1) * size : page_number * size
        ]
        hits = [{"action": action, "snippet": None} for action in page_actions]
    paginator = Paginator(range(total), size)
    try:
        page = paginator.page(page_number)
    except EmptyPage:
        page = None
    return render(
        request,
        "actions/search.html",
        {
            "query": selection.query,
            "filterset": selection.filterset,
            "president_choices": [
                (president.slug, str(president))
                for president in selection.filterset.form.fields["president"].queryset
            ],
            "hits": hits,
            "total": total,
            "page": page,
            "paginator": paginator,
            "sort": selection.sort,
            "sort_choices": SORT_CHOICES,
            "facets": selection.facets() if total else {},
            "ranked_exactly": selection.results is None or selection.results.ranked_exactly,
            "rank_limit": settings.ARCHIVE_SEARCH_RANK_LIMIT,
            "querystring": _querystring(request, exclude={"page"}),
            "is_search": selection.results is not None,
            "filter_errors": selection.errors,
            "query_truncated": selection.truncated,
            "coverage_notes": _coverage_notes(selection),
            "max_query": MAX_QUERY,
            "chips": active_filters(request.GET, selection.errors),
            "agency_suggestions": agency_suggestions(),
            "directed": request.GET.get("directed") in TRUE_VALUES,
        },
    )


def _coverage_notes(selection) -> list[str]:
    """The gaps in the sources that this page's counts cross (`web/coverage.py`)."""
    form = selection.filterset.form
    data = form.cleaned_data if form.is_bound and hasattr(form, "cleaned_data") else {}
    year = data.get("year")
    after, before = data.get("signed_after"), data.get("signed_before")
    first = int(year) if year else (after.year if after else None)
    last = int(year) if year else (before.year if before else None)
    return [gap.note() for gap in gaps_crossed(data.get("kind") or None, first, last)]


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("page", "1")), 100000))
    except ValueError:
        return 1


def _querystring(request: HttpRequest, exclude: set[str]) -> str:
    pairs = [(k, v) for k, v in request.GET.items() if k not in exclude and v]
    return urlencode(pairs)


# Other ways people write an action's address: all redirect to the canonical one.
KIND_ALIASES = {
    "executive-order": "executive_order",
    "executive-orders": "executive_order",
    "executive_order": "executive_order",
    "eos": "executive_order",
    "e.o.": "executive_order",
    "proclamations": "proclamation",
    "proc": "proclamation",
    "memoranda": "memorandum",
    "memorandums": "memorandum",
    "notices": "notice",
    "determinations": "determination",
}


@archive_cached
def action_by_number(request: HttpRequest, kind_path: str, number: str) -> HttpResponse:
    kind = PATH_KINDS.get(kind_path)
    if kind is None:
        raise Http404("No such kind of action")
    # Read in full at once: the canonical address is asked for far more than its variants,
    # and an exact number is an index lookup (a case-blind one reads every order of the kind).
    action = PAGE_ACTION.first(kind, number)
    if action is None:
        # "13768a", "11359A" or "011359-a" for "11359-A": the same order, at its canonical
        # address.
        of_kind = Action.objects.filter(kind=kind)
        action = (
            of_kind.filter(number__iexact=number).first()
            or of_kind.filter(number__iexact=normalize_number(number.lstrip("0"))).first()
        )
        if action is None:
            raise Http404("No such action in the archive")
        return redirect(action, permanent=True)
    return _action_page(request, action)


def alias_redirect(request: HttpRequest, alias: str, number: str) -> HttpResponse:
    """`/executive-order/13768`, `/EO/13768`, `/proclamations/9645` -> the canonical page."""
    kind = KIND_ALIASES.get(alias.lower()) or PATH_KINDS.get(alias.lower())
    if kind is None:
        raise Http404("No such page")
    action = Action.objects.filter(
        kind=kind, number__iexact=normalize_number(number.strip("/").lstrip("0"))
    ).first()
    if action is None:
        raise Http404("No such action in the archive")
    return redirect(action, permanent=True)


@archive_cached
def action_by_date(request: HttpRequest, kind_path: str, day: str, slug: str) -> HttpResponse:
    kind = PATH_KINDS.get(kind_path)
    if kind is None:
        raise Http404("No such kind of action")
    on_day = Q(kind=kind) & (Q(signed_on=None) if day == "undated" else Q(signed_on=day))
    try:
        action = Action.objects.for_page().filter(on_day, slug=slug).first()
        if action is None:
            action = _before_digests(on_day, slug)
            if action is None:
                raise Http404("No such action in the archive")
            return redirect(action, permanent=True)
    except ValidationError as error:  # a malformed date in the URL is a missing page
        raise Http404("No such action") from error
    if action.number:
        return redirect(action, permanent=True)
    return _action_page(request, action)


def _before_digests(on_day: Q, slug: str) -> Action | None:
    """An address made before a long title's slug ended in a digest of the title ("...-with"
    for "...-with-3fa2c1"): the action it showed then, the newest of that day's whose slug
    starts so."""
    candidates = Action.objects.filter(on_day, slug__startswith=f"{slug}-").order_by("-id")
    for candidate in candidates.only("id", "kind", "number", "signed_on", "slug"):
        if len(candidate.slug) == len(slug) + 1 + DIGEST_LENGTH:
            return candidate
    return None


def slash_redirect(request: HttpRequest, **kwargs) -> HttpResponse:
    """`/eo/14385/` -> `/eo/14385`: one canonical address per page."""
    return redirect(request.path.rstrip("/"), permanent=True)


def append_slash(request: HttpRequest, **kwargs) -> HttpResponse:
    """`/agencies/homeland-security` -> `/agencies/homeland-security/`: browse pages end in a
    slash (the action pattern below would otherwise take the address for a kind and number)."""
    return redirect(request.path + "/", permanent=True)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links; answer with the icon."""
    with open(finders.find("favicon.svg"), "rb") as handle:
        response = HttpResponse(handle.read(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def action_by_id(request: HttpRequest, pk: int) -> HttpResponse:
    return redirect(get_object_or_404(Action, pk=pk), permanent=True)


@archive_cached
def compare_sources(request: HttpRequest, pk: int) -> HttpResponse:
    """Two published copies of one action side by side, differences marked word by word."""
    action = get_object_or_404(Action, pk=pk)
    sources = []
    seen = set()
    # The same bytes read from two folders are one copy, listed once.
    for source in action.sources.exclude(text="").order_by("-official", "id"):
        if source.sha256 not in seen:
            seen.add(source.sha256)
            sources.append(source)
    if len(sources) < 2:
        raise Http404("This action has fewer than two copies with text")
    by_id = {str(s.pk): s for s in sources}
    first = by_id.get(request.GET.get("a", "")) or sources[0]
    second = by_id.get(request.GET.get("b", "")) or next(s for s in sources if s != first)
    return render(
        request,
        "actions/compare.html",
        {
            "action": action,
            "sources": sources,
            "first": first,
            "second": second,
            "comparison": compare(first.text, second.text),
        },
    )


def _action_page(request: HttpRequest, action: Action) -> HttpResponse:
    read = read_page(action)
    detail, parts = read.detail, read.page.parts
    effects = section_effects(detail)

    def section_effects_html(position: int, number: str) -> str:
        rows = effects.get(number)
        if not rows:
            return ""
        return render_to_string(
            "actions/_section_effects.html",
            {"effects": rows, "number": number, "inverse_labels": INVERSE_LABELS},
        )

    outgoing = reconcile(detail.outgoing, "target")
    incoming = reconcile(detail.incoming, "source")
    fold_cross_references(outgoing, incoming)
    as_of, as_of_error = _as_of(request, action)
    # The text as amended, for an order that numbered orders amended (or revoked in part).
    amended = action.kind == "executive_order" and any(
        row.other and (row.kind == "amends" or row.in_part) for row in incoming
    )
    response = render(
        request,
        "actions/detail.html",
        {
            "as_of": as_of,
            "as_of_day": request.GET.get("as_of", "") if as_of else "",
            "as_of_error": as_of_error,
            "action": action,
            "parts": parts,
            "document": finish_document(read.page, read.named, section_effects_html),
            "outgoing": outgoing,
            "incoming": incoming,
            "status_rows": [row for row in incoming if row.kind in STATUS_RELATION_KINDS],
            "as_amended_url": f"{action.get_absolute_url()}/as-amended" if amended else None,
            "emergency_acts": read.emergency_acts,
            "inverse_labels": INVERSE_LABELS,
            "forward_labels": FORWARD_LABELS,
            "lineage": _lineage(action, outgoing, incoming),
            "related": read.related,
            "commentary": read.commentary,
            "citation_formats": citation_formats(action),
        },
    )
    response["Last-Modified"] = http_date(read.last_modified.timestamp())
    return response


def _lineage(action: Action, outgoing, incoming) -> str:
    """The lineage picture: what this action acts on, and what later acted on it."""

    def nodes(rows, labels) -> list[LineageNode]:
        return [
            LineageNode(
                label=row.other.short_label if row.other else row.label,
                title=row.other.title if row.other else "not in the archive",
                url=row.other.get_absolute_url() if row.other else None,
                relation=labels[row.kind].lower() + (" in part" if row.in_part else ""),
            )
            for row in rows
            if row.kind in LINEAGE_KINDS
        ]

    return lineage(
        nodes(outgoing, FORWARD_LABELS), action.short_label, nodes(incoming, INVERSE_LABELS)
    )


def _as_of(request: HttpRequest, action: Action):
    """`?as_of=YYYY-MM-DD`: the action's status on that day, or a message for a bad date."""
    value = request.GET.get("as_of", "").strip()
    if not value:
        return None, ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None, f"“{value}” is not a date (YYYY-MM-DD)."
    return status_on(action, day), ""
