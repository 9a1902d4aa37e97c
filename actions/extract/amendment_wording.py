"""The words of amending clauses that say *where* and hold *what*: the kinds of edit, the
place in an order ("subsection (b) of section 8", "the first sentence of section 1"), and the
quotations that carry old and new words as the order printed them. Pure; read by
`amendments.py` (heads and lists) and `amendment_operations.py` (what each clause does)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from actions.extract.misquoted import misquoted
from actions.ingest.dates import WRITTEN_DATE_RE

REPLACE, STRIKE, STRIKE_INSERT, INSERT_AFTER, INSERT_BEFORE, ADD_END, ADD_SECTION = (
    "replace",
    "strike",
    "strike_insert",
    "insert_after",
    "insert_before",
    "add_end",
    "add_section",
)

REDESIGNATE, REVOKE = "redesignate", "revoke"

# "striking subsection (c)", "deleting section 8", "by deleting the second sentence": the part
# taken out of the text (a whole section is left as struck, so that its place and what struck
# it still show).
STRIKE_PLACE = "strike_place"

# "inserting “(13) the Secretary of Homeland Security;” after “(12) ...”; and renumbering all
# subsequent subsections in section 1(b) appropriately": the parts after the one inserted
# (`old`, its text) take the next number each.
RENUMBER_FOLLOWING = "renumber_following"


# A place's introductory text, before its first numbered or lettered part ("The introductory
# portion is amended ..."): the last mark of a path.
INTRO = "intro"
# A place's unnumbered paragraph by its ordinal ("the second paragraph", "the first
# paragraph thereof"): "¶2", "¶-1" for the last, the last mark of a path.
PARAGRAPH = "\u00b6"
# A section's heading ("the catchline of section 6", "The heading of Section 3"): a path of its
# own, the section's heading rather than its text.
HEADING = "heading"
# What an order prints before its sections, amended like a section ("The preamble is amended by
# striking ...", "The title of the order is amended to read ..."): the section a `Location`
# names for it.
TITLE, PREAMBLE = "title", "preamble"
FRONT = (TITLE, PREAMBLE)
_PARAGRAPH_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


@dataclass(frozen=True)
class Location:
    """Where in the amended order: section "3", path ("a", "1"), sentence "first"/"last"."""

    section: str | None = None
    path: tuple[str, ...] = ()
    sentence: str | None = None
    several: bool = False  # "paragraphs (3) and (4) of subsection (a)": parts not told apart
    # The siblings a plural names inside the path, each by its marker ("Subsections (b) and
    # (c) of section 5.2": "b", "c"), where they are read; empty when they are not.
    parts: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.section is None:
            return "the order"
        path = self.path
        # "section 1-201(b)": a paragraph of a part-numbered order named by its own number
        head = path[0] if path and "-" in path[0] else self.section
        path = path[1:] if head != self.section else path
        last = path[-1] if path else ""
        intro, paragraph = last == INTRO, last.startswith(PARAGRAPH)
        heading = last == HEADING
        path = path[:-1] if intro or paragraph or heading else path
        where = f"section {head}" + "".join(f"({p})" for p in path)
        where = f"the introductory text of {where}" if intro else where
        where = f"the heading of {where}" if heading else where
        if paragraph:
            where = f"paragraph {last[1:].replace('-1', 'last')} of {where}"
        return f"the {self.sentence} sentence of {where}" if self.sentence else where


@dataclass(frozen=True)
class Instruction:
    target_kind: str
    target_number: str
    op: str | None  # None when the instruction could not be read
    location: Location = field(default_factory=Location)
    old: str | None = None  # the text struck, or the anchor of an insertion
    new: str | None = None  # the text inserted or the new text
    each_place: bool = False  # "each place it appears"
    at_end: bool = False  # "striking “or” at the end of subsection (d)": the last one, at the end
    occurrence: int | None = (
        None  # "the second time it appears": which one (0 the first, -1 the last)
    )
    # Several parts acted on at once ("redesignating (n) through (r) as (o) through (s)",
    # "striking subsections 2(a)-(b)"): each part's place and new designation ("" when
    # struck); `location` and `new` are the first's.
    each: tuple[tuple[Location, str], ...] = ()
    # Further words replaced as `old` by `new` ("“A” and “B” ... “C” and “D”, respectively"):
    # (old, new) after the first pair.
    pairs: tuple[tuple[str, str], ...] = ()
    # "is renumbered and revised to read as follows: “Sec. 3. ...”": a new text whose own
    # number is the part's new number
    renumbers: bool = False
    text: str = ""  # the instruction as printed
    start: int = 0
    problem: str | None = None


# Quotes as printed: curly, straight, and the GPO's ``...'' pairs. A straight quote opens
# after a space, a line's start or a bracket, and closes otherwise (as typesetters decide).
_STRAIGHT_OPEN_RE = re.compile(r'(?:(?<=^)|(?<=[\s(\[\u2014-]))"', re.M)

# The GPO's renditions leave a stray "L" where a line of a list began: "amended-- L (A) in".
_STRAY_L_RE = re.compile(r"(?<=[:\u2014\-)])\s*L\s+(?=[(\u201c`])")


# "The second sentence of Section l(a) shall read", "Sections l(b), 2(b) and 2(d)", "Sec
# l(c) of", "section i of Executive Order No. 11912": a scanned "1" read as "l" or "i".
_SCANNED_ONE_RE = re.compile(
    r"(?<=\b[Ss]ection )l(?=\s?\()|(?<=\b[Ss]ections )l(?=\s?\()|(?<=\bSec )l(?=\s?\()"
    r"|(?<=\b[Ss]ection )i(?= of Executive Order)"
)


def normalize_quotes(text: str) -> str:
    text = _STRAY_L_RE.sub(" ", text).replace(":.", ":")  # "as follows:. (a)"
    text = _SCANNED_ONE_RE.sub("1", text)
    text = text.replace("``", "\u201c").replace("''", "\u201d")
    if '"' not in text:
        return text
    # A mark alone on its line closes the quotation above it ("... uniform regulations.\n\n"
    # of EO 12790): it opens nothing.
    text = _LONE_MARK_RE.sub("\\1\u201d", text)  # the same length: offsets hold
    text = _SPACED_CLOSE_RE.sub("\u201d", text)
    return _STRAIGHT_OPEN_RE.sub("\u201c", text).replace('"', "\u201d")


# A closing mark typed after a space: "striking out "and (6) " and inserting in lieu", "for
# "Management (OEP) " in section 401 (27)", "... and (7) ".": a mark that opens is followed by
# the words it quotes, not by its instruction's next words ("and inserting", "in section").
_SPACED_CLOSE_RE = re.compile(
    r'(?<=[^\s"] )"(?=\.(?:\s|$)'
    r'|[ \t]+(?:and|in|for|after|before)[ \t]+(?:inserting|lieu|section|\u201c|"))'
)


_LONE_MARK_RE = re.compile(r'(?<=\n)([ \t]*)"(?=[ \t]*(?:\n|$))')


# Where the text of an order ends: the President's name in capitals, or the place and date.
_SIGNATURE = r"\s*(?:[A-Z][A-Z.]+(?:[ \t]+[A-Z][A-Z.]*){1,3}[ \t]*\n|THE\s+WHITE|The\s+White)"
_SIGNATURE_RE = re.compile(r"\n(?=" + _SIGNATURE + ")")
# A line that is an instruction of its own ("2. Section 3 is revoked."), never quoted text.
_INSTRUCTION_LINE_RE = re.compile(
    r"\n\s*(?:\d{1,2}\.|\(\w{1,3}\)|Sec\.?|SEC\.?|Section)[^\n]{0,120}?\b"
    r"(?:amended|revoked|added|deleted|striking|inserting|redesignated)\b"
)

# A paragraph of the amending order's own, not opening with a quotation mark: its next
# instruction ("2. Section 12 shall read:").
_UNQUOTED_INSTRUCTION_RE = re.compile(
    r"\n[ \t]*\n[ \t]*(?:(?:\d{1,2}\.|\(\w{1,3}\)|Sec\.?|SEC\.?)\s+[^\n\u201c\u201d\"]{0,120}?\b"
    r"(?:is|are|shall)\s+(?:hereby\s+)?(?:further\s+)?(?:be\s+)?"
    r"(?:amended|revised|read|revoked|added|deleted|redesignated)\b"
    # "(B) By relettering the present paragraphs (a) through (i) as ..."
    r"|(?:\d{1,2}\.|\(\w{1,3}\))\s+By\s+(?:adding|deleting|inserting|striking|substituting|"
    r"relettering|renumbering|redesignating|revoking)\b)"
)

# "... is further amended by adding thereto the following:\n\n(6) Deputy Director ...,
# Department of Defense.\n\nLYNDON B. JOHNSON": the schedules of positions print the new items
# unquoted, alone between the instruction and the signature.
_UNQUOTED_ITEMS_RE = re.compile(
    r"(?<=the following:)(?P<before>[ \t]*\n?[ \t]*\n?[ \t]*)"
    r"(?P<items>\(\s?\w{1,3}\s?\)[^\n\u201c\u201d]{3,400}"
    r"(?:[ \t]*\n[ \t]*\n?[ \t]*\(\s?\w{1,3}\s?\)[^\n\u201c\u201d]{3,400})*)"
    r"(?P<after>[ \t]*\n)(?=" + _SIGNATURE + r"|\s*$)"
)


def quote_unquoted_items(text: str) -> str:
    """The unquoted items quoted, in place: the same length, so that offsets still hold."""

    def quoted(match: re.Match) -> str:
        before = match.group("before")
        opening = before[:-1] + "\u201c" if before else "\u201c"
        return opening + match.group("items") + "\u201d" + match.group("after")[1:]

    return _UNQUOTED_ITEMS_RE.sub(quoted, text)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


# The lowercase Roman numerals parts are marked with, "(i)" to "(l)", in order.
ROMAN = tuple(_roman(n) for n in range(1, 51))

_DATE = WRITTEN_DATE_RE.pattern

_PART_RE = re.compile(r"\b[Pp]art\s+(?P<roman>[IVXL]+)\b")


def numbered_within_part(place: str | None) -> bool:
    """ "Paragraph 1 of Part II", "Paragraph 2(f) of Part II": a number counted afresh within
    a later part, where the archive reads an order's sections in one numbering; not "Section
    408 of Part IV" (the number carries its part's) nor a place in Part I."""
    part = _PART_RE.search(place or "")
    number = re.search(r"\d+", place or "") or re.match(r"", "")
    if not part:
        return False
    ordinal = (
        ROMAN.index(part.group("roman").lower()) + 1 if part.group("roman").lower() in ROMAN else 0
    )
    if ordinal <= 1:
        return False
    digits = number.group()  # none: "Paragraphs 3, 4, and 5 of Part II"
    return not (len(digits) >= 3 and digits.startswith(str(ordinal)))


