"""Words struck, inserted or put in place of others, quoted in the clause: "striking “X”
and inserting “Y”", "substituting “Y” for “X”", "inserting “Y” after “X”", "deleting “X”",
"striking “and” after “State”"; where the clause names their place ("in section 3 of that
order", "in Sections 1 (a), 1 (c), and 6 (b)") and whether every place is meant. Read after
an operation's verb by `amendment_operations`. Pure."""

from __future__ import annotations

import dataclasses
import re

from actions.extract.amendment_wording import (
    _PLACE,
    INSERT_AFTER,
    INSERT_BEFORE,
    PREAMBLE,
    STRIKE,
    STRIKE_INSERT,
    TITLE,
    Instruction,
    Location,
    _location,
    _merge,
)
from actions.extract.amendment_wording import done as _done
from actions.extract.amendment_wording import failed as _failed
from actions.extract.amendment_wording import occurrence as _occurrence

# A place stated inside the operation: "deleting in the first sentence “...”", "deleting from
# paragraph (4) of section 4(d) the text “...”".
_PRE = (
    r"(?P<pre>(?:from|in)\s+(?:the\s+(?:first|second|third|last)\s+sentence(?:\s+of\s+)?)?(?:"
    + _PLACE
    # "deleting in section 3 of that order “...”"
    + r")?\s*(?:(?:of\s+(?:that|the|this|such)\s+[Oo]rder|thereof)\s+)?)?"
)


def _inserting(where: str) -> re.Pattern:
    """'inserting "new" after|before "old"' (in a place, or wherever the words are)."""
    return re.compile(
        r"(?:inserting|adding)\s+(?:the\s+(?:words?|phrase|text)\s+)?\u201c(?P<new>[^\u201d]{1,2000})\u201d"
        # "inserting “Department of Transportation” in the list of departments and agencies in
        # subsection (a) of section 2 thereof after “Department of Labor”" (EO 11382)
        r"(?P<loc2>(?:\s+in\s+the\s+list\s+of\s+[a-z ,]{1,60}?)?\s+in\s+(?:"
        + _PLACE
        + r")(?:\s+(?:thereof|of\s+that\s+order))?)?"
        r"\s*,?\s+(?:immediately\s+)?"
        + where
        + r"\s+(?:the\s+(?:words?|phrase)\s+)?\u201c(?P<old>[^\u201d]{1,500})\u201d"
        # "after “active military service” each place it appears" (EO 13293)
        r"(?P<each>,?\s*" + _EACH + r",?)?"
        r"(?P<loc>\s+(?:in|of)\s+(?:the\s+)?(?:"
        + _PLACE
        + r"|(?:title|heading|preamble|caption)\b))?",
        re.I,
    )


def _inserted_after_anchor(where: str) -> re.Pattern:
    return re.compile(
        r"(?:immediately\s+)?" + where + r"\s+(?:the\s+(?:words?|phrase|text)\s+)?"
        r"\u201c(?P<old>[^\u201d]{1,300})\u201d\s*,?\s*(?:by\s+)?(?:inserting|adding)\s+"
        r"(?:the\s+(?:words?|phrase|text)\s+)?\u201c(?P<new>[^\u201d]{1,2000})\u201d(?P<each>)(?P<loc>)",
        re.I,
    )


# "each place it appears", "wherever they appear", "in each place that word appears",
# "wherever it occurs": every one of the words, not the first.
_EACH = (
    r"(?:in\s+)?(?:each|wherever|whenever|every)\s+(?:place\s+)?(?:that\s+(?:word|phrase)|it|they|the\s+words?)"
    r"\s+(?:appears?|occurs?)"
)

