"""An order's text as amended: its sections with the amendment instructions applied in order.

Each instruction (`extract/amendments.py`) is applied where it says, to the text as the earlier
instructions left it; one that cannot be applied cleanly (the place is not in the text, the
words to strike are not there, the wording was not read) is returned with the reason and the
text is left as it was: nothing is applied by guess. Pure: sections and instructions in,
consolidated sections and the instructions not applied out.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from datetime import date

from actions.extract.amendment_moves import moving_order
from actions.extract.amendment_renumbering import as_numbered_before, moves_of, numbered_twice
from actions.extract.amendment_wording import (
    ADD_SECTION,
    FRONT,
    HEADING,
    INSERT_AFTER,
    INSERT_BEFORE,
    INTRO,
    PARAGRAPH,
    REDESIGNATE,
    REPLACE,
    REVOKE,
    STRIKE,
    STRIKE_INSERT,
    STRIKE_PLACE,
    TITLE,
    Instruction,
    Location,
)
from actions.extract.consolidated_parts import Amendment, Part
from actions.extract.heading_edits import edit_heading, replace_front
from actions.extract.section_heads import split_section
from actions.extract.text_edits import edit, remove, short
from actions.extract.text_places import NotApplied, find_words, locate


def consolidate(
    sections: list[tuple[str, str, str]],
    amendments: list[Amendment],
    front: list[Part] | None = None,
) -> tuple[list[Part], list[dict]]:
    """The sections (number, heading, text) with the amendments applied in date order. The
    `front` parts (the title and preamble, numbered "title" and "preamble") are amended in
    place by the instructions that name them."""
    parts = [Part(number, heading, text) for number, heading, text in sections]
    front = front or []
    not_applied: list[dict] = []
    ordered = sorted(amendments, key=lambda a: (a.on or date.min, a.action_id, a.instruction.start))
    ordered = _longer_words_first(ordered)
    # What each amending order redesignated: its other instructions may name parts as they
    # were numbered before (EO 14306 strikes 2(a)-(b), moves 2(c)-(e) up to 2(a)-(c), then
    # strikes "the first sentence of subsection 2(e)", the one now 2(c)).
    moved: dict[int, dict] = {}
    # Refused because the number they need is taken: tried again after each later instruction
    # of the same order (EO 13137 adds a new section 4, then renumbers the current sections 4
    # through 7 as 5 through 8: the order's instructions take effect together).
    waiting: list[tuple[Amendment, NotApplied]] = []
    # Where an order's deletion was not applied: its renumbering of what follows in the same
    # section is not applied either (EO 11634 deletes items (8) and (21) of EO 11248's section
    # 2, then renumbers (9) through (20) as (8) through (19): alone, two items numbered 8).
    not_struck: set[tuple[int, str | None]] = set()
    # The section of each amending order that renumbered parts: its other sections'
    # instructions may mean either numbering (`amendment_renumbering.numbered_twice`).
    moved_in: dict[int, str | None] = {}
    for amendment in ordered:
        if waiting and waiting[0][0].action_id != amendment.action_id:
            not_applied.extend({**a.change(), "reason": str(r)} for a, r in waiting)
            waiting = []
        instruction = amendment.instruction
        place = (amendment.action_id, instruction.location.section)
        unknowable = _unknowable(amendment, place in not_struck, moved_in, moved)
        if unknowable:
            not_applied.append({**amendment.change(), "reason": unknowable})
            continue
        refused = _apply_to(parts, front, amendment, moved)
        if refused is None and instruction.op == REDESIGNATE:
            moved_in.setdefault(amendment.action_id, amendment.section)
        if refused is not None and instruction.op in (STRIKE, STRIKE_PLACE, REVOKE):
            not_struck.add(place)
        if refused is None:
            waiting = [(a, r) for a, r in waiting if _apply_to(parts, front, a, moved) is not None]
        elif amendment.instruction.op in (ADD_SECTION, REDESIGNATE) and "already" in str(refused):
            waiting.append((amendment, refused))
        else:
            not_applied.append({**amendment.change(), "reason": str(refused)})
    not_applied.extend({**a.change(), "reason": str(r)} for a, r in waiting)
    return parts, not_applied


def _unknowable(
    amendment: Amendment, after_failed_strike: bool, moved_in: dict, moved: dict
) -> str:
    """Why the right result of this instruction cannot be known from the words ("" when it
    can): a renumbering after a deletion of the same order that was not applied, or a place
    the order's own renumbering, in another of its sections, gave to another part."""
    instruction = amendment.instruction
    if instruction.op == REDESIGNATE and instruction.location.path and after_failed_strike:
        return "it renumbers after a deletion of the same order that was not applied"
    renumbered_in = moved_in.get(amendment.action_id, amendment.section)
    if renumbered_in != amendment.section and numbered_twice(
        instruction, moved.get(amendment.action_id, {})
    ):
        return (
            f"{instruction.location.describe()} is numbered so both before and after this "
            "order's renumbering: which one it means is not read"
        )
    return ""


