"""References to other presidential documents, with the relation the sentence states.

`Executive Order 13993 of January 20, 2021`, `Executive Orders 13767 and 13768`, `E.O. 13780`,
`Proclamation 9645`, `Presidential Memorandum of April 2, 2025`, `National Security Presidential
Memorandum-2` (`NSPM-2`), `Presidential Policy Directive 28`. The relation is read from the
sentence the reference stands in: `is hereby revoked` -> revokes, `is amended` -> amends,
`superseded` -> supersedes, continuing a national emergency -> continues; anything else cites.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

from actions.ingest.dates import WRITTEN_DATE_RE, parse_written_date


@dataclass(frozen=True)
class DocumentReference:
    kind: str  # executive_order, proclamation, memorandum, directive
    number: str | None
    label: str  # 'Executive Order 13993', 'Presidential Memorandum of April 2, 2025'
    on: date | None
    relation: str  # revokes, amends, supersedes, continues, cites
    in_part: bool
    text: str
    start: int
    end: int

    def to_json(self) -> dict:
        data = asdict(self)
        data["on"] = self.on.isoformat() if self.on else None
        return data


_DATE = WRITTEN_DATE_RE.pattern
_NUMBER = r"\d{3,5}(?:-[A-Z])?"
_NUMBERED_RE = re.compile(
    rf"\b(?P<label>Executive\s+Orders?|E\.\s?O\.|EO|Proclamations?)\s+(?:No(?:s?)\.\s*)?"
    rf"(?P<list>{_NUMBER}(?:\s+of\s+{_DATE})?(?:\s*\([^()]{{0,300}}\))?"
    rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_NUMBER}(?:\s+of\s+{_DATE})?(?:\s*\([^()]{{0,300}}\))?)*)"
)
_LIST_ITEM_RE = re.compile(rf"(?P<number>{_NUMBER})(?:\s+of\s+(?P<date>{_DATE}))?")
_MEMO_RE = re.compile(
    rf"\b(?P<label>(?:Presidential|National Security Presidential)\s+Memorandum"
    rf"(?:\s+of|\s+dated)\s+(?P<date>{_DATE}))"
)
_DIRECTIVE_RE = re.compile(
    r"\b(?P<label>(?:National Security Presidential Memorandum|Presidential Policy Directive|"
    r"Homeland Security Presidential Directive|National Security Presidential Directive)"
    r"[\s\-\u2013]+(?P<number>\d{1,3})|(?P<abbr>NSPM|PPD|HSPD|NSPD)[\s\-\u2013]+(?P<abbr_number>\d{1,3}))\b"
)
_RELATION_PATTERNS = [
    ("revokes", re.compile(r"\b(?:is|are)\s+(?:hereby\s+)?revoked\b|\bhereby revoke\b", re.I)),
    (
        "supersedes",
        re.compile(r"\b(?:is|are)\s+(?:hereby\s+)?superseded\b|\bhereby supersede", re.I),
    ),
    (
        "amends",
        re.compile(r"\b(?:is|are)\s+(?:hereby\s+)?(?:further\s+)?amended\b|\bhereby amend", re.I),
    ),
    (
        "continues",
        re.compile(
            r"\bcontinu(?:e|ing|ation)\b.{0,80}\bnational emergency\b"
            r"|\bnational emergency\b.{0,120}\bcontinu",
            re.I | re.S,
        ),
    ),
]
_IN_PART_RE = re.compile(r"\bin part\b|\bsections?\s+\d", re.I)
# A period ends a sentence unless it closes an abbreviation ("Sec.", "U.S.", "No.", an initial).
_SENTENCE_END_RE = re.compile(
    r"(?<![A-Z])(?<!Sec)(?<!No)(?<!Nos)(?<!U\.S)(?<!seq)(?<!Stat)\.(?=\s+[A-Z(\"\u201c]|\s*$)|\n\n"
)
_LIST_ITEM_START_RE = re.compile(r"\n\n\s*\(")


def extract_references(text: str) -> list[DocumentReference]:
    """Every reference to another presidential document, in order of position."""
    found: list[DocumentReference] = []
    for match in _NUMBERED_RE.finditer(text):
        label = match.group("label")
        kind = "proclamation" if label.lower().startswith("proc") else "executive_order"
        noun = "Proclamation" if kind == "proclamation" else "Executive Order"
        relation, in_part = _relation(text, match.start(), match.end())
        listing_start = match.start("list")
        # Parenthesised titles inside the list are skipped when reading the numbers.
        listing = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), match.group("list"))
        for index, item in enumerate(_LIST_ITEM_RE.finditer(listing)):
            start = match.start() if index == 0 else listing_start + item.start()
            end = listing_start + item.end()
            found.append(
                DocumentReference(
                    kind=kind,
                    number=item.group("number"),
                    label=f"{noun} {item.group('number')}",
                    on=parse_written_date(item.group("date") or ""),
                    relation=relation,
                    in_part=in_part,
                    text=text[start:end],
                    start=start,
                    end=end,
                )
            )
    for match in _MEMO_RE.finditer(text):
        relation, in_part = _relation(text, match.start(), match.end())
        found.append(
            DocumentReference(
                kind="memorandum",
                number=None,
                label=" ".join(match.group("label").split()),
                on=parse_written_date(match.group("date")),
                relation=relation,
                in_part=in_part,
                text=match.group(0),
                start=match.start(),
                end=match.end(),
            )
        )
    for match in _DIRECTIVE_RE.finditer(text):
        relation, in_part = _relation(text, match.start(), match.end())
        number = match.group("number") or match.group("abbr_number")
        found.append(
            DocumentReference(
                kind="directive",
                number=number,
                label=" ".join(match.group(0).split()),
                on=None,
                relation=relation,
                in_part=in_part,
                text=match.group(0),
                start=match.start(),
                end=match.end(),
            )
        )
    return sorted(found, key=lambda ref: ref.start)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding text[start:end]."""
    window = max(0, start - 3000)  # sentences are short; never rescan the whole text
    sentence_start = window
    for match in _SENTENCE_END_RE.finditer(text, window, start):
        sentence_start = match.end()
    stop = _SENTENCE_END_RE.search(text, end)
    return sentence_start, (stop.end() if stop else len(text))


def _relation(text: str, start: int, end: int) -> tuple[str, bool]:
    sentence_start, sentence_end = sentence_around(text, start, end)
    sentence = text[sentence_start:sentence_end]
    lead = _list_lead_in(text, sentence_start)
    if lead:
        sentence_start, sentence = lead[0], text[lead[0] : lead[1]] + " " + sentence
    for relation, pattern in _RELATION_PATTERNS:
        if pattern.search(sentence):
            in_part = relation != "continues" and bool(
                _IN_PART_RE.search(text[sentence_start:start])
            )
            return relation, in_part
    return "cites", False


def _list_lead_in(text: str, item_start: int) -> tuple[int, int] | None:
    """For an item of a list (`The following are revoked: (a) ...; (b) ...`), its lead-in."""
    if not text.startswith("(", item_start):
        return None
    colon = text.rfind(":\n\n", max(0, item_start - 3000), item_start)
    if colon < 0:
        return None
    between = text[colon + 1 : item_start]
    if between.strip() and not all(
        part.strip().startswith("(") for part in between.split("\n\n") if part.strip()
    ):
        return None
    lead_start, _ = sentence_around(text, colon, colon)
    return lead_start, colon + 1
