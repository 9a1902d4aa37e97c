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
    # A memorandum's printed title, "(Restoring Trust in Government ...)": tells apart the
    # memoranda of one date.
    title: str | None = None
    # The part of the other document acted on: "Section 3 of Executive Order 13732" -> "3",
    # "Section 3(b) of ..." -> "3(b)".
    target_section: str | None = None

    def to_json(self) -> dict:
        data = asdict(self)
        data["on"] = self.on.isoformat() if self.on else None
        return data


_DATE = WRITTEN_DATE_RE.pattern
# Lettered numbers ("10695-A", printed with any dash) and the 19th-century "9-2".
_NUMBER = r"(?:\d{3,5}(?:[-\u2013\u2014][A-Z])?|\d{1,2}-\d{1,2})"
# "No." may lead each item ("Executive Orders No. 9979 of July 20, 1948, No. 9988 of ...") and
# older orders drop its period ("Executive Order No 9103").
# Items carry their date as "of July 20, 1948" or ", May 24, 1938" (lists separated by ";"),
# sometimes misprinted ("of March 9. 1950").
_ITEM_DATE = rf"(?:\s+of\s+|,\s+)(?:{_DATE}|[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}[.,]\s*\d{{4}})"
_ITEM = (
    rf"(?:(?:[Nn][Oo][Ss]?\.?|Numbers?)\s*)?{_NUMBER}(?:\s[a-z](?=\s+of\b))?(?:{_ITEM_DATE})?"
    rf"(?:\s*\((?:[^()]|\([^()]*\)){{0,300}}\))?"
)
_NUMBERED_RE = re.compile(
    rf"\b(?P<label>Executive\s+Orders?|E\.\s?O\.|EO|Proclamations?)\s+(?:numbered\s+)?"
    rf"(?P<list>{_ITEM}(?:(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s+(?=No\.)|,?\s+as\s+amended\s+by\s+){_ITEM})*)"
)
_LIST_ITEM_RE = re.compile(rf"(?P<number>{_NUMBER})(?P<date>{_ITEM_DATE})?")
# What stands right before a reference when it acts on a part: "Section 3 of", "section 1(a)
# of", "The last sentence of section 1(a) of", "Sec. 2 of".
_SECTION_OF_RE = re.compile(
    r"(?:\b(?P<which>first|second|third|fourth|fifth|last|final)\s+sentence\s+of\s+)?"
    r"\b(?:[Ss]ec(?:tion|\.)|SECTION)\s+(?P<section>\d+(?:[-.]\d+)?[A-Za-z]?(?:\s?\([A-Za-z0-9]{1,4}\))*)"
    r",?\s+of\s+(?:the\s+)?$",
    re.I,
)
_ITEM_DATE_RE = re.compile(_ITEM_DATE)
# A parenthesised title after a reference: "(Restoring Trust in Government Through ...)".
_TITLE = r"\s*\((?P<title>(?:[^()]|\([^()]*\)){3,300})\)"
_MEMO_RE = re.compile(
    rf"\b(?P<label>(?:Presidential|National Security Presidential)\s+Memorandum"
    rf"(?:\s+of|\s+dated)\s+(?P<date>{_DATE}))(?:{_TITLE})?"
)
# The numbered series of national security memoranda: "NSM-2", "National Security Memorandum
# 22", "National Security Memorandum/NSM-11", "NSPM-16", "National Security Presidential
# Memorandum 10", "National Security Presidential Memorandum-7".
_SERIES_RE = re.compile(
    r"\b(?:(?P<nspm>National\s+Security\s+Presidential\s+Memorandum|NSPM)"
    r"|(?P<nsm>National\s+Security\s+Memorandum|NSM))"
    r"(?:\s*/\s*(?:NSPM|NSM))?[\s\-\u2013]*(?:No\.\s*)?(?P<number>\d{1,3})\b"
)
_DETERMINATION_RE = re.compile(
    r"\bPresidential\s+Determination\s+(?:No\.\s*)?(?P<number>\d{4}-\d{1,3})\b"
)
_DIRECTIVE_RE = re.compile(
    r"\b(?P<label>(?:Presidential Policy Directive|"
    r"Homeland Security Presidential Directive|National Security Presidential Directive)"
    r"[\s\-\u2013]+(?P<number>\d{1,3})|(?P<abbr>PPD|HSPD|NSPD)[\s\-\u2013]+(?P<abbr_number>\d{1,3}))\b"
)
SERIES_NOUNS = {
    "nspm": "National Security Presidential Memorandum",
    "nsm": "National Security Memorandum",
    "determination": "Presidential Determination No.",
}
# The verbs drafters use, strongest first. Each was read in orders whose FR disposition notes
# state the relation (`measure_relations` counts how many the text alone finds).
_RELATION_PATTERNS = [
    (
        "revokes",
        re.compile(
            r"\b(?:is|are|be)\b[\s,]+(?:and\s+(?:it\s+|they\s+)?(?:is|are)\s+)?(?:hereby,?\s+)?"
            r"(?:also\s+)?(?:superseded\s+and\s+)?(?:revoked|rescinded|terminated|repealed)\b"
            r"|\b(?:order|proclamation|hereby)\s+(?:also\s+)?(?:revokes|rescinds)\b"
            r"|\bhereby,?\s+(?:superseded\s+and\s+)?(?:revoked|rescinded)\b"
            r"|\bI\b[^.;]{0,40}\b(?:hereby\s+)?(?:revoke|rescind)\b|\bhereby\s+(?:revoke|rescind)\b"
            r"|\bterminate\b[^.;]{0,160}?\b(?:and\s+)?revoke\b"
            r"|\bshall\s+be\s+(?:revoked|rescinded)\b",
            re.I,
        ),
    ),
    (
        "supersedes",
        re.compile(
            r"\b(?:is|are|be)\s+(?:hereby\s+)?superseded\b|\bhereby,?\s+superseded\b"
            r"|\bsupersedes\b|\b(?:shall|hereby|to)\s+supersede\b|\bshall\b[^.;]{0,40}\bsupersede\b",
            re.I,
        ),
    ),
    (
        "amends",
        re.compile(
            r"\b(?:is|are|be)\b[\s,.]+(?:and\s+(?:it\s+|they\s+)?(?:is|are)\s+)?"
            r"(?:hereby,?\s+|henceforth\s+)?(?:also\s+|\.?further\s+)?"
            r"(?:corrected\s+and\s+)?"
            r"(?:amended|modified|revised|supplemented|redesignated|renumbered|enlarged)\b"
            r"|\b(?:is|are)\s+hereby\s+extended\b|\bI\s+hereby\s+extend\b"
            r"|\bhereby,?\s+(?:further\s+)?amend"
            r"|\bamendments?\s+(?:of|to)\s+(?!the\s+Constitution)|\bamendments\s+made\b"
            r"|\b(?:this\s+(?:Executive\s+)?order|hereby)\s+(?:supplements?|amends)\b"
            r"|\b(?:is|are)\s+(?:hereby\s+)?(?:deleted|inserted|added|struck)\b"
            r"|\bby\s+(?:striking|inserting|adding|deleting|substituting)\b"
            r"|\bshall\s+be\s+(?:amended|deleted|inserted|added|struck|modified)\b"
            r"|\bin\s+order\s+to\s+(?:further\s+)?amend\b"
            r"|\bshall\s+be\s+(?:deemed|construed)\s+to\s+(?:refer|include|mean)\b"
            r"|\b(?:is|are)\s+(?:hereby\s+)?(?:continued|extended)\s+until\b"
            r"|\b(?:expand|modify)(?:s|ing)?\s+the\s+scope\s+of\s+the\s+national\s+emergency\b",
            re.I,
        ),
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
_IN_PART_RE = re.compile(
    r"\bin part\b|\bsections?\s+\d|\bparts?\s+(?:[IVX]+|\d+)\b|\bparagraphs?\s+\(?\w"
    r"|\bso much of\b",
    re.I,
)
# A period ends a sentence unless it closes an abbreviation ("Sec.", "U.S.", "No.", an initial).
# Nor does the period of a list number opening a line ("\n\n2. Executive Order No. 10011").
# The period first, then what may not stand before it: the engine rules a position out on its
# first character instead of trying every look-behind there.
_SENTENCE_END_RE = re.compile(
    r"\.(?<![A-Z]\.)(?<!Sec\.)(?<!No\.)(?<!Nos\.)(?<!U\.S\.)(?<!seq\.)(?<!Stat\.)"
    r"(?<!\n\d\.)(?<!\n\d\d\.)(?<!\n\d\d\d\.)(?=\s+[A-Z(\"\u201c]|\s*$)|\n\n"
)


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
        listing = match.group("list")
        for _ in range(2):  # a citation may nest: "(34 Fed. Reg. 17567 (October 28, 1969))"
            listing = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), listing)
        # "Section 3 of Executive Order 13732": the part acted on, read for the first item
        # only ("Section 2 of Executive Orders A and B" names no one section of B).
        part = _SECTION_OF_RE.search(text, max(0, match.start() - 120), match.start())
        for index, item in enumerate(_LIST_ITEM_RE.finditer(listing)):
            start = match.start() if index == 0 else listing_start + item.start()
            end = listing_start + item.end()
            found.append(
                DocumentReference(
                    kind=kind,
                    number=_dashes(item.group("number")),
                    label=f"{noun} {_dashes(item.group('number'))}",
                    on=parse_written_date(item.group("date") or ""),
                    relation=relation,
                    in_part=in_part,
                    text=text[start:end],
                    start=start,
                    end=end,
                    target_section=_part_named(part) if part and index == 0 else None,
                )
            )
    for match in _MEMO_RE.finditer(text):
        relation, in_part = _relation(text, match.start(), match.end())
        title = " ".join(match.group("title").split()) if match.group("title") else None
        label = " ".join(match.group("label").split())
        found.append(
            DocumentReference(
                kind="memorandum",
                number=None,
                label=f"{label} ({title})" if title else label,
                on=parse_written_date(match.group("date")),
                relation=relation,
                in_part=in_part,
                text=text[match.start() : match.end("label")],
                start=match.start(),
                end=match.end("label"),
                title=title,
            )
        )
    series = ((_SERIES_RE, _series_kind), (_DETERMINATION_RE, lambda match: "determination"))
    for pattern, kind_of in series:
        for match in pattern.finditer(text):
            kind_found = kind_of(match)
            number = match.group("number")
            found.append(
                _by_number(text, match, kind_found, number, f"{SERIES_NOUNS[kind_found]} {number}")
            )
    for match in _DIRECTIVE_RE.finditer(text):
        number = match.group("number") or match.group("abbr_number")
        found.append(_by_number(text, match, "directive", number, " ".join(match.group(0).split())))
    numbered = {(ref.start, ref.end) for ref in found}
    found.extend(ref for ref in _schedule_references(text) if (ref.start, ref.end) not in numbered)
    titles = _title_spans(text, found)
    # A parenthetical is the listed document's title ("(Revocation of National Security
    # Presidential Memorandum 5)"), not a further reference.
    found = [ref for ref in found if not any(a < ref.start and ref.end <= b for a, b in titles)]
    return sorted(found, key=lambda ref: ref.start)


