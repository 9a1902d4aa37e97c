"""Thin views: read the request, ask the filters, search and queries, render a template."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Max, Min, Q
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import http_date

from actions.charts import LineageNode, lineage, year_bars
from actions.diff import compare
from actions.export_csv import action_rows, citation_rows
from actions.filters import SORT_CHOICES, STATUS_CHOICES
from actions.models import (
    FORWARD_LABELS,
    INVERSE_LABELS,
    KIND_LABELS,
    KIND_PATHS,
    Action,
    Agency,
    AgencyMention,
    ArchiveVersion,
    Citation,
    President,
    Relation,
    Statute,
    Term,
)
from actions.reconcile import fold_cross_references, reconcile
from actions.references import extract_references
from actions.rendering import Link, render_text
from actions.selection import select
from actions.text import normalize_number

PATH_KINDS = {path: kind for kind, path in KIND_PATHS.items()}


def archive_cached(view):
    """Serve a page from Django's cache while the archive has not changed.

    The key holds the archive's version (bumped by every ingest, rebuild and relate run) and
    the full address, so a change retires every cached page at once and nothing stale is
    shown. Pages here are the same for every reader (no login state), so this is safe.
    `ARCHIVE_PAGE_CACHE_SECONDS = 0` turns it off.
    """

    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        seconds = settings.ARCHIVE_PAGE_CACHE_SECONDS
        if not seconds or request.method != "GET":
            return view(request, *args, **kwargs)
        address = f"{ArchiveVersion.current()}|{request.get_full_path()}"
        key = "page:" + hashlib.sha256(address.encode()).hexdigest()
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
                cache.set(key, response, seconds)
        return response

    return cached_view


@archive_cached
def home(request: HttpRequest) -> HttpResponse:
    latest = Action.objects.select_related("president").order_by("-signed_on", "-id")[:12]
    counts = dict(
        Action.objects.values_list("kind").annotate(n=Count("id")).values_list("kind", "n")
    )
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
def timeline(request: HttpRequest) -> HttpResponse:
    """Every year of the archive: a chart shaded by presidency, and a table of kinds per year."""
    rows = (
        Action.objects.exclude(signed_on=None)
        .annotate(year=ExtractYear("signed_on"))
        .values_list("year", "kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    table: dict[int, dict[str, int]] = {}
    for year, kind, n in rows:
        table.setdefault(year, {})[kind] = n
    kinds = [k for k in KIND_LABELS if any(k in row for row in table.values())]
    terms = Term.objects.select_related("president").order_by("start")
    bands = [(t.start.year, (t.end.year if t.end else 9999), t.president.name) for t in terms]
    inaugurated = {t.start.year: f"{t.president.name} took office" for t in terms}
    chart = year_bars(
        {year: sum(row.values()) for year, row in table.items()},
        "Presidential actions per year, shaded by presidency",
        link=f"{reverse('actions:browse')}?sort=oldest&year={{year}}",
        bands=bands,
    )
    return render(
        request,
        "actions/timeline.html",
        {
            "chart": chart,
            "kinds": [(k, KIND_LABELS[k]) for k in kinds],
            "years": [
                (
                    year,
                    [(k, table[year].get(k, 0)) for k in kinds],
                    sum(table[year].values()),
                    inaugurated.get(year, ""),
                )
                for year in sorted(table, reverse=True)
            ],
        },
    )


@archive_cached
def search(request: HttpRequest) -> HttpResponse:
    """Search results, or the browsable list when there is no query; same filters for both."""
    selection = select(request.GET)
    query, filterset, sort, results = (
        selection.query,
        selection.filterset,
        selection.sort,
        selection.results,
    )
    errors = selection.errors
    page_number = _page_number(request)
    size = settings.ARCHIVE_PAGE_SIZE
    matched = selection.matched
    total = matched.count()
    if results is not None:
        hits = results.page((page_number - 1) * size, size, sort) if total else []
    else:
        page_actions = selection.ordered().select_related("president")[
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
            "query": query,
            "filterset": filterset,
            "hits": hits,
            "total": total,
            "page": page,
            "paginator": paginator,
            "sort": sort,
            "sort_choices": SORT_CHOICES,
            "facets": _facets(matched) if total else {},
            "querystring": _querystring(request, exclude={"page"}),
            "is_search": results is not None,
            "filter_errors": errors,
        },
    )


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("page", "1")), 100000))
    except ValueError:
        return 1


def _querystring(request: HttpRequest, exclude: set[str]) -> str:
    pairs = [(k, v) for k, v in request.GET.items() if k not in exclude and v]
    return urlencode(pairs)


def _facets(matched) -> dict[str, list[tuple[str, str, int]]]:
    """Counts per kind, president, year, agency, U.S.C. title and status of the matching
    actions: (value, label, count)."""
    ids = matched.values("id")
    scoped = Action.objects.filter(id__in=ids)
    kinds = scoped.values_list("kind").annotate(n=Count("id")).order_by("-n")
    presidents = (
        scoped.exclude(president=None)
        .values_list("president__slug", "president__name")
        .annotate(n=Count("id"))
        .order_by("-n")
    )
    years = (
        scoped.exclude(signed_on=None)
        .annotate(y=ExtractYear("signed_on"))
        .values_list("y")
        .annotate(n=Count("id"))
        .order_by("-y")
    )
    agencies = (
        AgencyMention.objects.filter(action__in=ids)
        .values_list("agency__slug", "agency__name")
        .annotate(n=Count("action", distinct=True))
        .order_by("-n")[:FACET_SIZE]
    )
    titles = (
        Citation.objects.filter(action__in=ids, statute__kind="usc")
        .values_list("statute__title")
        .annotate(n=Count("action", distinct=True))
        .order_by("-n")[:FACET_SIZE]
    )
    statuses = scoped.values_list("status").annotate(n=Count("id")).order_by("-n")
    status_labels = dict(STATUS_CHOICES)
    return OrderedDict(
        [
            ("kind", [(k, KIND_LABELS.get(k, k), n) for k, n in kinds]),
            ("president", [(slug, name, n) for slug, name, n in presidents]),
            ("year", [(str(y), str(y), n) for y, n in years[:30]]),
            ("agency", [(slug, name, n) for slug, name, n in agencies]),
            ("statute", [(f"{t} U.S.C.", f"Title {t} U.S.C.", n) for t, n in titles]),
            ("status", [(v, status_labels.get(v, v), n) for v, n in statuses if v]),
        ]
    )


FACET_SIZE = 12


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
    action = Action.objects.filter(kind=kind, number__iexact=number).first()
    if action is None:
        # "11359A" or "011359-a" for "11359-A": the same order, at its canonical address.
        action = Action.objects.filter(
            kind=kind, number__iexact=normalize_number(number.lstrip("0"))
        ).first()
        if action is None:
            raise Http404("No such action in the archive")
        return redirect(action, permanent=True)
    if action.number != number:
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
    lookup = Q(kind=kind, slug=slug)
    lookup &= Q(signed_on=None) if day == "undated" else Q(signed_on=day)
    try:
        action = Action.objects.filter(lookup).first()
    except Exception as error:  # a malformed date in the URL is a missing page, not a crash
        raise Http404("No such action") from error
    if action is None:
        raise Http404("No such action in the archive")
    if action.number:
        return redirect(action, permanent=True)
    return _action_page(request, action)


def slash_redirect(request: HttpRequest, **kwargs) -> HttpResponse:
    """`/eo/14385/` -> `/eo/14385`: one canonical address per page."""
    return redirect(request.path.rstrip("/"), permanent=True)


def action_by_id(request: HttpRequest, pk: int) -> HttpResponse:
    return redirect(get_object_or_404(Action, pk=pk), permanent=True)


@archive_cached
def compare_sources(request: HttpRequest, pk: int) -> HttpResponse:
    """Two published copies of one action side by side, differences marked word by word."""
    action = get_object_or_404(Action, pk=pk)
    sources = list(action.sources.exclude(text="").order_by("-official", "id"))
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


def reference_links(action: Action, texts: list[str]) -> list[list[Link]]:
    """Per text, links from the orders it names ("Executive Order 13993") to their pages here,
    found with one query for the whole action."""
    found = [extract_references(text) for text in texts]
    wanted = {(r.kind, r.number) for refs in found for r in refs if r.number}
    numbers = {number for _, number in wanted}
    targets = {}
    if numbers:
        rows = Action.objects.filter(number__in=numbers).only(
            "id", "kind", "number", "title", "signed_on", "slug"
        )
        targets = {(a.kind, a.number): a for a in rows if (a.kind, a.number) in wanted}
    links = []
    for refs in found:
        unit = []
        for ref in refs:
            target = targets.get((ref.kind, ref.number))
            if target is None or target.pk == action.pk:
                continue
            title = f"{target.label}: {target.title}"
            unit.append(Link(ref.start, ref.end, target.get_absolute_url(), title, "ref"))
        links.append(unit)
    return links


def _last_modified(action: Action):
    """When the page last changed: the action's row or its newest copy."""
    newest_copy = action.sources.aggregate(latest=Max("ingested_at"))["latest"]
    return max(t for t in (action.updated_at, newest_copy) if t is not None)