_OP_RES = [
    (
        STRIKE_INSERT,
        re.compile(
            # ("removing the words “Section 409” and inserting “Section 412” in place thereof")
            r"(?:striking(?:\s+out)?|deleting|removing)(?:\s*(?:--|\u2014)\s*|\s+)(?:therefrom\s+)?"
            + _PRE
            + r"(?:the\s+(?:words?|phrase|text|number|date|name|term|clause|reference\s+to)\s+)?"
            r"\u201c(?P<old>[^\u201d]{1,2000})\u201d"
            # (a place never runs past the paragraph's end: "... security patches.”.\n\nSec.
            # 2. ... (a) striking section 1 and inserting" is two instructions)
            r"(?P<loc>(?:(?!\n\s*\n)[^\u201c;]){0,120}?)(?P<each>,?\s*" + _EACH + r",?)?"
            # "wherever it appears in sections 104(c), ..."
            r"(?P<loc2>(?:(?!\n\s*\n)[^\u201c;]){0,400}?)"
            # "... and replacing it with a reference to “4532(d)(1)(B)”"
            r"\s*,?\s*and\s+(?:by\s+)?(?:inserting|substituting|adding|replacing\s+(?:it|them)\s+with)"
            r"\s*,?\s*(?:a\s+reference\s+to\s+)?"
            r"(?:(?:in\s+(?:lieu|place)\s+(?:thereof|of\s+the\s+(?:stricken|deleted)\s+\w+)|in\s+(?:its|their)\s+place|therefor)\s*[,:]?\s*)?"
            r"(?:in\s+each\s+(?:such\s+)?(?:place|case)\s*,?\s*)?"
            r"(?:instead\s+)?(?:the\s+(?:following:?|words?|phrase|text|number|date|name|term|clause)\s*:?\s*)?"
            # (words put in run over a paragraph's end only into one that opens with a
            # quotation mark of its own; else the quotation is paired wrongly)
            r"\u201c(?P<new>(?:(?!\n\s*\n(?!\s*\u201c))[^\u201d]){0,2000})\u201d"
            # "deleting “15” and inserting “20” in lieu thereof and by deleting ..."
            r"(?:\s+in\s+(?:lieu|place)\s+thereof|\s+in\s+(?:its|their)\s+place)?",
            re.I,
        ),
    ),
    (
        STRIKE_INSERT,
        re.compile(
            # "substituting the “Director of ...” for “Director of ...” in Sections 1 (a), 2"
            r"substituting\s+(?:the\s+(?:words?\s+)?)?\u201c(?P<new>[^\u201d]{0,2000})\u201d\s+for\s+"
            r"(?:the\s+(?:words?\s+)?)?\u201c(?P<old>[^\u201d]{1,2000})\u201d"
            r"(?P<each>,?\s*" + _EACH + r")?"
            r"(?P<loc>\s+(?:in|of)\s+(?:the\s+)?(?:(?:first|second|third|last)\s+sentence\s+of\s+)?"
            r"(?:" + _PLACE + r"|sections\s+\d[^;\u201c]{0,200}?"
            r"|(?:title|heading|preamble|caption)\b))?",
            re.I,
        ),
    ),
    (
        STRIKE_INSERT,
        re.compile(
            # "substituting for the words “A”, in item (5) thereof, the words “B”",
            # "substituting for the date “July 1, 1935” occurring in paragraph numbered 1
            # thereof the date “August 1, 1935.”"
            r"substituting\s+for\s+(?:the\s+(?:text|words?|phrase|name|number|term|date|designation)\s+)?"
            r"\u201c(?P<old>[^\u201d]{1,2000})\u201d"
            r"(?P<loc>[^\u201c;]{0,120}?)(?P<each>)\s*,?\s*the\s+"
            r"(?:following\s*(?::|--)?|(?:words?|phrase|text|date|designation|name|number)\s+)\s*"
            r"\u201c(?P<new>[^\u201d]{0,2000})\u201d",
            re.I,
        ),
    ),
    (
        # "replacing “section 12” with “section 9” in subsection (a)"
        STRIKE_INSERT,
        re.compile(
            r"replacing\s+(?:the\s+(?:words?|phrase|text|reference\s+to)\s+)?\u201c(?P<old>[^\u201d]{1,2000})\u201d"
            r"\s+with\s+(?:the\s+(?:words?|phrase|text)\s+)?\u201c(?P<new>[^\u201d]{0,2000})\u201d"
            r"(?P<each>,?\s*" + _EACH + r")?"
            r"(?P<loc>\s+(?:in|of)\s+(?:the\s+)?(?:" + _PLACE + r"))?",
            re.I,
        ),
    ),
    (
        # "inserting “and” between “2(a),” and “3(a)”": after the first of the two
        INSERT_AFTER,
        re.compile(
            r"inserting\s+\u201c(?P<new>[^\u201d]{1,500})\u201d\s+between\s+\u201c(?P<old>[^\u201d]{1,300})\u201d"
            r"\s+and\s+\u201c[^\u201d]{1,300}\u201d(?P<each>)"
            r"(?P<loc>\s+(?:in|of)\s+(?:the\s+)?(?:" + _PLACE + r"))?",
            re.I,
        ),
    ),
    (
        # "inserting in the second sentence “up to 20” in place of “15”" (EO 12987)
        STRIKE_INSERT,
        re.compile(
            r"inserting\s+" + _PRE + r"(?:the\s+(?:words?|phrase|text|number|date)\s+)?"
            r"\u201c(?P<new>[^\u201d]{0,2000})\u201d"
            r"\s+in\s+(?:place|lieu)\s+of\s+(?:the\s+(?:words?|phrase|text|number|date)\s+)?"
            r"\u201c(?P<old>[^\u201d]{1,2000})\u201d(?P<each>)"
            r"(?P<loc>\s+(?:in|of)\s+(?:the\s+)?(?:" + _PLACE + r"))?",
            re.I,
        ),
    ),
    # "in section 2, after “energy-related projects” inserting “(including pipeline safety
    # projects)”" (EO 13302): the anchor before the verb
    (INSERT_AFTER, _inserted_after_anchor("(?:after|following)")),
    (INSERT_BEFORE, _inserted_after_anchor("(?:before|preceding)")),
    # "adding “administrative” immediately preceding “matters and activities”" (EO 13652)
    (INSERT_AFTER, _inserting("(?:after|following)")),
    (INSERT_BEFORE, _inserting("(?:before|preceding)")),
    (
        STRIKE,
        re.compile(
            r"(?:striking(?:\s+out)?|deleting|removing)(?:\s*(?:--|\u2014)\s*|\s+)(?:therefrom\s+)?"
            + _PRE
            + r"(?:the\s+(?:words?|phrase|text|following\s*:?)\s*|the\s+(?=\u201c))?"
            r"\u201c(?P<old>[^\u201d]{1,2000})\u201d"
            r"(?P<each>,?\s*" + _EACH + r")?"
            r"(?P<loc>\s+(?:in|from)\s+(?:the\s+)?(?:"
            + _PLACE
            + r"|sections\s+\d[^;\u201c]{0,200}?"
            r"|(?:title|heading|preamble|caption)\b))?(?P<new>)",
            re.I,
        ),
    ),
]