_BARE_PART_RE = re.compile(r"\s*(\d+-\d+)\.\s")
_AND_TITLE_RE = re.compile(r"\b(?:or|and)\s+in\s+(?:the|its)\s+title\b", re.I)
_EVERY_PLACE_RE = re.compile(r"\b(?:wherever|whenever|each\s+place|every\s+place)\b", re.I)


def _every_place(instruction: Instruction) -> bool:
    """ "wherever it appears", "each place": every place the words stand, not the first."""
    return instruction.each_place or bool(_EVERY_PLACE_RE.search(instruction.text))


def _everywhere(instruction: Instruction) -> bool:
    return instruction.op == STRIKE_INSERT and _every_place(instruction)


def _longer_words_first(ordered: list[Amendment]) -> list[Amendment]:
    """Words replaced wherever they appear, by one order, where one's words hold another's:
    "(a) striking “the Federal Emergency Management Agency” whenever it appears and inserting
    “the Department of Homeland Security” ...; and (b) striking “the Director of the Federal
    Emergency Management Agency” wherever it appears and inserting “the Secretary of Homeland
    Security”" (EO 13286): the longer first, or (a) would leave (b) nothing to replace; the
    instructions of one order take effect together."""
    out = list(ordered)
    for j in range(len(out)):
        later = out[j]
        if not _everywhere(later.instruction):
            continue
        for i in range(j):
            earlier = out[i]
            if (
                earlier.action_id == later.action_id
                and _everywhere(earlier.instruction)
                and earlier.instruction.location == later.instruction.location
                and (earlier.instruction.old or "\x00") in (later.instruction.old or "")
                and earlier.instruction.old != later.instruction.old
            ):
                out.insert(i, out.pop(j))
                break
    return out


def _apply_to(
    parts: list[Part], front: list[Part], amendment: Amendment, moved: dict
) -> NotApplied | None:
    """The amendment applied to the sections, or to the title or preamble it names; words
    edited in no part named ("Executive Order 11023 is amended by deleting the words ...")
    are looked for in the title and preamble when no section holds them."""
    instruction = amendment.instruction
    if instruction.location.section in FRONT:
        if not any(p.number == instruction.location.section for p in front):
            return NotApplied(f"the order's {instruction.location.section} is not in the text")
        return _apply_one(front, amendment, moved)
    refused = _apply_one(parts, amendment, moved)
    if (
        refused is None
        and instruction.location.section is None
        and _AND_TITLE_RE.search(instruction.text)
    ):
        # "... wherever the latter words occur in such order or in the title thereof"
        _apply_one([p for p in front if p.number == TITLE], amendment, moved)
    if (
        refused is not None
        and front
        and instruction.location.section is None
        and str(refused).endswith("is not in the text")
    ):
        return _apply_one(front, amendment, moved) and refused
    return refused


def _apply_one(parts: list[Part], amendment: Amendment, moved: dict) -> NotApplied | None:
    """Apply one amendment to the parts, each part it changed marked with it; why not, when
    it is not applied (the parts then as they were)."""
    before = {id(p): (p.number, p.heading, p.text, p.revoked) for p in parts}
    instruction = amendment.instruction
    try:
        touched = apply(parts, instruction)
    except NotApplied as reason:
        again = as_numbered_before(instruction, moved.get(amendment.action_id, {}))
        if again is None:
            return reason
        try:
            touched = apply(parts, again)
        except NotApplied:
            return reason
    if instruction.op == REDESIGNATE:
        moved.setdefault(amendment.action_id, {}).update(moves_of(instruction))
    # Every part the instruction changed carries it ("wherever it appears", "sections 1 and
    # 2"), not only the first.
    changed = [p for p in parts if before.get(id(p)) != (p.number, p.heading, p.text, p.revoked)]
    for part in changed or [touched]:
        part.changes.append(amendment.change())
    return None


