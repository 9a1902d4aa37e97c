"""One edit made to several orders listed after it: "The Executive Orders listed below are
further amended by striking out the words “Secretary of the Treasury” and inserting in place
thereof the words “Secretary of Transportation”: (1) Executive Order No. 10448 ... (2) ...",
"Section 3(2) of each of the following Executive Orders is amended by substituting
“Department of Energy” for “Energy Research and Development Administration”: (i) ...". Each
order listed gets the instruction, read as if it named that order alone. Pure; read by
`amendments`."""

from __future__ import annotations

import re

from actions.extract.amendment_operations import _operation
from actions.extract.amendment_wording import _PLACE, ORDER_NAME, Instruction, _location

_LEAD_RE = re.compile(
    rf"(?:(?P<place>{_PLACE})\s*of\s+)?"
    r"(?:(?:each\s+of\s+)?the\s+following\s+Executive\s+[Oo]rders|the\s+Executive\s+[Oo]rders\s+"
    r"(?:listed|set\s+(?:out|forth))\s+below)"
    r"\s+(?:is|are)\s+(?:hereby\s+)?(?:further\s+)?amended(?=\s+by\s)",
    re.I,
)
# The list: items each opening with a marker, one or several to a paragraph.
_ITEM_PARAGRAPH_RE = re.compile(r"\s*\(\s?[A-Za-z0-9]{1,5}\s?\)\s")
_LISTED_ORDER_RE = re.compile(ORDER_NAME + r"(?P<number>\d{3,5})\b")


def listed_orders(text: str) -> list[Instruction]:
    """Every instruction made to the orders a lead lists after it (text in, the reader's
    quotation marks already curly)."""
    out = []
    for lead in _LEAD_RE.finditer(text):
        location = _location(lead.group("place"), None)
        first, end = _operation(text, lead.start(), lead.end(), "amended", "", location)
        colon = re.match(r"\s*:", text[end:])
        if first.op is None or not colon:
            continue  # the list is read only where the edit before it is
        for number in _orders_in_list(text, end + colon.end()):
            instruction, _ = _operation(text, lead.start(), lead.end(), "amended", number, location)
            out.append(instruction)
    return out


def _orders_in_list(text: str, start: int) -> list[str]:
    """The orders named in the items after a lead, up to the first paragraph that is no item."""
    numbers = []
    for paragraph in re.finditer(r"[^\n]+", text[start:]):
        if not _ITEM_PARAGRAPH_RE.match(paragraph.group(0)):
            break
        numbers += [m.group("number") for m in _LISTED_ORDER_RE.finditer(paragraph.group(0))]
    return numbers
