"""Where the items under an amending order's lead-in begin and end: the next item's marker
(on its own line, after a semicolon, or right after a quotation), the form of a list's
markers, and an item that names another order. Pure; read by `amendments`."""

from __future__ import annotations

import re

from actions.extract.amendment_wording import ORDER_NAME, ROMAN

_ORDER = ORDER_NAME + r"(?P<number>\d{3,5})"

# An item boundary inside a paragraph: "...; (b) by striking", "...; and (c) in section 4".
_INLINE_ITEM_RE = re.compile(
    r"[;.]\u201d?\s+(?:and\s+)?(?=\(\s?[A-Za-z0-9]{1,4}\s?\)\s+(?:[Ii]n\s|by\s|[A-Z]))"
)


def marker_form(marker: str) -> str:
    """ "(a)" and "(b)" are of one form, "(1)", "2." and "Sec. 3." each of another; "Sec. 3.
    (a) ..." is of the form of its "(a)", the first item of its list."""
    marker = marker.strip()
    inner = re.match(r"(?i:sec(?:tion)?)\.?\s+\d+[a-z]?\.\s+(\()", marker)
    if inner:
        marker = marker[inner.start(1) :]
    if marker[:1] == "(":
        first = marker[1:].strip()[:1]
        # "(A)" under "(i)" under "(a)" (EO 14085): capitals are a list of their own
        return "(1)" if first.isdigit() else "(A)" if first.isupper() else "(a)"
    return "1." if marker[:1].isdigit() else "Sec."


def names_another_order(opening: str, number: str) -> bool:
    """ "SEC. 3. Executive Order No. 10033, as amended, is .further amended": the amending
    order's next section, about another order (even where its head is misprinted)."""
    named = re.match(rf"\s*(?:the\s+)?{_ORDER}", opening, re.I)
    return bool(named and named.group("number") != number)


EDIT_WORDS_RE = re.compile(
    r"\b(?:strik|insert|add|delet|substitut|redesignat|renumber|revis|amend)\w*", re.I
)


_AFTER_QUOTE_ITEM_RE = re.compile(
    r"[ \t]*[;,]?[ \t]+(?:and[ \t]+)?(\((?:[ivx]{1,4}|[a-z]|\d{1,2})\))[ \t]+"
    r"(?=by\s|(?:deleting|striking|inserting|adding|substituting|redesignating|renumbering)\s"
    # "...” (2) Sections 6 and 7 of Executive Order 12981 ... are renumbered as ..."
    r"|[A-Z][^\u201c\u201d\n]{0,200}?\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:further\s+)?"
    r"(?:amended|renumbered|redesignated|revoked|added|inserted|deleted)\b)"
)


_ROMAN = ROMAN


def _follows(label: str | None, candidate: str) -> bool:
    """Whether an item marker is the one after this item's: "(ii)" after "(i)", "(c)" after
    "(b)", "(3)" after "(2)"; not an inner list's "(2)" after "(a)"."""
    if not label:
        return False
    if label.isdigit():
        return candidate == str(int(label) + 1)
    following = set()
    if label in _ROMAN[:-1]:
        following.add(_ROMAN[_ROMAN.index(label) + 1])
    if len(label) == 1 and label.isalpha():
        following.add(chr(ord(label) + 1))
    return candidate in following


def next_item(text: str, position: int, label: str | None = None) -> int:
    """Where the next item starts: the next line opening with an item marker, a marker after
    a semicolon, or the marker after this item's (`label`) right after a quotation; past any
    quoted text (whose own "(a)" lines belong to the quotation)."""
    depth = 0
    index = position
    while index < len(text):
        char = text[index]
        if char == "\u201c":
            # A quotation of several paragraphs opens each with a mark and closes only the
            # last: a mark at a paragraph's start inside one opens no new quotation.
            if not (depth and not text[max(0, index - 2) : index].strip()):
                depth += 1
        elif char == "\u201d":
            depth = max(0, depth - 1)
            # "(i) deleting “(19) Director ...;” (ii) deleting “...”": the next item right
            # after a quotation, on the same line.
            marker = depth == 0 and _AFTER_QUOTE_ITEM_RE.match(text, index + 1)
            if marker and _follows(label, marker.group(1).strip("()")):
                return marker.start(1)
        elif depth == 0 and char == "\n":
            if re.match(
                r"\n\s*(?:\(\s?[A-Za-z0-9]{1,4}\s?\)|\d{1,2}\.)\s", text[index : index + 12]
            ):
                return index
            if re.match(r"\n\s*(?i:Sec(?:tion)?)\.?\s+\d", text[index : index + 14]):
                return index
        elif depth == 0 and char in ";.":
            inline = _INLINE_ITEM_RE.match(text, index)
            if inline:
                return inline.end()
        index += 1
    return len(text)
