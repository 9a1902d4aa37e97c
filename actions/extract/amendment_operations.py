"""What one amending clause does, read after its head ("... is amended"): to read as
follows, striking and inserting, inserting before or after, adding at the end or a new
section, redesignating, revoking; or, when its wording is not one the archive reads, the
instruction kept with why (`problem`). Pure."""

from __future__ import annotations

import re

from actions.extract.amendment_additions import addition
from actions.extract.amendment_moves import Unpaired, listed_moves, read_moves, read_struck
from actions.extract.amendment_pairs import paired_edit
from actions.extract.amendment_passive import passive_edit
from actions.extract.amendment_wording import (
    _DATE,
    _PLACE,
    _SENTENCE,
    ADD_END,
    FINAL_PERIOD,
    INSERT_AFTER,
    INSERT_BEFORE,
    ORDER_NAME,
    REDESIGNATE,
    RENUMBER_FOLLOWING,
    REPLACE,
    REVOKE,
    STRIKE_PLACE,
    Instruction,
    Location,
    _location,
    _merge,
    quoted_block,
    quoted_for_each,
    unquoted_block,
)
from actions.extract.amendment_wording import done as _done
from actions.extract.amendment_wording import failed as _failed
from actions.extract.amendment_words import words_edit

_READ_AS_RE = re.compile(
    # "is amended, in order to increase the membership of the Executive Committee ..., to
    # read as follows:"
    r"\s*,?\s*(?:in\s+order\s+to\s+[^,:\u201c]{3,200},\s*)?"
    r"(?:and\s+)?(?:is\s+)?(?:hereby\s+)?(?:amended\s+)?to\s+(?:read|provide)"
    r"(?:\s+in\s+its\s+entirety)?(?:\s+as\s+follows)?\s*(?::|--|—|,)?",
    re.I,
)

# "... is revoked and the following new section is substituted therefor:", "... is revoked and
# a new section 2 is added to read as follows:", "... is hereby deleted and in lieu thereof the
# following is inserted:": the part given a new text in its place.
_SUBSTITUTED_RE = re.compile(
    r"\s*,?\s*and\s+(?:in\s+lieu\s+thereof\s+the\s+following\s+is\s+inserted"
    r"|(?:(?:the\s+following|a)\s+(?:new\s+)?(?:sub)?(?:section|paragraph|title|preamble)"
    r"(?:\s+(?P<number>\d[\w().-]{0,11}|\(\w{1,4}\)))?\s+)?(?:is|are|shall\s+be)?\s*(?:hereby\s+)?"
    r"(?:(?:substituted|inserted)\s+(?:therefor|in\s+(?:lieu|place)\s+thereof)"
    r"|added(?:\s+thereto)?\s+to\s+read(?:\s+as\s+follows)?))\s*(?::|--|\u2014)?",
    re.I,
)
# Anything else put in a revoked part's place ("... is revoked and the following new Sections
# 4-205 and 4-206 are added thereto:"): not read as a bare revocation.
_AND_IN_ITS_PLACE_RE = re.compile(r"\s*,?\s*and\s+(?:the\s+following|a\s+new|in\s+lieu)", re.I)

_BY_RE = re.compile(
    rf"\s*,?\s*(?:effective\s+(?:as\s+of\s+|on\s+)?(?:{_DATE}|[^,]{{3,40}}),\s*)?"
    r"(?:as\s+follows\s*:?\s*)?(?:\(\w{1,3}\)\s*)?by\s+(?:\(\w{1,3}\)\s+(?=[a-z]))?",
    re.I,
)

# "Insert in paragraph (3) immediately after the word “supported” the words “in its functions
# under this Order”", "... immediately after the last word the words “under this Order”".
_INSERTING_IN_RE = re.compile(
    rf"inserting\s+in\s+(?P<place>{_PLACE})\s*,?\s*(?:immediately\s+)?(?P<rel>after|before)\s+"
    r"(?:the\s+words?\s+\u201c(?P<anchor>[^\u201d]{1,300})\u201d|(?P<last>the\s+last\s+word))"
    r"\s*,?\s*the\s+(?:words?|phrase|text)\s+\u201c(?P<new>[^\u201d]{1,2000})\u201d",
    re.I,
)