def _part_named(part: re.Match) -> str:
    """Which part: "3", "1(a)", and at sentence depth "1(a), last sentence"."""
    which = part.group("which")
    if not which:
        return part.group("section")
    which = "last" if which.lower() == "final" else which.lower()
    return f"{part.group('section')}, {which} sentence"


def _by_number(text: str, match: re.Match, kind: str, number: str, label: str):
    """A reference by kind and number, spanning the whole match, with its sentence's relation."""
    relation, in_part = _relation(text, match.start(), match.end())
    return DocumentReference(
        kind=kind,
        number=number,
        label=label,
        on=None,
        relation=relation,
        in_part=in_part,
        text=match.group(0),
        start=match.start(),
        end=match.end(),
    )


def _series_kind(match: re.Match) -> str:
    return "nspm" if match.group("nspm") else "nsm"


_PARENTHETICAL_RE = re.compile(r"\s*\((?:[^()]|\([^()]*\))*\)")


def _title_spans(text: str, found: list[DocumentReference]) -> list[tuple[int, int]]:
    """The parenthesised titles that follow references (and the items of a list of orders,
    whose date may stand between the number and the title)."""
    spans = []
    for ref in found:
        position = ref.end
        dated = _ITEM_DATE_RE.match(text, position)
        if dated:
            position = dated.end()
        title = _PARENTHETICAL_RE.match(text, position)
        if title:
            spans.append((title.start(), title.end()))
    return spans


