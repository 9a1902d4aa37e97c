"""Several parts redesignated or struck at once: "redesignating subsections (n) through (r) as
subsections (o) through (s), respectively", "renumbering current sections 5, 6, and 7 as 6, 7,
and 8", "Paragraphs 4, 5, 6, 7, and 8 are redesignated as paragraphs 5, 6, 7, 8, and 9". Each
part's place and its new designation, paired in order. Pure; read by `amendment_operations`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from actions.extract.amendment_wording import (
    _PLACE,
    ROMAN,
    Location,
    _location,
    _merge,
    numbered_within_part,
)

_KIND = r"(?:sub)?(?:sections?|section's|paragraphs?|subparagraphs?|clauses?|items?)"
# One designation: "6", "1(b)(8)", "(n)", "(xxix)", "“7”" (printed in quotation marks).
_ONE = (
    r"(?:\u201c)?(?:\d+(?:[.-]\d+)?[A-Za-z]?(?:\s?\(\s?\w{1,6}\s?\))*|\(\s?\w{1,6}\s?\)(?:\s?\(\s?\w{1,6}\s?\))*)"
    r"(?:\u201d)?"
)
_LIST = (
    rf"{_ONE}(?:\s*(?:through|to|-)\s*{_ONE}(?:,?\s+inclusive)?"
    rf"|(?:\s*,\s*(?:and\s+)?{_ONE})*(?:,?\s+and\s+{_ONE})?)"
)
_TAIL = (
    rf"\s+(?:as|to\s+be|to)\s+(?:{_KIND}\s+)?(?P<new>{_LIST})"
    r"(?:,?\s+respectively)?(?:,?\s+inclusive)?"
)
_PLACE_OF = (
    rf"(?:,?\s+thereof|\s+(?:of|in)\s+(?P<within>{_PLACE})|\s+of\s+(?:the|that|such)\s+[Oo]rder)?"
)

_MOVING_RE = re.compile(
    r"(?:redesignating|renumbering|relettering)\s+(?:the\s+)?(?:current\s+|existing\s+|present\s+)?"
    rf"(?P<kind>{_KIND})\s+(?P<old>{_LIST}){_PLACE_OF}{_TAIL}",
    re.I,
)
_MOVED_RE = re.compile(
    rf"(?P<kind>{_KIND})\s+(?P<old>{_LIST}){_PLACE_OF},?\s+(?:are|shall\s+be)\s+(?:hereby\s+)?"
    rf"(?:redesignated|renumbered|relettered){_TAIL}",
    re.I,
)

# "striking subsections 2(a)-(b)", "Revoking current sections 5 through 7 and 15", "deleting
# Sections 3, 4, 5, 6, 7, 8 and 9": several parts taken out, each of them.
_STRIKING_SEVERAL_RE = re.compile(
    r"(?:striking|deleting|revoking)(?:\s+out)?\s+(?:all\s+of\s+)?(?:the\s+)?(?:current\s+)?"
    rf"(?P<kind>(?:sub)?(?:sections|paragraphs|subparagraphs|clauses|items))\s+(?P<old>{_LIST}"
    rf"(?:,?\s+and\s+{_ONE})?){_PLACE_OF}(?=[.;,]|\s+and\b|\s*$)"
    # "striking sections 2 and 3, and inserting in lieu thereof ...": a replacement, read
    # as one elsewhere.
    r"(?!,?\s+and\s+(?:by\s+)?(?:inserting|substituting)\s+(?:in\s+(?:lieu|place)|the\s+following))",
    re.I,
)

_ROMAN = ROMAN


@dataclass(frozen=True)
class Moves:
    """The parts acted on, each with its new designation (a section's number, or a part's own
    marker; none for a part struck), in the order the text names them; `end` is where the
    clause ends in the window."""

    moves: tuple[tuple[Location, str], ...]
    end: int


class Unpaired(ValueError):
    """The old and the new designations are not as many, or a range is not read."""


def read_struck(window: str, location: Location) -> Moves | None:
    """The parts a clause striking several at once ("striking subsections 2(a)-(b)") takes
    out, within `location`, each with no new designation; None when it is not one."""
    match = _STRIKING_SEVERAL_RE.match(window)
    if not match:
        return None
    old = designations_listed(match.group("old"))
    if len(old) < 2:
        return None
    places = _places(old, match, location, sections=not any("(" in d for d in old))
    return Moves(tuple((place, "") for place in places), match.end())


def _places(designations, match, location, sections: bool) -> list[Location]:
    within = location
    if match.group("within"):
        within = _merge(location, _location(match.group("within"), None))
    out = []
    for designation in designations:
        if sections:
            out.append(Location(section=designation))
            continue
        where = _merge(within, _location(_as_place(designation), None))
        if where.section is None or not where.path:
            raise Unpaired("no section is named for the parts")
        out.append(where)
    return out


def read_moves(window: str, location: Location) -> Moves | None:
    """The parts a redesignating clause at the window's start moves, within `location`;
    None when the clause is not one of several parts. Raises Unpaired when it is, and its
    designations do not pair."""
    match = _MOVING_RE.match(window) or _MOVED_RE.match(window)
    if not match:
        return None
    old, new = designations_listed(match.group("old")), designations_listed(match.group("new"))
    if len(old) < 2 and len(new) < 2:
        return None  # one part: read as a single redesignation
    if len(old) != len(new):
        raise Unpaired("the new designations do not pair with the old")
    # "sections 5, 6, and 7", and the "paragraphs 4, 5, and 6" of an order numbered by
    # paragraph ("4. The Purple Heart ..."): sections either way.
    sections = not any("(" in d for d in old + new)
    places = _places(old, match, location, sections)
    moves = [
        (place, after if sections or not _marks(after) else _marks(after)[-1])
        for place, after in zip(places, new, strict=True)
    ]
    return Moves(tuple(moves), match.end())


def _as_place(designation: str) -> str:
    """ "2(c)" as a section's part, "(n)" as a part of the place named around it."""
    return f"section {designation}" if designation[:1].isdigit() else f"subsection {designation}"


