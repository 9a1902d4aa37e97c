"""A regular expression matching any of many words, written as a prefix tree. Pure.

Python's `re` tries the alternatives of `a|b|c...` one after another at every position of a
text; with a few hundred agency names that is most of the time an extraction takes. Sharing
prefixes ("department of (?:state|defense|...)") lets one character rule out most names at
once. The longest word still wins: at each branch the longer continuations are tried before
a word that ends there, as in an alternation sorted longest first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # a key no character can be: a word ends at this node


def words_pattern(words: Iterable[str]) -> str:
    """A pattern matching each of `words`, preferring the longest at any position."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _node_pattern(root)


def _node_pattern(node: dict) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(sorted(branches)) + ")"
    if _END in node:
        return f"(?:{body})?"
    return body
