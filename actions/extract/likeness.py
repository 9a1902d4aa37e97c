"""How alike two printings of one action are: their titles and their texts. Pure.

The same order is printed by the Federal Register and by whitehouse.gov under titles that
differ in ways no one would call a different order: a leading "Executive Order on" or
"A Proclamation on", "Common Sense" for "Commonsense", a dropped year ("National Day of
Prayer" for "National Day of Prayer, 2021"), GPO's entity notation ("C[eacute]sar"), accents,
curly quotes, "Establishing" for "Establishment of". Two printings of one text are
near-identical word for word; two different orders are not, even when their titles are
alike ("Providing an Order of Succession Within the Department of Justice" and "... of
Agriculture").
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from actions.ingest.text import title_key

# What whitehouse.gov and the FR put before a title that is not part of it.
_LEADS = re.compile(
    r"^(?:executive order(?: on| providing| to| of)?|an? proclamation(?: on| titled| to| of)?"
    r"|proclamation(?: on| titled)?|memorandum on|presidential memorandum on)\s+",
)
# GPO typesetting entities in FR titles: "C[eacute]sar Ch[aacute]vez".
_GPO_ENTITY = re.compile(r"\[([a-z])(?:acute|grave|circ|uml|tilde|cedil)\]", re.I)
_STOP = frozenset("a an and the of on in for to with by from at as or".split())


def comparable_title(title: str, year: int | None = None) -> str:
    """A title reduced to what two printings of it share: lower case, ASCII, no lead, no
    trailing year when it is the signing year."""
    text = _GPO_ENTITY.sub(r"\1", title)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    key = title_key(text)
    # title_key keeps "executive order on"-style leads that whitehouse.gov writes, except the
    # one it drops itself; strip whichever is left.
    key = _LEADS.sub("", key)
    if year is not None:
        key = re.sub(rf"\s*\b{year}$", "", key)
    return key.strip()


def _stems(key: str) -> set[str]:
    """Words as crude stems (their first five letters): "establishing" and "establishment"
    agree; stop words left out."""
    return {word[:5] for word in key.split() if word not in _STOP}


def title_likeness(a: str, b: str, year: int | None = None) -> float:
    """0..1: 1 when the titles are one title printed twice. The best of three readings: the
    letters without spaces ("common sense" = "commonsense"), the word stems, and one title
    being the start of the other (a shortened title of five words or more)."""
    ka, kb = comparable_title(a, year), comparable_title(b, year)
    if not ka or not kb:
        return 0.0
    letters = SequenceMatcher(None, ka.replace(" ", ""), kb.replace(" ", "")).ratio()
    sa, sb = _stems(ka), _stems(kb)
    stems = len(sa & sb) / len(sa | sb) if sa | sb else 0.0
    short, long_ = sorted((ka, kb), key=len)
    prefix = 0.95 if len(short.split()) >= 5 and long_.startswith(short) else 0.0
    return max(letters, stems, prefix)


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


def text_likeness(a: str, b: str) -> float:
    """0..1: the share of five-word runs the two texts have in common (Jaccard). Two
    printings of one order score well above 0.5; two orders of one series well below."""
    sa, sb = _shingles(a), _shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


_NAMES_AND_NUMBERS = re.compile(r"\b(?:[A-Z][\w.-]*|\w*\d[\w.-]*)\b")


def names_and_numbers(text: str) -> set[str]:
    """The words that tell one formulaic document from the next: names and numbers ("Line 3",
    "Pembina", "36-inch", "July 15, 1998"). Two permits of one day for different pipelines
    share 96% of their text and differ here; two printings of one text do not."""
    return set(_NAMES_AND_NUMBERS.findall(text))


def same_text(a: str, b: str, at_least: float = 0.9) -> bool:
    """Two printings of one text: nearly all five-word runs shared, and the same names and
    numbers (one word of difference tolerated: a typo fixed between the printings)."""
    if text_likeness(a, b) < at_least:
        return False
    return len(names_and_numbers(a) ^ names_and_numbers(b)) <= 1
