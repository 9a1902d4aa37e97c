"""Text added to an amended order: "adding at the end thereof the following:", "inserting
after section 3 the following new section:", "Add a new Section 401(28) as follows:", and the
same said in the passive ("A new section 6 is added to read as follows:", "The following new
paragraph 4 is inserted after paragraph 3:"). Pure."""

from __future__ import annotations

import re

from actions.extract.amendment_wording import (
    _PLACE,
    _SECTION_NUMBER,
    ADD_END,
    AFTER_SENTENCE,
    FINAL_PERIOD,
    INSERT_AFTER,
    INSERT_BEFORE,
    ORDER_NAME,
    Instruction,
    Location,
    _location,
    _merge,
    new_sections,
    quoted_block,
)
from actions.extract.amendment_wording import done as _done
from actions.extract.amendment_wording import failed as _failed

# "adding at the end (thereof) the following (new subsection):", "adding to section 2 the
# following new subsection", "adding a new section 7 to read as follows:", "inserting after
# section 3 the following new section:".
_ADD_RE = re.compile(
    r"(?:adding|inserting)\s+(?P<where>[^:\u201c]{0,160}?)\s*,?\s*(?:the\s+following|to\s+read\s+as\s+follows)?"
    r"[^:\u201c]{0,80}?(?::|--|—)?\s*(?=\u201c)",
    re.I,
)

# What makes an addition's place plain: the end of a part, a new part, "thereto", a section
# or paragraph named, or "the following" text ("in lieu thereof", a replacement, is told
# apart where this is used).
_ADD_SAYS_WHERE_RE = re.compile(
    r"(?:\bat\s+the\s+end\b|\bnew\s+(?:sub)?(?:section|paragraph|subparagraph|clause|"
    r"sentence|item)|\bthereto\b|\bto\s+(?:sub)?(?:section|paragraph)|\bthe\s+following\b|"
    r"\ba\s+new\b|\bas\s+follows\b|\bat\s+its\s+end\b)",
    re.I | re.S,
)


def addition(text, start, position, window, base, location) -> tuple[Instruction, int] | None:
    """Text added: "adding at the end thereof the following:", "inserting after section 3 the
    following new section:", "Add a new Section 401(28) as follows:"; None when the window
    adds nothing."""
    add = _ADD_RE.match(window)
    if add and re.search(r"\b(?:before|after)\s+the\s+(?:period|comma|semicolon)", add.group(0)):
        # "inserting before the period at the end of ... the words": a place inside the
        # text, never the end of the part.
        return _failed(
            text,
            start,
            position + add.end(),
            base,
            location,
            "the place of the insertion is not read",
        )
    if add and (
        re.search(r"\bin\s+lieu\b", add.group(0), re.I)
        or not _ADD_SAYS_WHERE_RE.search(add.group(0))
    ):
        add = None  # "adding a subsection “(a)” after the heading": an insertion not read
    if add:
        return _added(text, start, position + add.end(), base, location, add.group(0))
    return _passive(text, start, position, window, base, location)


# "A new section 6 is added to read as follows:", "The following new paragraph 4 is inserted
# after paragraph 3:", "In Section 5, a new subsection (f) and a new subsection (g) are added
# to read as follows:", "The following paragraph (o) is added at the end of section 1:".
_NEW_PART = (
    r"(?:sub)?(?:section|paragraph|subparagraph|clause)s?\s+"
    r"(?:\d+(?:[-.]\d+)?[A-Za-z]?(?:\s?\(\s?\w{1,5}\s?\))*|\(\s?\w{1,5}\s?\))"
    # "New sections 7 and 8 are added", "New sections 2.2 and 2.3"
    r"(?:\s+and\s+\d+(?:[-.]\d+)?[A-Za-z]?(?=\s+(?:is|are)\b))?"
)
_PASSIVE_ADD_RE = re.compile(
    r"\s*(?:as\s+follows\s*:\s*)?(?:in\s+(?P<within>" + _PLACE + r")\s*,\s*)?"
    r"(?:an?|the\s+following)\s+(?P<what>(?:new\s+)?" + _NEW_PART + r")"
    r"(?P<more>(?:\s*,?\s*and\s+(?:an?\s+)?(?:new\s+)?" + _NEW_PART + r")*)"
    r"(?:\s+of\s+(?:that|the)\s+order|\s+of\s+" + ORDER_NAME + r"\d+)?"
    r"\s+(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:added|inserted)(?:\s+to\s+the\s+order"
    # "... are added to Executive Order 13219 to read as follows:"
    r"|\s+to\s+" + ORDER_NAME + r"\d+(?:\s+of\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4})?)?"
    r"(?P<where>\s+(?:(?:immediately\s+)?(?:after|before)|at\s+the\s+end\s+of|to)\s+"
    + _PLACE
    + r")?"
    r"\s*,?\s*(?:(?:and\s+)?(?:shall\s+)?(?:to\s+)?reads?(?:\s+as\s+follows)?|as\s+follows)?"
    r"\s*(?::|--|\u2014)?\s*(?=\u201c)"
    # "There is added to the order at the end thereof the following section 5:"
    r"|there\s+(?:is|are)\s+(?:hereby\s+)?added\s+(?P<said>[^:\u201c]{1,160}?)\s*(?::|--)?\s*(?=\u201c)",
    re.I,
)


