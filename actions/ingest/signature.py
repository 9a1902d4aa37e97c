"""The signature block that closes an action: signer, place and date.

It stands after the last section: the President's name in capitals (or a signature image), then
`THE WHITE HOUSE,` and the date. Parsers cut it off before splitting sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from actions.ingest.dates import WRITTEN_DATE_RE, parse_written_date

_PLACE_RE = re.compile(r"^(THE WHITE HOUSE|The White House|CAMP DAVID|Camp David)\b[,.]?\s*", re.I)
_DATE_ONLY_RE = re.compile(rf"^{WRITTEN_DATE_RE.pattern}\.?$", re.I)
_NAME_RE = re.compile(r"^[A-Z][A-Z.\-' ]+(?:,? JR\.?)?$")


@dataclass
class SignatureBlock:
    start: int  # index of the first paragraph of the block
    signer: str | None
    place: str | None
    signed_on: date | None


def is_signer_line(paragraph: str) -> bool:
    """'DONALD J. TRUMP', 'JOSEPH R. BIDEN JR.': a short line of capitals."""
    words = paragraph.split()
    return 2 <= len(words) <= 6 and bool(_NAME_RE.match(paragraph.strip()))


def find_signature_block(paragraphs: list[str]) -> SignatureBlock:
    """Scan back from the end over signer, place and date paragraphs."""
    signer = place = None
    signed_on = None
    start = len(paragraphs)
    for index in range(len(paragraphs) - 1, -1, -1):
        paragraph = paragraphs[index].strip()
        place_match = _PLACE_RE.match(paragraph)
        if place_match:
            place = "The White House" if "white" in place_match.group(1).lower() else "Camp David"
            rest = paragraph[place_match.end() :]
            signed_on = parse_written_date(rest) or signed_on
            # A signer on the same line before the place is handled by the name check below.
        elif _DATE_ONLY_RE.match(paragraph):
            signed_on = parse_written_date(paragraph)
        elif is_signer_line(paragraph):
            signer = paragraph.rstrip(",")
        else:
            break
        start = index
    return SignatureBlock(start=start, signer=signer, place=place, signed_on=signed_on)
