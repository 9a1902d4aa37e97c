"""Tables that describe many orders at once: FR CSV exports, the FR's notes table, NARA's
disposition tables. Each row or entry becomes a metadata-only document with its own `part`
(the order's number) so that it is kept, and re-read, as a source of its own.
"""

from __future__ import annotations

import csv
import io
import re

from actions.ingest.dates import parse_date, parse_written_date
from actions.ingest.federal_register import parse_disposition_notes
from actions.ingest.parsed import ParsedDocument, ParseError
from actions.ingest.text import normalize_number, squash

_FR_CITATION_RE = re.compile(r"(\d+)\s+FR\s+(\d+)")


def _rows(data: bytes) -> list[dict]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(f"CSV is not UTF-8: {error.reason}") from error
    try:
        return list(csv.DictReader(io.StringIO(text)))
    except csv.Error as error:
        raise ParseError(f"malformed CSV: {error}") from error


def parse_federal_register_csv(data: bytes) -> list[ParsedDocument]:
    """A federalregister.gov CSV export of executive orders or proclamations."""
    docs = []
    for row in _rows(data):
        kind = "proclamation" if "proclamation_number" in row else "executive_order"
        number = (row.get("executive_order_number") or row.get("proclamation_number") or "").strip()
        title = squash(row.get("title") or "")
        # The export folds a letter suffix into the title: 10571 "-A Assignment of ..." is 10571-A.
        suffix = re.match(r"^-([A-Z])\s+(.+)$", title)
        if suffix and number:
            number, title = f"{number}-{suffix.group(1)}", suffix.group(2)
        number = normalize_number(number) or ""  # 11359A, 7933-a -> 11359-A, 7933-A
        document_number = (row.get("document_number") or "").strip() or None
        is_correction = title.lower() == "correction" or bool(
            document_number and re.match(r"^C\d-", document_number)
        )
        citation = squash(row.get("citation") or "") or None
        docs.append(
            ParsedDocument(
                source_format="federal_register_csv",
                kind=kind,
                number=number or None,
                title=title,
                signed_on=parse_date(row.get("signing_date")),
                published_on=parse_date(row.get("publication_date")),
                fr_citation=citation,
                fr_document_number=document_number,
                fr_start_page=int(row["start_page"])
                if (row.get("start_page") or "").isdigit()
                else None,
                url=(row.get("html_url") or "").strip() or None,
                publisher="Office of the Federal Register",
                official=True,
                disposition_notes=parse_disposition_notes(row.get("disposition_notes") or ""),
                is_correction=is_correction,
                not_received_for_publication=(row.get("not_received_for_publication") or "")
                == "true",
                part=f"{kind}:{number}:{document_number or ''}",
            )
        )
    return docs


def parse_fr_notes_table(data: bytes) -> list[ParsedDocument]:
    """The FR's own curated table of EO notes: number, citation, signing date, notes."""
    docs = []
    for row in _rows(data):
        number = (row.get("number") or "").strip()
        if not number:
            continue
        docs.append(
            ParsedDocument(
                source_format="fr_notes_table",
                kind="executive_order",
                number=number,
                signed_on=parse_date(row.get("signing_date")),
                fr_citation=squash(row.get("citation") or "") or None,
                fr_document_number=(row.get("document_number") or "").strip() or None,
                publisher="Office of the Federal Register",
                official=True,
                disposition_notes=parse_disposition_notes(row.get("notes") or ""),
                part=f"executive_order:{number}",
            )
        )
    return docs


_ENTRY_RE = re.compile(r"^Executive Order (\d+[\dA-Z\-]*)\s*$", re.M)
_NARA_FIELD_RE = re.compile(r"^\s+([A-Za-z ]+?):\s*(.*)$")


def parse_nara_table(data: bytes) -> list[ParsedDocument]:
    """A NARA disposition table year: entries of number, title, then indented fields."""
    text = data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    starts = list(_ENTRY_RE.finditer(text))
    if not starts:
        raise ParseError("no 'Executive Order N' entries: not a disposition table")
    docs = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        lines = text[match.end() : end].strip("\n").split("\n")
        title_lines = []
        fields: dict[str, str] = {}
        notes = []
        for line in lines:
            field = _NARA_FIELD_RE.match(line)
            if field and line.startswith((" ", "\t")):
                name = field.group(1).strip().lower()
                if name == "signed":
                    fields["signed"] = field.group(2)
                elif name.startswith("federal register"):
                    fields["fr"] = field.group(2)
                else:
                    notes.append(f"{field.group(1).strip()}: {field.group(2)}")
            elif line.strip() and not fields and not notes:
                title_lines.append(line.strip())
        citation = _FR_CITATION_RE.search(fields.get("fr", ""))
        number = match.group(1)
        published = fields.get("fr", "")[citation.end() :] if citation else ""
        docs.append(
            ParsedDocument(
                source_format="nara_table",
                kind="executive_order",
                number=number,
                title=squash(" ".join(title_lines)) or None,
                signed_on=parse_written_date(fields.get("signed", "")),
                published_on=parse_written_date(published),
                fr_citation=f"{citation.group(1)} FR {citation.group(2)}" if citation else None,
                publisher="National Archives (disposition tables)",
                official=True,
                disposition_notes=parse_disposition_notes("\n".join(notes)),
                part=f"executive_order:{number}",
            )
        )
    return docs