# An order named by number: "Executive Order No. 10161", "Executive Order 13224", and "Executive
# Order No 11747" (EO 12608 prints it so for some thirty orders).
ORDER_NAME = r"Executive\s+Order\s+(?:No\.?\s*)?"

_MARK = r"\(\s?[A-Za-z0-9]{1,5}\s?\)"

# "section 4", "section 1(a)", "subsection (b) of section 8", "paragraph (3) of subsection (b)
# of section 2", "sections 1 and 2"; "Sec. 2".
# Section numbers: "4", "11A", and the "1-101" of orders numbered by part and section.
_SECTION_NUMBER = r"\d+(?:[-.]\d+)?[A-Za-z]?"  # "4", "11A", "1-101", and "1.7" of EO 12333

_PLACE = (
    # "sections 1 and 5", "section 2, 7, and 8" (the plural lost), "paragraphs 1 and 3" (the
    # numbered paragraphs of an order without sections)
    r"(?:(?:(?:sections?|paragraphs)\s+"
    + _SECTION_NUMBER
    + r"(?:\s*,\s*"
    + _SECTION_NUMBER
    + r")*,?\s+and\s+"
    + _SECTION_NUMBER
    + r"|(?:sub)?(?:paragraphs|subsections|subparagraphs|clauses)\s+(?:"
    + _SECTION_NUMBER
    + r")?"
    + _MARK
    + r"(?:\s*(?:,|and|through|to)\s*(?:"
    + _SECTION_NUMBER
    + r")?"
    + _MARK
    + r")+"
    # "numbered paragraph (1)", "paragraph numbered 2"; "item (6)" of a list (not "item
    # 652.97", a tariff item)
    # "The preamble", "the title of the order", "the heading of the order": what the order
    # prints before its sections (`FRONT`)
    # (not "in such order or in the title thereof", "in the title and in subsections ...":
    # the title with other places)
    + r"|(?<!or\sin\s)(?<!and\sin\s)the\s+(?:preamble|title)\b"
    + r"(?!\s+\d|\s+of\s+(?:sub)?sec|,?\s+and\s+(?:in\s+)?(?:the\s+|sub)?(?:sec|para|pre))"
    + r"(?:\s+of\s+the\s+order)?"
    # "the material that follows the title and precedes section 1 of the order" (EO 13465)
    # and "The paragraph preceding section 1" (EO 14085): the preamble
    + r"|the\s+material\s+that\s+follows\s+the\s+title\s+and\s+precedes\s+section\s+1\b"
    + r"|the\s+paragraph\s+preceding\s+section\s+1\b"
    + r"(?:\s+of\s+the\s+order)?"
    + r"|the\s+(?:heading|caption)\s+of\s+the\s+order"
    # "the catchline of section 6", "The heading of Section 3", "the title of section 3": a
    # section's heading
    + r"|the\s+(?:catchline|heading|title)(?=\s+of\s+(?:sub)?sec)"
    # "The introductory portion", "the introductory text to section 3"
    + r"|the\s+introductory\s+(?:portion|text|paragraph|matter)(?:\s+to\s+(?=[Ss]ec))?"
    # "the second paragraph", "the first paragraph thereof" (unnumbered)
    + r"|the\s+(?:first|second|third|fourth|fifth|last)\s+paragraph(?!\s*\(|\s+\d)"
    + r"|(?:numbered\s+)?(?:(?:sub)?(?:section|paragraph|subparagraph|clause|division)\s+"
    + r"(?:numbered\s+)?|[Ss]ec\.\s*|[Ss]ec\s+(?=\d)|item\s+(?=\())(?:"
    + _SECTION_NUMBER
    + r")?(?:\s?"
    + _MARK
    + r")*)"
    # "Subsections (b) and (c) of redesignated section 2.7"
    r"(?:\s+of\s+(?:(?:redesignated|renumbered)\s+(?=[Ss]ec))?)?)+"
    # "Section 106 of Part I", "section 408 of Part IV": a section of an order divided into
    # parts, numbered through the whole order (the part adds nothing to where)
    r"(?:[Pp]art\s+[IVXL]+\b(?:\s+of\s+)?)?"
)

