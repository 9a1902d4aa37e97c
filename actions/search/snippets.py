"""Highlighted snippets, made in Python from the matching section (the same on both databases).

The snippet comes from the unit that matches best (a section, or the preamble), so a result
links to `#sec-N`; the text is short, so this costs far less than a headline over a whole body.
Matching mirrors the engines' stemming loosely: a query word matches words that start with its
stem ("enforce" marks "enforcement").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WINDOW = 260
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s")


@dataclass
class Snippet:
    anchor: str  # '' for the preamble
    label: str  # 'Sec. 8. Federal-State Agreements'
    html: SafeString


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def term_pattern(terms: list[list[str]]) -> re.Pattern | None:
    alternatives = []
    for words in terms:
        parts = [re.escape(stem(w)) + r"\w*" if w.isalpha() else re.escape(w) for w in words]
        alternatives.append(r"\W{1,3}".join(parts))
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


def snippet_of(unit, pattern: re.Pattern | None, cited: list[tuple[int, int]]) -> Snippet | None:
    """The snippet of a chosen unit (`units.Unit`, a slice of its text from `unit.offset`): a
    window from its first match, the query's words and the `cited` spans (statute citations
    the query named, as offsets in the whole unit) marked."""
    if not unit.text:
        return None
    text = unit.text
    cited = [(a - unit.offset, b - unit.offset) for a, b in cited]
    first = _first_match(text, pattern, cited, unit.hint)
    # A slice read from inside the unit (`unit.offset`) may begin inside a word.
    start, end = word_window(
        text, 0 if first is None else max(0, first - WINDOW // 3), mid_word=unit.offset > 0
    )
    spans = _spans(text, pattern, cited, start, end)
    html = _render(
        text,
        start,
        end,
        spans,
        before=unit.offset + start > 0,
        after=end < len(text) or unit.continues,
    )
    return Snippet(anchor=unit.anchor, label=unit.label, html=html)


def _first_match(
    text: str, pattern: re.Pattern | None, extra: list[tuple[int, int]], hint: int
) -> int | None:
    starts = [start for start, _ in extra]
    if pattern is not None:
        # The hint comes from the lowercased text, whose offsets can differ: look a little
        # before it, and from the start if nothing is found there.
        match = pattern.search(text, max(0, hint - 10)) or pattern.search(text)
        if match:
            starts.append(match.start())
    return min(starts) if starts else None


def _spans(
    text: str, pattern: re.Pattern | None, extra: list[tuple[int, int]], start: int, end: int
) -> list[tuple[int, int]]:
    """The spans to mark within text[start:end]: the pattern's matches and the extra spans."""
    spans = [(a, b) for a, b in extra if a < end and b > start]
    if pattern is not None:
        for match in pattern.finditer(text, start, end):
            end = match.end()
            # "287(g" matched from the words 287 and g: take the closing parenthesis too.
            if match.group(0).count("(") > match.group(0).count(")") and text[end : end + 1] == ")":
                end += 1
            spans.append((match.start(), end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def word_window(text: str, start: int, mid_word: bool = False) -> tuple[int, int]:
    """From a word's start (never "… rgency unless"), to a word's end."""
    at_word_start = start > 0 and text[start - 1].isspace()
    if (start > 0 or mid_word) and not at_word_start:
        space = next((i for i in range(start, min(len(text), start + 30)) if text[i].isspace()), -1)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + WINDOW)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return start, end


def _render(
    text: str, start: int, end: int, spans: list[tuple[int, int]], before: bool, after: bool
) -> SafeString:
    """Escape the window and wrap the spans in <mark>; nothing from a source is trusted as HTML.
    `before` and `after`: whether the unit's text goes on either side of the window."""
    out = ["… " if before else ""]
    position = start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        out.append(escape(text[position:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    out.append(escape(text[position:end]))
    out.append(" …" if after else "")
    return mark_safe("".join(out))
