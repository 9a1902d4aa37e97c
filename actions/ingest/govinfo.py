"""GovInfo's "html" rendition of a Federal Register document: plain text in `<pre>`.

Header lines (`[Federal Register Volume 82, Number 18 (Monday, January 30, 2017)]`,
`[FR Doc No: 2017-02102]`), page markers `[[Page 8799]]`, hard-wrapped indented lines, NUL bytes
as blank-line fillers (PostgreSQL rejects NUL), then `[FR Doc. ... Filed ...]` and the billing
code. Lines wrapped inside a paragraph are joined; a line ending in a hyphen joins without a space.
"""

from __future__ import annotations

import html
import re

from actions.ingest.dates import parse_written_date
from actions.ingest.kinds import kind_from_label
from actions.ingest.pages import apply_pages, hoist_leading_markers, page_marker
from actions.ingest.parsed import ParsedDocument, ParseError
from actions.ingest.sections import split_sections
from actions.ingest.signature import find_signature_block
from actions.ingest.text import clean_text, squash

_PRE_RE = re.compile(r"<pre>(.*?)</pre>", re.S | re.I)
_VOLUME_RE = re.compile(
    r"\[Federal Register Volume (\d+), Number \d+ \(\w+, ([A-Za-z]+ \d+, \d{4})\)\]"
)
_DOC_RE = re.compile(r"\[FR Doc No: ([A-Z0-9\-]+)\]")
_PAGES_RE = re.compile(r"\[Pages? (\d+)")
_HEADER_RE = re.compile(
    r"^\s*(Executive Order|Proclamation|Memorandum|Notice|Presidential Determination)"
    r"\s+(?:No\.\s*)?([\d\-A-Z]+)?\s*(?:(?:of\s+)?([A-Z][a-z]+\.? \d{1,2}, \d{4}).*)?$"
)
_PAGE_RE = re.compile(r"\[\[Page (\d+)\]\]")
_TRAILER_RE = re.compile(r"^\s*\[FR Doc\.", re.M)


def parse_govinfo_htm(data: bytes) -> ParsedDocument:
    raw = clean_text(data.decode("utf-8", errors="replace"))
    match = _PRE_RE.search(raw)
    if not match:
        raise ParseError("no <pre> block: not a GovInfo text rendition")
    text = html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))
    # GPO writes accented letters as bracketed entity names: "C[ocirc]te d'Ivoire".
    text = re.sub(r"\[([a-z]{2,8})\]", lambda m: html.unescape(f"&{m.group(1)};"), text)
    volume = _VOLUME_RE.search(text)
    doc_number = _DOC_RE.search(text)
    pages = _PAGES_RE.search(text)
    lines = text.split("\n")
    header_index = next((i for i, line in enumerate(lines) if _HEADER_RE.match(line)), None)
    if header_index is None:
        raise ParseError("no 'Executive Order N of <date>' line")
    header = _HEADER_RE.match(lines[header_index])
    body_text = "\n".join(lines[header_index + 1 :])
    trailer = _TRAILER_RE.search(body_text)
    if trailer:
        body_text = body_text[: trailer.start()]
    body_text = _PAGE_RE.sub(lambda m: "\n" + page_marker(m.group(1)) + "\n", body_text)
    body_text = body_text.replace("<GRAPHIC(S) NOT AVAILABLE IN TIFF FORMAT>", "")
    blocks = [_unwrap(block) for block in re.split(r"\n[ \t]*\n", body_text)]
    blocks = [b for b in blocks if b and b not in {"(Presidential Sig.)"}]
    # The title is the first block after the header line (a page marker may precede it).
    title = re.sub("^(?:\ue000\\d+\ue001\\s*)+", "", blocks.pop(0)) if blocks else ""
    blocks = hoist_leading_markers(blocks)
    block = find_signature_block(blocks)
    preamble, sections = split_sections(blocks[: block.start])
    start_page = int(pages.group(1)) if pages else None
    doc = ParsedDocument(
        source_format="govinfo_htm",
        kind=kind_from_label(header.group(1)) or "other",
        number=header.group(2),
        title=title,
        signed_on=parse_written_date(header.group(3) or "") or block.signed_on,
        published_on=parse_written_date(volume.group(2)) if volume else None,
        signer=block.signer,
        place=block.place,
        fr_document_number=doc_number.group(1) if doc_number else None,
        fr_citation=f"{volume.group(1)} FR {start_page}" if volume and start_page else None,
        fr_start_page=start_page,
        publisher="U.S. Government Publishing Office (GovInfo)",
        official=True,
        text="\n\n".join(blocks),
        preamble=preamble,
        sections=sections,
    )
    apply_pages(doc, start_page)
    return doc


def _unwrap(block: str) -> str:
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out.endswith("-") and line[:1].islower():
            out += line
        else:
            out += " " + line
    return squash(out)
