"""What an amending order's own renumbering means for its other instructions: where each part
it moved now stands, the place an instruction names read in the numbering the order found,
and the places its words leave open (`consolidate.py` applies them)."""

from __future__ import annotations

import dataclasses
import re

from actions.extract.amendment_wording import REDESIGNATE, Instruction

_AS_RENUMBERED_RE = re.compile(
    r"\b(?:as\s+|newly\s+)(?:re)?(?:designated|numbered)\b|\b(?:redesignated|renumbered)\s+(?:sub)?sec",
    re.I,
)


def moves_of(instruction: Instruction) -> dict:
    """Where each part a redesignation moved now stands: (section, path) before -> after."""
    out = {}
    for location, new in instruction.each or [(instruction.location, instruction.new or "")]:
        if location.path:
            out[(location.section, location.path)] = (location.section, location.path[:-1] + (new,))
        else:
            out[(location.section, ())] = (new, ())
    return out


def numbered_twice(instruction: Instruction, moves: dict) -> bool:
    """ "striking section 5 and redesignating sections 6, 7, 8, ... as sections 5, 6, 7,
    ...", then, in another section of the same order, "striking section 7 and inserting ...
    “Sec. 7. Aligning Policy to Practice”" (EO 14306 on EO 14144, whose section 7 of that
    name became 6), or "subsection 2(c)" after 2(c)-(e) moved up to 2(a)-(c): a place the
    order's own renumbering gave to another part, whose meaning the words leave open."""
    if instruction.op == REDESIGNATE or not moves or _AS_RENUMBERED_RE.search(instruction.text):
        return False  # "Paragraph 6, as redesignated, is amended": the numbering meant is said
    place = (instruction.location.section, instruction.location.path[:1])
    before = {(section, path[:1]) for section, path in moves}
    after = {(section, path[:1]) for section, path in moves.values()}
    return place in before and place in after


def as_numbered_before(instruction: Instruction, moved: dict) -> Instruction | None:
    """The instruction with its place read in the numbering its order found (before its own
    redesignations), or None when that changes nothing."""
    location = instruction.location
    if not moved or instruction.each or location.section is None:
        return None
    for cut in range(len(location.path), -1, -1):
        now = moved.get((location.section, location.path[:cut]))
        if now:
            section, prefix = now
            where = dataclasses.replace(
                location, section=section, path=prefix + location.path[cut:]
            )
            return dataclasses.replace(instruction, location=where) if where != location else None
    return None
