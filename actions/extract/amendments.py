"""Amendment instructions, read from the amending order's text.

Drafters of executive orders write amendments the way Congress does: "Section 4 of Executive
Order 12938 is revised to read as follows: “Sec. 4. ...”", "Section 9 of Executive Order 13125
is amended by deleting “2 years after ...” and inserting in lieu thereof “on June 7, 2003”",
"Executive Order 13078 is amended by adding to section 2 the following new subsection: “(h)
...”", "The first sentence of section 3 of Executive Order 11703 is amended to read as
follows", or a lead-in ("Executive Order 12353, as amended, is further amended as follows:")
followed by lettered items that each say where and what ("(a) Section 2 is amended by striking
...").

Each instruction is read into where (section, subsection path, sentence) and what (replace,
strike, insert, add, redesignate, revoke) with its quoted texts; an instruction whose verb is
there but whose place or text cannot be read is kept with the reason (`problem`), so that it is
listed as not applied rather than dropped. Pure: text in, instructions out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from actions.extract.amendment_items import EDIT_WORDS_RE as _EDIT_WORDS_RE
from actions.extract.amendment_items import marker_form as _marker_form
from actions.extract.amendment_items import names_another_order as _names_another_order
from actions.extract.amendment_items import next_item as _next_item
from actions.extract.amendment_moves import Unpaired, listed_before, listed_moves
from actions.extract.amendment_operations import _operation, container, renumbered_after
from actions.extract.amendment_order_lists import listed_orders
from actions.extract.amendment_wording import (
    _PLACE,
    _SENTENCE,
    FRONT,
    INSERT_AFTER,
    INSERT_BEFORE,
    ORDER_NAME,
    REDESIGNATE,
    REVOKE,
    STRIKE,
    STRIKE_INSERT,
    STRIKE_PLACE,
    Instruction,
    Location,
    _location,
    _merge,
    normalize_quotes,
    numbered_within_part,
    quote_unquoted_items,
    quoted_block,
)
from actions.extract.amendment_wording import done as _done
from actions.extract.amendment_wording import failed as _failed
from actions.extract.quote_styles import as_printed, for_reading, mark_nested, style_of

_ORDER = ORDER_NAME + r"(?P<number>\d{3,5})"

# Words between the order and its verb: ", of November 14, 1994,", a title in parentheses or
# quotes, ", as amended,", ", entitled “...”," — no sentence end (a period before a space and
# a capital, or an item's marker: "Amendment to Executive Order 13088. (a) Section 1(a) ...") in
# between.
_GAP = r"(?:[^.;:\u201c(]|\.(?!\s+[A-Z(])|\([^()]{0,300}\)|\u201c[^\u201d]{0,300}\u201d){0,400}?"

_VERB = (
    # "Section 7(a) shall be amended by deleting ..." (EO 13077)
    r"(?:(?:is|are|(?:shall\s+)?be)\s+(?:hereby\s+|also\s+)?(?:\.?further\s+)?(?:amended|revised|modified|revoked|"
    r"redesignated|renumbered|deleted|rescinded)|shall\s+(?:be\s+amended\s+to\s+)?read)"
)

_HEAD_RE = re.compile(
    rf"(?:the\s+text\s+of\s+)?(?:(?P<sent>{_SENTENCE}))?(?P<place>(?i:{_PLACE}))?"
    # "Subsection (h) of Section 3 (relating to responsibilities of the Council on
    # Environmental Quality) of Executive Order No. 11514": the place described
    r"(?:(?<=\S)\s*\((?:relating|regarding|concerning|pertaining)\b[^()]{0,150}\)\s*)?"
    rf"(?:of\s+)?{_ORDER}{_GAP}\s*,?\s*"
    rf"(?:be,\s+and\s+(?:it\s+)?is\s+hereby,?\s+(?:further\s+)?amended|(?P<verb>{_VERB}))",
    re.I,
)

# An item under a lead-in: "(a) Section 2 is amended ...", "2. Subsection (b) of section 3 is
# revised to read ...", "(c) In section 4, strike ...", "(b) by striking ...".
_ITEM_HEAD_RE = re.compile(
    rf"(?:the\s+text\s+of\s+)?(?:(?P<sent>{_SENTENCE}))?(?P<place>{_PLACE})\s*(?:(?:of\s+)?(?:that|such|the\s+said|the)\s+[Oo]rder\s*)?"
    # "Section 6-601, the second sentence, is amended", "Section 4(b) of the Order, as
    # amended, is", "Section 1 of that order, placing certain positions in level IV ..., is"
    r"(?:thereof\s*)?(?:,\s*(?:the\s+(?P<which2>first|second|third|fourth|fifth|last)\s+sentence"
    r"|[^,.;:\u201c\u201d]{3,160}?)\s*,)?"
    rf",?\s*(?P<verb>{_VERB})",
    re.I,
)

_ITEM_START_RE = re.compile(
    r"\s*(?:\(\s?[A-Za-z0-9]{1,4}\s?\)|\d{1,2}\.|(?i:Sec(?:tion)?)\.?\s+\d+[a-z]?\.)\s+"
)

_ROMAN_ITEM_RE = re.compile(r"\s*\((?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})\)\s")
_PLACE_LEAD_RE = re.compile(rf"\s*in\s+(?P<place>{_PLACE})\s*(?::|--|\u2014)\s*(?=\n)", re.I)
_ITEM_CLOSE_RE = re.compile(r"(?:[.;](?:\s*and\b)?)?")

_LEAD_IN_RE = re.compile(
    r"\s*(?:as\s+follows|in\s+the\s+following\s+respects|by)?\s*(?::|--|—)", re.I
)

# "The title of Executive Order 13125 is deleted", "The preamble to ...": no section's text.
_PART_OF_RE = re.compile(
    r"\b(title|preamble|heading|caption|annex|schedule|table|appendix|attachment)\s+(?:to|of)\s+(?:the\s+)?$",
    re.I,
)


# "The Presidential Memorandum of August 11, 1960, on the subject of Executive Order No. 10883
# of the same date, is amended by": the memorandum is amended, not the order.
_ABOUT_RE = re.compile(
    r"\b(?:memorandum|letter|proclamation|determination|directive|notice)\b[^.;:\u201c]{0,120}?"
    r"\b(?:on\s+the\s+subject\s+of|regarding|concerning|relating\s+to|implementing)\s+$",
    re.I,
)


# "Part IV of Executive Order No. 10161": a part of an order divided into parts, its sections
# numbered through the whole order.
_WHOLE_PART_RE = re.compile(r"\bPart\s+[IVXL]+\s+$")


# What comes before a place that is not the subject of the verb after it: "the number “nine,”
# which is found in the second sentence of section 1 ... is deleted".
# (Quoted words, then where they are found; "for the purpose set forth in section 1 of ...,
# section 1 of such order is amended" names no words.)
_FOUND_IN_RE = re.compile(
    r"\u201d[^.;\u201c]{0,40}\b(?:found|appearing|appears|contained|used|occurring)\s+in\s+$",
    re.I,
)


def parse_instructions(text: str) -> list[Instruction]:
    """Every amendment instruction in a text, in order of position."""
    style = style_of(text)
    text = for_reading(text, style)
    text = mark_nested(quote_unquoted_items(normalize_quotes(text)))
    out: list[Instruction] = []
    covered = 0
    for head in _heads(text):
        if head.start() < covered:
            continue
        if head.re is _ADDED_TO_RE:
            # "New sections 7 and 8 are added to Executive Order 13219 to read as follows:"
            found, covered = _operations(
                text, head.start(), head.start(), "amended", head.group("number"), Location()
            )
            out.extend(found)
            continue
        if head.group("place") and _NAMING_RE.search(text, max(0, head.start() - 30), head.start()):
            continue  # "The orders amending section 1 of Executive Order 10673": no edit
        order_at = head.start() + head.group(0).find("Executive")
        if _ABOUT_RE.search(text, max(0, order_at - 160), order_at):
            continue  # another document, named by the order it is about: not the order's text
        number = head.group("number")
        verb = (head.group("verb") or "amended").lower()
        rest_at = head.end()
        location = _location(head.group("place"), head.group("which"))
        part_of = _PART_OF_RE.search(text, max(0, head.start() - 40), order_at)
        front = part_of.group(1).lower() if part_of else None
        if front in FRONT and location.section is None:
            # "The preamble to Executive Order 13467 is revised to read as follows: “...”":
            # amended as a section is
            location = Location(section=front)
            part_of = None
        if numbered_within_part(head.group("place")):
            problem = "its paragraphs are numbered within each part, which is not read"
            out.append(_refused(text, head.start(), rest_at, number, location, problem))
            covered = rest_at
            continue
        lead = _LEAD_IN_RE.match(text, rest_at)
        if lead and "read" not in text[rest_at : rest_at + 30]:
            # "Section 3(b) of Executive Order No. 11905 is amended as follows: (a) ... (d)
            # Insert in paragraph (3) ...": the items act within the place the head names.
            within = location if location.section else None
            items, covered = _items(text, lead.end(), number, within)
            if items:
                out.extend(items)
                continue
        if part_of and location.section is None:
            problem = f"its {part_of.group(1).lower()} is amended, not a section of its text"
            out.append(_refused(text, part_of.start(), rest_at, number, location, problem))
            covered = rest_at
            continue
        before = text[max(0, head.start() - 60) : head.start()]
        if head.group("place") and _FOUND_IN_RE.search(before):
            # "the number “nine,” which is found in the second sentence of section 1 of
            # Executive Order No. 12658, is deleted": the subject is the words before the
            # place, not the place; never applied as the place struck.
            problem = "the words it amends, named before their place, are not read"
            out.append(_refused(text, head.start(), rest_at, number, location, problem))
            covered = rest_at
            continue
        listed = _listed(text, head, rest_at, number, verb) if location.section is None else None
        if listed:
            out.extend(listed[0])
            covered = listed[1]
            continue
        whole_part = _WHOLE_PART_RE.search(text, max(0, head.start() - 12), head.start())
        part_at = whole_part.start() if whole_part else head.start()
        if whole_part and location.section is None and re.match(r"of\s", head.group(0)):
            if any(w in verb for w in ("revoked", "rescinded")):
                problem = "a whole part of the order is revoked, which is not read"
                out.append(_refused(text, part_at, rest_at, number, location, problem))
                covered = rest_at
                continue
            # "Part IV of Executive Order No. 10161 ... is hereby amended by revoking sections
            # 403 and 404 thereof and by inserting after section 402 ...", "Part II ... is
            # further revised by adding a new Section 202": the sections are named inside,
            # numbered through the whole order.
            found, covered = _operations(text, part_at, rest_at, verb, number, location)
            out.extend(found)
            continue
        if location.section is None and re.match(r"of\s", head.group(0)):
            # "Section l(a) of Executive Order ..." misprinted, or a place not read: the part
            # it amends is unknown, so nothing is applied to the whole order by mistake.
            problem = "the part it amends is not read"
            out.append(_refused(text, head.start(), rest_at, number, location, problem))
            covered = rest_at
            continue
        if location.section is None and any(w in verb for w in ("revoked", "rescinded")):
            covered = rest_at
            continue  # a whole order revoked: its status, not an edit of its text
        found, covered = _operations(text, head.start(), rest_at, verb, number, location)
        out.extend(found)
    # "The Executive Orders listed below are further amended by ...: (1) Executive Order No.
    # 10448 ... (2) ...": the edit, for each order listed
    out += listed_orders(text)
    out.sort(key=lambda instruction: instruction.start)
    return [as_printed(i, style) for i in out]


# An addition that names the order after its verb: "A new section 6 is added to Executive
# Order 13088 to read as follows:", "New sections 2.2 and 2.3 are added to ...".
_ADDED_TO_RE = re.compile(
    r"(?<![\w,])(?:an?\s+)?new\s+(?:sub)?(?:sections?|paragraphs?)\s+[^:;\u201c]{1,40}?\s+"
    rf"(?:is|are)\s+(?:hereby\s+)?added\s+to\s+{_ORDER}",
    re.I,
)


def _heads(text: str) -> list[re.Match]:
    """The heads of instructions in the order they stand: the order named before its verb,
    and additions that name it after."""
    return sorted([*_HEAD_RE.finditer(text), *_ADDED_TO_RE.finditer(text)], key=lambda m: m.start())


def _listed(
    text: str, head: re.Match, rest_at: int, number: str, verb: str
) -> tuple[list[Instruction], int] | None:
    """ "Sections 5 (b), 7, and 8 of Executive Order No. 11075 ... are hereby revoked",
    "Sections 2, 3, 4, 5, and 6 of Executive Order No. 11954 are redesignated as Sections 1,
    2, 3, 4, and 5, respectively", "Sections 303, 307, and 311 ... are hereby amended to read,
    respectively, as follows: “SEC. 303. ...”": each part listed before the order revoked,
    struck, redesignated or edited; None when no list stands there."""
    if not re.match(r"of\s", head.group(0)):
        return None
    before = text[max(0, head.start() - 200) : head.start()]
    try:
        found = listed_before(before)
    except Unpaired as unpaired:
        return [_refused(text, head.start(), rest_at, number, Location(), str(unpaired))], rest_at
    if not found:
        return None
    places, at = found
    start = head.start() - len(before) + at
    base = {"target_kind": "executive_order", "target_number": number, "start": start}
    after = text[rest_at : rest_at + 400]
    if any(word in verb for word in ("revoked", "rescinded", "deleted")):
        if re.match(r"\s*,?\s*(?:\w+\s+){0,3}to\s+the\s+extent\b", after):
            # "are hereby revoked to the extent they are inconsistent with this order": no
            # part of the text is taken out by the words.
            problem = "revoked only to the extent of an inconsistency, not struck from the text"
            return [_refused(text, start, rest_at, number, places[0], problem)], rest_at
        op = STRIKE_PLACE if "deleted" in verb else REVOKE
        each = tuple((place, "") for place in places)
        instruction, end = _done(text, start, rest_at, base, op, places[0], each=each)
        return [instruction], end
    if "redesignated" in verb or "renumbered" in verb:
        try:
            moves = listed_moves(places, after)
        except Unpaired as unpaired:
            return [_refused(text, start, rest_at, number, places[0], str(unpaired))], rest_at
        if moves:
            first, new = moves.moves[0]
            end = rest_at + moves.end
            instruction, _ = _done(
                text, start, end, base, REDESIGNATE, first, new=new, each=moves.moves
            )
            return [instruction], end
        return None
    if any(place.sentence for place in places):
        return None
    if any(place.path for place in places):
        # "Sections 2.4(b) and 2.5(e)(vi) of Executive Order 13467 are further amended by
        # striking “National Background Investigations Bureau” each place it appears and
        # inserting ...": words edited alike in each part named; any other edit of parts
        # inside sections (new texts given "respectively") is not read.
        found, end = _operations(text, start, rest_at, verb, number, Location())
        if len(found) != 1 or found[0].op not in _WORD_OPS or found[0].location.section:
            return None
        each = tuple((place, "") for place in places)
        return [replace(found[0], location=places[0], each=each)], end
    sections = Location(section=",".join(place.section for place in places))
    return _operations(text, start, rest_at, verb, number, sections)


_WORD_OPS = (STRIKE, STRIKE_INSERT, INSERT_AFTER, INSERT_BEFORE)


def _refused(
    text: str, start: int, rest_at: int, number: str, location: Location, problem: str
) -> Instruction:
    """An instruction from `start` to the end of its clause, kept with why it is not read."""
    base = {"target_kind": "executive_order", "target_number": number, "start": start}
    instruction, _ = _failed(text, start, _clause_end(text, rest_at), base, location, problem)
    return instruction


def _clause_end(text: str, position: int) -> int:
    """Where the instruction that goes on at `position` ends: its quotation closed, or its
    sentence (shown whole in the list of instructions not applied)."""
    stop = re.compile(r"[.:](?=\s+[A-Z(\u201c])|\n\n").search(text, position, position + 600)
    end = stop.end() if stop else min(len(text), position + 300)
    if stop and stop.group() == ":":
        quoted, after = quoted_block(text, end)
        if quoted is not None:
            return after
    return end


# Words before a place that make it a name, not the subject of an edit.
_NAMING_RE = re.compile(
    r"\b(?:amending|amends|amended\s+by|under|pursuant\s+to|described\s+in|referred\s+to\s+in|"
    r"made\s+by|issued\s+under)\s+$",
    re.I,
)


# The next operation of one instruction: "..., and by deleting", "; and (2) by striking". A
# new item ("(b) By inserting ...") starts after its own marker without "and": not chained.
# "(1) by deleting ..., (2) by deleting ...": markers on one line are chained as well.
# "... is hereby amended\n\n(1) by changing section 7 ...\n\n(2) by adding ...": the next
# numbered clause on a line of its own, chained as after a comma (not in a list of items,
# whose next item it is).
_NEXT_LINE_CLAUSE_RE = re.compile(r"[ \t]*\n\s*\(\s?[a-z0-9]{1,3}\s?\)[ \t]+(?=by\s)")

_AND_BY_RE = re.compile(
    r"(?:[ \t]*[,;][ \t]+\(\s?[a-z0-9]{1,3}\s?\)[ \t]+"
    r"|\s*[,;]?\s*(?:and,?\s+(?:\(\s?[a-z0-9]{1,3}\s?\)\s*)?)?)"
    r"(?=by\s|(?:adding|inserting|striking|redesignating|deleting|substituting)\s"
    # "..., and revising Sections 3, 4, and 5 to read as follows:" (EO 12106)
    r"|revising\s+(?:sub)?sections?\s+\d[^:;\u201c]{0,40}?\s+to\s+read\b"
    r"|in\s+(?:sub)?section\s+\d[^,;]{0,20}\s+by\s"  # "and (ii) in section 2(a) by ..."
    # "Section 2.4 is redesignated as section 2.5, and a new section 2.4 is added to read as
    # follows:" (EO 13741), "..., and the following new paragraph (5) is inserted immediately
    # after paragraph (4):" (EO 10746)
    r"|(?:an?|the\s+following)\s+new\s+(?:sub)?(?:section|paragraph)\s+[^,;:\u201c]{1,20}?\s+(?:is|are)\s+"
    r"(?:hereby\s+)?(?:added|inserted)\b)"
    # "In Section 3, delete subsection (i), redesignate subsection (h) as subsection (i), and
    # insert the following new subsection (h):": imperatives, after a comma or an "and".
    r"|[ \t]*(?:[,;][ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)"
    r"(?=(?:delete|redesignate|insert|add|strike|substitute|renumber)\s"
    r"|(?:removing|replacing|inserting|striking|deleting)\s+\u201c)",
    re.I,
)


# A clause refused on its own ("deleting the preamble"): the clauses chained after it are read.
_NOT_TEXT = re.compile(r"^its \w+ is amended, not a section of its text$")


def _operations(
    text, start, at, verb, number, location, in_list: bool = False
) -> tuple[list[Instruction], int]:
    """One instruction, and those it chains ("by adding ... and by deleting ..."). In a list
    of items (`in_list`), a marker on a line of its own is the list's next item, not a clause
    chained to this one."""
    first, end = _operation(text, start, at, verb, number, location)
    found = [first]
    within = container(text, at, location)
    while (found[-1].op is not None or _NOT_TEXT.search(found[-1].problem or "")) and len(
        found
    ) < 12:
        more = _AND_BY_RE.match(text, end) or (
            not in_list and _NEXT_LINE_CLAUSE_RE.match(text, end)
        )
        if not more:
            break
        # "by redesignating subsections (d) through (i) in section 1 as ..., and inserting
        # after subsection (c) ...": a chained operation that names no section acts in the
        # section of the one before.
        section = found[-1].location.section
        # (parts inside a section only: "deleting Sections 3, 4, ... and by adding the
        # following new Sections" adds sections, not subsections of section 3)
        structural = found[-1].op in (REDESIGNATE, STRIKE_PLACE) and found[-1].location.path
        here = (
            Location(section)
            if structural and not within.section and section and "," not in section
            else within
        )
        renumbered = renumbered_after(text, more.end(), number, here, found[-1])
        following, next_end = renumbered or _operation(
            text, more.end(), more.end(), "amended", number, here
        )
        if following.op is None:
            # Listed with its reason, not dropped with the clause it was chained to: "deleting
            # Section 2 thereof, and by deleting “A” and “B” ... and substituting for each ..."
            # is the strike applied and the substitution not applied, never the strike alone.
            # (Where it ends is not known: what follows is read on from the clause before.)
            if not _NOT_TEXT.search(found[-1].problem or ""):
                found.append(following)
            break
        found.append(following)
        end = next_end
    return found, end


def _items(
    text: str,
    start: int,
    number: str,
    within: Location | None = None,
    outer: tuple[str, ...] = (),
) -> tuple[list[Instruction], int]:
    """The items under a lead-in, each read relative to the order it names (and to the place
    of an item that is a lead-in itself: "Section 201 is amended: (a) by striking ...; and (b)
    ..."), until a line that is not an item (the next section of the amending order)."""
    out = []
    position = start
    end = start
    style = None
    for _ in range(60):
        # The stop or "; and" that closes the item before (a list inside it read to its last
        # quotation: "... after “Public Law 102- 237”.\n\n(b) Section 1 is amended:")
        position = _ITEM_CLOSE_RE.match(text, position).end()
        item = _ITEM_START_RE.match(text, position)
        if not item:
            break
        # "5. Section 203 is amended as follows: (a) ...; (d) ... 6. Section 301 is amended":
        # a list ends where a marker of an outer list's form comes (the "6."); the markers
        # of a list inside an item not read as a lead-in belong to that item.
        form = _marker_form(text[item.start() : item.end() + 8])
        if "(a)" in outer and style in (None, "(i)") and _ROMAN_ITEM_RE.match(item.group(0)):
            # "(b) Section 1 is amended—\n\n(i) by striking ...;\n\n(ii) ...\n\n(c)": a list
            # inside a lettered item that opens at (i) is numbered in roman, and ends at (c)
            form = "(i)"
        style = style or form
        if form in outer or (outer and form == "Sec." and style != "Sec."):
            # (the amending order's next section, "Section 6. Amendments.", ends a list inside
            # an item too)
            break
        if outer and form != style:
            nxt = _next_item(text, item.end())
            if nxt <= item.end():
                break
            position = end = nxt
            continue
        body_start = item.end()
        if re.match(r"\s*(?i:sec)", item.group(0)):
            # "Sec. 3. (a) Section 4(a) is amended by: ...": the amending order's section and
            # its first item at once.
            inner = re.match(r"\(\s?[A-Za-z0-9]{1,4}\s?\)\s+", text[body_start : body_start + 12])
            body_start += inner.end() if inner else 0
        label = re.search(r"\(\s?([A-Za-z0-9]{1,4})\s?\)", item.group(0))
        nxt = _next_item(text, body_start, label.group(1) if label else None)
        head = _ITEM_HEAD_RE.match(text, body_start)
        named = None if head else _HEAD_RE.match(text, body_start)
        if named and named.group("number") == number and named.group("place"):
            # "... as follows: Section 1. Section 1 of Executive Order 13035, as amended, is
            # further amended by ...": an item that names the order again.
            head = named
        found = None
        nested = False  # the item a lead-in, its own items read
        if head:
            which = head.group("which") or head.groupdict().get("which2")
            location = _location(head.group("place"), which)
            location = _merge(within, location) if within else location
            verb = (head.group("verb") or "amended").lower()
            lead = _LEAD_IN_RE.match(text, head.end())
            if numbered_within_part(head.group("place")):
                problem = "its paragraphs are numbered within each part, which is not read"
                found = [_refused(text, body_start, head.end(), number, location, problem)]
                used = _clause_end(text, head.end())
            elif len(outer) < 2 and lead and "read" not in text[head.end() : head.end() + 30]:
                found, used = _items(text, lead.end(), number, location, (*outer, style))
                found = found or None
                nested = found is not None
            if found is None:
                found, used = _operations(
                    text, body_start, head.end(), verb, number, location, in_list=True
                )
        else:
            # "(b) by striking ...", "(c) in section 4, by adding ...": a place inside the item;
            # "(b) renumbering all subsequent subsections in section 1(b) appropriately", after
            # the item that inserted one.
            renumbered = out and renumbered_after(
                text, body_start, number, within or Location(), out[-1]
            )
            place_lead = _PLACE_LEAD_RE.match(text, body_start)
            if place_lead and len(outer) < 3 and not renumbered:
                # "(a) in section 6(b):\n\n(i) by inserting ...; (ii) by striking ...": a
                # lead-in by its place alone, its items read within it
                where = _location(place_lead.group("place"), None)
                where = _merge(within, where) if within else where
                found, used = _items(text, place_lead.end(), number, where, (*outer, style))
                found = found or None
                nested = found is not None
            if found is None and renumbered:
                found, used = [renumbered[0]], renumbered[1]
            elif found is None:
                found, used = _operations(
                    text, body_start, body_start, "amended", number, within, in_list=True
                )
        opening = text[body_start : body_start + 200]
        if (
            out
            and found[0].op is None
            and (
                _HEAD_RE.search(text, body_start, nxt)
                or (not head and not _EDIT_WORDS_RE.search(opening))
                or _names_another_order(opening, number)
            )
        ):
            # Past the list: the amending order's own next paragraph, or an instruction that
            # names its order (read on its own).
            break
        out.extend(found)
        # A failed item ends where the next begins: its guessed end must not swallow it.
        # (A list inside the item, whose first item failed, is read to its end.)
        # (Nor one whose clauses chained the next items to it: "(b) striking ... in the title
        # ...; and\n\n(c) striking subsection 1(r) ...", read once, not again as an item.)
        failed = found[0].op is None and not nested and len(found) == 1
        position = (
            nxt if failed and nxt > body_start else max(used, nxt if nxt > body_start else used)
        )
        end = position
        if nxt <= body_start:
            break
    return out, end