def _action_page(request: HttpRequest, action: Action) -> HttpResponse:
    action = (
        Action.objects.select_related("president", "term", "text_source")
        .prefetch_related("signatories", "conflicts")
        .get(pk=action.pk)
    )
    sections = list(action.sections.all())
    citations = list(
        Citation.objects.filter(action=action)
        .select_related("statute", "section")
        .order_by("start")
    )
    by_section: dict[int | None, list[Citation]] = {}
    for cite in citations:
        by_section.setdefault(cite.section_id, []).append(cite)
    lead_text = action.preamble if sections else (action.preamble or action.text)
    named = reference_links(action, [lead_text, *(s.text for s in sections)])
    rendered_sections = [
        {
            "section": s,
            "html": render_text(s.text, by_section.get(s.pk, []), named[position + 1]),
            "page_cite": _page_cite(action, s.start_page),
        }
        for position, s in enumerate(sections)
    ]
    lead_html = render_text(lead_text, by_section.get(None, []), named[0])
    preamble_html = lead_html if sections else None
    body_html = None if sections else lead_html
    outgoing = reconcile(
        Relation.objects.filter(source=action)
        .exclude(kind="related")
        .select_related("target", "section"),
        "target",
    )
    incoming = reconcile(
        Relation.objects.filter(target=action)
        .exclude(kind="related")
        .select_related("source", "section"),
        "source",
    )
    fold_cross_references(outgoing, incoming)
    related = _related(action)
    sources = list(action.sources.order_by("-official", "id"))
    comparable = sum(1 for s in sources if s.text)
    commentary = list(action.commentary_links.select_related("commentary"))
    statutes = OrderedDict()
    for cite in citations:
        statutes.setdefault(cite.statute.key, []).append(cite)
    response = render(
        request,
        "actions/detail.html",
        {
            "action": action,
            "sections": rendered_sections,
            "preamble_html": preamble_html,
            "body_html": body_html,
            "statutes": statutes,
            "outgoing": outgoing,
            "incoming": incoming,
            "status_rows": [
                row
                for row in incoming
                if row.kind in {"revokes", "supersedes", "suspends", "amends", "continues"}
            ],
            "inverse_labels": INVERSE_LABELS,
            "forward_labels": FORWARD_LABELS,
            "lineage": _lineage(action, outgoing, incoming),
            "related": related,
            "sources": sources,
            "comparable_sources": comparable,
            "commentary": commentary,
            "agencies": _agencies_of(action),
            "citation_formats": _citation_formats(action),
        },
    )
    response["Last-Modified"] = http_date(_last_modified(action).timestamp())
    return response


