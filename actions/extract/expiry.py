"""When an order's own text says it ends: "Unless further extended by the President, this
order shall expire on June 30, 2009", "This order shall terminate, unless extended, at
midnight on September 30, 1979", "this order shall expire 2 years from the date of this
order". Only the order (or proclamation) itself: a commission that "shall terminate" ends,
the order that made it does not. Pure."""

from __future__ import annotations

import re
from datetime import date

from actions.extract.amendment_wording import normalize_quotes
from actions.ingest.dates import WRITTEN_DATE_RE, parse_written_date

_DATE = WRITTEN_DATE_RE.pattern
_SUBJECT = (
    r"(?:\b[Tt]he\s+provisions\s+of\s+)?\b[Tt]his\s+(?:[Ee]xecutive\s+)?"
    r"(?:[Oo]rder|[Pp]roclamation|[Mm]emorandum)"
    r"(?:\s*\((?:[^()]|\([^()]*\)){0,160}\))?"  # "(other than subsection 5(b) ...)"
    r"(?:,\s+and\s+the\s+[A-Z][^,.]{0,60},)?"  # "This order, and the ATC established hereunder,"
)
_UNLESS = r"(?:unless\s+(?:further\s+)?extended(?:\s+by\s+the\s+President)?\s*,?\s*)?"
_ENDS = (
    r"\s+shall\s*,?\s*"
    + _UNLESS
    + r"(?:expire|terminate|sunset|cease\s+to\s+be\s+effective)\s*,?\s*"
    + _UNLESS
)
_ON_DAY_RE = re.compile(
    _SUBJECT + _ENDS + rf"(?:on|as\s+of|at\s+[^.;]{{0,60}}?\s+on)\s+(?P<date>{_DATE})"
    rf"|{_SUBJECT}\s+shall\s+remain\s+in\s+effect\s+(?:until|through)\s+(?P<until>{_DATE})"
)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_AFTER_RE = re.compile(
    _SUBJECT
    + _ENDS
    + r"(?P<n>\d|one|two|three|four|five)\s+years?\s+(?:from|after)\s+the\s+date\s+of\s+"
    r"this\s+order"
)


_QUOTE_MARK_RE = re.compile("[\u201c\u201d]")


def unquoted(text: str) -> str:
    """The text without what it quotes: an amending order quotes the new end of the order it
    amends ("“(b) ... this order shall expire on June 30, 2009.”"), which is not its own.
    Quotes nest; a closing mark with none open is kept."""
    text = normalize_quotes(text)
    out, depth, outside_from = [], 0, 0
    for mark in _QUOTE_MARK_RE.finditer(text):
        at = mark.start()
        if mark.group() == "\u201c":
            if not depth:
                out.append(text[outside_from:at])
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                outside_from = at + 1
    if not depth:
        out.append(text[outside_from:])
    return "".join(out)


# Words every sentence the patterns read holds (in their case): a text without any of them
# sets no end, and is not searched.
_END_WORDS_RE = re.compile(r"expire|terminate|sunset|cease\s+to\s+be|remain\s+in\s+effect")


def expiry_date(text: str, signed_on: date | None) -> date | None:
    """The day the text says the order ends, or None. The last such sentence counts: an
    amended text keeps the newest."""
    if not _END_WORDS_RE.search(text):
        return None
    text = unquoted(text)
    found: date | None = None
    for match in _ON_DAY_RE.finditer(text):
        day = parse_written_date(match.group("date") or match.group("until"))
        found = day or found
    if found:
        return found
    if signed_on:
        for match in _AFTER_RE.finditer(text):
            years = _NUMBERS.get(match.group("n").lower()) or int(match.group("n"))
            try:
                found = signed_on.replace(year=signed_on.year + years)
            except ValueError:  # February 29
                found = signed_on.replace(year=signed_on.year + years, day=28)
    return found