def _marks(designation: str) -> list[str]:
    return re.findall(r"\(\s?(\w{1,6})\s?\)", designation)


def designations_listed(listed: str) -> list[str]:
    """ "(n) through (r)" -> (n) (o) (p) (q) (r); "5 through 7 and 15" -> 5 6 7 15; "1(b) (5)
    and (6)" -> 1(b)(5) 1(b)(6)."""
    listed = re.sub(r"[\u201c\u201d]", "", listed)
    listed = re.sub(r",?\s+inclusive", "", listed)
    out: list[str] = []
    for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed.strip()):
        if not item:
            continue
        ranged = re.fullmatch(rf"({_ONE})\s*(?:through|to|-)\s*({_ONE})", item)
        first, last = (ranged.group(1), ranged.group(2)) if ranged else (item, None)
        first = _inherit(re.sub(r"\s+", "", first), out)
        if last is None:
            out.append(first)
            continue
        last = re.sub(r"\s+", "", last)
        if last.startswith("(") and not first.startswith("("):
            last = first[: first.rindex("(")] + last  # "2(a)-(b)": the part of section 2
        out.extend(_range(first, last))
    return out


def _inherit(designation: str, before: list[str]) -> str:
    """ "1(b) (5) and (6)": the (6) of the same 1(b)."""
    if designation.startswith("(") and before and not before[-1].startswith("("):
        return before[-1][: before[-1].rindex("(")] + designation
    return designation


def _range(first: str, last: str) -> list[str]:
    """Every designation from the first to the last, the last marker counted: "1(b)(8)
    through 1(b)(13)", "(d) through (i)", "8 through 14", "2(a)-(b)"."""
    first_marks, last_marks = _marks(first), _marks(last)
    if not first_marks:  # "8 through 14": sections
        if not (first.isdigit() and last.isdigit()) or int(last) <= int(first):
            raise Unpaired("the range is not read")
        return [str(n) for n in range(int(first), int(last) + 1)]
    prefix = first[: first.rindex("(")]
    labels = _labels(first_marks[-1], last_marks[-1] if last_marks else last)
    return [f"{prefix}({label})" for label in labels]


