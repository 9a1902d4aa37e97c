"""Edits told in the passive: "“Director” is deleted wherever it appears in Sections 1, 2, 4,
5, and 6 and “Secretary” is substituted therefor", "The words “Thirty days” ... are amended to
read “Sixty days”", "in section 1, the text “...” is deleted", "A new section 7 is added as
follows:", "The following new language is inserted at the end of section 3.4(a):". Pure; read
by `amendment_operations` before the active forms."""

from __future__ import annotations

import re

from actions.extract.amendment_wording import (
    _PLACE,
    ADD_END,
    ADD_SECTION,
    AFTER_SENTENCE,
    INSERT_AFTER,
    ORDER_NAME,
    STRIKE,
    STRIKE_INSERT,
    Instruction,
    Location,
    _location,
    _merge,
    new_sections,
    quoted_block,
    quoted_for_each,
)
from actions.extract.amendment_wording import done as _done
from actions.extract.amendment_wording import failed as _failed
from actions.extract.amendment_wording import occurrence as _occurrence

_WORDS = r"(?:the\s+(?:words?|phrase|term|date|number|name|text)\s+)?"

# Edits told in the passive, as items of a list: "“Director” is deleted wherever it appears in
# Sections 1, 2, 4, 5, and 6 and “Secretary” is substituted therefor", "In section 1, the words
# “25 nonfederal members” are deleted and the words “30 nonfederal members” are inserted in lieu
# thereof", "The words “Thirty days” in paragraph numbered 8 are amended to read “Sixty days”".
_PASSIVE_STRIKE_RE = re.compile(
    r"(?:in\s+(?P<pre>" + _PLACE + r")\s*,\s*)?" + _WORDS + r"\u201c(?P<old>[^\u201d]{1,500})\u201d"
    r"(?P<loc>[^\u201c;.]{0,120}?)\s*(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:deleted|stricken|struck(?:\s+out)?)"
    r"(?P<each>,?\s*(?:wherever|whenever|each\s+place|every\s+place)\s+(?:it\s+appears|they\s+appear))?"
    r"(?P<loc2>[^\u201c;]{0,200}?),?\s*and\s+" + _WORDS + r"\u201c(?P<new>[^\u201d]{0,500})\u201d"
    r"\s*(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:substituted|inserted)"
    r"(?:\s+(?:therefor|in\s+(?:lieu|place)\s+thereof))?"
    r"|(?:in\s+(?P<pre2>"
    + _PLACE
    + r")\s*,\s*)?"
    + _WORDS
    + r"\u201c(?P<old2>[^\u201d]{1,500})\u201d"
    r"(?P<loc3>[^\u201c;.]{0,120}?)\s*(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:amended|revised)\s+to\s+read\s+"
    r"\u201c(?P<new2>[^\u201d]{0,500})\u201d"
    # "in section 1, the text “the director of the ... Agency,” is deleted;": struck, no more
    r"|(?:in\s+(?P<pre3>"
    + _PLACE
    + r")\s*,\s*)?"
    + _WORDS
    + r"\u201c(?P<old3>[^\u201d]{1,500})\u201d"
    r"(?P<loc4>[^\u201c;.]{0,120}?)\s*(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:deleted|stricken|struck(?:\s+out)?)"
    r"(?P<each3>,?\s*(?:wherever|whenever|each\s+place|every\s+place)\s+(?:it\s+appears|they\s+appear))?"
    r"(?P<loc5>[^\u201c;.]{0,120}?)(?=\s*(?:[;.]|$))"
    # "The words “Secretary of the Army” are substituted for the words “Secretary of War”
    # wherever the latter words occur in such order"
    r"|"
    + _WORDS
    + r"\u201c(?P<new4>[^\u201d]{1,500})\u201d\s*(?:is|are|shall\s+be)\s+(?:hereby\s+)?"
    r"substituted\s+for\s+" + _WORDS + r"\u201c(?P<old4>[^\u201d]{1,500})\u201d"
    r"(?P<each4>,?\s*(?:wherever|whenever|each\s+place|every\s+place)\s+(?:it|they|the\s+latter\s+words?)"
    r"\s+(?:appears?|occurs?))?"
    r"(?P<loc6>[^\u201c;.]{0,120}?)(?=\s*(?:[;.]|$))",
    re.I,
)

# "A new section 7 is added as follows:", "New Sections 12, 13, and 14 are added to read as
# follows:", "A new section 3(n) is added to read:", "The following new subsections are added
# to section 9 at the end thereof:", "A new section 7 shall be inserted, which reads:".
_PASSIVE_ADD_RE = re.compile(
    # "After section 3, the following new sections are added:"
    r"(?:after\s+(?P<after>section\s+\d+[A-Za-z]?)\s*,\s*)?"
    r"(?:(?:an?\s+)?new\s+(?P<place>sections\s+[\dA-Za-z,\s]+?|" + _PLACE + r")"
    r"|the\s+following\s+(?:new\s+)?(?P<kind>(?:sub)?(?:sections?|paragraphs?|clauses?|sentences?)"
    r"|language|text))"
    r"\s*(?:(?:of|to)\s+(?:that|the|this|such)\s+[Oo]rder\s*|of\s+" + ORDER_NAME + r"\d+\s*)?"
    r",?\s*(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:added|inserted)"
    # the place, whose "3.4(a)" and "Sec. 201(c)" hold periods of their own
    r"(?P<where>(?:[^:\u201c.]|\.(?=\d)|(?<=Sec)\.){0,80}?)"
    r"\s*(?::|--|\u2014)?\s*(?=\u201c)",
    re.I,
)


