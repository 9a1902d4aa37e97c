"""The national emergencies register: the list (with what was in effect on a day), a page per
emergency with its timeline, CSV and Atom."""

from __future__ import annotations

import csv
from datetime import date

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from actions.models import Emergency, EmergencyAct
from actions.read.emergencies import (
    declared_label,
    declaring_order_revoked,
    last_continued,
    record,
    register,
    years,
)
from actions.vocabulary import EMERGENCY_ACT_LABELS
from actions.web.caching import archive_cached
from actions.web.charts import ACT_MARKS, TimelineMark, emergency_timeline, year_bars
from actions.web.export_csv import _Echo


@archive_cached
def emergency_index(request: HttpRequest) -> HttpResponse:
    emergencies, form = register(request.GET)
    today = date.today()
    rows = [
        (e, declared_label(e), last_continued(e), declaring_order_revoked(e)) for e in emergencies
    ]
    chart = year_bars(
        Emergency.objects.years_in_effect(today),
        "National emergencies in effect at some time in each year",
        ident="in-effect",
        unit="emergencies",
    )
    return render(
        request,
        "actions/emergency_index.html",
        {
            "form": form,
            "rows": rows,
            "chart": chart,
            "in_effect_today": Emergency.objects.in_effect_on(today).count(),
            "total": Emergency.objects.count(),
            "csv_query": request.GET.urlencode(),
        },
    )


@archive_cached
def emergency_detail(request: HttpRequest, slug: str) -> HttpResponse:
    emergency = get_object_or_404(Emergency.objects.with_acts(), slug=slug)
    today = date.today()
    acts = list(emergency.acts.all())
    marks = [
        TimelineMark(a.on, a.kind, f"{EMERGENCY_ACT_LABELS[a.kind]} by {a.action.label}")
        for a in acts
        if a.on
    ]
    return render(
        request,
        "actions/emergency_detail.html",
        {
            "emergency": emergency,
            "declared_label": declared_label(emergency),
            "revoked": (revoked := declaring_order_revoked(emergency)),
            "acts_after_revocation": bool(
                revoked
                and revoked["signed_on"]
                and any(a.on and a.on > revoked["signed_on"] for a in acts)
            ),
            "acts": acts,
            "years": years(emergency, today, EmergencyAct.objects.continued_per_year()),
            "timeline": emergency_timeline(
                emergency.declared_on, emergency.terminated_on, today, marks, "emergency"
            ),
            "legend": sorted({v for k, v in ACT_MARKS.items()}, key=lambda v: v[1]),
            "labels": EMERGENCY_ACT_LABELS,
            "feed_url": reverse("actions:emergency_feed", args=[emergency.slug]),
        },
    )


CSV_COLUMNS = [
    "id",
    "subject",
    "declared_by",
    "declared_on",
    "status",
    "terminated_by",
    "terminated_on",
    "expanded_by",
    "continued_by",
    "url",
]


def emergency_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The register (with the list's filters) as CSV, one row per emergency."""
    emergencies, _ = register(request.GET)
    base = request.build_absolute_uri("/").rstrip("/")

    def label(ref: dict | None) -> str:
        if not ref or not ref.get("number"):
            return ""
        return f"{ref['kind']} {ref['number']}"

    def rows():
        writer = csv.writer(_Echo())
        yield writer.writerow(CSV_COLUMNS)
        for emergency in emergencies:
            item = record(emergency)
            yield writer.writerow(
                [
                    item["id"],
                    item["subject"],
                    label(item["declared_by"]),
                    item["declared_on"] or "",
                    item["status"],
                    label(item["terminated_by"]),
                    item["terminated_on"] or "",
                    "; ".join(f"{r['id']} ({r['signed_on']})" for r in item["expanded_by"]),
                    "; ".join(str(r["signed_on"]) for r in item["continued_by"]),
                    base + item["url"],
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="national-emergencies.csv"'
    return response
