"""Agency mentions in an action's text, told apart as "directed" or merely "mentioned".

The canonical list with its aliases (abbreviations and the officers who head an agency: `the
Attorney General` is the Department of Justice) is data in `actions/data/agencies.csv`. A
mention is *directed* when the sentence gives the agency an instruction (`shall`, `must`,
`is directed to`), which is what lets a journalist ask for "orders directing DHS".
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from actions.extract.word_trie import words_pattern

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "agencies.csv"


@dataclass(frozen=True)
class AgencyEntry:
    slug: str
    name: str
    abbreviation: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, self.abbreviation, *self.aliases) if n)


@dataclass(frozen=True)
class AgencyMatch:
    slug: str
    text: str
    start: int
    end: int
    directed: bool
    back_reference: bool = False  # `the Department`, resolved to the agency named before


@cache
def agency_entries() -> dict[str, AgencyEntry]:
    with open(DATA_FILE, newline="", encoding="utf-8") as handle:
        return {
            row["slug"]: AgencyEntry(
                slug=row["slug"],
                name=row["name"],
                abbreviation=row["abbreviation"],
                aliases=tuple(a for a in row["aliases"].split("|") if a),
            )
            for row in csv.DictReader(handle)
        }


@cache
def _name_index() -> tuple[re.Pattern, dict[str, str]]:
    by_name: dict[str, str] = {}
    for entry in agency_entries().values():
        for name in entry.names:
            by_name[name.lower()] = entry.slug
    # Abbreviations must match in capitals ("DOT" is not "dot"); full names in any case.
    # The longest name wins at a position (`words_pattern`).
    names = words_pattern(by_name)
    return re.compile(rf"(?<![\w.])(?:{names})(?![\w])", re.IGNORECASE), by_name


_DIRECTED_AFTER_RE = re.compile(
    r"(?:\s*\([^)]{0,80}\))?(?:\s*,[^,.;]{0,120},)?(?:\s+and\s+the\s+[^,.;]{0,100})?\s+"
    r"(?:shall|must|should|will|(?:is|are)\s+(?:hereby\s+)?(?:directed|authorized|ordered|instructed|requested))\b",
)
_DIRECTED_BEFORE_RE = re.compile(
    r"\b(?:I\s+(?:hereby\s+)?direct|direct(?:s|ing)?)\s+(?:the\s+)?$", re.I
)


# A capitalised head noun standing alone ("the Department shall", "the Secretary may") refers
# back to the agency the text named before with that noun.
_BACK_REFERENCE_RE = re.compile(
    r"\b[Tt]he\s+(?P<noun>Department|Secretary|Administrator|Director|Agency|Commission)\b"
    r"(?!\s+(?:of|for|General)\b)(?!\s*[A-Z])"
)
_BACK_REFERENCE_NOUNS = (
    "Department",
    "Secretary",
    "Administrator",
    "Director",
    "Agency",
    "Commission",
)


def find_agencies(text: str) -> Iterator[AgencyMatch]:
    """Each agency mention in text, with whether the sentence directs the agency."""
    yield from find_agencies_in_parts([text])[0]


def find_agencies_in_parts(texts: list[str]) -> list[list[AgencyMatch]]:
    """Agency mentions in consecutive parts of one document (preamble, sections).

    `the Department` or `the Secretary` resolves to the agency the document named before with
    that noun, when it named exactly one (a text naming the Secretaries of State and of Defense
    leaves a bare `the Secretary` unresolved rather than guess).
    """
    pattern, by_name = _name_index()
    entries = agency_entries()
    named: dict[str, set[str]] = {noun: set() for noun in _BACK_REFERENCE_NOUNS}
    out = []
    for text in texts:
        found: list[AgencyMatch] = []
        for match in pattern.finditer(text):
            printed = match.group(0)
            slug = by_name[printed.lower()]
            if printed.isupper() is False and printed.lower() == entries[slug].abbreviation.lower():
                continue  # "Doe", "va": an abbreviation must be printed in capitals
            found.append(_match(text, slug, match.start(), match.end()))
        for match in _BACK_REFERENCE_RE.finditer(text):
            found.append(_match(text, "", match.start(), match.end()))
        found.sort(key=lambda m: m.start)
        resolved = []
        for item in found:
            if item.slug:
                for noun, slugs in named.items():
                    if any(noun in name.split() for name in entries[item.slug].names):
                        slugs.add(item.slug)
                resolved.append(item)
                continue
            noun = text[item.start : item.end].split()[-1]
            if len(named[noun]) == 1:
                resolved.append(
                    AgencyMatch(
                        slug=next(iter(named[noun])),
                        text=item.text,
                        start=item.start,
                        end=item.end,
                        directed=item.directed,
                        back_reference=True,
                    )
                )
        out.append(resolved)
    return out


def _match(text: str, slug: str, start: int, end: int) -> AgencyMatch:
    directed = bool(
        _DIRECTED_AFTER_RE.match(text, end)
        or _DIRECTED_BEFORE_RE.search(text[max(0, start - 40) : start])
    )
    return AgencyMatch(slug=slug, text=text[start:end], start=start, end=end, directed=directed)


def agency_for_query(query: str) -> str | None:
    """The agency a search query names exactly (`DHS`, `Attorney General`), or None."""
    pattern, by_name = _name_index()
    cleaned = " ".join(query.split()).strip().removeprefix("the ").removeprefix("The ")
    match = pattern.fullmatch(cleaned)
    return by_name[cleaned.lower()] if match else None


def agency_named(value: str) -> str | None:
    """The slug of the agency a person typed, by any name the archive knows: its slug, its
    name, acronym or an alias ("DHS", "Department of Homeland Security", "homeland
    security"), or an official of it ("the Secretary of Homeland Security"). None when the
    text names no agency, or names more than one."""
    typed = " ".join(value.split()).strip()
    if not typed:
        return None
    entries = agency_entries()
    if typed.lower() in entries:
        return typed.lower()
    lowered = typed.lower().removeprefix("the ")
    for entry in entries.values():
        names = {n.lower().removeprefix("the ") for n in entry.names}
        # "homeland security" for the Department of Homeland Security
        names |= {re.sub(r"^(?:department|office) of (?:the )?", "", n) for n in names}
        if lowered in names:
            return entry.slug
    found = {match.slug for match in find_agencies(typed)}
    if len(found) == 1:
        return found.pop()
    return None
