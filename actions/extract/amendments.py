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
from dataclasses import dataclass, field, replace

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


@dataclass(frozen=True)
class Location:
    """Where in the amended order: section "3", path ("a", "1"), sentence "first"/"last"."""

    section: str | None = None
    path: tuple[str, ...] = ()
    sentence: str | None = None
    several: bool = False  # "paragraphs (3) and (4) of subsection (a)": parts not told apart

    def describe(self) -> str:
        if self.section is None:
            return "the order"
        where = f"section {self.section}" + "".join(f"({p})" for p in self.path)
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
    text: str = ""  # the instruction as printed
    start: int = 0
    problem: str | None = None


# Quotes as printed: curly, straight, and the GPO's ``...'' pairs. A straight quote opens
# after a space, a line's start or a bracket, and closes otherwise (as typesetters decide).
_STRAIGHT_OPEN_RE = re.compile(r'(?:(?<=^)|(?<=[\s(\[\u2014-]))"', re.M)


# The GPO's renditions leave a stray "L" where a line of a list began: "amended-- L (A) in".
_STRAY_L_RE = re.compile(r"(?<=[:\u2014\-)])\s*L\s+(?=[(\u201c`])")


def normalize_quotes(text: str) -> str:
    text = _STRAY_L_RE.sub(" ", text).replace(":.", ":")  # "as follows:. (a)"
    text = text.replace("``", "\u201c").replace("''", "\u201d")
    if '"' not in text:
        return text
    return _STRAIGHT_OPEN_RE.sub("\u201c", text).replace('"', "\u201d")


_DATE = WRITTEN_DATE_RE.pattern
_ORDER = r"Executive\s+Order\s+(?:No\.\s*)?(?P<number>\d{3,5})"
# Words between the order and its verb: ", of November 14, 1994,", a title in parentheses or
# quotes, ", as amended,", ", entitled “...”," — no sentence end (a period before a space and
# a capital) in between.
_GAP = r"(?:[^.;:\u201c(]|\.(?!\s+[A-Z])|\([^()]{0,300}\)|\u201c[^\u201d]{0,300}\u201d){0,400}?"
_MARK = r"\(\s?[A-Za-z0-9]{1,5}\s?\)"
# "section 4", "section 1(a)", "subsection (b) of section 8", "paragraph (3) of subsection (b)
# of section 2", "sections 1 and 2"; "Sec. 2".
# Section numbers: "4", "11A", and the "1-101" of orders numbered by part and section.
_SECTION_NUMBER = r"\d+(?:[-.]\d+)?[A-Za-z]?"  # "4", "11A", "1-101", and "1.7" of EO 12333
_PLACE = (
    r"(?:(?:sections\s+"
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
    + r"|(?:numbered\s+)?(?:(?:sub)?(?:section|paragraph|subparagraph|clause)\s+|[Ss]ec\.\s*)(?:"
    + _SECTION_NUMBER
    + r")?(?:\s?"
    + _MARK
    + r")*)"
    r"(?:\s+of\s+)?)+"
)
_SENTENCE = r"(?:the\s+)?(?P<which>first|second|third|fourth|fifth|last|final)\s+sentence\s+of\s+"
_VERB = (
    r"(?:(?:is|are|be)\s+(?:hereby\s+|also\s+)?(?:further\s+)?(?:amended|revised|modified|revoked|"
    r"redesignated|renumbered|deleted|rescinded)|shall\s+(?:be\s+amended\s+to\s+)?read)"
)
_HEAD_RE = re.compile(
    rf"(?:(?P<sent>{_SENTENCE}))?(?P<place>(?i:{_PLACE}))?(?:of\s+)?{_ORDER}{_GAP}\s*,?\s*"
    rf"(?:be,\s+and\s+(?:it\s+)?is\s+hereby,?\s+(?:further\s+)?amended|(?P<verb>{_VERB}))",
    re.I,
)
# An item under a lead-in: "(a) Section 2 is amended ...", "2. Subsection (b) of section 3 is
# revised to read ...", "(c) In section 4, strike ...", "(b) by striking ...".
_ITEM_HEAD_RE = re.compile(
    rf"(?:(?P<sent>{_SENTENCE}))?(?P<place>{_PLACE})\s*(?:(?:of\s+)?(?:that|such|the\s+said|the)\s+[Oo]rder\s*)?"
    rf",?\s*(?P<verb>{_VERB})",
    re.I,
)
_ITEM_START_RE = re.compile(
    r"\s*(?:\(\s?[A-Za-z0-9]{1,4}\s?\)|\d{1,2}\.|Sec(?:tion)?\.?\s+\d+[a-z]?\.)\s+"
)
# An item boundary inside a paragraph: "...; (b) by striking", "...; and (c) in section 4".
_INLINE_ITEM_RE = re.compile(
    r"[;.]\s+(?:and\s+)?(?=\(\s?[A-Za-z0-9]{1,4}\s?\)\s+(?:[Ii]n\s|by\s|[A-Z]))"
)
_QUOTED_RE = re.compile(r"\u201c(?P<q>[^\u201c\u201d]{0,2000}?)\u201d|\"(?P<s>[^\"]{0,2000}?)\"")
_LEAD_IN_RE = re.compile(
    r"\s*(?:as\s+follows|in\s+the\s+following\s+respects|by)?\s*(?::|--|—)", re.I
)