# "the last sentence of subsection (a) of section 1", "the text of Section 602(d)(2) of the
# Order": a place, maybe at sentence depth.
def _where(n: int) -> str:
    ordinal = r"first|second|third|fourth|fifth|last"
    return (
        r"(?:the\s+text\s+of\s+)?(?:all\s+of\s+)?(?:(?:the\s+(?P<which"
        + str(n)
        + r">"
        + ordinal
        + r")\s+sentence\s+(?:of|in)\s+)?(?P<place"
        + str(n)
        + r">"
        + _PLACE
        + r")"
        # "deleting the last sentence and inserting": a sentence of the place the head named
        r"|the\s+(?P<only" + str(n) + r">" + ordinal + r")\s+sentence(?:\s+thereof)?)\s*"
        r"(?:of\s+the\s+[Oo]rder\s*)?(?:there(?:of|under)\s*)?(?:,?\s*in\s+its\s+entirety\s*)?"
    )


_REPLACE_PLACE_RE = re.compile(
    r"(?:(?:(?:striking|deleting)(?:\s+out)?)\s+(?:therefrom\s+)?"
    + _where(1)
    + r",?\s*and\s+(?:by\s+)?"
    r"(?:inserting|substituting)\s*,?\s*(?:(?:in\s+(?:lieu|place)\s+thereof|therefor)\s*[,:]?\s*)?"
    r"|substituting\s+for\s+"
    + _where(2)
    # "for subsection (c) of Section 2 thereof (48 CFR § 1.2(c))", "for section 301 thereof,
    # as amended by Executive Order No. 10574 of November 5, 1954,": the place told again
    + r"(?:\((?:[^()]|\([^()]*\))*\)\s*"
    + r"|,?\s*as\s+amended\s+by\s+"
    + ORDER_NAME
    + r"\d+"
    + rf"(?:\s+of\s+{_DATE})?,\s*)?"
    + r"|substituting\s+the\s+following\s+for\s+"
    + _where(3)
    + r"[^:\u201c]{0,80}?(?::|--)?\s*(?=\u201c)"
    r"|(?:revising|amending|changing)\s+"
    + _where(4)
    + r"to\s+read(?:\s+as\s+follows)?\s*(?::|--)?\s*(?=\u201c)"
    # "replacing subsection (b) with the following:" (EO 13674)
    r"|replacing\s+" + _where(6) + r"with\s*:?\s*"
    r")(?:the\s+following(?:\s+(?:new\s+)?(?:sub)?(?:section|paragraph|clause)s?[^:\u201c]{0,40}?)?\s*(?::|--)?"
    # "... a new section 301 reading as follows:"
    r"|a\s+new\s+(?:sub)?(?:section|paragraph)\s+[^\s:\u201c]{1,12}\s+reading\s+as\s+follows\s*:?)?"
    r"\s*(?=\u201c)",
    re.I,
)

# A part struck and nothing put in its place: "striking subsection (c).", "deleting paragraph
# (5) from section 4(d)", "striking section 1(c)(2) and redesignating ...", "deleting the second
# sentence", "deleting Section 2 and revising Section 1 to read", "repealing Sections 2 and 3,
# and by redesignating". Only where the clause ends there or goes on to another operation
# that is not the struck part's replacement ("deleting section 2 and by inserting in lieu
# thereof" is one replacement, never a strike alone).
_STRIKE_PLACE_RE = re.compile(
    r"(?:striking|deleting|revoking|repealing)(?:\s+out)?\s+(?:therefrom\s+)?"
    + _where(5)
    + r"(?:(?:from|in|of)\s+(?P<within>"
    + _PLACE
    + r"))?\s*(?:thereof\s*|of\s+that\s+order\s*)?"
    r"(?=[.;]|\s*$|,?\s+(?:and\s+)?(?:by\s+)?(?:redesignat|renumber|reletter|delet|revis|strik"
    r"|revok|repeal|(?:insert|add|substitut)\w*\s+(?!in\s+(?:lieu|place|its\s+stead)|therefor)))",
    re.I,
)

