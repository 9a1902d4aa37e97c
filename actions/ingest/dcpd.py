"""Daily Compilation of Presidential Documents (DCPD) text.

Shape: `Executive Order 14385—Title`, the date, the body, the signer, `The White House,` and the
date, `[Filed with the Office of the Federal Register, 11:15 a.m., February 10, 2026]`, a
publication note, then `Categories:`, `Subjects:` and `DCPD Number:` lines.
"""

from __future__ import annotations

import re
from datetime import date

from actions.ingest.dates import MONTH_RE, month_number, parse_written_date
from actions.ingest.kinds import detect_kind, kind_from_label
from actions.ingest.parsed import ParsedDocument, ParseError
from actions.ingest.sections import split_sections
from actions.ingest.signature import find_signature_block
from actions.ingest.text import clean_text, squash

HEADER_RE = re.compile(
    r"^(?P<label>[A-Z][A-Za-z .]+?)(?:\s+(?P<number>\d{3,5}(?:-[A-Z])?))?"
    r"\s*[\u2014\u2013]\s*(?P<title>.+)$"
)
DCPD_NUMBER_RE = re.compile(r"^DCPD Number:\s*(DCPD-?\d{9,})", re.M)
_FILED_RE = re.compile(r"^\[Filed with the Office of the Federal Register,(?P<when>[^\]]*)\]", re.M)
_PUBLISHED_RE = re.compile(
    rf"published in the \*?Federal Register\*? on (?P<month>{MONTH_RE})\s+(?P<day>\d{{1,2}})", re.I
)
_DATE_LINE_RE = re.compile(rf"^{MONTH_RE}\s+\d{{1,2}},\s+\d{{4}}\.?$")
_TRAILER_RE = re.compile(r"^(?:\[Filed with|NOTE:|Categories:|Subjects:|DCPD Number:)")


def parse_dcpd_text(data: bytes) -> ParsedDocument:
    text = clean_text(data.decode("utf-8-sig")).replace("\r\n", "\n")
    # The header and the date stand on lines of their own, not always blank-line separated.
    header_line, _, rest = text.strip().partition("\n")
    header = HEADER_RE.match(squash(header_line))
    if not header:
        raise ParseError("first line is not 'Label—Title'")
    date_line, _, after_date = rest.strip().partition("\n")
    dated = parse_written_date(date_line) if _DATE_LINE_RE.match(date_line.strip()) else None
    body_text = after_date if dated else rest
    paragraphs = [squash(p) for p in re.split(r"\n\s*\n", body_text) if p.strip()]
    label, number, title = header.group("label"), header.group("number"), header.group("title")
    kind = kind_from_label(label)
    trailer_start = next(
        (i for i, p in enumerate(paragraphs) if _TRAILER_RE.match(p)), len(paragraphs)
    )
    body = paragraphs[:trailer_start]
    block = find_signature_block(body)
    preamble, sections = split_sections(body[: block.start])
    trailer = "\n".join(paragraphs[trailer_start:])
    filed = _FILED_RE.search(trailer)
    filed_on = parse_written_date(filed.group("when")) if filed else None
    signed_on = block.signed_on or dated
    doc = ParsedDocument(
        source_format="dcpd_text",
        kind=kind or detect_kind(title, "\n\n".join(body)),
        number=number,
        title=title.strip(),
        signed_on=signed_on,
        filed_on=filed_on,
        published_on=_publication_date(trailer, filed_on or signed_on),
        signer=block.signer,
        place=block.place,
        dcpd_number=(
            m.group(1).replace("-", "") if (m := DCPD_NUMBER_RE.search(trailer)) else None
        ),
        publisher="Office of the Federal Register (GPO)",
        official=True,
        text="\n\n".join(body),
        preamble=preamble,
        sections=sections,
        categories=_field_list(trailer, "Categories"),
        subjects=_field_list(trailer, "Subjects"),
    )
    return doc


def _publication_date(trailer: str, after: date | None) -> date | None:
    match = _PUBLISHED_RE.search(trailer)
    if not match or not after:
        return None
    month, day = month_number(match.group("month")), int(match.group("day"))
    year = after.year + (1 if month < after.month else 0)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _field_list(trailer: str, name: str) -> list[str]:
    match = re.search(rf"^{name}:\s*(.+)$", trailer, re.M)
    if not match:
        return []
    value = match.group(1).strip().rstrip(".")
    separator = ";" if ";" in value else None
    items = value.split(separator) if separator else [value]
    return [item.strip() for item in items if item.strip()]