def _dashes(number: str) -> str:
    return number.replace("\u2013", "-").replace("\u2014", "-")


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
    lead = _list_lead_in(text, _skip_space(text, sentence_start))
    sentence = lead + " " + text[sentence_start:sentence_end]
    for relation, pattern in _RELATION_PATTERNS:
        if pattern.search(sentence):
            # A list's lead-in speaks for every item only when it says "in part"; which part
            # of an order is meant is read from the item itself.
            in_part = relation != "continues" and bool(
                _IN_PART_RE.search(text[sentence_start:start]) or "in part" in lead.lower()
            )
            return relation, in_part
    # "... by Executive Orders No. 7057 and No. 7689. The said Executive orders are hereby
    # amended ...", "I hereby terminate the national emergencies declared in those orders and
    # revoke those ...": the next sentence acts on the orders this one named.
    next_start = _skip_space(text, sentence_end)
    _, next_end = sentence_around(text, next_start, next_start)
    following = text[next_start:next_end]
    if _ANAPHORA_RE.search(following):
        for relation, pattern in _RELATION_PATTERNS[:3]:
            if pattern.search(following):
                return relation, False
    return "cites", False


_ANAPHORA_RE = re.compile(
    r"\b(?:the\s+said|such|these|those|each\s+of\s+the\s+said)\s+(?:Executive\s+)?"
    r"(?:orders?|proclamations?)\b",
    re.I,
)


