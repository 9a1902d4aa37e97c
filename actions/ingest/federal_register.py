"""Federal Register API document JSON (`/api/v1/documents/<number>.json`).

Metadata only: the text comes from the document's XML or HTML, ingested as its own source. The
`president` field is null in the archived copies and is never used; the `enrichment` block some
mirrors add is generated commentary, not FR data, and is dropped.
"""

from __future__ import annotations

import json
import re

from actions.ingest.dates import parse_date
from actions.ingest.kinds import kind_from_label
from actions.ingest.parsed import ParsedDocument, ParseError

FR_CITATION_RE = re.compile(r"^\s*(\d+)\s+FR\s+(\d+)\s*$")
_NOTE_LABEL_RE = re.compile(r"^\s*([A-Z][A-Za-z ]+?)\s*:\s*(.+)$", re.S)


def parse_federal_register_json(data: bytes) -> ParsedDocument:
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ParseError(f"not valid JSON: {error}") from error
    if not isinstance(record, dict) or not record.get("document_number"):
        raise ParseError("JSON has no document_number: not a Federal Register document")
    return parse_fr_record(record)


def parse_federal_register_list(data: bytes) -> list[ParsedDocument]:
    """An API list response (`documents.json`): every record in `results`."""
    try:
        listing = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ParseError(f"not valid JSON: {error}") from error
    docs = []
    for record in listing.get("results") or []:
        if isinstance(record, dict) and record.get("document_number") and record.get("title"):
            doc = parse_fr_record(record)
            doc.source_format = "federal_register_list_json"
            doc.part = doc.fr_document_number
            docs.append(doc)
    return docs


def parse_fr_record(record: dict) -> ParsedDocument:
    """One FR API document record (single-document JSON or an item of a list)."""
    record = {k: v for k, v in record.items() if k != "enrichment"}
    title = record.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ParseError("Federal Register record has no title")
    label = str(record.get("subtype") or record.get("presidential_document_type") or "")
    kind = kind_from_label(label.replace("_", " "))
    if kind is None and record.get("executive_order_number"):
        kind = "executive_order"
    number = (
        record.get("executive_order_number")
        or record.get("proclamation_number")
        or record.get("presidential_document_number")
    )
    citation = record.get("citation")
    start_page = record.get("start_page")
    notes = record.get("disposition_notes") or record.get("executive_order_notes") or ""
    return ParsedDocument(
        source_format="federal_register_json",
        kind=kind or "other",
        number=str(number).strip() if number not in (None, "") else None,
        title=" ".join(title.split()),
        signed_on=parse_date(record.get("signing_date")),
        published_on=parse_date(record.get("publication_date")),
        fr_citation=" ".join(citation.split()) if isinstance(citation, str) and citation else None,
        fr_document_number=str(record["document_number"]).strip(),
        fr_start_page=int(start_page) if str(start_page or "").isdigit() else None,
        url=record.get("html_url"),
        publisher="Office of the Federal Register",
        official=True,
        topics=[str(t) for t in record.get("topics") or []],
        disposition_notes=parse_disposition_notes(notes),
        metadata={
            key: record.get(key)
            for key in ("toc_subject", "toc_doc", "pdf_url", "full_text_xml_url", "body_html_url")
            if record.get(key)
        },
    )


def parse_disposition_notes(notes: str) -> list[tuple[str, str]]:
    """'Revoked by: EO 13993, January 20, 2021' -> [('Revoked by', 'EO 13993, January 20, 2021')].

    The FR joins several relations with newlines, `;` or the odd `;;\\n ;` separator
    ("See: EO 13798, May 4, 2017; Amends: EO 13198, January 29, 2001, EO 13280, December 12,
    2002; EO 13342, June 1, 2004"); a label carries every target after it until the next label,
    and targets are separated by `;` or by a comma before the next order.
    """
    pairs: list[tuple[str, str]] = []
    label = None
    for raw in re.split(r"\n|;", notes or ""):
        line = raw.strip()
        if not line:
            continue
        match = _NOTE_LABEL_RE.match(line)
        if match and len(match.group(1)) < 40:
            label, rest = match.group(1).strip(), match.group(2)
        elif label:
            rest = line
        else:
            continue
        for target in _NEXT_ORDER_RE.split(rest):
            target = " ".join(target.split()).strip(" ;,")
            if target:
                pairs.append((label, target))
    return pairs


_NEXT_ORDER_RE = re.compile(r",\s*(?=(?:EO|E\.\s?O\.|Executive Order|Proc\.|Proclamation)\s*\d)")
