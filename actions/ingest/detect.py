"""Tell a file's format from its content (file names are hashes or arbitrary) and parse it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from actions.ingest.commentary import parse_commentary_text
from actions.ingest.dcpd import DCPD_NUMBER_RE, HEADER_RE, parse_dcpd_text
from actions.ingest.federal_register import parse_federal_register_json
from actions.ingest.markup import LINK_RE
from actions.ingest.whitehouse import parse_whitehouse_legacy_markdown, parse_whitehouse_markdown
from actions.parsed import ParsedDocument, ParseError

PARSERS: dict[str, Callable[[bytes], ParsedDocument]] = {
    "whitehouse_markdown": parse_whitehouse_markdown,
    "whitehouse_legacy_markdown": parse_whitehouse_legacy_markdown,
    "dcpd_text": parse_dcpd_text,
    "federal_register_json": parse_federal_register_json,
    "commentary_text": parse_commentary_text,
}

_FRONT_MATTER_RE = re.compile(r"^---\s*\n(.*?)\n---\s*(?:\n|$)", re.S)
_ORDER_FORMULA_RE = re.compile(
    r"hereby ordered|I hereby order|do hereby proclaim|THE WHITE HOUSE", re.I
)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM); anything else is an error the caller reports."""
    if not data.strip():
        raise ParseError("empty file")
    if b"\x00" in data[:1024] and not data.lstrip(b"\x00").startswith(b"<"):
        raise ParseError("binary file (NUL bytes), not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(f"not UTF-8 text: {error.reason} at byte {error.start}") from error


def detect_format(data: bytes) -> str:
    """The name of the parser for these bytes; ParseError when no format fits."""
    text = decode_text(data)
    head = text.lstrip()[:4000]
    if head.startswith("{"):
        try:
            record = json.loads(text)
        except json.JSONDecodeError as error:
            raise ParseError(f"malformed JSON: {error}") from error
        if isinstance(record, dict) and "document_number" in record:
            return "federal_register_json"
        raise ParseError("JSON of an unknown shape (no document_number)")
    if _FRONT_MATTER_RE.match(head):
        return "whitehouse_markdown"
    first_line = head.split("\n", 1)[0].strip()
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
    return PARSERS[detect_format(data)](data)
