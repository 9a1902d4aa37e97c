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
WRITTEN_DATE_RE = re.compile(rf"\b({MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_US_RE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def parse_written_date(text: str) -> date | None:
    """The first date written as 'Month D, YYYY' in text, or None."""
    match = WRITTEN_DATE_RE.search(text)
    if not match:
        return None
    return _make_date(int(match.group(3)), month_number(match.group(1)), int(match.group(2)))


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
        return _make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _US_RE.match(text):
        return _make_date(int(match.group(3)), int(match.group(1)), int(match.group(2)))
    return parse_written_date(text)


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
