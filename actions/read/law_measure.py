"""How well the archive answers "is this still the law, and what does it say now?", measured
on the whole archive (`manage.py measure_law`): amendment instructions applied cleanly, and
the national emergencies register against the FR's disposition notes."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from actions.models import Action, Emergency, Relation
from actions.store.consolidation import AMENDING_KINDS, amendments_of, as_amended

# An instruction that states an edit: quoted words, a new text, a place struck or renumbered.
# "is amended accordingly" or "as provided in the Annex" states none and is not counted.
# A lead-in not read ("Section 1 is amended—", "In Section 1(b):") is counted with them: the
# edits it introduces are not known to have been read.
_EXPLICIT_RE = re.compile(
    r"\u201c|to\s+read|striking|inserting|adding|deleting|deleted|replac|changing|substitut"
    r"|redesignat|renumber|revok|[:\u2014-]\s*$",
    re.I,
)


RECENT = date(2009, 1, 20)  # the orders a reporter asks about most: the last four presidencies


@dataclass
class AmendmentFigures:
    orders: int = 0  # amended orders whose text (sections) the archive holds
    instructions: int = 0  # explicit instructions aimed at them by archived orders
    applied: int = 0
    not_explicit: int = 0
    recent: int = 0  # instructions of orders signed since RECENT
    recent_applied: int = 0
    reasons: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)  # reason -> (order number, instruction)

    @property
    def share(self) -> float:
        return self.applied / self.instructions if self.instructions else 0.0


def amended_orders():
    """Executive orders with sections that archived orders amend or revoke in part."""
    return (
        Action.objects.filter(
            kind="executive_order",
            number__isnull=False,
            incoming__kind__in=AMENDING_KINDS,
            incoming__source__isnull=False,
            sections__isnull=False,
        )
        .distinct()
        .order_by("number")
    )


def measure_amendments(today: date) -> AmendmentFigures:
    figures = AmendmentFigures()
    for action in amended_orders():
        amendments = amendments_of(action)
        if not amendments:
            continue
        figures.orders += 1
        result = as_amended(action, today, amendments)
        failed = {(n["action_id"], n["instruction"]) for n in result.not_applied}
        for amendment in amendments:
            if amendment.on and amendment.on > today:
                continue
            text = amendment.instruction.text
            if amendment.instruction.op is None and not _EXPLICIT_RE.search(text):
                figures.not_explicit += 1
                continue
            figures.instructions += 1
            clean = (amendment.action_id, text) not in failed
            figures.applied += clean
            if amendment.on and amendment.on >= RECENT:
                figures.recent += 1
                figures.recent_applied += clean
        for item in result.not_applied:
            if item["reason"] and _EXPLICIT_RE.search(item["instruction"]):
                reason = _reason_class(item["reason"])
                figures.reasons[reason] += 1
                figures.examples.setdefault(reason, (action.number, item["instruction"]))
    return figures


def _reason_class(reason: str) -> str:
    """ "“X” is not in section 2": the kind of reason, without its particulars."""
    reason = re.sub(r"\u201c[^\u201d]*\u201d", "“…”", reason)
    return re.sub(r"\b\d+[A-Za-z]?(?:\([^)]*\))*", "N", reason)


def sample_sections(today: date, size: int = 30, seed: int = 19) -> list[dict]:
    """Consolidated sections that amendments changed, drawn at random for reading."""
    changed = []
    for action in amended_orders():
        amendments = amendments_of(action)
        if not amendments:
            continue
        result = as_amended(action, today, amendments)
        original = {s.number: s.text for s in action.sections.all()}
        for part in result.parts:
            if part.changes:
                changed.append((action, part, original.get(part.key, "")))
    # Drawn by a hash of each section's name, so that a change elsewhere in the archive does
    # not redraw the whole sample (the reading stays valid for the sections still in it).
    changed.sort(
        key=lambda item: hashlib.sha1(f"{seed}:{item[0].number}:{item[1].key}".encode()).hexdigest()
    )
    return [
        {
            "order": action.number,
            "section": part.number,
            "original": original,
            "as_amended": "[Revoked]" if part.revoked else part.text,
            "changes": part.changes,
        }
        for action, part, original in changed[:size]
    ]


@dataclass
class EmergencyFigures:
    declared: int
    in_effect: int
    terminated: int
    declaring_order_archived: int
    continuation_notices: int
    # Against the FR's notes: of the terminated emergencies whose declaring order has notes,
    # how many notes say that order was revoked by the terminating order.
    terminated_with_notes: int
    notes_agree: int
    # Declaring orders the notes call revoked while the register has the emergency in effect.
    revoked_in_notes_in_effect: list[str]
    continued_in_notes: int  # "Continued by" notes on declaring orders
    continued_in_notes_found: int  # of those, the continuing action is in the register


def measure_emergencies(today: date) -> EmergencyFigures:
    emergencies = list(Emergency.objects.with_acts())
    terminated = [e for e in emergencies if e.terminated_on]
    with_notes = agree = 0
    revoked_open = []
    continued_notes = continued_found = 0
    for emergency in emergencies:
        if emergency.declared_by is None:
            continue
        notes = Relation.objects.filter(origin="fr_notes", target=emergency.declared_by)
        revokers = {r.source_id for r in notes if r.kind == "revokes" and not r.in_part}
        if emergency.terminated_on and notes.exists():
            with_notes += 1
            agree += emergency.terminated_by_id in revokers
        if not emergency.terminated_on and revokers:
            revoked_open.append(emergency.slug)
        continuers = {r.source_id for r in notes if r.kind == "continues" and r.source_id}
        continued_notes += len(continuers)
        acting = {a.action_id for a in emergency.acts.all()}
        continued_found += len(continuers & acting)
    return EmergencyFigures(
        declared=len(emergencies),
        in_effect=sum(1 for e in emergencies if e.in_effect_on(today)),
        terminated=len(terminated),
        declaring_order_archived=sum(1 for e in emergencies if e.declared_by_id),
        continuation_notices=sum(
            1 for e in emergencies for a in e.acts.all() if a.kind == "continues"
        ),
        terminated_with_notes=with_notes,
        notes_agree=agree,
        revoked_in_notes_in_effect=revoked_open,
        continued_in_notes=continued_notes,
        continued_in_notes_found=continued_found,
    )
