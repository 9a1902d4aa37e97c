"""Relations the publishers state outside an order's text: FR disposition notes, NARA tables.

Pure. A note sits on one action and names another: `Revoked by: EO 13993 of January 20, 2021`
on EO 13768 means EO 13993 revokes EO 13768. `note_relation` turns the label into the stored,
actor-to-affected form; `parse_target` reads what the note names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from actions.ingest.dates import parse_written_date

# label (lower-case) -> (relation kind, holder is the actor?, in part?)
_LABELS = {
    "revokes": ("revokes", True, False),
    "revoked by": ("revokes", False, False),
    "revokes in part": ("revokes", True, True),
    "revoked in part by": ("revokes", False, True),
    "amends": ("amends", True, False),
    "amended by": ("amends", False, False),
    "supersedes": ("supersedes", True, False),
    "superseded by": ("supersedes", False, False),
    "supersedes in part": ("supersedes", True, True),
    "superseded in part by": ("supersedes", False, True),
    "superseded or revoked by": ("supersedes", False, False),
    "continues": ("continues", True, False),
    "continued by": ("continues", False, False),
    "suspends": ("suspends", True, False),
    "suspended by": ("suspends", False, False),
    "ratifies": ("ratifies", True, False),
    "ratified by": ("ratifies", False, False),
    "supplements": ("amends", True, False),
    "supplemented by": ("amends", False, False),
    "see": ("see_also", True, False),
    "see also": ("see_also", True, False),
}


@dataclass(frozen=True)
class NoteTarget:
    kind: str
    number: str | None
    on: date | None
    label: str


def note_relation(label: str) -> tuple[str, bool, bool] | None:
    """(kind, holder_is_actor, in_part) for a note label, or None for 'Note' and unknowns."""
    return _LABELS.get(" ".join(label.lower().split()).rstrip(":"))


_TARGET_RE = re.compile(
    r"^(?P<label>E\.?\s?O\.?|Executive Order|Proclamation|Proc\.)\s*(?:No\.\s*)?"
    r"(?P<number>\d{3,5}(?:-[A-Z])?)",
    re.I,
)


def parse_target(text: str) -> NoteTarget:
    """'EO 13993 of January 20, 2021' -> executive_order 13993, 2021-01-20."""
    cleaned = " ".join(text.split())
    match = _TARGET_RE.match(cleaned)
    on = parse_written_date(cleaned)
    if match:
        kind = (
            "proclamation" if match.group("label").lower().startswith("proc") else "executive_order"
        )
        return NoteTarget(kind=kind, number=match.group("number"), on=on, label=cleaned)
    bare = re.match(r"^(\d{4,5}(?:-[A-Z])?)\b", cleaned)  # "13768, January 25, 2017"
    if bare:
        return NoteTarget(
            kind="executive_order", number=bare.group(1), on=on, label=f"EO {cleaned}"
        )
    lowered = cleaned.lower()
    kind = next(
        (
            k
            for k in ("memorandum", "proclamation", "notice", "determination")
            if lowered.startswith(k)
        ),
        "other",
    )
    return NoteTarget(kind=kind, number=None, on=on, label=cleaned)
