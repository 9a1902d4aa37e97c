"""Browse pages: the timeline, statutes, agencies and presidents, each with its chart."""

from __future__ import annotations

from collections import OrderedDict
from itertools import groupby
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html_join

from actions.extract.citations import parse_statute_query
from actions.models import Action, Agency, Citation, President, Statute, Term
from actions.vocabulary import KIND_LABELS, STATUTE_KIND_LABELS
from actions.web.caching import archive_cached
from actions.web.charts import year_bars
from actions.web.coverage import gaps, gaps_crossed
from actions.web.coverage import table as coverage_table


@archive_cached
def timeline(request: HttpRequest) -> HttpResponse:
    """Every year of the archive: a chart shaded by presidency, and a table of kinds per year."""
    table = Action.objects.year_kind_counts()
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
            "coverage_notes": [gap.note() for gap in gaps()],
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
def coverage(request: HttpRequest) -> HttpResponse:
    """What the archive holds per kind and year (actions, with text) and its gaps."""
    cells = coverage_table()
    years = sorted({year for _, year in cells}, reverse=True)
    kinds = [k for k in KIND_LABELS if any(kind == k for kind, _ in cells)]
    rows = [
        (year, [cells.get((kind, year), {"actions": 0, "with_text": 0}) for kind in kinds])
        for year in years
    ]
    return render(
        request,
        "actions/coverage.html",
        {"kinds": [(k, KIND_LABELS[k]) for k in kinds], "rows": rows, "gaps": gaps()},
    )


# Statutes, agencies, presidents: index and detail pages ----------------------------------


@archive_cached
def statute_index(request: HttpRequest) -> HttpResponse:
    """The U.S. Code first, a line per title in numeric order (each title its own page), then
    the other kinds; a box that jumps to a section."""
    rows = Statute.objects.exclude(kind="usc").cited()
    # Many links: joined here, where it costs a tenth of a template loop.
    groups = [
        (
            kind,
            STATUTE_KIND_LABELS.get(kind, kind),
            format_html_join(
                "",
                '<li><a href="{}">{}</a> <span class="count">{}</span></li>',
                ((s.get_absolute_url(), s.key, s.actions) for s in statutes),
            ),
        )
        for kind, statutes in groupby(rows, key=lambda s: s.kind)
    ]
    return render(
        request,
        "actions/statute_index.html",
        {"titles": Citation.objects.usc_titles(), "groups": groups, "error": ""},
    )


def statute_jump(request: HttpRequest) -> HttpResponse:
    """`?to=8 USC 1357` (any form people type): to that section's page, or its title's."""
    typed = request.GET.get("to", "").strip()
    cite = parse_statute_query(typed) if typed else None
    if cite is not None:
        statute = Statute.objects.filter(key=cite.key).first()
        if statute is not None:
            return redirect(statute.get_absolute_url())
        if cite.kind == "usc" and Statute.objects.filter(kind="usc", title=cite.title).exists():
            return redirect("actions:usc_title", cite.title)
    message = (
        f"No action in the archive cites “{typed}”."
        if cite
        else f"“{typed}” is not a citation "
        "the archive can read (try 8 U.S.C. 1357, 8 USC 1357 or INA 287(g))."
    )
    response = render(
        request,
        "actions/statute_index.html",
        {
            "titles": Citation.objects.usc_titles(),
            "groups": [],
            "error": message if typed else "Type a citation to jump to it.",
            "typed": typed,
        },
        status=404 if typed else 400,
    )
    return response


@archive_cached
def usc_title(request: HttpRequest, title: str) -> HttpResponse:
    """`8 U.S.C.`: every section of the title cited, with the number of actions citing it."""
    statutes = Statute.objects.filter(kind="usc", title=title).cited()
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
    citing = Action.objects.citing(statute)
    total = citing.count()
    shown = list(citing.newest().values_list("id", flat=True)[:STATUTE_PAGE_ACTIONS])
    citations = (
        Citation.objects.filter(statute=statute, action_id__in=shown)
        .select_related("action", "section")
        .order_by("-action__signed_on", "-action_id", "start")
    )
    by_action: OrderedDict = OrderedDict()
    for cite in citations:
        by_action.setdefault(cite.action, []).append(cite)
    pins = Citation.objects.pins(statute)
    counts = dict(pins)
    by_pin = [
        (pin, actions, counts.get(pin, len(actions)))
        for pin, actions in Citation.objects.by_pin(statute)
    ]
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
            "by_pin": by_pin,
            "years_chart": years,
            "all_url": f"{reverse('actions:search')}?{urlencode({'statute': statute.key})}",
        },
    )


def _search_link(**filters: str) -> str:
    """A search URL template for one year of the filtered actions (`{year}` left to fill)."""
    query = urlencode(filters)
    return f"{reverse('actions:search')}?{query}&sort=oldest&year={{year}}"


def _years_chart(
    actions, label: str, link: str | None = None, ident: str = "years", span=None
) -> str:
    """An SVG bar per signing year of the given actions."""
    return year_bars(actions.year_counts(), label, link, ident, span=span)


def _notes_over(span: tuple[int, int] | None) -> list[str]:
    """The gaps in the sources a chart over these years crosses."""
    if span is None:
        return []
    return [gap.note() for gap in gaps_crossed(None, *span)]


@archive_cached
def agency_index(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.with_counts()
    return render(request, "actions/agency_index.html", {"agencies": agencies})


@archive_cached
def agency_detail(request: HttpRequest, slug: str) -> HttpResponse:
    agency = get_object_or_404(Agency, slug=slug)
    naming = Action.objects.naming(agency)
    directing = Action.objects.naming(agency, directed=True)
    directed_ids = set(directing.values_list("id", flat=True))
    recent = list(naming.result_rows().newest()[:DETAIL_PAGE_ACTIONS])
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
            "coverage_notes": _notes_over(naming.year_span()),
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
                span=naming.year_span(),
            ),
        },
    )


@archive_cached
def president_index(request: HttpRequest) -> HttpResponse:
    presidents = President.objects.with_counts().prefetch_related("terms")
    return render(request, "actions/president_index.html", {"presidents": presidents})


@archive_cached
def president_detail(request: HttpRequest, slug: str) -> HttpResponse:
    president = get_object_or_404(President, slug=slug)
    by_kind = sorted(president.actions.kind_counts().items(), key=lambda row: -row[1])
    actions = president.actions.newest()[:DETAIL_PAGE_ACTIONS]
    return render(
        request,
        "actions/president_detail.html",
        {
            "president": president,
            "by_kind": [(KIND_LABELS.get(k, k), k, n) for k, n in by_kind],
            "actions": actions,
            "total": president.actions.count(),
            "coverage_notes": _notes_over(president.actions.year_span()),
            "all_url": f"{reverse('actions:browse')}?{urlencode({'president': president.slug})}",
            "years_chart": _years_chart(
                president.actions.all(),
                f"Actions of {president.name}, per year",
                link=_search_link(president=president.slug),
            ),
        },
    )
