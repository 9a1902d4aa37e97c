"""Edits of what heads a text rather than its body: a section's heading ("the catchline of
section 6", "The heading of Section 3 is amended to read"), and the order's title and preamble
given a new text (`consolidate.py` routes the instructions that name them here)."""

from __future__ import annotations

import re

from actions.extract.amendment_wording import REPLACE, STRIKE, STRIKE_INSERT, TITLE, Instruction
from actions.extract.consolidated_parts import Part
from actions.extract.text_edits import short
from actions.extract.text_places import NotApplied, find_words

# The heading of the order's first part, printed at the end of its preamble ("PART I--...").
_PART_HEADING_AT_END_RE = re.compile(r"\n+(?:PART|Part)\s+[IVXL\d]+\b[^\n]*\s*$")


def replace_front(part: Part, new: str) -> Part:
    """ "The title of the order is amended to read “...”", "The preamble is replaced with the
    following": no number or heading to read off the new text; the heading of the order's first
    part, printed at the preamble's end, stays ("PART I--DELEGATION OF FUNCTIONS" after EO
    11041's preamble, which EO 11250 replaced)."""
    kept = _PART_HEADING_AT_END_RE.search(part.text)
    new = new.strip()
    if part.number == TITLE and new.endswith(".") and not new.endswith(".."):
        new = new[:-1]  # “... Sports, and Nutrition.”: the period of American quoting
    part.text = new + (kept.group(0) if kept else "")
    return part


def edit_heading(part: Part, instruction: Instruction) -> Part:
    """ "By amending the catchline of section 6 to read “Definitions”", "striking “The
    Department of the Treasury” in the heading of section 3 and inserting ...": the section's
    heading, its text untouched."""
    if instruction.op == REPLACE:
        new = (instruction.new or "").strip()
        if re.search('["\u201c\u201d\n]', new):
            # "to read “Definitions”, and by adding the following sentence ...: “...”": the
            # quotation read past its close into the next clause
            raise NotApplied(f"the new heading of section {part.number} is not read")
        part.heading = new.rstrip(".")
        return part
    if instruction.op not in (STRIKE, STRIKE_INSERT) or not part.heading:
        raise NotApplied(f"the heading of section {part.number} is not edited so")
    found = find_words(part.heading, instruction.old or "")
    if len(found) != 1:
        raise NotApplied(
            f"“{short(instruction.old)}” is not in the heading of section {part.number}"
        )
    (a, b), new = found[0], instruction.new or ""
    part.heading = " ".join((part.heading[:a] + new + part.heading[b:]).split())
    return part