def apply(parts: list[Part], instruction: Instruction) -> Part:
    """Apply one instruction to the parts in place; returns the part it changed."""
    if instruction.op is None:
        raise NotApplied(instruction.problem or "the instruction was not read")
    if instruction.pairs:
        return _each_pair(parts, instruction)
    location = instruction.location
    if location.several:
        return _siblings(parts, instruction)
    if instruction.op == ADD_SECTION:
        return _add_sections(parts, instruction)
    if instruction.each:
        return _each_part(parts, instruction)
    if location.section is None and instruction.op == REPLACE and not location.path:
        return _whole_order(parts, instruction)
    last = location.path[-1] if location.path else ""
    if location.section is None and (last == INTRO or last.startswith(PARAGRAPH)):
        # "the second paragraph is amended ...", "the introductory paragraph": of the
        # preamble, or of no part named
        raise NotApplied("no section is named for it")
    if location.section is None:
        return _anywhere(parts, instruction)
    if "," in location.section:
        return _each_section(parts, instruction)
    within = _within_part(parts, location)
    if within:
        return apply(parts, dataclasses.replace(instruction, location=within))
    part = _part(parts, location.section)
    if part.revoked:
        raise NotApplied(f"section {location.section} was revoked before")
    op = instruction.op
    if location.path == (HEADING,):
        return edit_heading(part, instruction)
    if op == REPLACE and part.number in FRONT and not location.path and not location.sentence:
        return replace_front(part, instruction.new or "")
    if op in (REVOKE, STRIKE_PLACE) and not location.path and not location.sentence:
        part.revoked = True
        return part
    if op == STRIKE_PLACE:
        start, end = locate(part.text, location)
        part.text = remove(part.text, start, end)
        return part
    if op == REDESIGNATE and not location.path:
        if any(p.number == instruction.new for p in parts if p is not part and not p.revoked):
            raise NotApplied(f"a section {instruction.new} is already there")
        part.number = instruction.new or part.number
        return part
    if op == REPLACE and not location.path and not location.sentence:
        new = instruction.new or ""
        # A paragraph-numbered order ("2. The Secretary of a military department ..."): its
        # new text opens with the number the section already has.
        new = re.sub(rf"^\s*{re.escape(part.number)}\.\s+", "", new)
        # "Sec. 201(a). The following members ...": the section's number before its first
        # subsection's marker, the marker kept ("(a) The following ...").
        new = re.sub(
            rf"^\s*(?:Sec(?:tion)?\.?|SECTION|SEC\.)\s*{re.escape(part.number)}\s?(\(\w{{1,5}}\))\.\s+",
            r"\1 ",
            new,
            flags=re.I,
        )
        number, heading, body = split_section(new)
        if not body.strip():
            raise NotApplied("the new text holds a heading and no text")
        if number and number != part.number:
            if not instruction.renumbers:
                raise NotApplied(f"the new text is of section {number}, not {part.number}")
            if any(p.number == number for p in parts if p is not part and not p.revoked):
                raise NotApplied(f"a section {number} is already there")
            part.number = number
        part.heading = heading if heading is not None else part.heading
        part.text = body
        return part
    start, end = locate(part.text, location)
    if op == REPLACE and location.path == (f"{PARAGRAPH}1",):
        # "By substituting for the first paragraph thereof the following: “SEC. 4.
        # Declassification, Downgrading, or Upgrading. When ...”": the section's number and
        # heading printed again open its first paragraph; the heading is the section's
        number, heading, body = split_section(instruction.new or "")
        if number == part.number and heading:
            instruction = dataclasses.replace(instruction, new=body)
            part.heading = heading
    part.text = edit(part.text, start, end, instruction)
    return part


def _each_part(parts: list[Part], instruction: Instruction) -> Part:
    """ "redesignating subsections (n) through (r) as subsections (o) through (s)", "striking
    subsections 2(a)-(b)": each part in turn (those moved in an order where none lands on one
    still to move); all of them, or none."""
    order = moving_order if instruction.op == REDESIGNATE else list
    ones = [
        dataclasses.replace(
            instruction,
            location=location,
            new=new if instruction.op == REDESIGNATE else instruction.new,
            each=(),
        )
        for location, new in order(instruction.each)
    ]
    return parts[min(_in_turn(parts, ones))]


