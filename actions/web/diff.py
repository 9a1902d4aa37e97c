"""What differs between two published copies of one action, paragraph by paragraph.

Pure. Paragraphs are aligned first (difflib over whitespace-normalised paragraphs; within a
changed stretch, those alike but for their leading marker pair up, so that an item inserted
before renumbered ones is one paragraph added), then each changed pair is compared word by
word, so a reader sees "1357(g)" against "1357" rather than two whole paragraphs. Layout
differences (line wrapping, spacing) are not differences.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# Beyond this many words, a changed paragraph pair is shown whole rather than word by word.
WORD_DIFF_LIMIT = 4000
# Paragraphs paired by position that share less than this share of their words are shown as
# one struck and one put in, never word by word.
ALIKE = 0.5


@dataclass(frozen=True)
class Piece:
    op: str  # 'same', 'removed', 'added'
    text: str


@dataclass(frozen=True)
class Row:
    """One aligned paragraph: equal, only on one side, or changed (with word pieces)."""

    op: str  # 'same', 'removed', 'added', 'changed'
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Comparison:
    rows: tuple[Row, ...]
    same_paragraphs: int
    changed_paragraphs: int
    removed_paragraphs: int
    added_paragraphs: int
    ratio: float  # word-level similarity, 1.0 identical

    @property
    def identical(self) -> bool:
        return not (self.changed_paragraphs or self.removed_paragraphs or self.added_paragraphs)


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def compare(a: str, b: str) -> Comparison:
    left, right = paragraphs(a), paragraphs(b)
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    rows: list[Row] = []
    counts = {"same": 0, "changed": 0, "removed": 0, "added": 0}
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.extend(Row("same", (Piece("same", p),)) for p in left[i1:i2])
            counts["same"] += i2 - i1
            continue
        for old, new in _pairs(left[i1:i2], right[j1:j2]):
            if old is not None and new is not None:
                rows.append(Row("changed", _word_pieces(old, new)))
                counts["changed"] += 1
            elif old is not None:
                rows.append(Row("removed", (Piece("removed", old),)))
                counts["removed"] += 1
            else:
                rows.append(Row("added", (Piece("added", new),)))
                counts["added"] += 1
    words = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False)
    return Comparison(
        rows=tuple(rows),
        same_paragraphs=counts["same"],
        changed_paragraphs=counts["changed"],
        removed_paragraphs=counts["removed"],
        added_paragraphs=counts["added"],
        ratio=round(words.ratio(), 4) if len(a) + len(b) < 400_000 else matcher.ratio(),
    )


_MARKER_RE = re.compile(r"^(?:\(\s?\w{1,5}\s?\)|\d{1,3}\.)\s*")


def _pairs(olds: list[str], news: list[str]) -> list[tuple[str | None, str | None]]:
    """The paragraphs of a changed stretch, paired: those alike but for their marker ("(13)
    the Director ..." renumbered "(14) the Director ...") with each other, a paragraph that
    came in between on its own, and the rest by position where they are alike."""
    keys = difflib.SequenceMatcher(
        None,
        [_MARKER_RE.sub("", p) for p in olds],
        [_MARKER_RE.sub("", p) for p in news],
        autojunk=False,
    )
    out: list[tuple[str | None, str | None]] = []
    for op, i1, i2, j1, j2 in keys.get_opcodes():
        stretch_old, stretch_new = olds[i1:i2], news[j1:j2]
        paired = min(len(stretch_old), len(stretch_new)) if op in ("equal", "replace") else 0
        for old, new in zip(stretch_old[:paired], stretch_new[:paired], strict=True):
            if op == "equal" or _alike(old, new):
                out.append((old, new))
            else:
                # a paragraph rewritten through (EO 13224's section 1 given a new text): the
                # old struck whole and the new put in whole, not interleaved word by word
                out += [(old, None), (None, new)]
        out += [(p, None) for p in stretch_old[paired:]]
        out += [(None, p) for p in stretch_new[paired:]]
    return out


def _alike(old: str, new: str) -> bool:
    """Whether two paragraphs paired by position share at least half their words, in order."""
    a, b = old.split(" "), new.split(" ")
    if len(a) + len(b) > WORD_DIFF_LIMIT:
        return True  # compared whole anyway
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= ALIKE


def _word_pieces(old: str, new: str) -> tuple[Piece, ...]:
    a, b = old.split(" "), new.split(" ")
    if len(a) + len(b) > WORD_DIFF_LIMIT:
        return (Piece("removed", old), Piece("added", new))
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(Piece("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(Piece("added", " ".join(b[j1:j2])))
    return tuple(pieces)