# "The title of Executive Order 13125 is deleted", "The preamble to ...": no section's text.
_PART_OF_RE = re.compile(
    r"\b(title|preamble|heading|caption|annex|schedule|table|appendix|attachment)\s+(?:to|of)\s+(?:the\s+)?$",
    re.I,
)


def parse_instructions(text: str) -> list[Instruction]:
    """Every amendment instruction in a text, in order of position."""
    # A text typed with straight quotes only: what its quotations hold ("46° 20' 00\"")
    # keeps them; the curly ones are for reading the instruction.
    straight_only = '"' in text and "\u201c" not in text and "``" not in text
    text = normalize_quotes(text)
    out: list[Instruction] = []
    covered = 0
    for head in _HEAD_RE.finditer(text):
        if head.start() < covered:
            continue
        if head.group("place") and _NAMING_RE.search(text, max(0, head.start() - 30), head.start()):
            continue  # "The orders amending section 1 of Executive Order 10673": no edit
        number = head.group("number")
        verb = (head.group("verb") or "amended").lower()
        rest_at = head.end()
        lead = _LEAD_IN_RE.match(text, rest_at)
        if lead and "read" not in text[rest_at : rest_at + 30]:
            items, covered = _items(text, lead.end(), number)
            if items:
                out.extend(items)
                continue
        location = _location(head.group("place"), head.group("which"))
        order_at = head.start() + head.group(0).find("Executive")
        part_of = _PART_OF_RE.search(text, max(0, head.start() - 40), order_at)
        if part_of and location.section is None:
            base = {"target_kind": "executive_order", "target_number": number}
            problem = f"its {part_of.group(1).lower()} is amended, not a section of its text"
            instruction, _ = _failed(
                text,
                part_of.start(),
                _clause_end(text, rest_at),
                {**base, "start": part_of.start()},
                location,
                problem,
            )
            out.append(instruction)
            covered = rest_at
            continue
        if location.section is None and re.match(r"of\s", head.group(0)):
            # "Section l(a) of Executive Order ..." misprinted, or a place not read: the part
            # it amends is unknown, so nothing is applied to the whole order by mistake.
            base = {
                "target_kind": "executive_order",
                "target_number": number,
                "start": head.start(),
            }
            instruction, _ = _failed(
                text,
                head.start(),
                _clause_end(text, rest_at),
                base,
                location,
                "the part it amends is not read",
            )
            covered = rest_at
            out.append(instruction)
            continue
        if location.section is None and any(w in verb for w in ("revoked", "rescinded")):
            covered = rest_at
            continue  # a whole order revoked: its status, not an edit of its text
        found, covered = _operations(text, head.start(), rest_at, verb, number, location)
        out.extend(found)
    return [_as_printed(i, straight_only) for i in out]


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


def _as_printed(instruction: Instruction, straight_only: bool) -> Instruction:
    """The quoted texts as the order printed them: straight quotes kept where the order had
    only those, and the period or comma that American usage sets inside a closing quotation
    mark left out of an inserted text when the text it replaces has none ("42(c)." for
    "42 (b)" in the middle of a sentence)."""
    new, old = instruction.new, instruction.old
    if straight_only:
        new = new.replace("\u201c", '"').replace("\u201d", '"') if new else new
        old = old.replace("\u201c", '"').replace("\u201d", '"') if old else old
    inline = instruction.op in (STRIKE_INSERT, INSERT_AFTER, INSERT_BEFORE) and old not in (
        FINAL_PERIOD,
        AFTER_SENTENCE,
    )
    if inline and new and new.endswith(".") and old and old[-1:] not in ".;:" and len(new) < 200:
        new = new[:-1]  # a comma stays: "February 11, 2001," goes on in the sentence
    if (new, old) == (instruction.new, instruction.old):
        return instruction
    return replace(instruction, new=new, old=old)