_INSERT_FOLLOWING_RE = re.compile(
    r"(?:inserting|adding)\s*,?\s+(?:(?:the\s+following\s+)?(?:immediately\s+)?(?P<rel>before|after)\s+"
    r"(?:the\s+(?:words?|phrase|term|text)\s+)?\u201c(?P<anchor>[^\u201d]{1,300})\u201d\s*,?\s*"
    # "By inserting before the words “scientific research programs” in section 3 thereof the
    # word “basic”" (EO 10807)
    rf"(?:in\s+(?P<anchor_in>{_PLACE})\s*(?:thereof\s*)?,?\s*)?"
    r"(?:the\s+following|the\s+(?:words?|phrase|terms?|text)(?=\s*\u201c))?"
    # "inserting before the period at the end of Section 3 (b) (9) thereof a comma and the
    # following: “...”"
    r"|before\s+the\s+period\s+at\s+the\s+end\s+(?:of\s+"
    + f"(?:{_SENTENCE.replace('which', 'end_which')})?"
    + r"(?P<end_of>"
    + _PLACE
    + r")\s*)?(?:thereof\s+)?(?P<comma>a\s+comma\s+and\s+)?the\s+following)"
    r"\s*(?::|--)?\s*(?=\u201c)",
    re.I,
)

_NOT_TEXT_PART_RE = re.compile(
    r"(?:deleting|striking(?:\s+out)?)\s+(?:from\s+)?(?:its|the)\s+(?P<part>preamble|title|caption)\b"
    r"(?:\s+(?:thereof|of\s+(?:the|that)\s+order))?(?=\s*[,;]|\s+and\b)",
    re.I,
)

_BEFORE_THE_END_RE = re.compile(
    r"(?:immediately\s+)?before\s+the\s+period\s+at\s+the\s+end\s+of\s+the\s+"
    r"(?:section|subsection|paragraph)\s*,\s*(?:by\s+)?inserting\s+\u201c(?P<new>[^\u201d]{1,1000})\u201d",
    re.I,
)

# The new designation: "as section 12", "as subsection (d)".
_DESIGNATION = (
    r"(?:section|subsection|(?:sub)?paragraph|clause|(?:sub)?division|[Ss]ec\.)\s*"
    # "section 2.5" of an order numbered by parts, not "section 2"
    r"(?P<new>\d+(?:[-.]\d+)?[A-Za-z]?(?:\s?\(\s?[a-z0-9]{1,4}\s?\))*|\(\s?[a-z0-9]{1,4}\s?\))"
)

_REDESIGNATING_RE = re.compile(
    rf"redesignating\s+(?:the\s+)?(?:current\s+)?(?P<place>{_PLACE})\s*(?:of\s+that\s+order\s+|thereof\s+)?as\s+"
    + _DESIGNATION,
    re.I,
)

_REDESIGNATE_RE = re.compile(r"\s*(?:(?:as|to\s+be)\s+)?" + _DESIGNATION, re.I)


_AND_REVISED_RE = re.compile(
    r"\s+and\s+(?:is\s+)?(?:revised|amended)\s+to\s+read(?:\s+as\s+follows)?\s*(?::|--)?", re.I
)

