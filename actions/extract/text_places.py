"""Where a place or some words stand in a section's text, for the amendment reader: a
subsection, paragraph or clause by its marker (and the parts after it that end it, a misprinted
sibling included), a sentence by its ordinal, words printed with other spacing, dashes, quotes or
number words; and the markers of the parts after one inserted, each moved to the next
(`renumber_after`). Pure."""

from __future__ import annotations

import re

from actions.extract.amendment_wording import INTRO, PARAGRAPH, ROMAN


class NotApplied(Exception):
    """Why an instruction cannot be applied cleanly."""


def find_words(text: str, words: str) -> list[tuple[int, int]]:
    """Where the words stand in a text: exactly, else with any spacing, dashes and quotes."""
    if not words:
        return []
    altered = re.search(r"\[([A-Za-z])\]", words)
    if altered:
        # "“[S]ection 5” in the third sentence": a letter's case changed by the quoting
        # order, printed in brackets; the text has either.
        for letter in (altered.group(1).lower(), altered.group(1).upper()):
            found = find_words(text, words[: altered.start()] + letter + words[altered.end() :])
            if found:
                return found
        return []
    # Whole words only: “Act” is not the start of “Action”, nor “Director” of “Directorate”.
    lead = r"(?<!\w)" if words[:1].isalnum() else ""
    trail = r"(?!\w)" if words[-1:].isalnum() else ""
    exact = [(m.start(), m.end()) for m in re.finditer(lead + re.escape(words) + trail, text)]
    if exact:
        return exact
    tokens = words.split()
    pattern = lead + r"\s+".join(_loose(token) for token in tokens) + trail
    loose = [
        (m.start(), m.end()) for m in re.finditer(pattern, text, re.I if _has_number(words) else 0)
    ]
    if loose:
        return loose
    # Printed apart where the order prints together, or the other way ("Counter- Narcotics",
    # "12 (b)" for "12(b)", "(a)(iii)" for "(a) (iii)"), a period the quotation lost ("...
    # employee The remaining"), a scanned "l" for a "1" ("July l, 1935"): read so only where
    # the words then stand once.
    looser = [(m.start(), m.end()) for m in re.finditer(lead + _looser(tokens) + trail, text)]
    if len(looser) == 1:
        return looser
    if len(words) < 25:
        return []
    # "(3) Special Assistant to the Secretary (Food-For-Peace Program)" quoted from a text
    # that prints "Food-for-Peace": a long quotation in other capitals, where it is the only one.
    anycase = [(m.start(), m.end()) for m in re.finditer(pattern, text, re.I)]
    return anycase if len(anycase) == 1 else []


_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
}
_DIGITS = {v: k for k, v in _NUMBER_WORDS.items()}


def _has_number(words: str) -> bool:
    return any(t.lower() in _NUMBER_WORDS or t in _DIGITS for t in words.split())


_LOOSE = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def _looser(tokens: list[str]) -> str:
    out = ""
    for index, token in enumerate(tokens):
        one = "[l1]" + re.escape(token[1:]) if re.fullmatch(r"l[,.;]?", token) else _loose(token)
        # "(a)(iii)", "12(b)": a marker printed apart from what it follows
        one = one.replace(r"\)\(", r"\)\s*\(").replace(r"\(", r"\s*\(")
        if index:
            before = tokens[index - 1]
            gap = r"\s*" if before.endswith("-") or token.startswith("(") else r"[.,;:]?\s+"
            out += gap
        out += one
    return out


def _loose(token: str) -> str:
    # "two years" in an instruction, "2 years" in the order: the same words.
    if token.lower() in _NUMBER_WORDS:
        return f"(?:{re.escape(token)}|{_NUMBER_WORDS[token.lower()]})"
    if token in _DIGITS:
        return f"(?:{token}|{_DIGITS[token]})"
    out = []
    for char in token.translate(_LOOSE):
        if char == "'":
            out.append("['\u2018\u2019]")
        elif char == '"':
            out.append('["\u201c\u201d]')
        elif char == "-":
            out.append("[-\u2013\u2014]")
        else:
            out.append(re.escape(char))
    return "".join(out)


# Places inside a section ---------------------------------------------------------------------


def successors(mark: str) -> list[str]:
    """The markers that may follow `mark` at its level: (a)->(b), (3)->(4), (ii)->(iii),
    (i)->(j) or (ii), (A)->(B)."""
    out = []
    if mark.isdigit():
        out.append(str(int(mark) + 1))
    if mark.lower() in ROMAN and ROMAN.index(mark.lower()) + 1 < len(ROMAN):
        following = ROMAN[ROMAN.index(mark.lower()) + 1]
        out.append(following.upper() if mark.isupper() else following)
    if len(mark) == 1 and mark.isalpha() and mark.lower() != "z":
        out.append(chr(ord(mark) + 1))
    if len(mark) == 2 and mark[0] == mark[1] and mark.isalpha():
        out.append(chr(ord(mark[0]) + 1) * 2)  # (aa) -> (bb)
    return out


