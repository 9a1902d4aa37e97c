"""Dates as presidential documents print them ("January 25, 2017", "Feb. 6, 2026", ISO)."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
WRITTEN_DATE_RE = re.compile(rf"\b({MONTH_RE})\s+(\d{{1,2}})(?:,\s*|\s+)(\d{{4}})\b", re.IGNORECASE)
_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_US_RE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def parse_written_date(text: str) -> date | None:
    """The first date written as 'Month D, YYYY' in text, or None."""
    match = WRITTEN_DATE_RE.search(text)
    if not match:
        return None
    return make_date(int(match.group(3)), month_number(match.group(1)), int(match.group(2)))


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def parse_date(value: object) -> date | None:
    """ISO ('2017-01-25', with or without a time), US ('01/30/2017') or written dates."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if match := _ISO_RE.match(text):
        return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _US_RE.match(text):
        return make_date(int(match.group(3)), int(match.group(1)), int(match.group(2)))
    return parse_written_date(text)


def make_date(year: int, month: int, day: int) -> date | None:
    """A date, or None for an impossible one (a misprinted day)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ORDINALS = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
    )
}
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30}
_WITNESS_RE = re.compile(
    rf"this\s+([a-z\-\s]+?)\s+day\s+of\s+({MONTH_RE}),?\s+in\s+the\s+year\s+of\s+our\s+Lord\s+"
    r"([a-z\-\s]+?)(?:,|\s+and\s+of\s+the\s+Independence)",
    re.I,
)


def _number_words(words: str) -> int | None:
    total = 0
    for word in re.split(r"[\s\-]+", words.lower().strip()):
        if word in {"and", ""}:
            continue
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        elif word == "hundred":
            total *= 100
        elif word == "thousand":
            total *= 1000
        else:
            return None
    return total


def _ordinal_words(words: str) -> int | None:
    parts = [w for w in re.split(r"[\s\-]+", words.lower().strip()) if w]
    if len(parts) == 1:
        return _ORDINALS.get(parts[0]) or _ORDINAL_TENS.get(parts[0])
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _ORDINALS:
        return _TENS[parts[0]] + _ORDINALS[parts[1]]
    return None


def parse_witness_date(text: str) -> date | None:
    """'this twelfth day of April, in the year of our Lord two thousand sixteen' -> 2016-04-12.

    Proclamations are dated in words in their closing clause; that is their signing date.
    """
    match = _WITNESS_RE.search(text)
    if not match:
        return None
    day = _ordinal_words(match.group(1))
    year = _number_words(match.group(3))
    if not day or not year:
        return None
    return make_date(year, month_number(match.group(2)), day)
