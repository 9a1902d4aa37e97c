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


def as_printed(instruction: Instruction, style: QuoteStyle) -> Instruction:
    """The quoted texts as the order printed them: straight quotes kept where the order had
    only those, and the period or comma that American usage sets inside a closing quotation
    mark left out of an inserted text when the text it replaces has none ("42(c)." for
    "42 (b)" in the middle of a sentence)."""
    new, old = instruction.new, instruction.old
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
