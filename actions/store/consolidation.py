"""An executive order's text as amended on a day: its sections with the instructions of the
orders amending it applied (`extract/consolidate.py`), each change marked, and the
instructions that could not be applied listed with their reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from actions.extract.amendment_wording import PREAMBLE, TITLE
from actions.extract.amendments import parse_instructions
from actions.extract.consolidate import consolidate
from actions.extract.consolidated_parts import Amendment, Part
from actions.extract.section_heads import section_at, section_starts
from actions.models import Action, Relation

AMENDING_KINDS = ("amends", "supersedes", "revokes")


@dataclass
class AsAmended:
    action: Action
    day: date
    parts: list[Part]
    not_applied: list[dict]
    amendments: list[Amendment]  # every instruction aimed at the order, on any day
    # The title and preamble as amended (numbered "title" and "preamble"); the preamble only
    # where the archived text has one.
    front: list[Part] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(part.changes for part in [*self.front, *self.parts])

    def front_part(self, name: str) -> Part | None:
        return next((part for part in self.front if part.number == name), None)

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
        starts = section_starts(source.text)
        for instruction in parse_instructions(source.text):
            if instruction.target_number != action.number:
                continue
            section = section_at(starts, instruction.start)
            out.append(Amendment(instruction, pk, source.number, section, effective[pk]))
    return out


def as_amended(action: Action, day: date, amendments: list[Amendment] | None = None) -> AsAmended:
    """The order as amended by the instructions in effect on `day`."""
    amendments = amendments_of(action) if amendments is None else amendments
    in_effect = [a for a in amendments if a.on is None or a.on <= day]
    sections = [(s.number, s.heading, s.text) for s in action.sections.all()]
    front = [Part(TITLE, "", action.title)]
    if action.preamble.strip():
        front.append(Part(PREAMBLE, "", action.preamble))
    parts, not_applied = consolidate(sections, in_effect, front)
    return AsAmended(action, day, parts, not_applied, amendments, front)
