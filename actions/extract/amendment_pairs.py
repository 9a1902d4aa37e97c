"""Words replaced in pairs: "deleting “Secretary of the Interior” and “Department of the
Interior” wherever those terms appear and substituting therefor “Secretary of Energy” and
“Department of Energy”, respectively" (the Department of Energy's orders of 1977-1979 amend
some twenty orders so). One instruction: its `old` and `new` are the first pair, `pairs` the
others, each applied as the first is (`consolidate.apply`), all of them or none.
"""

from __future__ import annotations

import re

from actions.extract.amendment_wording import STRIKE_INSERT, Instruction, Location
from actions.extract.amendment_wording import done as _done
from actions.extract.amendment_wording import failed as _failed

_QUOTED = r"\u201c[^\u201d]{1,300}\u201d"
_NOUN = r"(?:the\s+(?:words?|phrases?|terms?|names?)\s+)?"
# Two quotations or more: "“A” and “B”", "“A”, “B”, and “C”", "the words “A” and the word “B”".
_LIST = rf"{_NOUN}{_QUOTED}(?:\s*,\s*(?:and\s+)?{_NOUN}{_QUOTED}|\s+and\s+{_NOUN}{_QUOTED})+"
_PAIRS_RE = re.compile(
    r"(?:striking(?:\s+out)?|deleting)\s+(?P<olds>" + _LIST + r")"
    # "(when used in reference to the Federal Energy Administration)": a condition
    r"(?P<condition>\s*\([^)]{0,200}\))?"
    r"(?P<each>,?\s*(?:wherever|whenever|each\s+place|every\s+place)\s+"
    r"(?:they|those\s+(?:terms|words|names|phrases)|it|the\s+words?)\s+(?:appears?|occurs?))?"
    r"(?P<loc>[^\u201c;]{0,120}?)"
    r",?\s+and\s+(?:by\s+)?(?:substituting|inserting)\s*,?\s*"
    r"(?:(?:in\s+(?:lieu|place)\s+thereof|in\s+(?:its|their)\s+places?|therefor)\s*,?\s*)?"
    r"(?P<news>" + _LIST + r")"
    r"(?P<respectively>\s*,?\s*respectively)?",
    re.I,
)


def paired_edit(
    text: str, start: int, position: int, window: str, base: dict, location: Location
) -> tuple[Instruction, int] | None:
    """The words of one list replaced by those of another, pair by pair; None when the
    window does not open so."""
    match = _PAIRS_RE.match(window)
    if not match:
        return None
    end = position + match.end()
    olds = re.findall(r"\u201c([^\u201d]+)\u201d", match.group("olds"))
    news = re.findall(r"\u201c([^\u201d]*)\u201d", match.group("news"))
    if len(olds) != len(news):
        return _failed(text, start, end, base, location, "the words struck and inserted differ")
    if match.group("condition"):
        return _failed(
            text, start, end, base, location, "words replaced only where a condition holds"
        )
    if match.group("loc").strip():
        # "wherever they appear in Sections I through 6": places within the order not read
        return _failed(text, start, end, base, location, "the places of the words are not read")
    return _done(
        text,
        start,
        end,
        base,
        STRIKE_INSERT,
        location,
        old=olds[0],
        new=news[0],
        each_place=bool(match.group("each")),
        pairs=tuple(zip(olds[1:], news[1:], strict=True)),
    )