# The next operation of one instruction: "..., and by deleting", "; and (2) by striking". A
# new item ("(b) By inserting ...") starts after its own marker without "and": not chained.
_AND_BY_RE = re.compile(
    r"\s*[,;]?\s*(?:and\s+(?:\(\s?[a-z0-9]{1,3}\s?\)\s*)?)?"
    r"(?=by\s|(?:adding|inserting|striking|redesignating|deleting|substituting)\s)",
    re.I,
)


def _operations(text, start, at, verb, number, location) -> tuple[list[Instruction], int]:
    """One instruction, and those it chains ("by adding ... and by deleting ...")."""
    first, end = _operation(text, start, at, verb, number, location)
    found = [first]
    while found[-1].op is not None and len(found) < 12:
        more = _AND_BY_RE.match(text, end)
        if not more:
            break
        following, next_end = _operation(text, more.end(), more.end(), "amended", number, location)
        if following.op is None:
            break
        found.append(following)
        end = next_end
    return found, end


def _items(text: str, start: int, number: str) -> tuple[list[Instruction], int]:
    """The items under a lead-in, each read relative to the order it names, until a line that
    is not an item (the next section of the amending order)."""
    out = []
    position = start
    end = start
    for _ in range(60):
        item = _ITEM_START_RE.match(text, position)
        if not item:
            break
        body_start = item.end()
        nxt = _next_item(text, body_start)
        head = _ITEM_HEAD_RE.match(text, body_start)
        if head:
            location = _location(head.group("place"), head.group("which"))
            verb = head.group("verb").lower()
            found, used = _operations(text, body_start, head.end(), verb, number, location)
        else:
            # "(b) by striking ...", "(c) in section 4, by adding ...": a place inside the item.
            found, used = _operations(text, body_start, body_start, "amended", number, None)
        opening = text[body_start : body_start + 200]
        if (
            out
            and found[0].op is None
            and (
                _HEAD_RE.search(text, body_start, nxt)
                or (not head and not _EDIT_WORDS_RE.search(opening))
            )
        ):
            # Past the list: the amending order's own next paragraph, or an instruction that
            # names its order (read on its own).
            break
        out.extend(found)
        # A failed item ends where the next begins: its guessed end must not swallow it.
        failed = found[0].op is None
        position = (
            nxt if failed and nxt > body_start else max(used, nxt if nxt > body_start else used)
        )
        end = position
        if nxt <= body_start:
            break
    return out, end


_EDIT_WORDS_RE = re.compile(
    r"\b(?:strik|insert|add|delet|substitut|redesignat|renumber|revis|amend)\w*", re.I
)


def _next_item(text: str, position: int) -> int:
    """Where the next item starts: the next line opening with an item marker, or a marker after
    a semicolon, past any quoted text (whose own "(a)" lines belong to the quotation)."""
    depth = 0
    index = position
    while index < len(text):
        char = text[index]
        if char == "\u201c":
            depth += 1
        elif char == "\u201d":
            depth = max(0, depth - 1)
        elif depth == 0 and char == "\n":
            if re.match(
                r"\n\s*(?:\(\s?[A-Za-z0-9]{1,4}\s?\)|\d{1,2}\.)\s", text[index : index + 12]
            ):
                return index
            if re.match(r"\n\s*(?:Sec(?:tion)?\.?\s+\d)", text[index : index + 14]):
                return index
        elif depth == 0 and char in ";.":
            inline = _INLINE_ITEM_RE.match(text, index)
            if inline:
                return inline.end()
        index += 1
    return len(text)


_NUMBER_RE = re.compile(r"(?P<section>" + _SECTION_NUMBER + r")?(?P<marks>(?:\s?" + _MARK + r")*)")