_LISTED_RE = re.compile(r"\d+[A-Za-z]?(?:\s?\(\s?\w{1,6}\s?\))*")
_LIST_GAP_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


_PUNCTUATION = {"comma": ",", "semicolon": ";", "period": ".", "colon": ":"}

_ANCHORED_STRIKE_RE = re.compile(
    # "striking “inches” where it appears after the phrase “approximately 1”" (EO 13683)
    r"\s+(?:where\s+it\s+appears\s+)?(?:immediately\s+)?(?P<rel>after|before|following|preceding)"
    r"\s+(?:the\s+(?:words?|phrase)\s+)?"
    r"(?:\u201c(?P<anchor>[^\u201d]{1,200})\u201d|the\s+(?P<mark>comma|semicolon|period|colon)\b)"
    rf"(?P<loc>\s+(?:in|of)\s+(?:the\s+)?(?P<place>{_PLACE}))?"
    r"(?:\s*,?\s*and\s+(?:by\s+)?(?:inserting|substituting)\s+(?:in\s+lieu\s+thereof\s+)?"
    r"(?:a\s+(?P<new_mark>comma|semicolon|period|colon)\b|\u201c(?P<new>[^\u201d]{1,200})\u201d)"
    r"(?:\s+in\s+lieu\s+thereof)?)?",
    re.I,
)


