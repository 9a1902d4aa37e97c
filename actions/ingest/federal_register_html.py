"""The Federal Register's body HTML (`body_html_url`): a fallback when no XML exists.

Paragraphs are `<p id="p-N" data-page="8799">`; page breaks are `printed-page` spans; the title
is the `<h1>`; the order's number and date stand in `<a class="eo">Executive Order N</a> of
<date>` before it. Only text is taken: links, spans and images are dropped (statute links are
read separately, as the FR's own citation index, by `fr_statute_links`).
"""

from __future__ import annotations

import re

import lxml.html

from actions.ingest.dates import parse_written_date
from actions.ingest.pages import apply_pages, hoist_leading_markers, page_marker
from actions.ingest.parsed import ParsedDocument, ParseError
from actions.ingest.sections import split_sections
from actions.ingest.text import clean_text, squash

_HEADER_RE = re.compile(
    r"(Executive Order|Proclamation)\s+(\d[\d\-A-Z]*)\s+of\s+([A-Z][a-z]+ \d{1,2}, \d{4})"
)
_USC_LINK_RE = re.compile(r"(?:/uscode/(\d+)/(\w+)|title=(\d+)&(?:amp;)?[^\"']*?section=(\w+))")


def parse_federal_register_html(data: bytes) -> ParsedDocument:
    try:
        root = lxml.html.fromstring(clean_text(data.decode("utf-8", errors="replace")))
    except (ValueError, lxml.etree.ParserError) as error:
        raise ParseError(f"malformed HTML: {error}") from error
    for junk in root.xpath(
        "//span[contains(@class,'unprinted-element-wrapper')]|//img|//script|//style"
    ):
        _drop_keep_tail(junk)
    title_element = root.find(".//h1")
    if title_element is None:
        raise ParseError("no <h1> title: not a Federal Register body HTML fragment")
    title = squash(title_element.text_content())
    header = _HEADER_RE.search(squash(root.text_content()[:2000]))
    paragraphs: list[str] = []
    page = None
    first_page = None
    for p in root.iter("p"):
        if p.get("class") in {"frdoc", "billing-code", "document-graphic"}:
            continue
        data_page = p.get("data-page")
        if data_page and data_page.isdigit() and int(data_page) != page:
            page = int(data_page)
            first_page = first_page or page
            paragraphs.append(page_marker(page))
        text = squash(p.text_content())
        if text:
            paragraphs.append(text)
    frdoc = root.xpath("string(//p[@class='frdoc'])")
    doc_number = re.search(r"FR Doc\.\s*([A-Z0-9\-]+)", frdoc)
    paragraphs = hoist_leading_markers(paragraphs)
    preamble, sections = split_sections(paragraphs)
    doc = ParsedDocument(
        source_format="federal_register_html",
        kind="proclamation" if header and header.group(1) == "Proclamation" else "executive_order",
        number=header.group(2) if header else None,
        title=title,
        signed_on=parse_written_date(header.group(3)) if header else None,
        fr_document_number=doc_number.group(1) if doc_number else None,
        fr_start_page=first_page,
        publisher="Office of the Federal Register",
        official=True,
        text="\n\n".join(paragraphs),
        preamble=preamble,
        sections=sections,
    )
    apply_pages(doc, first_page)
    return doc


def fr_statute_links(data: bytes) -> list[tuple[str, str]]:
    """The (title, section) of every `<a class="usc ...">` link: the FR's own citation index."""
    root = lxml.html.fromstring(data.decode("utf-8", errors="replace"))
    links = []
    for anchor in root.xpath("//a[contains(concat(' ', @class, ' '), ' usc ')]"):
        match = _USC_LINK_RE.search(anchor.get("href", ""))
        if match:
            title = match.group(1) or match.group(3)
            section = match.group(2) or match.group(4)
            links.append((title, section))
    return links


def _drop_keep_tail(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