def _location(place: str | None, which: str | None) -> Location:
    """Location from "subsection (b) of section 8", "section 1(a)", "paragraph (3)"."""
    if not place:
        return Location(sentence=_which(which)) if which else Location()
    plural = re.match(r"(?i)\s*sections\s+(?P<list>[\d\s,A-Za-z-]+?)\s*(?:\s+of\s*)?$", place)
    if plural:
        # "sections 3 and 4": each, written "3,4" (consolidate applies the op to each).
        numbers = re.findall(_SECTION_NUMBER, plural.group("list"))
        return Location(section=",".join(numbers), sentence=_which(which))
    parts = [p for p in re.split(r"\s+of\s+", place.strip()) if p.strip()]
    if any(
        re.match(r"(?i)(?:sub)?(?:paragraphs|subsections|subparagraphs|clauses)\b", p)
        for p in parts
    ):
        return Location(several=True, sentence=_which(which))
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
        noun, rest = words[0].lower(), words[1]
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


def _which(which: str | None) -> str | None:
    if not which:
        return None
    return "last" if which.lower() == "final" else which.lower()


_READ_AS_RE = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:is\s+)?(?:hereby\s+)?(?:amended\s+)?to\s+(?:read|provide)"
    r"(?:\s+in\s+its\s+entirety)?(?:\s+as\s+follows)?\s*(?::|--|—|,)?",
    re.I,
)
_BY_RE = re.compile(
    rf"\s*,?\s*(?:effective\s+(?:as\s+of\s+|on\s+)?(?:{_DATE}|[^,]{{3,40}}),\s*)?(?:as\s+follows\s*:?\s*)?(?:\(\d\)\s*)?by\s+",
    re.I,
)
# A place stated inside the operation: "deleting in the first sentence “...”", "deleting from
# paragraph (4) of section 4(d) the text “...”".
_PRE = (
    r"(?P<pre>(?:from|in)\s+(?:the\s+(?:first|second|third|last)\s+sentence(?:\s+of\s+)?)?(?:"
    + _PLACE
    + r")?\s*(?:thereof\s+)?)?"
)
_OP_RES = [
    (
        STRIKE_INSERT,
        re.compile(
            r"(?:striking(?:\s+out)?|deleting)\s+(?:therefrom\s+)?"
            + _PRE
            + r"(?:the\s+(?:words?|phrase|text|number|date|name|term|clause)\s+)?"
            r"\u201c(?P<old>[^\u201d]{1,2000})\u201d"
            r"(?P<loc>[^\u201c;]{0,120}?)(?P<each>,?\s*(?:each|wherever|every)\s+(?:place\s+)?it\s+appears,?)?"
            r"(?P<loc2>[^\u201c;]{0,400}?)"  # "wherever it appears in sections 104(c), ..."
            r"\s*,?\s*and\s+(?:by\s+)?(?:inserting|substituting|adding)\s*,?\s*"
            r"(?:(?:in\s+(?:lieu|place)\s+thereof|in\s+its\s+place|therefor)\s*[,:]?\s*)?"
            r"(?:in\s+each\s+(?:such\s+)?(?:place|case)\s*,?\s*)?"
            r"(?:instead\s+)?(?:the\s+(?:following:?|words?|phrase|number|date|name|term|clause)\s*)?\u201c(?P<new>[^\u201d]{0,2000})\u201d",
            re.I,
        ),
    ),
    (
        STRIKE_INSERT,
        re.compile(
            r"substituting\s+\u201c(?P<new>[^\u201d]{0,2000})\u201d\s+for\s+\u201c(?P<old>[^\u201d]{1,2000})\u201d"
            r"(?P<loc>)(?P<each>,?\s*(?:each|wherever)\s+(?:place\s+)?it\s+appears)?",
            re.I,
        ),
    ),
    (
        STRIKE_INSERT,
        re.compile(
            r"substituting\s+for\s+(?:the\s+(?:text|words?|phrase|name|number|term)\s+)?\u201c(?P<old>[^\u201d]{1,2000})\u201d"
            r"(?P<loc>[^\u201c;]{0,120}?)(?P<each>)\s*,?\s*the\s+following\s*(?::|--)?\s*"
            r"\u201c(?P<new>[^\u201d]{0,2000})\u201d",
            re.I,
        ),
    ),
    (
        INSERT_AFTER,
        re.compile(
            r"(?:inserting|adding)\s+\u201c(?P<new>[^\u201d]{1,2000})\u201d\s+(?:immediately\s+)?after\s+"
            r"(?:the\s+(?:words?|phrase)\s+)?\u201c(?P<old>[^\u201d]{1,500})\u201d"
            r"(?P<loc>\s+(?:in|of)\s+(?:the\s+)?(?:"
            + _PLACE
            + r"|(?:title|heading|preamble|caption)\b))?"
            r"(?P<each>)",
            re.I,
        ),
    ),
    (
        INSERT_BEFORE,
        re.compile(
            r"(?:inserting|adding)\s+\u201c(?P<new>[^\u201d]{1,2000})\u201d\s+(?:immediately\s+)?before\s+"
            r"(?:the\s+(?:words?|phrase)\s+)?\u201c(?P<old>[^\u201d]{1,500})\u201d"
            r"(?P<loc>\s+(?:in|of)\s+(?:the\s+)?(?:"
            + _PLACE
            + r"|(?:title|heading|preamble|caption)\b))?"
            r"(?P<each>)",
            re.I,
        ),
    ),
    (
        STRIKE,
        re.compile(
            r"(?:striking(?:\s+out)?|deleting)\s+(?:therefrom\s+)?"
            + _PRE
            + r"(?:the\s+(?:words?|phrase|text|following\s*:?)\s*)?"
            r"\u201c(?P<old>[^\u201d]{1,2000})\u201d"
            r"(?P<each>,?\s*(?:each|wherever)\s+(?:place\s+)?it\s+appears)?"
            r"(?P<loc>\s+(?:in|from)\s+(?:the\s+)?(?:"
            + _PLACE
            + r"|sections\s+\d[^;\u201c]{0,200}?"
            r"|(?:title|heading|preamble|caption)\b))?(?P<new>)",
            re.I,
        ),
    ),
]
FINAL_PERIOD = "\x00final period"  # the anchor "before the period at the end"
AFTER_SENTENCE = "\x00after the sentence"  # the anchor of a sentence added after another


