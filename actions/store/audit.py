"""A curator's report on the archive's weak spots, as counts with examples."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, Q

from actions.models import Action, Conflict, Source
from actions.store.measure import find_twins


def audit_report(examples: int = 5) -> dict:
    actions = Action.objects.all()
    with_text = actions.exclude(text_source=None)
    duplicates = (
        actions.exclude(signed_on=None)
        .values("kind", "title_key", "signed_on")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .order_by("-n")
    )
    conflicts = Counter(Conflict.objects.values_list("field", flat=True))
    return {
        "actions": actions.count(),
        "by_kind": dict(actions.values_list("kind").annotate(n=Count("id")).order_by("-n")),
        "sources": Source.objects.count(),
        "by_source_format": dict(
            Source.objects.values_list("format").annotate(n=Count("id")).order_by("-n")
        ),
        "no_text": _count(actions.filter(text_source=None), examples),
        "text_but_no_sections": _count(
            with_text.filter(kind="executive_order").annotate(s=Count("sections")).filter(s=0),
            examples,
        ),
        "no_signing_date": _count(actions.filter(signed_on=None), examples),
        "no_number": _count(
            actions.filter(kind__in=["executive_order", "proclamation"], number=None), examples
        ),
        "possible_duplicates": {
            "count": duplicates.count(),
            "examples": [
                f"{row['kind']} {row['signed_on']} “{row['title_key'][:60]}” ×{row['n']}"
                for row in duplicates[:examples]
            ],
        },
        "twins": {
            "count": len(twins := find_twins()),
            "examples": [
                f"{a.get_absolute_url()} ~ {b.get_absolute_url()} (text {score:.2f})"
                for a, b, score in twins[:examples]
            ],
        },
        "source_conflicts": dict(conflicts),
        "not_received_for_publication": actions.filter(not_received_for_publication=True).count(),
        "transcription_text_only": _count(
            with_text.filter(text_source__official=False)
            .filter(~Q(sources__official=True, sources__text__gt=""))
            .distinct(),
            examples,
        ),
    }


def _count(queryset, examples: int) -> dict:
    return {
        "count": queryset.count(),
        "examples": [str(a.get_absolute_url()) for a in queryset.order_by("id")[:examples]],
    }


def compare_with_fr_csv(csv_data: bytes) -> list[dict]:
    """Distinct EO numbers per presidential term: the FR CSV export's against the archive's.

    Terms are assigned the same way on both sides, from the signing date; the FR's correction
    rows are not orders and are left out. `whole_term_covered` says whether the CSV spans the
    whole term (Truman to Trump's first term for the export in the corpus).
    """
    from actions.extract.presidents import TERMS, term_on
    from actions.ingest.tables import parse_federal_register_csv

    fr: dict[int, set[str]] = {}
    dates = []
    for doc in parse_federal_register_csv(csv_data):
        if doc.kind != "executive_order" or doc.is_correction or not doc.number:
            continue
        term = term_on(doc.signed_on)
        if term is not None:
            fr.setdefault(term.ordinal, set()).add(doc.number)
            dates.append(doc.signed_on)
    archive: dict[int, set[str]] = {}
    rows = Action.objects.filter(kind="executive_order").exclude(number=None)
    for number, ordinal in rows.values_list("number", "term__ordinal"):
        archive.setdefault(ordinal, set()).add(number)
    first, last = (min(dates), max(dates)) if dates else (None, None)
    report = []
    for term in TERMS:
        expected, found = fr.get(term.ordinal, set()), archive.get(term.ordinal, set())
        if not expected and not found:
            continue
        report.append(
            {
                "term": term.ordinal,
                "president": term.name,
                "whole_term_covered": bool(
                    first and term.end and first <= term.start and term.end <= last
                ),
                "fr_csv": len(expected),
                "archive": len(found),
                "missing": sorted(expected - found)[:20],
                "extra": sorted(found - expected)[:20],
            }
        )
    return report