def _in_turn(parts: list[Part], ones: list[Instruction], where_found: bool = False) -> list[int]:
    """Apply the instructions in turn to a copy of the parts, then give the parts what the copy
    now reads: all of them, or none (the first refusal raised). With `where_found`, words
    replaced "wherever they occur" in several parts: those refused for want of the words are
    passed over, so long as one is applied. The indexes of the parts changed."""
    trial = copy.deepcopy(parts)
    changed: list[int] = []
    refused: list[NotApplied] = []
    for one in ones:
        try:
            moved = apply(trial, one)
        except NotApplied as reason:
            if not where_found:
                raise
            refused.append(reason)
            continue
        changed.append(next(i for i, part in enumerate(trial) if part is moved))
    if not changed:
        raise refused[0]
    for part, done in zip(parts, trial, strict=True):  # the same parts, as they now read
        part.number, part.text, part.revoked = done.number, done.text, done.revoked
    return changed


def _siblings(parts: list[Part], instruction: Instruction) -> Part:
    """ "Subsections (b) and (c) of section 5.2 are amended to read as follows: “(b) ...
    “(c) ...”", "Subsections (b) and (c) of section 104 are hereby revoked", "In paragraphs
    (2) through (5), delete “CFI” wherever it occurs": each part named, in turn; a new text
    given part by part, each opening with its own marker. All or none."""
    location, op = instruction.location, instruction.op
    if not location.parts or location.section is None or location.sentence:
        raise NotApplied("one instruction for several parts, not told apart")
    places = [
        dataclasses.replace(location, path=(*location.path, mark), several=False, parts=())
        for mark in location.parts
    ]
    if op == REPLACE:
        news = _each_new_text(instruction.new or "", location.parts)
        if news is None:
            raise NotApplied("the new text does not give each part named, in turn")
    elif op in (REVOKE, STRIKE_PLACE, STRIKE, STRIKE_INSERT, INSERT_AFTER, INSERT_BEFORE):
        news = [instruction.new] * len(places)
    else:
        raise NotApplied("one instruction for several parts, not told apart")
    ones = [
        dataclasses.replace(instruction, location=place, new=new)
        for place, new in zip(places, news, strict=True)
    ]
    # (words replaced "wherever they occur" in the parts named: where they occur)
    where_found = instruction.each_place and op in (STRIKE, STRIKE_INSERT)
    return parts[min(_in_turn(parts, ones, where_found))]


def _each_new_text(new: str, marks: tuple[str, ...]) -> list[str] | None:
    """The new text cut where each part's marker opens a line ("(b) Heads of agencies ...
    \n(c) Existing ..."), or None when the markers are not there, in that order, first."""
    starts = []
    position = 0
    for mark in marks:
        found = re.compile(rf"(?:^|\n)[ \t]*\(\s?{re.escape(mark)}\s?\)\s").search(new, position)
        if not found or (not starts and new[: found.start()].strip()):
            return None
        starts.append(found.start())
        position = found.end()
    # "By deleting paragraphs (a) and (b) and by inserting in lieu thereof the following:
    # “(a) ... “(b) ... “(c) ...”": more parts than were named is no part-for-part text
    kind = r"\d{1,3}" if marks[0].isdigit() else (r"[a-z]" if marks[0].islower() else r"[A-Z]")
    given = re.findall(rf"(?:^|\n)[ \t]*\(\s?({kind})\s?\)\s", new)
    if [m for m in given if m not in ("i", "v", "x") or m in marks] != list(marks):
        return None
    return [new[a:b].strip() for a, b in zip(starts, [*starts[1:], len(new)], strict=True)]


def _each_pair(parts: list[Part], instruction: Instruction) -> Part:
    """ "deleting “A” and “B” ... and substituting “C” and “D”, respectively": each pair
    replaced as the first is, in turn; all of them, or none. The longer words first: the
    pairs replace at once, so “Administrator of the Energy Research and Development
    Administration” is not first cut into by the pair of “Energy Research and Development
    Administration”."""
    pairs = [(instruction.old, instruction.new), *instruction.pairs]
    ones = [
        dataclasses.replace(instruction, old=old, new=new, pairs=())
        for old, new in sorted(pairs, key=lambda pair: -len(pair[0] or ""))
    ]
    return parts[min(_in_turn(parts, ones))]


