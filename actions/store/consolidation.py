"""An executive order's text as amended on a day: its sections with the instructions of the
orders amending it applied (`extract/consolidate.py`), each change marked, and the
instructions that could not be applied listed with their reasons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from actions.extract.amendments import parse_instructions
from actions.extract.consolidate import Amendment, Part, consolidate
from actions.models import Action, Relation

AMENDING_KINDS = ("amends", "supersedes", "revokes")
_SECTION_AT_RE = re.compile(
    r"(?:^|\n)\s*(?:Sec(?:tion)?\.?|SECTION|SEC\.)\s*(?P<number>\d+(?:[-.]\d+)?[A-Za-z]?)\.", re.M
)


@dataclass
class AsAmended:
    action: Action
    day: date
    parts: list[Part]
    not_applied: list[dict]
    amendments: list[Amendment]  # every instruction aimed at the order, on any day

    @property
    def changed(self) -> bool:
        return any(part.changes for part in self.parts)

    @property
    def pending(self) -> list[Amendment]:
        """Instructions of orders that take effect after the day."""
        return [a for a in self.amendments if a.on and a.on > self.day]


def amendments_of(action: Action) -> list[Amendment]:
    """Every instruction aimed at this order in the texts of the orders that act on it."""
    if action.kind != "executive_order" or not action.number:
        return []
    relations = (
        Relation.objects.filter(target=action, kind__in=AMENDING_KINDS, source__isnull=False)
        .exclude(source=action)
        .select_related("source")
        .order_by("source__signed_on", "source_id")
    )
    effective: dict[int, date | None] = {}
    sources: dict[int, Action] = {}
    for relation in relations:
        sources[relation.source_id] = relation.source
        day = relation.effective_on or relation.source.signed_on
        known = effective.get(relation.source_id)
        effective[relation.source_id] = (
            min(d for d in (known, day) if d) if (known or day) else None
        )
    out = []
    for pk, source in sources.items():
        headers = [(m.start(), m.group("number")) for m in _SECTION_AT_RE.finditer(source.text)]
        for instruction in parse_instructions(source.text):
            if instruction.target_number != action.number:
                continue
            section = next((n for at, n in reversed(headers) if at <= instruction.start), None)
            out.append(Amendment(instruction, pk, source.number, section, effective[pk]))
    return out


def as_amended(action: Action, day: date, amendments: list[Amendment] | None = None) -> AsAmended:
    """The order as amended by the instructions in effect on `day`."""
    amendments = amendments_of(action) if amendments is None else amendments
    in_effect = [a for a in amendments if a.on is None or a.on <= day]
    sections = [(s.number, s.heading, s.text) for s in action.sections.all()]
    parts, not_applied = consolidate(sections, in_effect)
    return AsAmended(action, day, parts, not_applied, amendments)