LINEAGE_KINDS = {"revokes", "supersedes", "amends", "continues", "suspends", "ratifies"}


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
        ][:12]

    return lineage(
        nodes(outgoing, FORWARD_LABELS), action.short_label, nodes(incoming, INVERSE_LABELS)
    )


def _page_cite(action: Action, page: int | None) -> str | None:
    """'82 FR 8799, 8801': the order's FR citation pinned to the page a section is on."""
    if not action.fr_citation or not page:
        return None
    if action.fr_start_page and page != action.fr_start_page:
        return f"{action.fr_citation}, {page}"
    return action.fr_citation


def _related(action: Action) -> list[dict]:
    # Two indexed lookups (source, kind) and (target, kind): an OR of the two would scan.
    rows = [
        *Relation.objects.filter(kind="related", source=action).select_related("target"),
        *Relation.objects.filter(kind="related", target=action).select_related("source"),
    ]
    best: dict[int, dict] = {}
    for relation in sorted(rows, key=lambda r: -(r.score or 0)):
        other = relation.target if relation.source_id == action.pk else relation.source
        if other is None or other.pk == action.pk or other.pk in best:
            continue
        best[other.pk] = {"action": other, "reason": relation.evidence, "score": relation.score}
    return list(best.values())[:10]


def _agencies_of(action: Action) -> list[dict]:
    rows = (
        action.agency_mentions.values("agency__slug", "agency__name")
        .annotate(total=Count("id"), directed_sections=Count("id", filter=Q(directed=True)))
        .order_by("-directed_sections", "agency__name")
    )
    return list(rows)