_SENTENCE = r"(?:the\s+)?(?P<which>first|second|third|fourth|fifth|last|final)\s+sentence\s+of\s+"

_NUMBER_RE = re.compile(r"(?P<section>" + _SECTION_NUMBER + r")?(?P<marks>(?:\s?" + _MARK + r")*)")


def _location(place: str | None, which: str | None) -> Location:
    """Location from "subsection (b) of section 8", "section 1(a)", "paragraph (3)"."""
    if not place:
        return Location(sentence=_which(which)) if which else Location()
    plural = re.match(
        r"(?i)\s*(?:sections?|paragraphs)\s+(?P<list>[\d\s,.A-Za-z-]+?)\s*(?:\s+of\s*)?$", place
    )
    if plural:
        # "sections 3 and 4": each, written "3,4" (consolidate applies the op to each).
        numbers = re.findall(_SECTION_NUMBER, plural.group("list"))
        return Location(section=",".join(numbers), sentence=_which(which))
    front = re.match(
        r"(?i)\s*the\s+(preamble|material|paragraph\s+preceding|title|heading|caption)\b"
        r"(?!\s+of\s+(?:sub)?sec)",
        place,
    )
    if front:
        return Location(
            section=TITLE if front.group(1).lower() in (TITLE, "heading", "caption") else PREAMBLE,
            sentence=_which(which),
        )
    parts = [
        re.sub(r"(?i)^(?:redesignated|renumbered)\s+", "", p)
        for p in re.split(r"\s+of\s+|(?<=\w)\s+to\s+(?=[Ss]ec)", place.strip())
        if p.strip()
    ]
    if parts[1:] and re.match(r"(?i)the\s+(?:catchline|heading|title)$", parts[0]):
        # the heading of the section named after it
        outer = _location(" of ".join(parts[1:]), which)
        return dataclasses.replace(outer, path=(*outer.path, HEADING))
    if parts and re.match(r"(?i)the\s+introductory\b", parts[0]):
        # the introductory text of the place named after it
        outer = _location(" of ".join(parts[1:]), which) if parts[1:] else Location()
        return dataclasses.replace(outer, path=(*outer.path, INTRO))
    ordinal = re.match(r"(?i)the\s+(\w+)\s+paragraph$", parts[0]) if parts else None
    if ordinal and ordinal.group(1).lower() in _PARAGRAPH_ORDINALS:
        # an unnumbered paragraph of the place named after it
        outer = _location(" of ".join(parts[1:]), which) if parts[1:] else Location()
        mark = f"{PARAGRAPH}{_PARAGRAPH_ORDINALS[ordinal.group(1).lower()]}"
        return dataclasses.replace(outer, path=(*outer.path, mark))
    plural = [
        i
        for i, p in enumerate(parts)
        if re.match(r"(?i)(?:sub)?(?:paragraphs|subsections|subparagraphs|clauses)\b", p)
    ]
    if plural:
        siblings = _siblings(parts[0]) if plural == [0] else ()
        if siblings and len(parts) > 1:
            # "Subsections (b) and (c) of section 5.2": each sibling inside the place named
            outer = _location(" of ".join(parts[1:]), which)
            return dataclasses.replace(outer, several=True, parts=siblings)
        return Location(several=True, sentence=_which(which), parts=siblings)
    section = None
    path: list[str] = []
    # Read from the outermost ("section 8") inwards ("subsection (b)").
    for part in reversed(parts):
        words = part.split(None, 1)
        if len(words) < 2:
            continue
        if words[0].lower() == "numbered":  # "numbered paragraph (1)"
            words = words[1].split(None, 1)
            if len(words) < 2:
                continue
        noun, rest = words[0].lower(), re.sub(r"(?i)^numbered\s+", "", words[1])
        noun = "section" if noun == "sec." else noun  # "Sec. 101(b)"
        match = _NUMBER_RE.match(rest.strip())
        marks = re.findall(r"\(\s?([A-Za-z0-9]{1,5})\s?\)", match.group("marks") if match else "")
        if match and match.group("section") and (noun == "section" or section is None):
            # "section 1(a)", and "subsection 2(c)" / "paragraph 5(b)(1)", numbered from
            # their section.
            section = match.group("section")
            path = marks
        else:
            path.extend(marks)
    return Location(section=section, path=tuple(path), sentence=_which(which))


