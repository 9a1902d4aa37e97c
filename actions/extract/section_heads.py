"""A section's new text as an amending order prints it, "Sec. 3. Definitions. (a) ...": its
number, its heading and its body. Pure; read by `consolidate`."""

from __future__ import annotations

import re

_SECTION_HEAD_RE = re.compile(
    r"^\s*(?:Sec(?:tion)?\.?|SECTION|SEC\.)\s*(?P<number>\d+(?:[-.]\d+)?[A-Za-z]?)\.+\s*", re.I
)
# (a comma for the period before the first lettered part: "SECTION 1. Department of
# Agriculture, (a) Except as ...")
_HEADING_RE = re.compile(
    r"^(?P<heading>[A-Z][^.,]{1,120}?)(?:\.\s+(?=[A-Z(\u201c\"])|,\s+(?=\(a\)\s))"
)


def split_section(new: str) -> tuple[str | None, str | None, str]:
    """("3", "Definitions", body) from "Sec. 3. Definitions. (a) ..."; (None, None, new)
    when the text does not open with a section's number."""
    head = _SECTION_HEAD_RE.match(new)
    if not head:
        return None, None, new.strip()
    rest = new[head.end() :]
    if (
        _title_case(rest)
        and re.fullmatch(r"[A-Z][^.]{0,80}\.", rest.strip())
        and len(rest.split()) <= 10
    ):
        return head.group("number"), rest.strip().rstrip("."), ""  # a heading and no text
    heading = _HEADING_RE.match(rest)
    listed = re.match(r"(?P<heading>[A-Z][^.]{1,120}?)\.\s+(?=[A-Z(\u201c\"])", rest)
    if not heading and listed and _title_case(listed.group("heading")):
        # "Sec. 2.5. Establishment, Designation, and Functions of Executive Agents. (a) ...":
        # a heading with commas, in title case (a sentence's commas are not)
        heading = listed
    if heading and len(heading.group("heading").split()) <= 14:
        return head.group("number"), heading.group("heading"), rest[heading.end() :].strip()
    return head.group("number"), "", rest.strip()


def _title_case(words: str) -> bool:
    return all(w[:1].isupper() for w in words.split() if len(w) > 3)


_SECTION_AT_RE = re.compile(
    r"(?:^|\n)\s*(?:Sec(?:tion)?\.?|SECTION|SEC\.)\s*(?P<number>\d+(?:[-.]\d+)?[A-Za-z]?)\.", re.M
)


def section_starts(text: str) -> list[tuple[int, str]]:
    """Where each of an order's sections begins in its text, with its number."""
    return [(m.start(), m.group("number")) for m in _SECTION_AT_RE.finditer(text)]


def section_at(starts: list[tuple[int, str]], position: int) -> str | None:
    """The number of the section holding this position of the text (`section_starts`)."""
    return next((number for at, number in reversed(starts) if at <= position), None)
