"""How an amending order prints its quotations, for the amendment reader: curly marks, straight
ones only, or single marks only. The reader reads every text in curly marks (`for_reading`);
the words it takes from a quotation are given back as the order printed them (`as_printed`).
Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from actions.extract.amendment_wording import (
    AFTER_SENTENCE,
    FINAL_PERIOD,
    INSERT_AFTER,
    INSERT_BEFORE,
    STRIKE_INSERT,
    Instruction,
)

# A quotation in single marks: after a space or bracket, up to a mark before a space or stop.
_SINGLE_QUOTED_RE = re.compile(r"(?<=[\s(])'(?=[^\s'])[^'\n]{1,400}?(?<=\S)'(?=[\s.,;:)]|$)")
_SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014-]))'(?=\S)", re.M)
_SINGLE_CLOSE_RE = re.compile(r"(?<=\S)'(?=[\s.,;:)\]]|$)", re.M)


@dataclass(frozen=True)
class QuoteStyle:
    # Typed with straight quotes only: what its quotations hold ("46° 20' 00\"") keeps them.
    straight_only: bool
    # Quoting with single marks only ("delete the phrase 'Post Office activities' and
    # substitute therefor 'Postal Service activities'").
    single_only: bool


def style_of(text: str) -> QuoteStyle:
    straight_only = '"' in text and "\u201c" not in text and "``" not in text
    single_only = not re.search('["\u201c\u201d]|``', text) and bool(_SINGLE_QUOTED_RE.search(text))
    return QuoteStyle(straight_only, single_only)


def for_reading(text: str, style: QuoteStyle) -> str:
    """The text with its single-mark quotations in curly marks (the others are read as
    printed, `normalize_quotes` turning them curly)."""
    if style.single_only:
        return _SINGLE_CLOSE_RE.sub("\u201d", _SINGLE_OPEN_RE.sub("\u201c", text))
    return text


# A quotation inside a quotation, marked for reading with marks no reader stops at: the same
# length, so offsets hold; `as_printed` gives the marks back.
INNER_OPEN, INNER_CLOSE = "\ue000", "\ue001"


def mark_nested(text: str) -> str:
    """ "striking “Federal Emergency Management Agency (“FEMA”)” in section 1(b)": the inner
    pair marked, so that the quotation is read to its own close, not cut at “FEMA”'s. Only
    within a line, where the inner quotation closes and the outer one closes after it: a
    quotation of several paragraphs opens each with a mark and closes only the last."""
    if "\u201c" not in text:
        return text
    out = list(text)
    position = 0
    for line in text.split("\n"):
        inside = False
        i = 0
        while i < len(line):
            char = line[i]
            if char == "\u201d":
                inside = False
            elif char == "\u201c":
                close = line.find("\u201d", i + 1)
                if inside and close > 0 and line.find("\u201d", close + 1) > 0:
                    out[position + i], out[position + close] = INNER_OPEN, INNER_CLOSE
                    i = close
                else:
                    inside = True
            i += 1
        position += len(line) + 1
    return "".join(out)


def _unmark(value: str | None) -> str | None:
    if not value or INNER_OPEN not in value and INNER_CLOSE not in value:
        return value
    return value.replace(INNER_OPEN, "\u201c").replace(INNER_CLOSE, "\u201d")


def as_printed(instruction: Instruction, style: QuoteStyle) -> Instruction:
    """The quoted texts as the order printed them: straight quotes kept where the order had
    only those, and the period or comma that American usage sets inside a closing quotation
    mark left out of an inserted text when the text it replaces has none ("42(c)." for
    "42 (b)" in the middle of a sentence)."""
    new, old = _unmark(instruction.new), _unmark(instruction.old)
    if INNER_OPEN in instruction.text or INNER_CLOSE in instruction.text:
        instruction = replace(
            instruction,
            text=_unmark(instruction.text),
            pairs=tuple((_unmark(a), _unmark(b)) for a, b in instruction.pairs),
        )
    if style.straight_only or style.single_only:
        mark = '"' if style.straight_only else "'"
        new = new.replace("\u201c", mark).replace("\u201d", mark) if new else new
        old = old.replace("\u201c", mark).replace("\u201d", mark) if old else old
    inline = instruction.op in (STRIKE_INSERT, INSERT_AFTER, INSERT_BEFORE) and old not in (
        FINAL_PERIOD,
        AFTER_SENTENCE,
    )
    if inline and new and new.endswith(".") and old and old[-1:] not in ".;:" and len(new) < 200:
        new = new[:-1]  # a comma stays: "February 11, 2001," goes on in the sentence
    if (new, old) == (instruction.new, instruction.old):
        return instruction
    return replace(instruction, new=new, old=old)