def _siblings(plural: str) -> tuple[str, ...]:
    """The markers a plural names, in order: "Subsections (b) and (c)" -> ("b", "c"),
    "paragraphs (2) through (5)" -> ("2", "3", "4", "5"); () when they are not read (a number
    before the first marker, a range of other kinds)."""
    if re.search(r"\d\s*\(", plural):
        return ()
    marks = re.findall(r"\(\s?([A-Za-z0-9]{1,5})\s?\)", plural)
    if len(marks) == 2 and re.search(r"\bthrough\b|\bto\b", plural):
        first, last = marks
        if first.isdigit() and last.isdigit() and int(first) < int(last):
            return tuple(str(n) for n in range(int(first), int(last) + 1))
        if len(first) == len(last) == 1 and first.isalpha() and first < last:
            return tuple(chr(c) for c in range(ord(first), ord(last) + 1))
        return ()
    if re.search(r"\bthrough\b|\bto\b", plural) or len(marks) < 2:
        return ()
    return tuple(marks)


def _which(which: str | None) -> str | None:
    if not which:
        return None
    return "last" if which.lower() == "final" else which.lower()


FINAL_PERIOD = "\x00final period"  # the anchor "before the period at the end"

AFTER_SENTENCE = "\x00after the sentence"  # the anchor of a sentence added after another


