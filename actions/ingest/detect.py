"""Tell a file's format from its content (file names are hashes or arbitrary) and parse it."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable

from actions.ingest.commentary import parse_commentary_text
from actions.ingest.dcpd import DCPD_NUMBER_RE, HEADER_RE, parse_dcpd_text
from actions.ingest.eo_markdown import parse_eo_markdown
from actions.ingest.federal_register import parse_federal_register_json, parse_federal_register_list
from actions.ingest.federal_register_html import parse_federal_register_html
from actions.ingest.federal_register_xml import (
    parse_federal_register_issue,
    parse_federal_register_xml,
)
from actions.ingest.govinfo import parse_govinfo_htm
from actions.ingest.markup import LINK_RE
from actions.ingest.parsed import ParsedDocument, ParseError
from actions.ingest.tables import parse_federal_register_csv, parse_fr_notes_table, parse_nara_table
from actions.ingest.whitehouse import parse_whitehouse_legacy_markdown, parse_whitehouse_markdown

PARSERS: dict[str, Callable[[bytes], ParsedDocument]] = {
    "whitehouse_markdown": parse_whitehouse_markdown,
    "whitehouse_legacy_markdown": parse_whitehouse_legacy_markdown,
    "dcpd_text": parse_dcpd_text,
    "federal_register_json": parse_federal_register_json,
    "commentary_text": parse_commentary_text,
    "federal_register_xml": parse_federal_register_xml,
    "govinfo_htm": parse_govinfo_htm,
    "federal_register_html": parse_federal_register_html,
    "eo_markdown": parse_eo_markdown,
}
# Formats whose files hold many documents.
MULTI_PARSERS: dict[str, Callable[[bytes], list[ParsedDocument]]] = {
    "federal_register_list_json": parse_federal_register_list,
    "federal_register_issue_xml": parse_federal_register_issue,
    "federal_register_csv": parse_federal_register_csv,
    "fr_notes_table": parse_fr_notes_table,
    "nara_table": parse_nara_table,
}

_FRONT_MATTER_RE = re.compile(r"^---\s*\n(.*?)\n---\s*(?:\n|$)", re.S)
_ORDER_FORMULA_RE = re.compile(
    r"hereby ordered|I hereby order|do hereby proclaim|THE WHITE HOUSE", re.I
)


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def as_utf8(data: bytes) -> bytes:
    """UTF-16 and UTF-32 files (told by their byte-order mark) re-encoded as UTF-8, so every
    parser reads one encoding; other bytes are returned as they are."""
    try:
        if data.startswith(_UTF32_BOMS):
            return data.decode("utf-32").encode("utf-8")
        if data.startswith(_UTF16_BOMS):
            return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError as error:
        reason = f"{error.reason} at byte {error.start}"
        raise ParseError(f"broken UTF-16/UTF-32 text: {reason}") from error
    return data


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM); anything else is an error the caller reports."""
    if not data.strip():
        raise ParseError("empty file")
    if b"\x00" in data[:1024] and not data.lstrip(b"\x00").startswith(b"<"):
        raise ParseError("binary file (NUL bytes), not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(
            f"not UTF-8 text ({error.reason} at byte {error.start}); Latin-1 or Windows-1252? "
            "Convert it to UTF-8"
        ) from error


def detect_format(data: bytes) -> str:
    """The name of the parser for these bytes; ParseError when no format fits."""
    text = decode_text(as_utf8(data))
    head = text.lstrip()[:4000]
    if head.startswith("{"):
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            raise ParseError(f"malformed JSON: {error}") from error
        if isinstance(record, dict) and isinstance(record.get("results"), list):
            return "federal_register_list_json"
        if isinstance(record, dict) and "document_number" in record:
            return "federal_register_json"
        raise ParseError("JSON of an unknown shape (no document_number)")
    markup = re.sub(r"^<\?xml[^>]*>\s*", "", head)
    if markup.startswith("<PRESDOCU"):
        return "federal_register_xml"
    if markup.startswith("<FEDREG"):
        return "federal_register_issue_xml"
    if (
        markup.lower().startswith("<html")
        and "<pre>" in head.lower()
        and "Federal Register" in head
    ):
        return "govinfo_htm"
    if "printed-page" in head or ("<h1" in head and "data-page=" in text[:20000]):
        return "federal_register_html"
    first_line = head.split("\n", 1)[0].strip()
    if first_line.startswith("citation,document_number,"):
        return "federal_register_csv"
    if first_line.startswith("number,citation,signing_date,document_number,notes"):
        return "fr_notes_table"
    if re.match(r"^Executive Order \d+[\dA-Z\-]*\s*\n", head) and re.search(
        r"^\s+Signed:", head, re.M
    ):
        return "nara_table"
    if head.startswith("# Executive Order") and "**Document Details:**" in head:
        return "eo_markdown"
    if _FRONT_MATTER_RE.match(head):
        return "whitehouse_markdown"
    if LINK_RE.match(first_line) and _ORDER_FORMULA_RE.search(text):
        return "whitehouse_legacy_markdown"
    if HEADER_RE.match(first_line) and DCPD_NUMBER_RE.search(text):
        return "dcpd_text"
    if head.startswith("<"):
        raise ParseError("markup of an unknown kind")
    if len(text.split()) >= 50:
        return "commentary_text"
    raise ParseError("unknown format: too short for commentary and no known header")


def parse_document(data: bytes) -> ParsedDocument:
    """The one document in a single-document file."""
    docs = parse_file(data)
    if len(docs) != 1:
        raise ParseError(f"the file holds {len(docs)} documents, not one")
    return docs[0]


def parse_file(data: bytes) -> list[ParsedDocument]:
    """Every document in a file: one for most formats, many for tables and bulk issues."""
    data = as_utf8(data)
    fmt = detect_format(data)
    if fmt in MULTI_PARSERS:
        return MULTI_PARSERS[fmt](data)
    return [PARSERS[fmt](data)]