_INNER_PLACE_RE = re.compile(
    # "is amended (i) in section 1(a) by inserting ..., and (ii) in section 2(a) by ..."
    r"\s*(?:\((?:i|a|1)\)\s+)?"
    # "Amend the first sentence of section 1 by substituting ..." (EO 13152): as "revising"
    rf"(?:in|revising|amend|(?P<at_end>at\s+the\s+end\s+of))\s+"
    r"(?:the\s+(?P<which>first|second|third|last)\s+sentence\s+of\s+)?"
    rf"(?:current\s+)?(?P<place>{_PLACE})"
    r"\s*(?:(?:of\s+)?that\s+order\s*)?,?\s*"
    r"(?:by\s+|(?=to\s+read))?",
    re.I,
)


_RENUMBER_FOLLOWING_RE = re.compile(
    r"(?:renumbering|relettering|redesignating)\s+(?:all\s+)?(?:the\s+)?(?:subsequent|following|remaining)\s+"
    r"(?:sub)?(?:sections|paragraphs|subparagraphs|clauses|items)"
    rf"(?:\s+(?:in|of)\s+(?P<place>{_PLACE}))?\s+(?:appropriately|accordingly)",
    re.I,
)


def renumbered_after(
    text: str, at: int, number: str, location: Location, previous: Instruction
) -> tuple[Instruction, int] | None:
    """ "... and renumbering the subsequent subsections in section 1-102(b) appropriately",
    after an insertion of a numbered part: the parts after it renumbered; None when the clause
    at `at` is not one, or follows no such insertion."""
    match = _RENUMBER_FOLLOWING_RE.match(text, at)
    inserted = previous.new or ""
    if not match or previous.op not in (INSERT_AFTER, INSERT_BEFORE, ADD_END):
        return None
    if not re.match(r"\s*(?:\(\s?\w{1,5}\s?\)|\d{1,3}\.\s)", inserted):
        return None  # "(13) the Secretary ...", "15. Department of Homeland Security;"
    where = location
    if match.group("place"):
        where = _merge(location, _location(match.group("place"), None))
    base = {"target_kind": "executive_order", "target_number": number, "start": at}
    return _done(text, at, match.end(), base, RENUMBER_FOLLOWING, where, old=inserted)


def container(text: str, at: int, location: Location | None) -> Location:
    """The place an operation names for itself before its verb ("In subsection (c) of
    Section 3, substitute ... and add ..."): where the operations chained to it act too."""
    location = location or Location()
    by = _BY_RE.match(text, at)
    inner = _INNER_PLACE_RE.match(text, by.end() if by else at)
    # "Revising current section 4 by removing ..., replacing ...": a place too; "revising
    # section 1 to read" is the operation itself.
    revising = inner and inner.group(0).lower().lstrip().startswith(("revising", "amend"))
    if (
        inner
        and inner.group("place").strip()
        and (not revising or inner.group(0).rstrip().endswith("by"))
    ):
        return _merge(location, _location(inner.group("place"), inner.group("which")))
    return location


