"""An ingest run: files read, each document saved by the one writer, the actions they touched
rebuilt, and the computed links related again, with a report of what happened.

Each file is read once: an unchanged file (same SHA-256 as the last run) is skipped whole; a
file that cannot be read is reported with its path and the reason and skipped, and the rest of
the run goes on. A many-document file (a CSV, a NARA table, an FR issue) is saved document by
document, and rows that left it leave the archive.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError

from actions.graph.relations import relate_pending, related_are_stale
from actions.ingest.export import read_export
from actions.ingest.parsed import ParsedDocument
from actions.jobs.reading import FileRead, failure_reason, read_files
from actions.store.bulk_load import BulkLoad, archive_is_empty
from actions.store.files import iter_files, known_files, parts_gone, record_file
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
    bulk: bool | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest files and folders (README*/LICENSE* skipped in folders). With `reparse`, every
    file is read again and copies whose parse changed are updated (after a parser change).

    Into an empty archive the copies take the bulk path (`store/bulk_load.py`) unless `bulk`
    is False; files are parsed by `workers` processes (one per core by default)."""
    progress = progress or (lambda label, done, total: None)
    report = IngestReport()
    known = {} if reparse else known_files()
    files = list(iter_files(list(paths)))
    report.files = len(files)
    started = time.monotonic()
    if bulk is None:
        bulk = not reparse and archive_is_empty()
    writer = BulkLoad() if bulk else None
    for position, read in enumerate(read_files(files, known, workers), start=1):
        reason = read.error  # the reading side's, or the writer's below
        if reason is None:
            try:
                report.outcomes.update(_store(read, reparse, writer))
            except Exception as error:  # noqa: BLE001 - any failure is reported per file
                reason = failure_reason(error)
        if reason is not None:
            report.errors.append((str(read.path), reason))
            if on_error:
                on_error(str(read.path), reason)
        progress("files", position, len(files))
    if writer is not None and (replayed := writer.write()) is not None:
        # Another run filled the archive meanwhile: these copies were saved one by one.
        report.outcomes.subtract({"new": replayed.total()})
        report.outcomes.update(replayed)
    saved = time.monotonic()
    report.rebuilt = rebuild_pending(lambda done, total: progress("actions rebuilt", done, total))
    built = time.monotonic()
    if relate and related_are_stale():
        report.related = relate_pending()
    report.phases = {
        "read and saved": saved - started,
        "rebuilt": built - saved,
        "related": time.monotonic() - built,
    }
    return report


def _store(read: FileRead, reparse: bool, writer: BulkLoad | None) -> list[str]:
    """Save one read file's documents, by the bulk writer or one by one."""
    save = _saver(reparse, writer)
    if read.export:
        with open(read.path, "rb") as handle:
            # An archive export, read line by line whatever its size: each source keeps its
            # own locator and digest, so the archive it came from is rebuilt as it was.
            return [save(item.parsed, item.locator, item.sha256) for item in read_export(handle)]
    if read.unchanged is not None:
        return ["unchanged"] * read.unchanged  # the whole file is unchanged
    outcomes = [save(doc, locator, digest) for doc, locator, digest in read.documents]
    if writer is not None:
        writer.record_file(read.locator, read.digest, len(read.documents))
        return outcomes
    # Rows that left a table leave the archive with it.
    if read.parts:
        gone = parts_gone(read.locator, {locator for _, locator, _ in read.documents})
        if gone.exists():
            remove_sources(gone)
    record_file(read.locator, read.digest, len(read.documents))
    return outcomes


def _saver(reparse: bool, writer: BulkLoad | None) -> Callable[[ParsedDocument, str, str], str]:
    """Saving one document (its parse, locator, digest) to its outcome."""
    if writer is not None:
        return lambda doc, locator, digest: writer.save(doc, locator=locator, sha256=digest)
    return lambda doc, locator, digest: _save(doc, locator, digest, reparse)


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
