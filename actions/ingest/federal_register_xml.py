"""Federal Register full-text XML: one `<PRESDOCU>` document, or every one in a bulk issue.

Structure (GPO's FR DTD): `EXECORDR`/`PROC` "Executive Order 13768 of January 25, 2017", the
title in `HD SOURCE="HED"`, paragraphs in `FP`/`P` (section labels `<E T="04">Sec. 2</E>`,
headings `<E T="03">`), page breaks `<PRTPAGE P="8800"/>` anywhere, then `GPH/GID` (the
signature image), `PSIG`, `PLACE`, `DATE`, `FRDOC`, `FILED`, `BILCOD`. The signer's name is not
printed: `PSIG` holds typesetting codes (`wj`, `B`) or nothing.
"""

from __future__ import annotations

import re

from lxml import etree

from actions.ingest.dates import make_date, parse_written_date
from actions.ingest.pages import apply_pages, hoist_leading_markers, page_marker
from actions.ingest.parsed import ParsedDocument, ParseError
from actions.ingest.sections import split_sections
from actions.ingest.text import clean_text, squash

KIND_ELEMENTS = {
    "EXECORD": "executive_order",
    "PROCLA": "proclamation",
    "PRMEMO": "memorandum",
    "PRNOTICE": "notice",
    "DETERM": "determination",
    "PRORDER": "other",
    "ADMINORD": "other",
}
_HEADER_RE = re.compile(
    r"^(?P<label>Executive Order|Proclamation|Memorandum|Notice|Presidential Determination)"
    r"(?:\s+No\.)?\s*(?P<number>\d[\d\-A-Z]*)?(?:\s+of\s+(?P<date>.+))?$",
    re.I,
)
_SKIP = {"TITLE3", "PRES", "BILCOD", "GPH", "GID", "STARS"}
_PARSER = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)


def parse_federal_register_xml(data: bytes) -> ParsedDocument:
    root = _parse(data)
    documents = root.iter("PRESDOCU") if root.tag != "PRESDOCU" else [root]
    for presdocu in documents:
        return _document(presdocu, volume=None, published_on=None)
    raise ParseError("no <PRESDOCU> element")


def parse_federal_register_issue(data: bytes) -> list[ParsedDocument]:
    """Every presidential document of a bulk FR issue (`<FEDREG>`)."""
    root = _parse(data)
    volume = root.findtext("VOL")
    published_on = parse_written_date(root.findtext("DATE") or "")
    docs = [
        _document(presdocu, volume=volume, published_on=published_on)
        for presdocu in root.iter("PRESDOCU")
    ]
    for doc in docs:
        doc.source_format = "federal_register_issue_xml"
        doc.part = doc.fr_document_number or doc.number
    return docs


def _parse(data: bytes):
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise ParseError(f"malformed XML: {error}") from error


def element_text(element) -> str:
    """The text of an element with page markers where `<PRTPAGE>` stands."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "PRTPAGE":
            parts.append(page_marker(child.get("P", "")))
        elif child.tag in {"GID"}:
            pass
        else:
            parts.append(element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _document(presdocu, volume: str | None, published_on) -> ParsedDocument:
    body = next((child for child in presdocu if child.tag in KIND_ELEMENTS), None)
    if body is None:
        body = presdocu
    kind = KIND_ELEMENTS.get(body.tag, "other")
    number = signed_on = title = place = signer = None
    first_page = None
    fr_doc = filed_on = None
    paragraphs: list[str] = []
    closing: list[str] = []
    first_break = next(body.iter("PRTPAGE"), None)
    if first_break is not None and (first_break.get("P") or "").isdigit():
        first_page = int(first_break.get("P"))
    for child in body:
        tag = child.tag if isinstance(child.tag, str) else ""
        text = squash(clean_text(element_text(child)))
        if tag in {"EXECORDR", "PROC"} or (
            tag == "HD" and child.get("SOURCE") != "HED" and not title and _HEADER_RE.match(text)
        ):
            match = _HEADER_RE.match(text.rstrip("."))
            if match and number is None and signed_on is None and match.group("date"):
                number = match.group("number")
                signed_on = parse_written_date(match.group("date"))
            elif match and match.group("number") and number is None:
                number = match.group("number")
            _keep_markers(text, paragraphs)
        elif tag == "HD" and child.get("SOURCE") == "HED" and title is None:
            title = text
        elif tag in _SKIP or tag == "PRTPAGE":
            _keep_markers(text if tag != "PRTPAGE" else page_marker(child.get("P", "")), paragraphs)
        elif tag == "PSIG":
            if len(text) > 3:
                signer = text
        elif tag == "PLACE":
            place = "The White House" if "WHITE HOUSE" in text.upper() else text.rstrip(",")
            closing.append(text)
        elif tag == "DATE":
            signed_on = signed_on or parse_written_date(text)
            closing.append(text)
        elif tag == "FRDOC":
            match = re.search(r"FR Doc\.?\s*([A-Z0-9\-]+)", text)
            fr_doc = match.group(1) if match else None
        elif tag == "FILED":
            match = re.search(r"(\d{1,2})-(\d{1,2})-(\d{2})", text)  # "Filed 1-27-17"
            if match:
                month, day, year = map(int, match.groups())
                filed_on = make_date(1900 + year if year > 50 else 2000 + year, month, day)
        elif text:
            paragraphs.extend(_split_at_labels(child, text))
    if not title:
        raise ParseError('Federal Register XML without a title (<HD SOURCE="HED">)')
    paragraphs = hoist_leading_markers(paragraphs)
    preamble, sections = split_sections(paragraphs)
    doc = ParsedDocument(
        source_format="federal_register_xml",
        kind=kind,
        number=number,
        title=title,
        signed_on=signed_on,
        filed_on=filed_on,
        published_on=published_on,
        signer=signer,
        place=place,
        fr_document_number=fr_doc,
        fr_start_page=first_page,
        fr_citation=f"{volume} FR {first_page}" if volume and first_page else None,
        publisher="Office of the Federal Register",
        official=True,
        text="\n\n".join(paragraphs + closing),
        preamble=preamble,
        sections=sections,
    )
    apply_pages(doc, first_page)
    return doc


_LABEL_RE = re.compile(r"(?:Section|Sec\.)\s+\d+(?:[-.]\d+)?[A-Za-z]?\.?")


def _split_at_labels(element, text: str) -> list[str]:
    """A paragraph that runs on into the next section ("... the executive branch.<E T="04">Sec.
    1.3.</E> Definitions. ..." in EO 13467's XML): split where a section label set in the
    labels' type follows the end of a sentence."""
    labels = {
        squash(clean_text(element_text(e)))
        for e in element.iter("E")
        if e.get("T") == "04" and _LABEL_RE.fullmatch(squash(clean_text(element_text(e))))
    }
    pieces = [text]
    for label in labels:
        split = []
        for piece in pieces:
            parts = re.split(rf"(?<=[.;:])\s*(?={re.escape(label)}(?:\s|$))", piece)
            split.extend(part for part in parts if part)
        pieces = split
    return pieces


def _keep_markers(text: str, paragraphs: list[str]) -> None:
    """Skipped elements still carry page breaks: keep their markers in the flow."""
    markers = "".join(re.findall("\ue000\\d+\ue001", text))
    if markers:
        paragraphs.append(markers)