def _merge(outer: Location, inner: Location) -> Location:
    """A place inside an item ("in subsection (b)") within the item's own place."""
    # (several parts inside stay several: "deleting paragraphs (a) and (b) and inserting in
    # lieu thereof" in section 6 is not section 6 replaced whole)
    several = inner.several or outer.several
    siblings = inner.parts or (outer.parts if not inner.path else ())
    if inner.section is not None:
        return Location(
            inner.section, inner.path, inner.sentence or outer.sentence, several, inner.parts
        )
    return Location(
        outer.section, outer.path + inner.path, inner.sentence or outer.sentence, several, siblings
    )


# What ends a new text printed without quotation marks: the amending order's next section,
# its signature, or its end.
_UNQUOTED_END_RE = re.compile(
    r"\s*(?:$|(?:SEC(?:TION)?\.?|Sec(?:tion)?\.)\s*\d|[A-Z][A-Z.]+(?:\s+[A-Z][A-Z.]*){1,4}\s*$"
    r"|[A-Z][A-Z.]+(?:\s+[A-Z][A-Z.]*){1,4}\s*\n|THE\s+WHITE\s+HOUSE)"
)


def unquoted_block(text: str, position: int, location: Location) -> tuple[str | None, int]:
    """ "Section 902(d)(1) ... is hereby amended to read as follows:" and, printed without
    quotation marks, "(1) Each officer or agency ...": the one paragraph that follows, when it
    opens with the place's own designation ("(1)", "SEC. 6.", "3.") and what comes after it is
    the amending order's next section, its signature or its end; else (None, position), for a
    text that might run on into the amending order's own words."""
    gap = re.match(r"[ \t]*:?[ \t]*\n\s*", text[position:])
    if not gap or location.sentence or location.several or "," in (location.section or ""):
        return None, position
    start = position + gap.end()
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    paragraph = text[start:end].strip()
    if location.path:
        own = rf"\(\s?{re.escape(location.path[-1])}\s?\)\s"
    elif location.section:
        number = re.escape(location.section)
        own = rf"(?:(?:SEC(?:TION)?\.?|Sec(?:tion)?\.?)\s*{number}\.|{number}\.)\s"
    else:
        return None, position
    if not re.match(own, paragraph) or not _UNQUOTED_END_RE.match(text, end):
        return None, position
    return paragraph, end