def _citation_formats(action: Action) -> dict[str, str]:
    """Ready-to-paste citations: Bluebook (T1 style for presidential documents) and the FR's."""
    formats = {}
    signed = _long_date(action.signed_on)
    published = action.published_on or action.signed_on
    short_published = published.strftime("%b. %-d, %Y").replace("May.", "May") if published else ""
    short_published = short_published.replace("Jun.", "June").replace("Jul.", "July")
    short_published = short_published.replace("Sep.", "Sept.")
    name = {"executive_order": "Exec. Order No.", "proclamation": "Proclamation No."}.get(
        action.kind
    )
    if name and action.number:
        fr = action.fr_citation.replace(" FR ", " Fed. Reg. ") if action.fr_citation else ""
        where = f", {fr}" if fr else ""
        formats["Bluebook"] = f"{name} {action.number}{where} ({short_published})."
        formats["Federal Register"] = ", ".join(
            part
            for part in (
                f"{action.kind_label} {action.number} of {signed}",
                action.title,
                action.fr_citation or "",
            )
            if part
        )
    else:
        formats["Bluebook"] = f"{action.title} ({short_published})."
    if action.dcpd_number:
        formats["DCPD"] = f"Daily Comp. Pres. Docs. {action.dcpd_number} ({signed})"
    return formats


def _long_date(day) -> str:
    return day.strftime("%B %-d, %Y") if day else ""


# Statutes, agencies, presidents: index and detail pages ----------------------------------


@archive_cached
def statute_index(request: HttpRequest) -> HttpResponse:
    rows = (
        Statute.objects.annotate(actions=Count("citations__action", distinct=True))
        .filter(actions__gt=0)
        .order_by("kind", "title", "key")
    )
    return render(request, "actions/statute_index.html", {"statutes": rows})


@archive_cached
def usc_title(request: HttpRequest, title: str) -> HttpResponse:
    """`8 U.S.C.`: every section of the title cited, with the number of actions citing it."""
    statutes = (
        Statute.objects.filter(kind="usc", title=title)
        .annotate(actions=Count("citations__action", distinct=True))
        .filter(actions__gt=0)
        .order_by("key")
    )
    if not statutes:
        raise Http404("No action cites this title")
    rows = sorted(statutes, key=lambda s: _section_sort_key(s.section))
    return render(request, "actions/usc_title.html", {"title": title, "statutes": rows})


def _section_sort_key(section: str) -> tuple:
    digits = "".join(ch for ch in section if ch.isdigit()) or "0"
    return (int(digits[:9]), section)


@archive_cached
def usc_section(request: HttpRequest, title: str, section: str) -> HttpResponse:
    statute = get_object_or_404(Statute, kind="usc", key=f"{title} U.S.C. {section}")
    return _statute_page(request, statute)


@archive_cached
def statute_detail(request: HttpRequest, key: str) -> HttpResponse:
    return _statute_page(request, get_object_or_404(Statute, key=key))


STATUTE_PAGE_ACTIONS = 100
DETAIL_PAGE_ACTIONS = 50