def _operation(
    text: str, start: int, at: int, verb: str, number: str, location: Location | None
) -> tuple[Instruction, int]:
    """The operation after a head (or at an item's start), and where it ends."""
    location = location or Location()
    base = {"target_kind": "executive_order", "target_number": number, "start": start}
    if any(word in verb for word in ("revoked", "rescinded", "deleted")):
        # "Section 105 is revoked and the following new section is substituted therefor:
        # “SEC. 105. ...”": the section replaced, never left revoked
        substituted = _SUBSTITUTED_RE.match(text, at)
        number_given = substituted and substituted.group("number")
        if number_given and number_given.strip(".") != (location.section or ""):
            substituted = None  # a new section of another number: not this one's new text
        if not substituted and _AND_IN_ITS_PLACE_RE.match(text, at):
            problem = "a part revoked and another put in its place, which is not read"
            return _failed(text, start, at, base, location, problem)
        if substituted:
            quoted, end = quoted_block(text, substituted.end())
            if quoted is None:
                return _failed(
                    text, start, substituted.end(), base, location, "the new text is not quoted"
                )
            return _done(text, start, end, base, REPLACE, location, new=quoted)
        if "deleted" in verb:  # "Sec. 201(f) is deleted in its entirety": out of the text
            return _done(text, start, at, base, STRIKE_PLACE, location)
        return _done(text, start, at, base, REVOKE, location)
    if ("redesignated" in verb or "renumbered" in verb) and "," in (location.section or ""):
        # "Paragraphs 4, 5, 6, 7, and 8 are redesignated as paragraphs 5, 6, 7, 8, and 9,
        # respectively": each paired with its new number
        places = [Location(section=n) for n in location.section.split(",")]
        try:
            moves = listed_moves(places, text[at : at + 400])
        except Unpaired as unpaired:
            return _failed(text, start, at, base, places[0], str(unpaired))
        if moves is None:
            return _failed(text, start, at, base, places[0], "the new designations are not stated")
        first, new = moves.moves[0]
        return _done(
            text, start, at + moves.end, base, REDESIGNATE, first, new=new, each=moves.moves
        )
    if "redesignated" in verb or "renumbered" in verb:
        match = _REDESIGNATE_RE.match(text, at)
        if match:
            new = _designation(match.group("new"), location)
            return _done(text, start, match.end(), base, REDESIGNATE, location, new=new)
        revised = _AND_REVISED_RE.match(text, at)
        if revised and not location.path:
            # "Section 4 ... is renumbered and revised to read as follows: “Sec. 3. ...”": the
            # new number is the new text's own
            quoted, end = quoted_block(text, revised.end())
            if quoted is not None:
                return _done(text, start, end, base, REPLACE, location, new=quoted, renumbers=True)
        return _failed(text, start, at, base, location, "the new designation is not stated")
    read_as = _READ_AS_RE.match(text, at)
    if read_as and "provide" in read_as.group(0).lower() and "follows" not in read_as.group(0):
        read_as = None  # "amended to provide that ...": a rule, not a new text
    if verb.startswith("shall") and "read" in verb:
        read_as = re.compile(
            r"\s*(?:in\s+its\s+entirety\s+)?(?:as\s+follows)?\s*(?::|--|—)?"
        ).match(text, at)
    said = read_as.group(0).lower() if read_as else ""
    if read_as and ("read" in said or "provide" in said or verb.startswith("shall")):
        quoted, end = quoted_block(text, read_as.end())
        if quoted is None:
            quoted, end = unquoted_block(text, read_as.end(), location)
        if quoted is None:
            return _failed(text, start, read_as.end(), base, location, "the new text is not quoted")
        return _done(text, start, end, base, REPLACE, location, new=quoted)
    by = _BY_RE.match(text, at)
    position = by.end() if by else at
    # "(c) in section 4, by adding ..." / "by striking ... in sections 2 and 3(b)"
    # "in section 4, by ...", "By revising section 2(a) by deleting ...", "revising section 1
    # of that order to read as follows:" (the last read below as a replacement).
    inner = _INNER_PLACE_RE.match(text[position:])
    if inner and inner.group(0).lower().lstrip().startswith(("revising", "amend")):
        # "revising section 2(a) by deleting ...", "revising section 1 to read as follows:";
        # any other "revising" is not read here.
        follows = text[position + inner.end() : position + inner.end() + 10].lower()
        if not (re.search(r"by\s*$", inner.group(0)) or follows.startswith("to read")):
            inner = None
    if inner and inner.group("place").strip():
        location = _merge(location, _location(inner.group("place"), inner.group("which")))
        position += inner.end()
        read_as = _READ_AS_RE.match(text, position)
        if read_as and "read" in read_as.group(0).lower():
            quoted, end = quoted_block(text, read_as.end())
            if quoted is not None:
                return _done(text, start, end, base, REPLACE, location, new=quoted)
    window, shift = _gerund(text[position : position + 4200])
    position -= shift  # offsets into the window stay offsets into the text
    try:
        several = read_moves(window, location)
        struck_several = None if several else read_struck(window, location)
    except Unpaired as unpaired:
        return _failed(
            text, start, position + len(window[:200].split(";")[0]), base, location, str(unpaired)
        )
    if struck_several:
        first, _ = struck_several.moves[0]
        return _done(
            text,
            start,
            position + struck_several.end,
            base,
            STRIKE_PLACE,
            first,
            each=struck_several.moves,
        )
    if several:
        first, new = several.moves[0]
        return _done(
            text,
            start,
            position + several.end,
            base,
            REDESIGNATE,
            first,
            new=new,
            each=several.moves,
        )
    redesignating = _REDESIGNATING_RE.match(window)
    if redesignating:
        where = _merge(location, _location(redesignating.group("place"), None))
        new = _designation(redesignating.group("new"), where)
        return _done(text, start, position + redesignating.end(), base, REDESIGNATE, where, new=new)
    # "striking section 1(a) and inserting, in lieu thereof, the following:", "substituting for
    # subsection (a) of Section 1 thereof the following:", "revising section 2 to read as follows:"
    whole = _REPLACE_PLACE_RE.match(window)
    if whole:
        quoted, end = quoted_block(text, position + whole.end())
        if quoted is not None:
            n = next(
                i for i in (1, 2, 3, 4, 6) if whole.group(f"place{i}") or whole.group(f"only{i}")
            )
            if whole.group(f"place{n}"):
                inner = _location(whole.group(f"place{n}"), whole.group(f"which{n}"))
            else:
                inner = Location(sentence=_location(None, whole.group(f"only{n}")).sentence)
            if inner.sentence and location.section is None and inner.section is None:
                return _failed(text, start, end, base, location, "no section is named for it")
            where = _merge(location, inner)
            if "," in (where.section or ""):
                quoted, end = quoted_for_each(text, quoted, end, where.section.split(","))
            return _done(text, start, end, base, REPLACE, where, new=quoted)
    # "inserting the following before “and sections”: “...”", "adding before the period at
    # the end thereof the following: “...”"
    inserted = _INSERTING_IN_RE.match(window)
    if inserted:
        where = _merge(location, _location(inserted.group("place"), None))
        end = position + inserted.end()
        if inserted.group("last"):
            if inserted.group("rel").lower() != "after":
                return _failed(
                    text, start, end, base, where, "the place of the insertion is not read"
                )
            new = " " + inserted.group("new").strip()
            return _done(text, start, end, base, INSERT_BEFORE, where, old=FINAL_PERIOD, new=new)
        op = INSERT_AFTER if inserted.group("rel").lower() == "after" else INSERT_BEFORE
        return _done(
            text,
            start,
            end,
            base,
            op,
            where,
            old=inserted.group("anchor"),
            new=inserted.group("new"),
        )
    at_end = _BEFORE_THE_END_RE.match(window)
    if at_end:
        # "in section 1, immediately before the period at the end of the section, inserting
        # “and projects that will strengthen pipeline safety”" (EO 13302)
        new = " " + at_end.group("new").strip()
        end = position + at_end.end()
        return _done(text, start, end, base, INSERT_BEFORE, location, old=FINAL_PERIOD, new=new)
    placed = _INSERT_FOLLOWING_RE.match(window)
    if placed:
        quoted, end = quoted_block(text, position + placed.end())
        if quoted is not None:
            if placed.group("anchor"):
                op = INSERT_BEFORE if placed.group("rel").lower() == "before" else INSERT_AFTER
                if placed.group("anchor_in"):
                    location = _merge(location, _location(placed.group("anchor_in"), None))
                return _done(
                    text, start, end, base, op, location, old=placed.group("anchor"), new=quoted
                )
            if placed.group("end_of"):
                own = _location(placed.group("end_of"), placed.group("end_which"))
                location = _merge(location, own)
            new = ", " + quoted.strip() if placed.group("comma") else quoted
            return _done(text, start, end, base, INSERT_BEFORE, location, old=FINAL_PERIOD, new=new)
    struck = _STRIKE_PLACE_RE.match(window)
    if struck and (struck.group("place5") or struck.group("only5")):
        where = location
        if struck.group("within"):
            where = _merge(where, _location(struck.group("within"), None))
        if struck.group("place5"):
            inner = _location(struck.group("place5"), struck.group("which5"))
        else:
            inner = Location(sentence=_location(None, struck.group("only5")).sentence)
        if where.section is None and inner.section is None:
            return _failed(
                text, start, position + struck.end(), base, where, "no section is named for it"
            )
        where = _merge(where, inner)
        return _done(text, start, position + struck.end(), base, STRIKE_PLACE, where)
    passive = passive_edit(text, start, position, window, base, location)
    if passive:
        return passive
    paired = paired_edit(text, start, position, window, base, location)
    if paired:
        return paired
    edited = words_edit(text, start, position, window, base, location)
    if edited:
        return edited
    added = addition(text, start, position, window, base, location)
    if added:
        return added
    not_text = _NOT_TEXT_PART_RE.match(window)
    if not_text:
        # "by deleting the preamble, by substituting ... and revising Sections 3, 4, and 5
        # ..." (EO 12106): the preamble or title is no section the archive amends; the
        # operations chained after it are read on.
        problem = f"its {not_text.group('part').lower()} is amended, not a section of its text"
        return _failed(text, start, position + not_text.end(), base, location, problem)
    return _failed(
        text,
        start,
        _paragraph_end(text, position, 200),
        base,
        location,
        "the instruction's wording is not one the archive reads",
    )