# "SEC. 2.", "Section 2.", or a paragraph's bare "2."
_SECTION_WORD = r"(?:(?:SEC(?:TION)?|Sec(?:tion)?)\.?\s*)?"


def quoted_for_each(text: str, quoted: str, end: int, numbers: list[str]) -> tuple[str, int]:
    """ "substituting for paragraphs 1 and 3 thereof the following: “1. ...”\n\n“3. ...”":
    each section's new text quoted apart, read on while the next quotation opens with the next
    number named (any other quotation is not part of the new text)."""
    for number in numbers[1:]:
        if re.search(rf"(?:^|\n)\s*{_SECTION_WORD}{re.escape(number)}\.\s", quoted):
            continue
        following, after = quoted_block(text, end)
        opens = re.match(rf"\s*{_SECTION_WORD}(?P<n>[\w.-]+?)\.\s", following or "")
        if following is None or not opens or opens.group("n") != number:
            break
        quoted, end = f"{quoted}\n\n{following}", after
    return quoted, end


# A closing mark followed by the amending order's next item, itself an instruction ("” (2)
# Sections 6 and 7 of Executive Order 12981 ... are renumbered"); not a list of quoted items
# ("“(8) Administrator ...” (9) Executive ...", which reads on).
_NEXT_INSTRUCTION_RE = re.compile(
    r"\s+\(\s?\w{1,3}\s?\)\s+[A-Z][^\u201c\u201d\n]{0,200}?\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?"
    r"(?:further\s+)?(?:amended|renumbered|redesignated|revoked|added|inserted|deleted)\b"
)