def _misprinted_sibling(text: str, start: int, end: int, mark: str) -> int:
    """Where a paragraph of a part's own kind opens before its successor was found: "(9) ...
    (1) ) Consistent with law ..." (the "(10)" misprinted) ends the "(9)" there. Digits and
    single letters that are no Roman numerals only: a part's own items are of another kind."""
    if mark.isdigit():
        kind = r"\d"
    elif len(mark) == 1 and mark.islower() and mark not in "ivxl":
        kind = r"[a-hj-km-uwyz]"
    else:
        return end
    sibling = re.compile(rf"(?<=\n)[ \t]*\(\s?{kind}").search(text, start, end)
    return sibling.start() if sibling else end


# "1-201. The Administrator ...": a paragraph numbered within its part, on a line of its own;
# it ends where the next such number (or a heading's "1-3.") opens a line.
_PART_PARAGRAPH_RE = re.compile(r"(?:(?<=\n)|^)[ \t]*\d+-\d+\.(?=\s)")


def _line_marker_re(mark: str) -> re.Pattern:
    """The marker opening a line of its own."""
    return re.compile(rf"(?<=\n)[ \t]*\(\s?{re.escape(mark)}\s?\)\s")


def _opens_paragraph(text: str, position: int) -> bool:
    """Whether a marker opens its paragraph: at a line's start, after other markers ("(a)
    (1) Commercial Fishing"), or run in after a sentence or colon; not a reference inside a
    sentence ("loans referred to in subsection (d) (5) of this section")."""
    before = text[text.rfind("\n", 0, position) + 1 : position]
    return bool(
        re.fullmatch(r"\s*(?:\(\s?\w{1,5}\s?\)\s*)*", before) or re.search(r"[.:;]\s+$", before)
    )


def _marker_re(mark: str) -> re.Pattern:
    if "-" in mark:
        return re.compile(rf"(?:(?<=\n)|^)[ \t]*{re.escape(mark)}\.(?=\s)")
    # A paragraph opening with the marker, or the marker inline after a sentence or a colon
    # ("Sec. 2. Policy. (a) The ...", "... as follows: (1) ...").
    escaped = re.escape(mark)
    return re.compile(
        rf"(?:(?<=\n)|^|(?<=[.:;]\s)|(?<=[.:;]\s\s)|(?<=\)\s))[ \t]*\(\s?{escaped}\s?\)(?=\s)"
    )


def locate(text: str, location) -> tuple[int, int]:
    """The span of a subsection path and sentence in a section's text."""
    start, end = 0, len(text)
    for mark in location.path:
        if mark == INTRO:
            start, end = _introduction(text, start, end, location)
            continue
        if mark.startswith(PARAGRAPH):
            start, end = _nth_paragraph(text, start, end, int(mark[1:]), location)
            continue
        found = _marker_re(mark).search(text, start, end)
        if not found:
            raise NotApplied(f"{location.describe()} is not in the text")
        again = _line_marker_re(mark).search(text, found.end(), end) if "-" not in mark else None
        if again and not _opens_paragraph(text, found.start()):
            # "... the loans referred to in subsection (d) (5) of this section.\n\n(5) Those
            # under ...": the paragraph is the one that opens a line, not the reference
            found, again = again, _line_marker_re(mark).search(text, again.end(), end)
        candidates = [
            nxt.start()
            for successor in successors(mark)
            if (nxt := _marker_re(successor).search(text, found.end(), end))
        ]
        if "-" in mark:
            following = _PART_PARAGRAPH_RE.search(text, found.end(), end)
            candidates = [following.start()] if following else []
        start, end = found.start(), min(candidates, default=end)
        if again and again.start() < end:
            # "(1) Commercial Fishing ... (C) ... as follows: (1) Bottomfishing ... (2) All
            # other ... (D) ... (2) Recreational": a list inside the part numbered as the
            # part's own; where the part ends is not known.
            raise NotApplied(f"{location.describe()} is printed twice, or within itself")
        end = _misprinted_sibling(text, found.end(), end, mark)
        # The span ends where its own text ends, its paragraph break left outside.
        while end > start and text[end - 1].isspace():
            end -= 1
    if location.sentence:
        start, end = _sentence(text, start, end, location)
    return start, end


