"""The filters a results page applies, as removable chips above the results."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict

from actions.extract.agencies import agency_entries, agency_named
from actions.read.filters import TRUE_VALUES
from actions.vocabulary import KIND_LABELS, STATUS_LABELS

# (parameter, what the chip says); "directed" rides with the agency chip.
FILTERS = [
    ("kind", "Kind"),
    ("president", "President"),
    ("signed_after", "Signed from"),
    ("signed_before", "Signed until"),
    ("year", "Year"),
    ("term", "Presidency"),
    ("agency", "Agency"),
    ("statute", "Statute"),
    ("topic", "Topic"),
    ("status", "Status"),
]


@dataclass(frozen=True)
class Chip:
    label: str
    value: str
    remove_url: str  # the same page without this filter


def active_filters(params: QueryDict, errors: dict) -> list[Chip]:
    chips = []
    for name, label in FILTERS:
        value = params.get(name, "").strip()
        if not value or name in errors:
            continue
        shown = _shown(name, value, params)
        dropped = {name, "page"} | ({"directed"} if name == "agency" else set())
        rest = [(k, v) for k, v in params.items() if k not in dropped and v]
        chips.append(Chip(label, shown, "?" + urlencode(rest)))
    return chips


def _shown(name: str, value: str, params: QueryDict) -> str:
    if name == "kind":
        return KIND_LABELS.get(value, value)
    if name == "status":
        return STATUS_LABELS.get(value, value)
    if name == "agency":
        slug = agency_named(value)
        shown = agency_entries()[slug].name if slug else value
        if params.get("directed") in TRUE_VALUES:
            shown += ", directed"
        return shown
    return value


def agency_suggestions() -> list[str]:
    """Every name a person may type for an agency: names, then acronyms, sorted."""
    names = set()
    for entry in agency_entries().values():
        names.add(entry.name)
        if entry.abbreviation:
            names.add(entry.abbreviation)
    return sorted(names, key=str.lower)
