"""whitehouse.gov presidential-action pages saved as Markdown.

Two shapes: the 2021-2026 pages with YAML front matter (title, date, source_url, ...), and the
2017 pages with a Markdown link header (`[EXECUTIVE ORDER](url)`), a title in capitals and a
signature image whose alt text is the signer. Neither prints a type field or (since 2025) the
order's number: the kind comes from the text, the number from the Federal Register later.
"""

from __future__ import annotations

import re

import frontmatter
import yaml

from actions.ingest.dates import parse_date, parse_witness_date
from actions.ingest.kinds import (
    detect_kind,
    is_commentary_title,
    kind_from_label,
    series_number,
)
from actions.ingest.markup import LINK_RE, markdown_paragraphs
from actions.ingest.parsed import ParsedDocument, ParseError
from actions.ingest.sections import split_sections
from actions.ingest.signature import find_signature_block
from actions.ingest.text import squash, title_case

# "Executive Order 14000 of January 20, 2021" or "Proclamation 10140" opening a page.
_NUMBER_LINE_RE = re.compile(r"^(Executive Order|Proclamation)\s+(\d{4,5}(?:-[A-Z])?)\b", re.I)
_SIGNATURE_IMAGE_RE = re.compile(r"!\[([^\]]+)\]\([^)]*signature[^)]*\)", re.I)


def parse_whitehouse_markdown(data: bytes) -> ParsedDocument:
    """A 2021-2026 whitehouse.gov page: YAML front matter, then the Markdown body."""
    text = data.decode("utf-8-sig")
    try:
        page = frontmatter.loads(text)
    except yaml.YAMLError as error:
        raise ParseError(f"front matter is not valid YAML: {error}") from error
    meta = page.metadata
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ParseError("front matter has no title")
    page_date = parse_date(meta.get("date"))
    if meta.get("date") is not None and page_date is None:
        raise ParseError(f"front matter date {meta.get('date')!r} is not a date")
    paragraphs = markdown_paragraphs(page.content)
    doc = _parse_body(paragraphs, title=squash(title), source_format="whitehouse_markdown")
    doc.url = str(meta["source_url"]) if meta.get("source_url") else None
    doc.signed_on = doc.signed_on or page_date
    doc.published_on = page_date
    doc.publisher = "The White House"
    # Statements, readouts, fact sheets: about actions, kept as commentary on them.
    doc.is_commentary = is_commentary_title(doc.title)
    doc.metadata = {
        key: str(value) for key, value in meta.items() if key in {"published_time", "modified_time"}
    }
    return doc


def parse_whitehouse_legacy_markdown(data: bytes) -> ParsedDocument:
    """A 2017 whitehouse.gov page: `[EXECUTIVE ORDER](url)`, a title in capitals, a body."""
    text = data.decode("utf-8-sig")
    header = LINK_RE.match(text.lstrip())
    if not header:
        raise ParseError("no `[LABEL](url)` header line")
    url_match = re.search(r"\]\((\S+)", header.group(0))
    signer_image = _SIGNATURE_IMAGE_RE.search(text)
    paragraphs = markdown_paragraphs(text)
    label = paragraphs.pop(0)
    title = title_case(paragraphs.pop(0)) if paragraphs else ""
    if not title:
        raise ParseError("no title after the header")
    doc = _parse_body(paragraphs, title=title, source_format="whitehouse_legacy_markdown")
    doc.kind = kind_from_label(label) or doc.kind
    doc.url = url_match.group(1) if url_match else None
    doc.publisher = "The White House"
    if signer_image:
        doc.signer = signer_image.group(1).strip()
    return doc


def _parse_body(paragraphs: list[str], *, title: str, source_format: str) -> ParsedDocument:
    number = None
    kind = None
    if paragraphs and (match := _NUMBER_LINE_RE.match(paragraphs[0])):
        kind = kind_from_label(match.group(1))
        number = match.group(2)
    block = find_signature_block(paragraphs)
    body = paragraphs[: block.start]
    preamble, sections = split_sections(body)
    doc = ParsedDocument(
        source_format=source_format,
        kind=kind or detect_kind(title, "\n\n".join(body)),
        number=number,
        title=title,
        signed_on=parse_witness_date("\n".join(paragraphs[-4:])) or block.signed_on,
        signer=block.signer,
        place=block.place,
        text="\n\n".join(paragraphs),
        preamble=preamble,
        sections=sections,
    )
    doc.number = doc.number or series_number(doc.kind, title, doc.text)
    return doc