def _passive(text, start, position, window, base, location) -> tuple[Instruction, int] | None:
    """The passive additions, read as their active wording would be ("inserting after
    paragraph 3 the following new paragraph 4"); a bare paragraph number (an order numbered
    by paragraphs) is a section's."""
    match = _PASSIVE_ADD_RE.match(window)
    if not match:
        return None
    if match.group("said"):
        # "There is added ... the following section 5:": a new section, numbered
        said = re.sub(
            r"(?i)\bthe\s+following\s+section\b", "the following new section", match.group("said")
        )
    else:
        what = match.group("what") + (match.group("more") or "")
        what = re.sub(r"(?i)\bparagraph(\s+\d)", r"section\1", what)
        where = re.sub(r"(?i)\bparagraph(\s+\d)", r"section\1", match.group("where") or "")
        said = f"{where} the following {what}".strip()
        if not re.search(r"(?i)\bnew\b", said) and re.search(r"(?i)\bsection\s+\d", what):
            said = said.replace("the following ", "the following new ", 1)
    if match.group("within"):
        location = _merge(location, _location(match.group("within"), None))
    return _added(text, start, position + match.end(), base, location, said)


def _added(text, start, at, base, location, where_text) -> tuple[Instruction, int]:
    """The quoted text at `at`, added where `where_text` (the words before it) says."""
    quoted, end = quoted_block(text, at)
    if quoted is not None and re.match(
        r"\s*,?\s*(?:after|before|immediately|in\s+lieu)\b", text[end : end + 30], re.I
    ):
        return _failed(text, start, end, base, location, "the place of the insertion is not read")
    if quoted is None:
        return _failed(text, start, at, base, location, "the text is not quoted")
    place = re.search(rf"(?:to|of|at\s+the\s+end\s+of)\s+(?P<place>{_PLACE})", where_text, re.I)
    if place:
        location = _merge(location, _location(place.group("place"), None))
    after_sentence = re.search(
        r"after\s+the\s+(first|second|third|fourth|fifth|last)\s+sentence", where_text, re.I
    )
    if after_sentence:
        # "inserting the following sentence after the first sentence: “...”": a sentence
        # of its own, after that one.
        where = Location(location.section, location.path, after_sentence.group(1).lower())
        return _done(text, start, end, base, INSERT_AFTER, where, old=AFTER_SENTENCE, new=quoted)
    ordinal = re.search(r"(first|second|third|fourth|fifth|last)\s+sentence", where_text, re.I)
    if ordinal:
        # "adding at the end of the fourth sentence: “, except that ...”", "inserting
        # before the period at the end of the first sentence ... a comma and the
        # following": before that sentence's period, the quotation's own period left out.
        where = Location(location.section, location.path, ordinal.group(1).lower())
        comma = ", " if re.search(r"\ba\s+comma\s+and\b", where_text, re.I) else ""
        words = comma + quoted.rstrip(".")
        if not words.startswith((",", ";", " ")):
            words = " " + words
        return _done(text, start, end, base, INSERT_BEFORE, where, old=FINAL_PERIOD, new=words)
    part_of = re.search(
        rf"\bnew\s+(?P<place>section\s+{_SECTION_NUMBER}(?:\s?\(\s?\w{{1,5}}\s?\))+)",
        where_text,
        re.I,
    )
    if part_of:
        # "Add a new Section 401(28) as follows: “(28) Develop ...”": a part at the end of
        # the part holding it, not a section.
        own = _location(part_of.group("place"), None)
        opens = re.match(r"\s*\(\s?(\w{1,5})\s?\)", quoted)
        if opens and opens.group(1) != own.path[-1]:
            # "Add a new Section 901(1)(i) as follows: “(h) Domestic ...”"
            problem = f"the new text opens with ({opens.group(1)}), not ({own.path[-1]})"
            return _failed(text, start, end, base, location, problem)
        return _done(
            text, start, end, base, ADD_END, Location(own.section, own.path[:-1]), new=quoted
        )
    if re.search(r"\bnew\s+sentences?\b|\bfollowing\s+(?:new\s+)?sentences?\b", where_text, re.I):
        # "At the end of Section 102(a) add a new sentence as follows:": on the part's
        # line, after its last sentence
        if location.section is None:
            return _failed(text, start, end, base, location, "no section is named for it")
        return _done(text, start, end, base, INSERT_AFTER, location, old=AFTER_SENTENCE, new=quoted)
    new_section = re.search(
        r"new\s+section\s+(?P<n>\d+[A-Za-z]?)",
        where_text + " " + text[end - len(quoted) - 2 : end],
        re.I,
    )
    if re.search(r"\bnew\s+section\b|\bsection\s+\d+[A-Za-z]?\s*$", where_text, re.I) or (
        quoted.lstrip().lower().startswith(("sec.", "section ")) and location.section is None
    ):
        number = new_section.group("n") if new_section else None
        return new_sections(text, start, end, base, where_text, quoted, number)
    return _done(text, start, end, base, ADD_END, location, new=quoted)