def _nth_paragraph(text: str, start: int, end: int, n: int, location) -> tuple[int, int]:
    """The place's nth paragraph ("the second paragraph"), counted where the place has two or
    more, each apart from the next by a blank line."""
    bounds = []
    position = start
    for gap in re.finditer(r"\n[ \t]*\n\s*", text[start:end]):
        bounds.append((position, start + gap.start()))
        position = start + gap.end()
    bounds.append((position, end))
    if len(bounds) < 2 or (n > 0 and n > len(bounds)):
        raise NotApplied(f"{location.describe()} is not in the text")
    return bounds[n - 1] if n > 0 else bounds[n]


def _introduction(text: str, start: int, end: int, location) -> tuple[int, int]:
    """The text of a place before its first numbered or lettered part ("(d) Purposes ... shall
    be carried out ... as follows:" before "(1) Those under ..."), its own marker kept; in a
    place without such parts, its first paragraph."""
    own = re.match(r"\s*\(\s?\w{1,5}\s?\)\s*", text[start:end])
    child = re.compile(r"(?:(?<=\n)|(?<=[:.]\s))[ \t]*\(\s?\w{1,5}\s?\)\s").search(
        text, start + (own.end() if own else 0), end
    )
    # (a place without numbered parts: its first paragraph, where more follow it)
    following = child.start() if child else text.find("\n\n", start, end)
    if following <= start:
        raise NotApplied(f"{location.describe()} is not in the text: nothing follows it")
    end = following
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_SENTENCE_END_RE = re.compile(
    r"(?<!\bU\.S)(?<!\bSec)(?<!\bNo)(?<!\be\.g)(?<!\bi\.e)(?<![ (][A-Z])"
    r"\.(?=\s+[A-Z(\u201c\"]|\s*$)"
)
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1}


def _sentence(text: str, start: int, end: int, location) -> tuple[int, int]:
    marker = re.match(r"\s*(?:\(\s?\w{1,5}\s?\)|\d+-\d+\.)\s*", text[start:end])
    begin = start + (marker.end() if marker else 0)
    bounds = []
    position = begin
    for match in _SENTENCE_END_RE.finditer(text, begin, end):
        bounds.append((position, match.end()))
        position = match.end()
        while position < end and text[position].isspace():
            position += 1
    if position < end and text[position:end].strip():
        bounds.append((position, end))
    index = _ORDINALS[location.sentence]
    if not bounds or (index >= 0 and index >= len(bounds)):
        raise NotApplied(f"{location.describe()} is not in the text")
    return bounds[index]


def renumber_after(span: str, inserted: str) -> str:
    """The parts after the one inserted, each taking the next marker of its kind: "(13) the
    Secretary of Homeland Security; (13) the Director ...; (14) ..." -> "...; (14) the
    Director ...; (15) ..."; "15. Department of Homeland Security; 15. ..." likewise."""
    found = find_words(span, inserted.strip())
    own = re.match(r"\s*(?:\(\s?(\w{1,5})\s?\)|(\d{1,3})\.\s)", inserted)
    if not found or not own:
        raise NotApplied("the part inserted before those renumbered is not in the text")
    label = own.group(1) or own.group(2)
    if own.group(2):  # "15. Department of ..."
        marker = re.compile(r"(?:(?<=\n)|(?<=[;:]\s)|(?<=\band\s))[ \t]*(\d{1,3})\.(?=\s)")
        shape = "{}."
    else:
        kind = (
            r"\d{1,3}" if label.isdigit() else (r"[a-z]{1,5}" if label.islower() else r"[A-Z]{1,2}")
        )
        marker = re.compile(
            rf"(?:(?<=\n)|(?<=[;:.]\s)|(?<=[;:.]\s\s)|(?<=\band\s))[ \t]*\(\s?({kind})\s?\)"
        )
        shape = "({})"
    after = found[0][1]
    # A "(v)" or "(x)" is a letter or a Roman numeral: Roman where the marks after it are.
    roman = label in ROMAN and (
        len(label) > 1 or any(len(m) > 1 for m in marker.findall(span, after))
    )
    out, last = [], after
    for hit in marker.finditer(span, after):
        mark = hit.group(1)
        if mark.isdigit():
            following = str(int(mark) + 1)
        elif roman and mark in ROMAN[:-1]:
            following = ROMAN[ROMAN.index(mark) + 1]
        elif len(mark) == 1 and mark.isalpha() and mark.lower() != "z":
            following = chr(ord(mark) + 1)
        else:
            raise NotApplied(f"({mark}) has no next designation")
        out.append(span[last : hit.start(1) - (0 if own.group(2) else 1)] + shape.format(following))
        last = hit.end() if not own.group(2) else hit.end(1) + 1
    if not out:
        raise NotApplied("no part follows the one inserted")
    return span[:after] + "".join(out) + span[last:]
