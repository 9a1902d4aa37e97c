"""What differs between two published copies of one action, paragraph by paragraph.

Pure. Paragraphs are aligned first (difflib over whitespace-normalised paragraphs), then each
changed pair is compared word by word, so a reader sees "1357(g)" against "1357" rather than two
whole paragraphs. Layout differences (line wrapping, spacing) are not differences.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# Beyond this many words, a changed paragraph pair is shown whole rather than word by word.
WORD_DIFF_LIMIT = 4000


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
        olds, news = left[i1:i2], right[j1:j2]
        paired = min(len(olds), len(news)) if op == "replace" else 0
        for old, new in zip(olds[:paired], news[:paired], strict=True):
            rows.append(Row("changed", _word_pieces(old, new)))
            counts["changed"] += 1
        rows.extend(Row("removed", (Piece("removed", p),)) for p in olds[paired:])
        rows.extend(Row("added", (Piece("added", p),)) for p in news[paired:])
        counts["removed"] += len(olds) - paired
        counts["added"] += len(news) - paired
    words = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False)
    return Comparison(
        rows=tuple(rows),
        same_paragraphs=counts["same"],
        changed_paragraphs=counts["changed"],
        removed_paragraphs=counts["removed"],
        added_paragraphs=counts["added"],
        ratio=round(words.ratio(), 4) if len(a) + len(b) < 400_000 else matcher.ratio(),
    )


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