_MARKER_RE = re.compile(r"\s*(?:\(\s?\w{1,5}\s?\)(?:\s*\))?|\d{1,3}\.\s)")
# An unmarked list: paragraphs that each name an order ("Executive Order No. 10604 of
# April 22, 1955.") under a lead-in ("The following are hereby superseded:").
_ORDER_PARAGRAPH_RE = re.compile(
    r"(?:(?:Parts?|Sections?|Sec\.|Paragraphs?)\s[^\n]{0,60}?\bof\s+)?"
    r"(?:Executive\s+Orders?|Proclamations?)\s+N[Oo][Ss]?\.?\s*\d[^\n]{0,600}$",
    re.M,
)


def _is_item(text: str, position: int) -> bool:
    if _MARKER_RE.match(text, position):
        return True
    at_paragraph = position == 0 or text[max(0, position - 2) : position] == "\n\n"
    return at_paragraph and bool(_ORDER_PARAGRAPH_RE.match(text, position))


_LEAD_IN_RE = re.compile(r":\s*$|\bfollowing\b|\b(?:listed\s+)?below\b|\bas follows\b", re.I)


def _list_lead_in(text: str, item_start: int) -> str:
    """For an item of a list (`The following are revoked: (a) ...; (b) ...`), its lead-in.

    Walks back over the sentences that open with a list marker (`(a)`, `(12)`, `3.`) to the
    first that does not; that sentence leads the list in if it announces one (a colon,
    `following`, `listed below`, `as follows`). A marked sentence ending in a colon on the way
    (`(b) To references in the following orders:`) leads in a sub-list and is kept too.
    """
    if not _is_item(text, item_start):
        return ""
    position = item_start
    leads: list[str] = []
    for _ in range(80):
        if position <= 0:
            return " ".join(leads)
        last = position - 1
        while last > 0 and text[last].isspace():
            last -= 1
        start, end = sentence_around(text, last, last)
        start = _skip_space(text, start)
        if start >= position:
            return " ".join(leads)
        sentence = text[start:end]
        if not _is_item(text, start):
            if _LEAD_IN_RE.search(sentence):
                return " ".join([sentence, *leads])
            return " ".join(leads)
        if sentence.rstrip().endswith(":") and not leads:
            leads.append(sentence)
        position = start
    return ""


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


# Schedules: a lead-in ("the following Executive Orders ... are revoked:"), maybe a header
# ("No. Subject", "Executive Orders Numbered"), then one order per line by its bare number,
# often with its subject ("8744 Authorizing certain employees ...", "No. 8467 of July 1, 1940.").
_SCHEDULE_LINE_RE = re.compile(
    rf"[ \t]*(?:No\.?\s+)?(?P<numbers>{_NUMBER}(?:[ \t]+{_NUMBER})*)(?=[ \t]*$|[ \t,;.]|\s+of\s)"
)
_SCHEDULE_HEADER_RE = re.compile(
    r"[ \t]*(?:No\.?\s+Subject|(?:Executive\s+Orders?|Proclamations?)\s+Numbered|Number|Subject)"
    r"\.?[ \t]*$",
    re.I,
)
_SCHEDULE_END_RE = re.compile(r"[ \t]*(?:Sec(?:tion)?\.?\s|\(\w{1,5}\)|[A-Z][A-Z ,.]{6,}$)")
_MIN_SCHEDULE = 3
# A subject may wrap over a few lines ("...under the Outdoor\n\nRecreation Program ...").
_MAX_WRAPPED_LINES = 3