def _whole_order(parts: list[Part], instruction: Instruction) -> Part:
    """ "Executive Order 10000 is amended to read as follows: “Section 1. ... Sec. 2. ...”":
    the order's sections replaced by those of the new text, when it gives them."""
    chunks = re.split(r"\n\s*(?=(?:Sec(?:tion)?\.?|SEC\.|SECTION)\s*\d)", instruction.new or "")
    new = [split_section(chunk) for chunk in chunks if chunk.strip()]
    if not new or any(number is None for number, _, _ in new):
        raise NotApplied("the new text of the whole order is not given section by section")
    if len({number for number, _, _ in new}) != len(new):
        raise NotApplied("the new text numbers two sections alike")
    parts[:] = [Part(number, heading or "", body) for number, heading, body in new]
    return parts[0]


def _each_section(parts: list[Part], instruction: Instruction) -> Part:
    """ "sections 3 and 4 are amended to read as follows: “Sec. 3. ... Sec. 4. ...”", "by
    striking “X” in sections 1 and 2": the op on each section named, or on none."""
    numbers = instruction.location.section.split(",")
    targets = [_part(parts, number) for number in numbers]
    if instruction.op == REPLACE:
        chunks = re.split(r"\n\s*(?=(?:Sec(?:tion)?\.?|SEC\.|SECTION)\s*\d)", instruction.new or "")
        texts = _numbered_paragraphs(instruction.new or "", numbers) or {}
        for chunk in chunks if not texts else []:
            number, heading, body = split_section(chunk)
            if number not in numbers:
                raise NotApplied(f"the new text does not give section {number or '?'} apart")
            texts[number] = (heading, body)
        if set(texts) != set(numbers):
            raise NotApplied("the new text does not give each section named")
        for part in targets:
            heading, body = texts[part.number]
            part.heading = heading if heading is not None else part.heading
            part.text = body
        return targets[0]
    # Each section as if named alone ("Sections 3 and 6 ... are revoked": each revoked, not
    # its text replaced by the word); all of them, or none.
    location = instruction.location
    _in_turn(
        parts,
        [
            dataclasses.replace(instruction, location=dataclasses.replace(location, section=n))
            for n in numbers
        ],
    )
    return targets[0]


def _numbered_paragraphs(new: str, numbers: list[str]) -> dict | None:
    """ "Paragraphs 3, 4, 5, and 6 ... are amended to read as follows: “3. The preliminary
    ... “4. Whenever ... “3(a) ...": each paragraph-numbered section's new text, split where
    the numbers named open a paragraph in turn; None when they do not."""
    if not all(n.isdigit() for n in numbers):
        return None
    pattern = "|".join(re.escape(n) for n in numbers)
    opening = rf"(?P<n>{pattern})(?:\.\s+|\s+(?=[A-Z])|(?=\s?\(\w{{1,3}}\)\s))"
    starts = list(re.finditer(rf"(?:^|\n)\s*{opening}", new))
    if [m.group("n") for m in starts] != numbers:
        # "... designated by the Secretary of Defense. 4. Not more than one ...": the next
        # paragraph run on after a sentence's end (not "paragraph 4. The")
        starts = list(re.finditer(rf"(?:^\s*|(?<=[a-z)]\.)\s+){opening}(?=[A-Z(])", new))
    if [m.group("n") for m in starts] != numbers:
        return None
    texts = {}
    for match, following in zip(starts, [*starts[1:], None], strict=True):
        body = new[match.end() : following.start() if following else len(new)].strip()
        texts[match.group("n")] = (None, body)
    return texts


def _anywhere(parts: list[Part], instruction: Instruction) -> Part:
    """An instruction naming no section ("Executive Order 12852 is amended by deleting “25”
    ... and inserting “29”"): applied in the one section whose text holds the words."""
    if instruction.op not in (STRIKE, STRIKE_INSERT, INSERT_AFTER, INSERT_BEFORE):
        raise NotApplied("no section is named for it")
    holding = [p for p in parts if not p.revoked and find_words(p.text, instruction.old or "")]
    if not holding:
        raise NotApplied(f"“{short(instruction.old)}” is not in the text")
    if len(holding) > 1 and not _every_place(instruction):
        raise NotApplied(f"“{short(instruction.old)}” is in several sections and none is named")
    for part in holding:
        part.text = edit(part.text, 0, len(part.text), instruction)
    return holding[0]