def _statute_page(request: HttpRequest, statute: Statute) -> HttpResponse:
    citing = Action.objects.filter(citations__statute=statute).distinct()
    total = citing.count()
    shown = list(
        citing.order_by("-signed_on", "-id").values_list("id", flat=True)[:STATUTE_PAGE_ACTIONS]
    )
    citations = (
        Citation.objects.filter(statute=statute, action_id__in=shown)
        .select_related("action", "section")
        .order_by("-action__signed_on", "-action_id", "start")
    )
    by_action: OrderedDict = OrderedDict()
    for cite in citations:
        by_action.setdefault(cite.action, []).append(cite)
    pins = (
        Citation.objects.filter(statute=statute)
        .values("pin")
        .annotate(n=Count("action", distinct=True))
        .order_by("pin")
    )
    years = _years_chart(
        citing,
        f"Actions citing {statute.key}, per year",
        link=_search_link(statute=statute.key),
    )
    return render(
        request,
        "actions/statute_detail.html",
        {
            "statute": statute,
            "by_action": by_action,
            "total": total,
            "pins": pins,
            "years_chart": years,
            "all_url": f"{reverse('actions:search')}?{urlencode({'statute': statute.key})}",
        },
    )


def _year_span(actions) -> tuple[int, int] | None:
    years = actions.exclude(signed_on=None).aggregate(first=Min("signed_on"), last=Max("signed_on"))
    return (years["first"].year, years["last"].year) if years["first"] else None


def _search_link(**filters: str) -> str:
    """A search URL template for one year of the filtered actions (`{year}` left to fill)."""
    query = urlencode(filters)
    return f"{reverse('actions:search')}?{query}&sort=oldest&year={{year}}"


def _years_chart(
    actions, label: str, link: str | None = None, ident: str = "years", span=None
) -> str:
    """An SVG bar per signing year of the given actions."""
    counts = dict(
        actions.exclude(signed_on=None)
        .annotate(year=ExtractYear("signed_on"))
        .values_list("year")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    return year_bars(counts, label, link, ident, span=span)


@archive_cached
def agency_index(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.annotate(
        actions=Count("mentions__action", distinct=True),
        directed=Count("mentions__action", filter=Q(mentions__directed=True), distinct=True),
    ).order_by("-actions")
    return render(request, "actions/agency_index.html", {"agencies": agencies})


@archive_cached
def agency_detail(request: HttpRequest, slug: str) -> HttpResponse:
    agency = get_object_or_404(Agency, slug=slug)
    naming = Action.objects.filter(agency_mentions__agency=agency).distinct()
    directing = Action.objects.filter(
        agency_mentions__agency=agency, agency_mentions__directed=True
    ).distinct()
    directed_ids = set(directing.values_list("id", flat=True))
    recent = list(
        naming.select_related("president").order_by("-signed_on", "-id")[:DETAIL_PAGE_ACTIONS]
    )
    for action in recent:
        action.directs = action.pk in directed_ids
    search = reverse("actions:search")
    return render(
        request,
        "actions/agency_detail.html",
        {
            "agency": agency,
            "actions": recent,
            "total": naming.count(),
            "directed_total": len(directed_ids),
            "all_url": f"{search}?{urlencode({'agency': agency.slug})}",
            "directed_url": f"{search}?{urlencode({'agency': agency.slug, 'directed': 'true'})}",
            "years_chart": _years_chart(
                naming,
                f"Actions naming the {agency.name}, per year",
                link=_search_link(agency=agency.slug),
            ),
            "directed_chart": _years_chart(
                directing,
                f"Actions directing the {agency.name}, per year",
                link=_search_link(agency=agency.slug, directed="true"),
                ident="directed",
                span=_year_span(naming),
            ),
        },
    )


@archive_cached
def president_index(request: HttpRequest) -> HttpResponse:
    presidents = President.objects.annotate(action_count=Count("actions")).prefetch_related("terms")
    return render(request, "actions/president_index.html", {"presidents": presidents})


@archive_cached
def president_detail(request: HttpRequest, slug: str) -> HttpResponse:
    president = get_object_or_404(President, slug=slug)
    by_kind = president.actions.values_list("kind").annotate(n=Count("id")).order_by("-n")
    actions = president.actions.order_by("-signed_on", "-id")[:DETAIL_PAGE_ACTIONS]
    return render(
        request,
        "actions/president_detail.html",
        {
            "president": president,
            "by_kind": [(KIND_LABELS.get(k, k), k, n) for k, n in by_kind],
            "actions": actions,
            "total": president.actions.count(),
            "all_url": f"{reverse('actions:browse')}?{urlencode({'president': president.slug})}",
            "years_chart": _years_chart(
                president.actions.all(),
                f"Actions of {president.name}, per year",
                link=_search_link(president=president.slug),
            ),
        },
    )