# "the last sentence of subsection (a) of section 1", "the text of Section 602(d)(2) of the
# Order": a place, maybe at sentence depth.
def _where(n: int) -> str:
    return (
        r"(?:the\s+text\s+of\s+)?(?:the\s+(?P<which" + str(n) + r">first|second|third|fourth|last)"
        r"\s+sentence\s+of\s+)?(?P<place" + str(n) + r">" + _PLACE + r")\s*"
        r"(?:of\s+the\s+[Oo]rder\s*)?(?:thereof\s*)?"
    )


_REPLACE_PLACE_RE = re.compile(
    r"(?:(?:(?:striking|deleting)(?:\s+out)?)\s+" + _where(1) + r",?\s*and\s+"
    r"(?:inserting|substituting)\s*,?\s*(?:(?:in\s+(?:lieu|place)\s+thereof|therefor)\s*[,:]?\s*)?"
    r"|substituting\s+for\s+"
    + _where(2)
    + r"|substituting\s+the\s+following\s+for\s+"
    + _where(3)
    + r"[^:\u201c]{0,80}?(?::|--)?\s*(?=\u201c)"
    r"|(?:revising|amending)\s+" + _where(4) + r"to\s+read\s+as\s+follows\s*(?::|--)?\s*(?=\u201c)"
    r")(?:the\s+following\s*(?::|--)?)?\s*(?=\u201c)",
    re.I,
)
_INSERT_FOLLOWING_RE = re.compile(
    r"(?:inserting|adding)\s*,?\s+(?:(?:the\s+following\s+)?(?:immediately\s+)?(?P<rel>before|after)\s+"
    r"(?:the\s+words?\s+)?\u201c(?P<anchor>[^\u201d]{1,300})\u201d\s*,?\s*(?:the\s+following)?"
    r"|before\s+the\s+period\s+at\s+the\s+end\s+(?:thereof\s+)?the\s+following)\s*(?::|--)?\s*(?=\u201c)",
    re.I,
)
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
    r"\ba\s+new\b|\bas\s+follows\b)",
    re.I | re.S,
)
# The new designation: "as section 12", "as subsection (d)".
_DESIGNATION = (
    r"(?:section|subsection|paragraph|[Ss]ec\.)\s*"
    r"(?P<new>\d+[A-Za-z]?(?:\s?\(\s?[a-z0-9]{1,4}\s?\))*|\(\s?[a-z0-9]{1,4}\s?\))"
)
_REDESIGNATING_RE = re.compile(
    rf"redesignating\s+(?P<place>{_PLACE})\s*(?:of\s+that\s+order\s+|thereof\s+)?as\s+"
    + _DESIGNATION,
    re.I,
)
_REDESIGNATE_RE = re.compile(r"\s*(?:(?:as|to\s+be)\s+)?" + _DESIGNATION, re.I)


