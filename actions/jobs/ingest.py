"""An ingest run: files read, each document saved by the one writer, the actions they touched
rebuilt, and the computed links related again, with a report of what happened.

Each file is read once: an unchanged file (same SHA-256 as the last run) is skipped whole; a
file that cannot be read is reported with its path and the reason and skipped, and the rest of
the run goes on. A many-document file (a CSV, a NARA table, an FR issue) is saved document by
document, and rows that left it leave the archive.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError

from actions.graph.relations import relate_pending, related_are_stale
from actions.ingest.detect import parse_file
from actions.ingest.export import is_export, read_export
from actions.ingest.parsed import ParsedDocument, ParseError
from actions.store.files import (
    MAX_FILE_BYTES,
    iter_files,
    known_files,
    locator_for,
    parts_gone,
    record_file,
    sha256_of,
)
from actions.store.writer import rebuild_pending, remove_sources, save_document

Progress = Callable[[str, int, int], None]


@dataclass
class IngestReport:
    files: int = 0
    outcomes: Counter = field(default_factory=Counter)  # new, updated, unchanged documents
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, reason) per file
    rebuilt: int = 0
    related: dict[str, int] | None = None  # link counts, when the run related
    phases: dict[str, float] = field(default_factory=dict)  # seconds per phase

    @property
    def failed(self) -> int:
        return len(self.errors)


def ingest_paths(
    paths: Iterable[str],
    *,
    reparse: bool = False,
    relate: bool = True,
    progress: Progress | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Ingest files and folders (README*/LICENSE* skipped in folders). With `reparse`, every
    file is read again and copies whose parse changed are updated (after a parser change)."""
    progress = progress or (lambda label, done, total: None)
    report = IngestReport()
    known = {} if reparse else known_files()
    files = list(iter_files(list(paths)))
    report.files = len(files)
    started = time.monotonic()
    for position, path in enumerate(files, start=1):
        try:
            report.outcomes.update(_ingest_file(path, known, reparse))
        except Exception as error:  # noqa: BLE001 - any failure is reported per file, skipped
            reason = str(error) if isinstance(error, OSError | ParseError) else repr_error(error)
            report.errors.append((str(path), reason))
            if on_error:
                on_error(str(path), reason)
        progress("files", position, len(files))
    read = time.monotonic()
    report.rebuilt = rebuild_pending(lambda done, total: progress("actions rebuilt", done, total))
    built = time.monotonic()
    if relate and related_are_stale():
        report.related = relate_pending()
    report.phases = {
        "read and saved": read - started,
        "rebuilt": built - read,
        "related": time.monotonic() - built,
    }
    return report


def repr_error(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


def _ingest_file(path: Path, known: dict[str, tuple[str, int]], reparse: bool) -> list[str]:
    with open(path, "rb") as handle:
        if is_export(handle.read(64)):
            return _ingest_export(path, reparse)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ParseError(f"file is {size} bytes, over the {MAX_FILE_BYTES} limit")
    data = path.read_bytes()
    locator = locator_for(path)
    digest = sha256_of(data)
    seen = known.get(locator)
    if seen and seen[0] == digest:
        return ["unchanged"] * seen[1]  # the whole file is unchanged: near-free
    docs = parse_file(data)
    outcomes = []
    keep = set()
    for doc in docs:
        if doc.part is None:
            doc_locator, doc_digest = locator, digest
        else:
            doc_locator = f"{locator}#{doc.part}"
            doc_digest = sha256_of(json.dumps(doc.to_json(), sort_keys=True).encode())
        keep.add(doc_locator)
        outcomes.append(_save(doc, doc_locator, doc_digest, reparse))
    # Rows that left a table leave the archive with it.
    if any(doc.part for doc in docs):
        gone = parts_gone(locator, keep)
        if gone.exists():
            remove_sources(gone)
    record_file(locator, digest, len(docs))
    return outcomes


def _ingest_export(path: Path, reparse: bool) -> list[str]:
    """An archive export (`manage.py export`), read line by line whatever its size: each
    source keeps its own locator and digest, so the archive it came from is rebuilt as it
    was. Unchanged sources are skipped one by one."""
    with open(path, "rb") as handle:
        return [
            _save(item.parsed, item.locator, item.sha256, reparse) for item in read_export(handle)
        ]


def _save(doc: ParsedDocument, locator: str, digest: str, reparse: bool) -> str:
    for attempt in range(3):
        try:
            return save_document(
                doc, locator=locator, sha256=digest, defer=True, reparsed=reparse
            ).outcome
        except IntegrityError:
            # A concurrent ingest created the same action or source: look again.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")
