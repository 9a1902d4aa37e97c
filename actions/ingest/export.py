"""Reading an archive export (`manage.py export`) back: each line's sources, as they were
stored, for `ingest` to save again. Pure, like every parser."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from actions.ingest.parsed import ParsedDocument, ParseError, parsed_from_json

MARKER = "archive_export"
VERSION = 1


@dataclass(frozen=True)
class ExportedSource:
    locator: str
    sha256: str
    parsed: ParsedDocument


def is_export(data: bytes) -> bool:
    return data.lstrip()[:40].startswith(b'{"' + MARKER.encode())


def read_export(lines: Iterable[bytes]) -> Iterator[ExportedSource]:
    """Every source of an export file (an open binary file), as it was stored."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8"))
            if record.get(MARKER) != VERSION:
                raise ParseError(f"line {number}: not an archive export of version {VERSION}")
            for source in record["sources"]:
                yield ExportedSource(
                    locator=source["locator"],
                    sha256=source["sha256"],
                    parsed=parsed_from_json(source["parsed"]),
                )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ParseError(f"line {number}: {error}") from error