def _labels(first: str, last: str) -> list[str]:
    if first.isdigit() and last.isdigit():
        return [str(n) for n in range(int(first), int(last) + 1)]
    if first in _ROMAN and last in _ROMAN and len(first + last) > 2:
        return _ROMAN[_ROMAN.index(first) : _ROMAN.index(last) + 1]
    if len(first) == 1 and len(last) == 1 and first.isalpha() and first <= last:
        return [chr(c) for c in range(ord(first), ord(last) + 1)]
    raise Unpaired("the range is not read")


def moving_order(moves: tuple[tuple[Location, str], ...]) -> list[tuple[Location, str]]:
    """The moves in an order where none lands on a part still to move: the last first when
    they move up ("(n)-(r)" to "(o)-(s)"), the first first when they move down."""
    first_old, first_new = moves[0]
    old_label = first_old.path[-1] if first_old.path else first_old.section or ""
    up = _rank(first_new) > _rank(old_label)
    return list(reversed(moves)) if up else list(moves)


def _rank(label: str) -> tuple[int, ...]:
    if re.fullmatch(r"\d+(?:[.-]\d+)*", label):
        # "2.2" before "2.4", "1-201" before "1-203": sections of an order numbered by parts
        return tuple(int(n) for n in re.split(r"[.-]", label))
    if label in _ROMAN and len(label) > 1:
        return (_ROMAN.index(label) + 1,)
    return (ord(label[0].lower()) - ord("a") + 1 if label[:1].isalpha() else 0,)


# "Sections 5 (b), 7, and 8 of Executive Order No. 11075 ... are hereby revoked", "Sections
# 2, 3, 4, 5, and 6 of Executive Order No. 11954 are redesignated as Sections 1, 2, 3, 4, and
# 5, respectively": the parts a head names before the order.
_LISTED_BEFORE_RE = re.compile(
    rf"(?:(?:current|existing|present)\s+)?(?P<kind>{_KIND})\s+(?P<old>{_LIST})"
    r"(?:\s+of\s+(?P<part>[Pp]art\s+[IVXL]+))?\s*$",
    re.I,
)
# "... shall be renumbered sections 5 through 8" (no "as")
_LISTED_TAIL_RE = re.compile(
    rf",?\s+(?:(?:as|to\s+be|to)\s+)?(?:new\s+)?(?:{_KIND}\s+)?(?P<new>{_LIST})"
    r"(?:,?\s+respectively)?(?:,?\s+inclusive)?",
    re.I,
)


def listed_before(before: str) -> tuple[list[Location], int] | None:
    """The parts listed at the end of `before` (the words ahead of "of Executive Order"), each
    a place of its own, and where the list starts; None when no list of two or more is there.
    Raises Unpaired when a range in it is not read."""
    match = _LISTED_BEFORE_RE.search(before)
    if not match:
        return None
    # The list opens its clause: "Sections 2(b) and 3(a), the first sentence of section 3(c),
    # and sections 3(e) and 6 of ..." is not read from its last "sections".
    opening = before[: match.start()].rstrip()
    if opening and not re.search(r"(?:[.:;)\u2014]|\bthat)$", opening):
        return None
    listed = designations_listed(match.group("old"))
    if len(listed) < 2:
        return None
    if numbered_within_part(match.group("part")):
        raise Unpaired("its paragraphs are numbered within each part, which is not read")
    places = []
    for designation in listed:
        if not designation[:1].isdigit():
            raise Unpaired("no section is named for the parts")
        places.append(_location(f"section {designation}", None))
    return places, match.start()


def listed_moves(places: list[Location], after: str) -> Moves | None:
    """ "... are redesignated as Sections 1, 2, 3, 4, and 5, respectively": the places listed
    before the order paired with the designations `after` the verb gives them."""
    match = _LISTED_TAIL_RE.match(after)
    if not match:
        return None
    new = designations_listed(match.group("new"))
    if len(new) != len(places):
        raise Unpaired("the new designations do not pair with the old")
    if any(place.path for place in places) or any("(" in n for n in new):
        raise Unpaired("parts inside sections redesignated from a list are not read")
    return Moves(tuple(zip(places, new, strict=True)), match.end())
