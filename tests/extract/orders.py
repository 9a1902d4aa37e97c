"""Real orders read as the archive reads them, for the tests of the amendment reader: an
order's text from its best file, the instructions one order aims at another, and the target's
sections with those instructions applied. Pure: the files parsed, no database."""

from __future__ import annotations

import re
from functools import cache

from actions.extract.amendment_wording import PREAMBLE, TITLE
from actions.extract.amendments import parse_instructions
from actions.extract.consolidate import consolidate
from actions.extract.consolidated_parts import Amendment, Part
from actions.extract.section_heads import section_at, section_starts
from actions.ingest.detect import parse_file
from tests.conftest import CORPUS, require_shared

FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"
MARKDOWN = CORPUS / "eo-markdown-1933-2025" / "Presidential_Executive_Orders"
WHITEHOUSE = CORPUS / "whitehouse-2021-2026" / "presidential-actions"
# Orders read from the White House's pages, whose file names carry no number.
PAGES = {
    "14306": WHITEHOUSE / "2025-06" / "2025-06-06-sustaining-select-efforts-to-strengthen-the-"
    "nations-cybersecurity-and-amending-executive-order-13694-and-executive-order-14144.md",
}


@cache
def order(number: str):
    """The order as the archive reads its text: the Federal Register's XML (1994-2020) or, for
    the few it lacks, its HTML; else its transcription in the Markdown collection, else its
    White House page."""
    require_shared()
    found = [p for p in (FR / f"EO_{number}.xml", FR / f"EO_{number}.htm") if p.exists()][:1]
    found = found or list(MARKDOWN.glob(f"*/*/*/*-executive-order-{number}*.md"))
    (path,) = found or [PAGES[number]]
    (doc,) = parse_file(path.read_bytes())
    return doc


def aimed(amending: str, target: str):
    return [i for i in parse_instructions(order(amending).text) if i.target_number == target]


def _consolidate(target: str, amending: tuple[str, ...]):
    """The target's title and preamble (numbered "title" and "preamble"), its parts in order,
    and the instructions not applied, as the archive consolidates them."""
    doc = order(target)
    front = [Part(TITLE, "", doc.title), Part(PREAMBLE, "", doc.preamble)]
    sections = [(s.number, s.heading, s.text) for s in doc.sections]
    amendments = [
        Amendment(
            instruction, index, number, _section_of(number, instruction), order(number).signed_on
        )
        for index, number in enumerate(amending)
        for instruction in aimed(number, target)
    ]
    parts, not_applied = consolidate(sections, amendments, front)
    return {p.number: p for p in front}, parts, not_applied


def amended(target: str, *amending: str):
    """The target's sections with the amending orders' instructions applied, in date order."""
    _, parts, not_applied = _consolidate(target, amending)
    return {p.number: p for p in parts}, not_applied


def consolidated(target: str, *amending: str):
    """The target's parts in order (a section struck and the one renumbered into its place
    both kept), and the instructions not applied."""
    _, parts, not_applied = _consolidate(target, amending)
    return parts, not_applied


def markers(text: str) -> list[str]:
    return re.findall(r"(?m)^\(([a-h])\)", text)  # the lettered parts, not a roman (i) or (v)


def amended_with_front(target: str, *amending: str):
    """As `amended`, the title and preamble amended too: ({"title": part, "preamble": part},
    sections by number, instructions not applied)."""
    front, parts, not_applied = _consolidate(target, amending)
    return front, {p.number: p for p in parts}, not_applied


def _section_of(amending: str, instruction) -> str | None:
    """The amending order's section that holds the instruction, as the archive reads it."""
    text = order(amending).text
    return section_at(section_starts(text), instruction.start)
