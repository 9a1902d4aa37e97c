"""Presidents and their terms, and who was in office on a given day.

The president of an action comes from its signing date, never from a source's `president`
field (null in the archived FR JSON). On a transfer day the incoming president is in office:
inaugurations are at noon, and orders signed that day are the new president's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from actions.ingest.text import slugify_title


@dataclass(frozen=True)
class TermInfo:
    ordinal: int
    name: str
    start: date
    end: date | None

    @property
    def slug(self) -> str:
        return slugify_title(self.name.replace(".", ""))


TERMS: tuple[TermInfo, ...] = (
    TermInfo(31, "Herbert Hoover", date(1929, 3, 4), date(1933, 3, 4)),
    TermInfo(32, "Franklin D. Roosevelt", date(1933, 3, 4), date(1945, 4, 12)),
    TermInfo(33, "Harry S. Truman", date(1945, 4, 12), date(1953, 1, 20)),
    TermInfo(34, "Dwight D. Eisenhower", date(1953, 1, 20), date(1961, 1, 20)),
    TermInfo(35, "John F. Kennedy", date(1961, 1, 20), date(1963, 11, 22)),
    TermInfo(36, "Lyndon B. Johnson", date(1963, 11, 22), date(1969, 1, 20)),
    TermInfo(37, "Richard Nixon", date(1969, 1, 20), date(1974, 8, 9)),
    TermInfo(38, "Gerald R. Ford", date(1974, 8, 9), date(1977, 1, 20)),
    TermInfo(39, "Jimmy Carter", date(1977, 1, 20), date(1981, 1, 20)),
    TermInfo(40, "Ronald Reagan", date(1981, 1, 20), date(1989, 1, 20)),
    TermInfo(41, "George H. W. Bush", date(1989, 1, 20), date(1993, 1, 20)),
    TermInfo(42, "William J. Clinton", date(1993, 1, 20), date(2001, 1, 20)),
    TermInfo(43, "George W. Bush", date(2001, 1, 20), date(2009, 1, 20)),
    TermInfo(44, "Barack Obama", date(2009, 1, 20), date(2017, 1, 20)),
    TermInfo(45, "Donald J. Trump", date(2017, 1, 20), date(2021, 1, 20)),
    TermInfo(46, "Joseph R. Biden Jr.", date(2021, 1, 20), date(2025, 1, 20)),
    TermInfo(47, "Donald J. Trump", date(2025, 1, 20), None),
)


def term_on(day: date | None) -> TermInfo | None:
    """The term in office on `day` (the incoming president on a transfer day)."""
    if day is None:
        return None
    found = None
    for term in TERMS:
        if term.start <= day and (term.end is None or day < term.end or day == term.start):
            found = term
    return found