def _operation(
    text: str, start: int, at: int, verb: str, number: str, location: Location | None
) -> tuple[Instruction, int]:
    """The operation after a head (or at an item's start), and where it ends."""
    location = location or Location()
    base = {"target_kind": "executive_order", "target_number": number, "start": start}
    if "revoked" in verb or "rescinded" in verb or "deleted" in verb:
        return _done(text, start, at, base, REVOKE, location)
    if "redesignated" in verb or "renumbered" in verb:
        match = _REDESIGNATE_RE.match(text, at)
        if match:
            new = _designation(match.group("new"), location)
            return _done(text, start, match.end(), base, REDESIGNATE, location, new=new)
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
            return _failed(text, start, read_as.end(), base, location, "the new text is not quoted")
        return _done(text, start, end, base, REPLACE, location, new=quoted)
    by = _BY_RE.match(text, at)
    position = by.end() if by else at
    # "(c) in section 4, by adding ..." / "by striking ... in sections 2 and 3(b)"
    # "in section 4, by ...", "By revising section 2(a) by deleting ...", "revising section 1
    # of that order to read as follows:" (the last read below as a replacement).
    inner = re.match(
        rf"\s*(?:in|revising)\s+(?P<place>{_PLACE})\s*(?:(?:of\s+)?that\s+order\s*)?,?\s*"
        r"(?:by\s+|(?=to\s+read))?",
        text[position:],
        re.I,
    )
    if inner and inner.group(0).lower().lstrip().startswith("revising"):
        # "revising section 2(a) by deleting ...", "revising section 1 to read as follows:";
        # any other "revising" is not read here.
        follows = text[position + inner.end() : position + inner.end() + 10].lower()
        if not (re.search(r"by\s*$", inner.group(0)) or follows.startswith("to read")):
            inner = None
    if inner and inner.group("place").strip():
        location = _merge(location, _location(inner.group("place"), None))
        position += inner.end()
        read_as = _READ_AS_RE.match(text, position)
        if read_as and "read" in read_as.group(0).lower():
            quoted, end = quoted_block(text, read_as.end())
            if quoted is not None:
                return _done(text, start, end, base, REPLACE, location, new=quoted)
    window, shift = _gerund(text[position : position + 4200])
    position -= shift  # offsets into the window stay offsets into the text
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
            n = next(i for i in range(1, 5) if whole.group(f"place{i}"))
            where = _merge(location, _location(whole.group(f"place{n}"), whole.group(f"which{n}")))
            return _done(text, start, end, base, REPLACE, where, new=quoted)
    # "inserting the following before “and sections”: “...”", "adding before the period at
    # the end thereof the following: “...”"
    placed = _INSERT_FOLLOWING_RE.match(window)
    if placed:
        quoted, end = quoted_block(text, position + placed.end())
        if quoted is not None:
            if placed.group("anchor"):
                op = INSERT_BEFORE if placed.group("rel").lower() == "before" else INSERT_AFTER
                return _done(
                    text, start, end, base, op, location, old=placed.group("anchor"), new=quoted
                )
            return _done(
                text, start, end, base, INSERT_BEFORE, location, old=FINAL_PERIOD, new=quoted
            )
    for op, pattern in _OP_RES:
        match = pattern.match(window)
        if match:
            loc_text = (match.group("loc") or "") + (match.groupdict().get("loc2") or "")
            if op == STRIKE and re.match(
                # within this clause: not past a semicolon, a line or the next item's marker
                r"(?:(?![;\n]|\(\w{1,3}\)\s).){0,400}?\band\s+(?:by\s+)?(?:inserting|substituting)\b",
                window[match.end() :],
                re.I,
            ):
                # Struck words that an insertion replaces further on, in a form not read:
                # never applied as a bare deletion.
                return _failed(
                    text,
                    start,
                    position + match.end(),
                    base,
                    location,
                    "the instruction's wording is not one the archive reads",
                )
            not_text = re.search(r"\bin\s+the\s+(title|heading|preamble|caption)\b", loc_text, re.I)
            if not_text:
                return _failed(
                    text,
                    start,
                    position + match.end(),
                    base,
                    location,
                    f"its {not_text.group(1).lower()} is amended, not a section of its text",
                )
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
            place = re.search(rf"\b(?:in|from)\s+(?P<place>{_PLACE}|sections\s+\d)", loc_text, re.I)
            where = _merge(location, _location(place.group("place"), None)) if place else location
            if place and re.search(r"\bsections\s+\d", loc_text, re.I):
                return _failed(
                    text,
                    start,
                    position + match.end(),
                    base,
                    location,
                    "one instruction for several sections",
                )
            return _done(
                text,
                start,
                position + match.end(),
                base,
                op,
                where,
                old=match.group("old"),
                new=match.group("new") if op != STRIKE else None,
                each_place=bool(match.group("each")),
                at_end=bool(
                    re.search(
                        r"\bat\s+the\s+end\b",
                        loc_text + window[match.end() : match.end() + 40].split(";")[0],
                        re.I,
                    )
                )
                and op in (STRIKE, STRIKE_INSERT),
            )
    add = _ADD_RE.match(window)
    if add and (
        re.search(r"\bin\s+lieu\b", add.group(0), re.I)
        or not _ADD_SAYS_WHERE_RE.search(add.group(0))
    ):
        add = None  # "adding a subsection “(a)” after the heading": an insertion not read
    if add:
        quoted, end = quoted_block(text, position + add.end())
        if quoted is not None and re.match(
            r"\s*,?\s*(?:after|before|immediately|in\s+lieu)\b", text[end : end + 30], re.I
        ):
            return _failed(
                text, start, end, base, location, "the place of the insertion is not read"
            )
        if quoted is None:
            return _failed(
                text, start, position + add.end(), base, location, "the text is not quoted"
            )
        where_text = add.group(0)
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
            return _done(
                text, start, end, base, INSERT_AFTER, where, old=AFTER_SENTENCE, new=quoted
            )
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
        new_section = re.search(
            r"new\s+section\s+(?P<n>\d+[A-Za-z]?)",
            where_text + text[end - len(quoted) - 2 : end],
            re.I,
        )
        after = re.search(r"after\s+section\s+(?P<n>\d+[A-Za-z]?)", where_text, re.I)
        if re.search(r"\bnew\s+section\b|\bsection\s+\d+[A-Za-z]?\s*$", where_text, re.I) or (
            quoted.lstrip().lower().startswith(("sec.", "section ")) and location.section is None
        ):
            anchor = after.group("n") if after else None
            return _done(
                text,
                start,
                end,
                base,
                ADD_SECTION,
                Location(section=anchor),
                new=quoted,
                old=new_section.group("n") if new_section else None,
            )
        return _done(text, start, end, base, ADD_END, location, new=quoted)
    return _failed(
        text,
        start,
        min(len(text), position + 200),
        base,
        location,
        "the instruction's wording is not one the archive reads",
    )