def _anchored_strike(text, start, position, base, location, match, anchored):
    """ "striking “and” after “State” ... and inserting a comma in lieu thereof": the anchor
    and the words as they stand together, for the anchor and what is inserted."""
    struck = match.group("old")
    anchor = anchored.group("anchor") or _PUNCTUATION[anchored.group("mark").lower()]
    inserted = anchored.group("new")
    if anchored.group("new_mark"):
        inserted = _PUNCTUATION[anchored.group("new_mark").lower()]
    where = location
    if anchored.group("place"):
        where = _merge(location, _location(anchored.group("place"), None))
    end = position + anchored.end()
    if anchored.group("rel").lower() in ("after", "following"):
        old = f"{anchor} {struck}"
        tight = inserted is None or not inserted[:1].isalnum()  # "State," not "State ,"
        new = anchor + ("" if inserted is None else (inserted if tight else " " + inserted))
    else:
        old = f"{struck} {anchor}"
        new = anchor if inserted is None else f"{inserted} {anchor}"
    return _done(text, start, end, base, STRIKE_INSERT, where, old=old, new=new)


def _sections_listed(loc_text: str, clause: str = "") -> tuple[list[Location], int] | None:
    """ "in Sections 1 (a), 1 (c), and 6 (b)": each part listed, and where the list ends in
    the place and the clause after it; None for fewer than two."""
    loc_text += clause
    listed = re.search(r"\bsections\s+(?=\d)", loc_text, re.I)
    if not listed or listed.start() >= len(loc_text) - len(clause):
        return None  # a list in the clause's own place, never in the text after it
    out, position = [], listed.end()
    while True:
        one = _LISTED_RE.match(loc_text, position)
        if not one:
            break
        out.append(_location("section " + re.sub(r"\s+", "", one.group(0)), None))
        position = one.end()
        gap = _LIST_GAP_RE.match(loc_text, position)
        if not gap or not _LISTED_RE.match(loc_text, gap.end()):
            break
        position = gap.end()
    return (out, position) if len(out) > 1 else None


def _front_alone(loc_text: str, location: Location) -> str | None:
    """ "striking “X” in the title and inserting “Y”": the title (or preamble) the words stand
    in, where the instruction names no other place; None for "in the title and in subsections
    1(j), 1(k), and 5", "wherever the latter words occur in such order or in the title
    thereof", or "in the heading of section 3"."""
    if location.section is not None or location.path:
        return None
    alone = _FRONT_ALONE_RE.fullmatch(loc_text)
    if not alone:
        return None
    return PREAMBLE if alone.group(1).lower() == PREAMBLE else TITLE


# Further quotations struck with the first: "“A” and “B”", "“A”, “B”, and “C”".
_MORE_STRUCK_RE = re.compile(r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\u201c[^\u201d]{1,500}\u201d)+")

_FRONT_ALONE_RE = re.compile(
    r"\s*,?\s*(?:in|of)\s+the\s+(title|preamble|caption)"
    r"(?:\s+thereof|\s+of\s+(?:the|that|such)\s+order)?\s*,?\s*",
    re.I,
)