def passive_edit(
    text: str, start: int, position: int, window: str, base: dict, location: Location
) -> tuple[Instruction, int] | None:
    """The edit a clause in the passive at the window's start makes, or None."""
    passive = _PASSIVE_STRIKE_RE.match(window)
    if passive:
        said = " ".join(
            passive.group(g) or ""
            for g in ("pre", "loc", "loc2", "pre2", "loc3", "pre3", "loc4", "loc5", "loc6")
        )
        where = _merge(location, _place_in(said)) if _place_in(said) else location
        if _place_in(said) is None and re.search(
            r"\b(?:sections?|paragraphs?|sec\.)\s", said, re.I
        ):
            return _failed(
                text,
                start,
                position + passive.end(),
                base,
                location,
                "the part it amends is not read",
            )
        if where.several:
            return _failed(
                text,
                start,
                position + passive.end(),
                base,
                where,
                "one instruction for several parts, not told apart",
            )
        old = next(passive.group(g) for g in ("old", "old2", "old3", "old4") if passive.group(g))
        new = passive.group("new") if passive.group("old") else passive.group("new2")
        new = passive.group("new4") if passive.group("old4") else new
        return _done(
            text,
            start,
            position + passive.end(),
            base,
            STRIKE if passive.group("old3") else STRIKE_INSERT,
            where,
            old=old,
            new=new,
            each_place=any(passive.group(g) for g in ("each", "each3", "each4")),
            occurrence=_occurrence(said),
        )
    added = _PASSIVE_ADD_RE.match(window)
    if added:
        quoted, end = quoted_block(text, position + added.end())
        if quoted is not None:
            return _passive_addition(text, start, end, base, location, added, quoted)
    return None


def _place_in(words: str) -> Location | None:
    """The place a passive edit names in its own words: "in Section 6", "in paragraph
    numbered 8" (a paragraph-numbered order's parts are its sections)."""
    numbered = re.search(r"\bparagraph\s+numbered\s+(\d+)", words, re.I)
    if numbered:
        return Location(section=numbered.group(1))
    place = re.search(rf"\b(?:in|of)\s+(?P<place>{_PLACE})", words, re.I)
    if place:
        return _location(place.group("place"), None)
    place = re.search(rf"^\s*(?P<place>{_PLACE})\s*$", words, re.I)  # "In section 1, ..."
    return _location(place.group("place"), None) if place else None


def _passive_addition(text, start, end, base, location, added, quoted) -> tuple[Instruction, int]:
    """ "A new section 7 is added": a section, where its number puts it; "A new section 3(n)
    is added", "The following new subsections are added to section 9": at the end of the part
    that holds it."""
    where = location
    said = added.group("where") or ""
    to = re.search(rf"\b(?:to|at\s+the\s+end\s+of)\s+(?P<place>{_PLACE})", said, re.I)
    if to:
        where = _merge(where, _location(to.group("place"), None))
    place = added.group("place")
    kind = (added.group("kind") or "").lower()
    if kind in ("language", "text", "sentence", "sentences"):
        # "The following new language is inserted at the end of section 3.4(a):": words that
        # go on where the part's last sentence ends, on its line.
        if where.section is None:
            return _failed(text, start, end, base, where, "no section is named for it")
        return _done(text, start, end, base, INSERT_AFTER, where, old=AFTER_SENTENCE, new=quoted)
    if added.group("after") and kind.startswith("section"):
        after = re.search(r"\d+[A-Za-z]?", added.group("after")).group(0)
        return _done(text, start, end, base, ADD_SECTION, Location(section=after), new=quoted)
    if place and re.match(r"(?i)sections?\b|sec\.", place.strip()):
        own = _location(place, None)
        if own.path:  # "section 3(n)": a subsection of section 3, at its end
            parent = Location(own.section, own.path[:-1])
            if not re.match(r"\s*\(", quoted):
                quoted = f"({own.path[-1]}) {quoted.strip()}"  # "a new Sec. 201(d) ...: “The"
            return _done(text, start, end, base, ADD_END, _merge(where, parent), new=quoted)
        first = re.match(r"\d+[A-Za-z]?", (own.section or "").split(",")[0])
        number = first.group(0) if first and "," not in (own.section or "") else None
        if "," in (own.section or ""):
            # "New sections 2.2 and 2.3 are added ...: “Sec. 2.2. ...”\n\n“Sec. 2.3. ...”":
            # each section quoted apart
            quoted, end = quoted_for_each(text, quoted, end, own.section.split(","))
        return new_sections(text, start, end, base, added.group("where"), quoted, number)
    if kind.startswith("section"):
        return _done(text, start, end, base, ADD_SECTION, Location(), new=quoted)
    if place:  # "a new subsection (d)": at the end of the part it is added to
        own = _location(place, None)
        where = (
            _merge(where, Location(own.section, own.path[:-1]))
            if own.section or own.path
            else where
        )
        if own.path and not re.match(r"\s*\(", quoted):
            quoted = f"({own.path[-1]}) {quoted.strip()}"  # its designation, printed by the head
    if where.section is None:
        return _failed(text, start, end, base, where, "no section is named for it")
    return _done(text, start, end, base, ADD_END, where, new=quoted)