_IMPERATIVE_RE = re.compile(r"(?i:(delet|strik|insert|add|substitut|redesignat|revis))(e|)\b(?=\s)")


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


def _merge(outer: Location, inner: Location) -> Location:
    """A place inside an item ("in subsection (b)") within the item's own place."""
    if inner.section is not None:
        return Location(inner.section, inner.path, inner.sentence or outer.sentence)
    return Location(outer.section, outer.path + inner.path, inner.sentence or outer.sentence)


def _done(text, start, end, base, op, location, **values) -> tuple[Instruction, int]:
    return Instruction(
        op=op, location=location, text=_shown(text, start, end), **base, **values
    ), end


def _failed(text, start, end, base, location, problem) -> tuple[Instruction, int]:
    return (
        Instruction(
            op=None, location=location, text=_shown(text, start, end), problem=problem, **base
        ),
        end,
    )


def _shown(text: str, start: int, end: int) -> str:
    shown = " ".join(text[start:end].split())
    return shown if len(shown) <= 600 else shown[:597] + "..."


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
            return None, position
        after = text[end + 1 : end + 4]
        if re.match(r"[.;,]?\s*(?:\n|$)|[.;]?\s*$", after) or end + 1 >= len(text):
            break
        if re.match(r"[.;]\s+(?:\(|[A-Z]|and\b)", text[end + 1 : end + 8]):
            break
        index = end + 1
    body = text[position + 1 : end]
    # Paragraphs inside the quotation each open with a mark of their own.
    body = re.sub(r"\n\s*\u201c", "\n", body) if close == "\u201d" else body
    stop = end + 1
    if stop < len(text) and text[stop] in ".;,":
        stop += 1
    return body.strip(), stop
