"""Ready-to-paste citations of an action: Bluebook (rule 14.7 and table T1's form for
presidential documents, months abbreviated as table T12 does), the FR's own form, and the
Daily Compilation's."""

from __future__ import annotations

from datetime import date

from actions.models import Action

# Bluebook table T12: May, June and July are written out; September is "Sept."
T12_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
BLUEBOOK_NAMES = {"executive_order": "Exec. Order No.", "proclamation": "Proclamation No."}


def bluebook_date(day: date | None) -> str:
    return f"{T12_MONTHS[day.month - 1]} {day.day}, {day.year}" if day else ""


def long_date(day: date | None) -> str:
    return day.strftime("%B %-d, %Y") if day else ""


def citation_formats(action: Action) -> dict[str, str]:
    """{"Bluebook": ..., "Federal Register": ..., "DCPD": ...}, each where it applies."""
    formats = {}
    published = bluebook_date(action.published_on or action.signed_on)
    name = BLUEBOOK_NAMES.get(action.kind)
    if name and action.number:
        fr = action.fr_citation.replace(" FR ", " Fed. Reg. ") if action.fr_citation else ""
        where = f", {fr}" if fr else ""
        formats["Bluebook"] = f"{name} {action.number}{where} ({published})."
        formats["Federal Register"] = ", ".join(
            part
            for part in (
                f"{action.kind_label} {action.number} of {long_date(action.signed_on)}",
                action.title,
                action.fr_citation or "",
            )
            if part
        )
    else:
        formats["Bluebook"] = f"{action.title} ({published})."
    if action.dcpd_number:
        formats["DCPD"] = (
            f"Daily Comp. Pres. Docs. {action.dcpd_number} ({long_date(action.signed_on)})"
        )
    return formats