def _within_part(parts: list[Part], location: Location) -> Location | None:
    """ "Section 4-203 of Executive Order No 12148": in an order numbered by parts (1979's
    "1-1. Transfer ... 1-101. A ..."), a numbered paragraph of section 4, where the order has
    no section of that number; None elsewhere."""
    hyphen = re.fullmatch(r"(\d+)-\d+", location.section or "")
    if not hyphen or any(p.number == location.section for p in parts):
        return None
    if not any(p.number == hyphen.group(1) for p in parts):
        return None
    return dataclasses.replace(
        location, section=hyphen.group(1), path=(location.section, *location.path)
    )


def _part(parts: list[Part], number: str) -> Part:
    """The section of that number: the one in force before one struck ("striking section 8 and
    redesignating section 9 as section 8")."""
    wanted = number.strip().lower()
    named = [part for part in parts if part.number.strip().lower() == wanted]
    for part in sorted(named, key=lambda part: part.revoked):
        return part
    raise NotApplied(f"the order has no section {number}")


# New sections ----------------------------------------------------------------------------------


def _add_sections(parts: list[Part], instruction: Instruction) -> Part:
    """New sections, each where its number puts it (or after the section named)."""
    chunks = re.split(
        r"\n\s*(?=(?:Sec(?:tion)?\.?|SEC\.)\s*\d+(?:[-.]\d+)?[A-Za-z]?\.\s)",
        instruction.new or "",
    )
    # "“7-703. Nothing in this order ...”": a paragraph of a part-numbered order, its bare
    # number printed without "Sec."
    numbers = [
        split_section(chunk)[0] or (bare.group(1) if (bare := _BARE_PART_RE.match(chunk)) else None)
        for chunk in chunks
    ]
    hosts = [_within_part(parts, Location(section=n)) if n else None for n in numbers]
    if any(hosts):
        # "A new Section 4-207 is added ...: “Sec. 4-207. The functions ...”": numbered
        # paragraphs of section 4, each after the last of its part
        if not all(hosts):
            raise NotApplied("the new text adds paragraphs and sections at once")
        trial = copy.deepcopy(parts)
        for chunk, number, host in zip(chunks, numbers, hosts, strict=True):
            _add_paragraph(_part(trial, host.section), number, chunk)
        for part, added in zip(parts, trial, strict=True):
            part.text = added.text
        return _part(parts, hosts[0].section)
    new_parts = []
    for chunk in chunks:
        number, heading, body = split_section(chunk)
        if number is None and instruction.old:
            # "the following new paragraph 4 ...: “4. The Purple Heart ...”": an order
            # numbered by paragraphs prints the bare number
            number = instruction.old
            body = re.sub(rf"^\s*{re.escape(number)}\.\s+", "", body)
        if not number:
            raise NotApplied("the new section's number is not stated")
        if any(p.number == number and not p.revoked for p in [*parts, *new_parts]):
            raise NotApplied(f"the order already has a section {number}")
        new_parts.append(Part(number, heading or "", body, added=True))
    if not new_parts:
        raise NotApplied("the new section is empty")
    # All or none; "new sections 6 and 7 after section 5": the 7 after the 6.
    after = instruction.location.section
    for part in new_parts:
        parts.insert(_position(parts, part.number, after), part)
        after = part.number if after else None
    return new_parts[0]


def _add_paragraph(part: Part, number: str, new: str) -> None:
    """A numbered paragraph ("4-207.") added at the end of its part, where its number is the
    highest; elsewhere refused (its place among the others is not read)."""
    if part.revoked:
        raise NotApplied(f"section {part.number} was revoked before")
    rank = [int(n) for n in number.split("-")]
    present = [
        [int(n) for n in m.split("-")] for m in re.findall(r"(?m)^\s*(\d+-\d+)\.\s", part.text)
    ]
    if any(other >= rank for other in present):
        raise NotApplied(f"the place of paragraph {number} among the others is not read")
    body = re.sub(r"^\s*(?:Sec(?:tion)?\.?|SECTION|SEC\.)\s*", "", new.strip(), flags=re.I)
    part.text = part.text.rstrip() + "\n\n" + body


def _position(parts: list[Part], number: str, after: str | None) -> int:
    if after:
        for index, part in enumerate(parts):
            if part.number == after:
                return index + 1
    key = _number_key(number)
    for index, part in enumerate(parts):
        if _number_key(part.number) > key:
            return index
    return len(parts)


def _number_key(number: str) -> tuple[int, str]:
    match = re.match(r"(\d+)(.*)", number)
    return (int(match.group(1)), match.group(2)) if match else (10**6, number)