def words_edit(text, start, position, window, base, location) -> tuple[Instruction, int] | None:
    """Words struck, inserted or put in place of others, quoted: "striking “X” and inserting
    “Y”", "substituting “Y” for “X”", "inserting “Y” after “X”", "deleting “X”"; None when
    the window holds none of them."""
    for op, pattern in _OP_RES:
        match = pattern.match(window)
        if match:
            loc_text = (match.group("loc") or "") + (match.groupdict().get("loc2") or "")

            def refused(problem: str) -> tuple[Instruction, int]:
                # called at once, in this iteration: its match and place as they stand
                end = position + match.end()  # noqa: B023
                return _failed(text, start, end, base, location, problem)  # noqa: B023

            anchored = op == STRIKE and _ANCHORED_STRIKE_RE.match(window, match.end())
            if op == STRIKE and re.match(
                # within this clause: not past a semicolon, a line or the next item's marker
                r"(?:(?![;\n]|\(\w{1,3}\)\s).){0,400}?\band\s+(?:by\s+)?(?:inserting|substituting)\b",
                window[anchored.end() if anchored else match.end() :],
                re.I,
            ):
                # Struck words that an insertion replaces further on, in a form not read:
                # never applied as a bare deletion.
                return refused("the instruction's wording is not one the archive reads")
            if anchored:
                # "striking “and” after “State” in section 701(6) and inserting a comma in
                # lieu thereof", "deleting “and” after the semicolon", "striking “inches”
                # where it appears after the phrase “approximately 1” and inserting “inch”":
                # the words struck where they stand next to the anchor, the anchor kept.
                return _anchored_strike(text, start, position, base, location, match, anchored)
            if op == STRIKE and re.match(
                r"\s+(?:immediately\s+)?(?:after|before|preceding|following)\b",
                window[match.end() : match.end() + 30],
                re.I,
            ):
                # "deleting “and” after the section heading": which “and” is not read.
                return refused("the place of the words struck is not read")
            not_text = re.search(
                r"\bin\s+the\s+(title|heading|preamble|caption)\b(?!\s+of\s+(?:sub)?sec)",
                loc_text,
                re.I,
            )
            if not_text:
                front = _front_alone(loc_text, location)
                if front is None:
                    return refused(
                        f"its {not_text.group(1).lower()} is amended, not a section of its text"
                    )
                location = dataclasses.replace(location, section=front)
            pre = match.groupdict().get("pre") or ""
            if pre.strip():
                ordinal = re.search(r"(first|second|third|last)\s+sentence", pre)
                place = re.search(
                    rf"(?P<place>{_PLACE})", re.sub(r"^(?:from|in)\s+", "", pre.strip()), re.I
                )
                inner_loc = _location(
                    place.group("place") if place else None, ordinal.group(1) if ordinal else None
                )
                location = _merge(location, inner_loc)
            # "substituting for the term “A”, wherever it occurs, the following: “B”"
            each_place = bool(match.group("each") or re.search(_EACH, loc_text, re.I))
            if not each_place and re.search(
                r"\b(?:each|every)\s+place\b|\b(?:wherever|whenever)\b", loc_text, re.I
            ):
                # "at each place where they occur ... and are not deleted or otherwise amended
                # by this order": which of the places is not read.
                return refused("the places of the words are not read")
            place = re.search(
                r"\b(?:in|from)\s+(?:the\s+(?P<which>first|second|third|last)\s+sentence\s+of\s+)?"
                rf"(?P<place>{_PLACE}|sections\s+\d)",
                loc_text,
                re.I,
            )
            where = location
            if place:
                where = _merge(location, _location(place.group("place"), place.group("which")))
            clause = window[match.end() : match.end() + 400].split(";")[0]
            listed = _sections_listed(loc_text, clause) if place else None
            if listed:
                several, ends = listed
                # "substituting “...” for “...” in Sections 101(a), 101(b), 201(a), ... and
                # 605": the same edit in each part listed.
                return _done(
                    text,
                    start,
                    position + match.end() + max(0, ends - len(loc_text)),
                    base,
                    op,
                    several[0],
                    old=match.group("old"),
                    new=match.group("new") if op != STRIKE else None,
                    each_place=each_place,
                    each=tuple((where, "") for where in several),
                )
            if place and re.search(r"\bsections\s+\d", loc_text, re.I):
                return refused("one instruction for several sections")
            more = _MORE_STRUCK_RE.match(window, match.end()) if op == STRIKE else None
            if more and not loc_text.strip():
                # "By deleting “(8) Director, ...,” and “(21) Deputy Assistant Postmaster
                # General, ...”": each quotation struck, all or none
                if re.match(r"\s+(?:in|from)\s", window[more.end() :]):
                    return refused("the place of words struck together is not read")
                extra = re.findall(r"\u201c([^\u201d]{1,500})\u201d", more.group(0))
                return _done(
                    text,
                    start,
                    position + more.end(),
                    base,
                    op,
                    where,
                    old=match.group("old"),
                    pairs=tuple((words, None) for words in extra),
                )
            return _done(
                text,
                start,
                position + match.end(),
                base,
                op,
                where,
                occurrence=_occurrence(loc_text),
                old=match.group("old"),
                new=match.group("new") if op != STRIKE else None,
                each_place=each_place,
                at_end=bool(
                    re.search(
                        r"\bat\s+the\s+end\b",
                        loc_text + window[match.end() : match.end() + 40].split(";")[0],
                        re.I,
                    )
                )
                and op in (STRIKE, STRIKE_INSERT),
            )
    return None
