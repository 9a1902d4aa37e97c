"""The kind of a presidential action, told from its title and text when no field says it."""

from __future__ import annotations

import re

_LABELS = [
    ("executive_order", re.compile(r"^(?:executive order|eo)\b", re.I)),
    ("proclamation", re.compile(r"^(?:a )?proclamation\b", re.I)),
    (
        "memorandum",
        re.compile(r"^(?:presidential |national security presidential )?memorand", re.I),
    ),
    ("notice", re.compile(r"^(?:presidential )?notice\b", re.I)),
    ("determination", re.compile(r"^(?:presidential )?determination\b", re.I)),
    ("letter", re.compile(r"^(?:text of a )?letter\b|^message to\b", re.I)),
]

_BODY_SIGNS = [
    # The memorandum and notice headers open the text; check them before the order formulas.
    ("memorandum", re.compile(r"\A\s*(?:MEMORANDUM FOR\b|Memorandum for\b)")),
    (
        "notice",
        re.compile(r"\A\s*NOTICE\b|\bthis notice shall be published in the Federal Register", re.I),
    ),
    (
        "executive_order",
        re.compile(r"it is hereby ordered|I hereby order|hereby ordered as follows", re.I),
    ),
    ("proclamation", re.compile(r"do hereby proclaim|NOW, THEREFORE, I\b.*proclaim", re.I | re.S)),
    ("memorandum", re.compile(r"^MEMORANDUM FOR\b|^Memorandum for\b", re.M)),
    ("determination", re.compile(r"Presidential Determination No\.", re.I)),
    ("letter", re.compile(r"^Dear (?:Mr\.|Madam|Madame|Senator|Representative|Speaker)", re.M)),
]


_WITNESS_RE = re.compile(r"IN WITNESS WHEREOF", re.I)


def kind_from_label(label: str) -> str | None:
    """'Executive Order', 'Proclamation 9645', 'Memorandum on ...' -> a kind, or None."""
    label = label.strip()
    for kind, pattern in _LABELS:
        if pattern.search(label):
            return kind
    return None


def detect_kind(title: str, text: str) -> str:
    """The kind from a title ('Executive Order on ...') or, failing that, the body's formula."""
    by_title = kind_from_label(title)
    if by_title:
        return by_title
    # Only proclamations close with the witness clause ("IN WITNESS WHEREOF, I have hereunto
    # set my hand"), even those that "hereby order" flags to half-staff.
    if _WITNESS_RE.search(text[-3000:]) and not _BODY_SIGNS[0][1].search(text):
        return "proclamation"
    head = text[:4000]
    for kind, pattern in _BODY_SIGNS:
        if pattern.search(head):
            return kind
    return "other"