def quoted_block(text: str, position: int) -> tuple[str | None, int]:
    """The quoted text starting at `position` (after spaces), which may run over paragraphs that
    each open with a quotation mark: it ends at the first closing mark that ends a paragraph
    (or the text). Returns (the text without its marks, the end), or (None, position)."""
    while position < len(text) and text[position] in " \t\n":
        position += 1
    if position >= len(text) or text[position] not in '\u201c"':
        return None, position
    close = "\u201d" if text[position] == "\u201c" else '"'
    index = position + 1
    while True:
        end = text.find(close, index)
        if end < 0:
            ran_on = _UNQUOTED_INSTRUCTION_RE.search(text, position + 1)
            if ran_on:
                # no closing mark at all (EO 13337's new section 1(a)): the quotation ends
                # before the amending order's next instruction, as where one closes too early
                return text[position + 1 : ran_on.start()].strip(), ran_on.start()
            # "... March 1, 1952.\n\nHARRY S. TRUMAN": the last quotation of an order,
            # its closing mark lost, ends where the signature begins, if it is one paragraph
            # (a second might be the order's own "This order shall be effective ...").
            signed = _SIGNATURE_RE.search(text, index)
            rest = text[position + 1 : signed.start()] if signed else ""
            if (
                not signed
                or re.search('[\u201c\u201d"]', rest)
                or "\n" in rest.strip()
                or _INSTRUCTION_LINE_RE.search(rest)
            ):
                return None, position
            return text[position + 1 : signed.start()].strip(), signed.start()
        after = text[end + 1 : end + 4]
        # (a stray mark after the closing one: "... of this order."'\n\n(B) By ...")
        if re.match(r"[.;,]?'?\s*(?:\n|$)|[.;]?\s*$", after) or end + 1 >= len(text):
            break
        if re.match(r"[.;,]?\s+(?:and|or)[ \t]*(?:\n|$)", text[end + 1 : end + 12]):
            # '... for their redemption," and\n\n(b) By revoking ...': the item's "and"
            break
        if re.match(r"[.;]\s+(?:\(|[A-Z]|and\b)", text[end + 1 : end + 8]):
            break
        if _NEXT_INSTRUCTION_RE.match(text, end + 1):
            break  # "... products.” (2) Sections 6 and 7 ... are renumbered": the next item
        index = end + 1
    ran_on = _UNQUOTED_INSTRUCTION_RE.search(text, position + 1, end)
    if ran_on:
        # "1. Paragraph (5) of Section 8(a) shall read: "(5) Knowing ... by unlawful
        # means.\n\n2. Section 12 shall read:" (EO 11605): the closing mark lost, the quotation
        # ends with its paragraph, before the order's next instruction.
        return text[position + 1 : ran_on.start()].strip(), ran_on.start()
    body = text[position + 1 : end]
    # Paragraphs inside the quotation each open with a mark of their own.
    body = re.sub(r"\n\s*\u201c", "\n", body) if close == "\u201d" else body
    stop = end + 1
    if stop < len(text) and text[stop] in ".;,":
        stop += 1
    return body.strip(), stop


_TIME_RE = re.compile(
    r"\b(?:the\s+)?(first|second|third|fourth|fifth|last)\s+(?:time|place|instance)\s+"
    r"(?:it|that\s+it)\s+appears",
    re.I,
)


def occurrence(words: str) -> int | None:
    """ "“Act” the second time it appears": which of the words' appearances, 0 the first."""
    said = _TIME_RE.search(words)
    if not said:
        return None
    which = said.group(1).lower()
    return -1 if which == "last" else ["first", "second", "third", "fourth", "fifth"].index(which)


def done(text, start, end, base, op, location, **values) -> tuple[Instruction, int]:
    """An instruction read, shown as the text printed it from `start` to `end`, and its end."""
    inline = op in (STRIKE, STRIKE_INSERT, INSERT_AFTER, INSERT_BEFORE)
    problem = misquoted(values.get("old"), values.get("new")) if inline else None
    if problem:
        return failed(text, start, end, base, location, problem)
    return Instruction(
        op=op, location=location, text=_shown(text, start, end), **base, **values
    ), end


def failed(text, start, end, base, location, problem) -> tuple[Instruction, int]:
    """An instruction not read, kept with why (`problem`), and where it ends."""
    return (
        Instruction(
            op=None, location=location, text=_shown(text, start, end), problem=problem, **base
        ),
        end,
    )


def _shown(text: str, start: int, end: int) -> str:
    shown = " ".join(text[start:end].split())
    return shown if len(shown) <= 600 else shown[:597] + "..."


_AFTER_SECTION_RE = re.compile(r"after\s+section\s+(?P<n>\d+[A-Za-z]?)", re.I)


def new_sections(
    text: str, start: int, end: int, base: dict, said: str, quoted: str, number: str | None
) -> tuple[Instruction, int]:
    """New sections ("A new section 7 is added", "inserting after section 3 the following new
    section:"): after the section `said` names, else where their numbers put them; `number`
    the first new one's, when the clause states it."""
    after = _AFTER_SECTION_RE.search(said or "")
    where = Location(section=after.group("n") if after else None)
    return done(text, start, end, base, ADD_SECTION, where, new=quoted, old=number)