def _paragraph_end(text: str, position: int, most: int) -> int:
    """Where an instruction not read is taken to end: within `most` characters, and never past
    its paragraph, where the amending order's next section may begin ("Section 1. The preamble
    ... is hereby amended by inserting, after the words ...\n\nSection 2. Section 5(b) ...")."""
    end = min(len(text), position + most)
    brk = text.find("\n\n", position, end)
    return brk if brk > 0 else end


_NEXT_IMPERATIVE_RE = re.compile(
    r"(?:;|,\s*(?:and\s+)?(?=(?:delete|redesignate|insert|add|strike|substitute|renumber)\s))"
)

_IMPERATIVE_RE = re.compile(
    r"(?i:(delet|strik|insert|add|substitut|redesignat|revis|amend|renumber))(e|)\b(?=\s)"
)


def _gerund(window: str) -> tuple[str, int]:
    """An item in the imperative ("Delete paragraph (1) and substitute therefor ...",
    "Redesignate section 4 as section 6") read as the gerunds of "by deleting ...": the
    window, and how many characters longer it became."""
    match = _IMPERATIVE_RE.match(window)
    if not match:
        return window, 0
    stem = match.group(1)
    word = stem + ("ing" if stem.lower() != "strik" else "ing")
    out = word + window[match.end() :]
    paired = re.search(r"\band\s+(?:substitute|insert)\b", out)
    if paired and _NEXT_IMPERATIVE_RE.search(out, 0, paired.end() + 1):
        # "delete subsection (i), redesignate ..., and insert ...": the "insert" is an
        # operation of its own, read where it stands (rewriting it here would shift the
        # offsets of everything before it).
        return out, len(out) - len(window)
    out = re.sub(
        r"\band\s+(substitute|insert)\b",
        lambda m: (
            "and " + m.group(1)[:-1] + "ing"
            if m.group(1).endswith("e")
            else "and " + m.group(1) + "ing"
        ),
        out,
        count=1,
    )
    return out, len(out) - len(window)


def _designation(printed: str, location: Location) -> str:
    """ "12" for a section; for a subsection its own letter: "Sec. 202(e)" -> "e"."""
    marks = re.findall(r"\(\s?([A-Za-z0-9]{1,4})\s?\)", printed)
    if location.path and marks:
        return marks[-1]
    return printed.split("(", 1)[0].strip() or (marks[-1] if marks else printed)