def _schedule_references(text: str) -> list[DocumentReference]:
    if not re.search(r"(?m)^[ \t]*(?:No\.?\s+)?\d{3,5}\b", text):
        return []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    runs: list[list[tuple[int, int, re.Match, int]]] = []
    current: list = []
    gap = 0
    for index, (start, end) in enumerate(lines):
        match = _SCHEDULE_LINE_RE.match(text, start, end)
        if match and match.end() <= end:
            current.append((start, end, match, index))
            gap = 0
            continue
        if _SCHEDULE_HEADER_RE.match(text, start, end) and current:
            continue
        gap += 1
        if current and (
            gap > _MAX_WRAPPED_LINES
            or _SCHEDULE_END_RE.match(text, start, end)
            or end - start > 120
        ):
            runs.append(current)
            current, gap = [], 0
    if current:
        runs.append(current)
    found: list[DocumentReference] = []
    previous: tuple[str, str] | None = None
    previous_end = -1
    for run in runs:
        if len(run) < _MIN_SCHEDULE:
            continue
        lead = _schedule_lead_in(text, lines, run[0][3], previous_end)
        if lead is None and previous is None:
            continue
        if lead is None:
            relation, kind = previous
        else:
            lead_text = text[lead[0] : lead[1]]
            if not re.search(r"\border|\bproclamation", lead_text, re.I):
                continue
            relation = next(
                (name for name, pattern in _RELATION_PATTERNS if pattern.search(lead_text)),
                previous[0] if previous else "cites",
            )
            kind = (
                "proclamation"
                if re.search(r"proclamation", lead_text, re.I)
                and not re.search(r"order", lead_text, re.I)
                else "executive_order"
            )
        previous, previous_end = (relation, kind), run[-1][3]
        noun = "Proclamation" if kind == "proclamation" else "Executive Order"
        for line_start, line_end, match, _ in run:
            for number in re.finditer(_NUMBER, match.group("numbers")):
                start = match.start("numbers") + number.start()
                tail = text[start:line_end]
                found.append(
                    DocumentReference(
                        kind=kind,
                        number=number.group(),
                        label=f"{noun} {number.group()}",
                        on=parse_written_date(tail[:60]) if " of " in tail[:12] else None,
                        relation=relation,
                        in_part=bool(
                            re.search(r"\bexcept\b|\bsections?\s+\d|\bparts?\s+[IVX\d]", tail)
                        ),
                        text=text[line_start:line_end].strip()[:300],
                        start=start,
                        end=start + len(number.group()),
                    )
                )
    return found


def _schedule_lead_in(
    text: str, lines: list[tuple[int, int]], first: int, previous_end: int
) -> tuple[int, int] | None:
    """The line announcing a schedule: up to three lines back, past headers and headings that
    state nothing (`(a) Executive orders relating to ...`); None when the previous schedule
    comes first (this one continues it)."""
    fallback = None
    for index in range(first - 1, max(-1, first - 4), -1):
        if index <= previous_end:
            return fallback
        start, end = lines[index]
        line = text[start:end]
        if _SCHEDULE_HEADER_RE.match(line):
            continue
        fallback = fallback or (start, end)
        if any(pattern.search(line) for _, pattern in _RELATION_PATTERNS):
            return start, end
    return fallback


# "effective July 1, 2025", "effective as of ...", "at 12:01 a.m. eastern daylight time on ...".
_EFFECTIVE_RE = re.compile(
    rf"\beffective\s+(?:on\s+|as\s+of\s+|at\s+)?(?:12:01\s+a\.m\.[^,;]{{0,60}}?\s+on\s+)?"
    rf"(?P<date>{_DATE})"
    rf"|\b12:01\s+a\.m\.\s+(?:[a-z]+\s+){{0,3}}time\s+on\s+(?P<time_date>{_DATE})",
    re.I,
)


def effective_date(sentence: str) -> date | None:
    """The date a sentence says its act takes effect, if it says one."""
    match = _EFFECTIVE_RE.search(sentence)
    if not match:
        return None
    return parse_written_date(match.group("date") or match.group("time_date"))
