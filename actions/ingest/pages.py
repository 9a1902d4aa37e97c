"""Printed-page markers: where the Federal Register's page breaks fall in a text.

Parsers put `page_marker(8800)` into paragraphs where a page break stands (`<PRTPAGE P="8800"/>`,
`[[Page 8800]]`); `apply_pages` then removes the markers from the preamble and sections and
records, for each, the page it starts on and the offsets where later pages begin, so that a
section or a citation can be cited at its page (`82 FR 8799, 8801`).
"""

from __future__ import annotations

import re

from actions.ingest.parsed import ParsedDocument

MARKER_RE = re.compile("\ue000(\\d+)\ue001")


def page_marker(page: int | str) -> str:
    return f"\ue000{page}\ue001"


def strip_markers(text: str) -> str:
    return MARKER_RE.sub("", text)


def hoist_leading_markers(paragraphs: list[str]) -> list[str]:
    """A marker opening a paragraph moves to the end of the paragraph before it, so that
    `Sec. 5.` still opens its paragraph (the page break falls between the two)."""
    out: list[str] = []
    for paragraph in paragraphs:
        match = re.match("(?:\ue000\\d+\ue001\\s*)+", paragraph)
        if match and out:
            out[-1] += match.group(0).strip()
            paragraph = paragraph[match.end() :]
        if paragraph.strip():
            out.append(paragraph)
        elif match and not out:
            out.append(match.group(0).strip())
    return out


def _take(text: str, page: int | None) -> tuple[str, list[list[int]], int | None]:
    """(text without markers, [[offset, page], ...], the page in effect at the end)."""
    breaks: list[list[int]] = []
    pieces: list[str] = []
    length = 0
    position = 0
    for match in MARKER_RE.finditer(text):
        piece = text[position : match.start()]
        pieces.append(piece)
        length += len(piece)
        page = int(match.group(1))
        breaks.append([length, page])
        position = match.end()
    pieces.append(text[position:])
    joined = "".join(pieces)
    leading = len(joined) - len(joined.lstrip())
    if leading:
        breaks = [[max(0, offset - leading), number] for offset, number in breaks]
    return joined.strip(), breaks, page


def apply_pages(doc: ParsedDocument, start_page: int | None) -> None:
    """Replace markers in the preamble, headings and sections by page fields, in place."""
    page = start_page
    doc.preamble, doc.preamble_page_breaks, page = _take(doc.preamble, page)
    for section in doc.sections:
        section.heading, _, page = _take(section.heading, page)
        section.start_page = page
        section.text, section.page_breaks, page = _take(section.text, page)
    doc.text = strip_markers(doc.text)
    doc.title = strip_markers(doc.title or "") or doc.title


def page_at(start_page: int | None, breaks: list[list[int]], offset: int) -> int | None:
    page = start_page
    for at, number in breaks:
        if at <= offset:
            page = number
        else:
            break
    return page
