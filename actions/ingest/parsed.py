"""The parsed form of one published document: what every format parser returns.

Parsers are pure functions from bytes to a ParsedDocument; nothing here touches the database.
Fields a format does not carry stay None (or empty), so the store can tell "absent" from "empty".
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

KINDS = (
    "executive_order",
    "proclamation",
    "memorandum",
    "notice",
    "determination",
    "letter",
    "other",
)


@dataclass
class ParsedSection:
    number: str
    heading: str
    text: str
    start_page: int | None = None
    # [[offset in text, page]] where a later printed page begins inside the section.
    page_breaks: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"sec-{self.number}"


@dataclass
class ParsedDocument:
    """One published copy of a presidential action, or one piece of commentary."""

    source_format: str
    is_commentary: bool = False
    kind: str | None = None
    number: str | None = None
    title: str | None = None
    signed_on: date | None = None
    published_on: date | None = None
    filed_on: date | None = None
    signer: str | None = None
    place: str | None = None
    fr_citation: str | None = None
    fr_document_number: str | None = None
    fr_start_page: int | None = None
    dcpd_number: str | None = None
    url: str | None = None
    publisher: str | None = None
    official: bool = False
    # The whole body text as published (sections, preamble and closing), plain text.
    text: str = ""
    preamble: str = ""
    preamble_page_breaks: list = field(default_factory=list)
    sections: list[ParsedSection] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    # Relations the publisher states outside the text (FR disposition notes): (label, target).
    disposition_notes: list[tuple[str, str]] = field(default_factory=list)
    # Within a file holding many documents (a CSV row, a table entry), which one this is.
    part: str | None = None
    # An FR correction of the order with this number: attached to it, not a new action.
    is_correction: bool = False
    not_received_for_publication: bool = False
    metadata: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        """The parse as JSON values (dates as ISO text, each section with its anchor); what
        `dataclasses.asdict` gives, made without its deep copy of every string, which cost a
        first load of the corpus 14 s."""
        data = {name: _plain(getattr(self, name)) for name in _DOCUMENT_FIELDS}
        for key in ("signed_on", "published_on", "filed_on"):
            value = getattr(self, key)
            data[key] = value.isoformat() if value else None
        data["sections"] = [
            {
                **{name: _plain(getattr(section, name)) for name in _SECTION_FIELDS},
                "anchor": section.anchor,
            }
            for section in self.sections
        ]
        return data


def _plain(value):
    """A copy of a JSON-like value: containers copied (a later change to the parse does not
    reach its stored JSON), strings and numbers shared, as they cannot change."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    return value


_DOCUMENT_FIELDS = [f.name for f in fields(ParsedDocument)]  # in order: the same JSON text
_SECTION_FIELDS = [f.name for f in fields(ParsedSection)]


def parsed_from_json(data: dict) -> ParsedDocument:
    """The inverse of ParsedDocument.to_json (the store keeps each source's parse as JSON)."""
    values = dict(data)
    for key in ("signed_on", "published_on", "filed_on"):
        values[key] = date.fromisoformat(values[key]) if values.get(key) else None
    values["sections"] = [
        ParsedSection(**{k: v for k, v in section.items() if k != "anchor"})
        for section in values.get("sections", [])
    ]
    values["disposition_notes"] = [tuple(pair) for pair in values.get("disposition_notes", [])]
    known = ParsedDocument.__dataclass_fields__
    return ParsedDocument(**{k: v for k, v in values.items() if k in known})


class ParseError(ValueError):
    """The bytes are not a document of the expected format; the message says why."""
