"""Files read and parsed for an ingest, in worker processes when there are many.

Reading a file (bytes, digest, format detection, parse) needs nothing from the database, so a
pool of processes does it for the whole run while the one writer, in the main process, saves
what they return, in the order the files were listed: the archive comes out the same whatever
the number of workers. A few files are read in the main process (a pool costs more to start
than a daily sync's documents take to parse).
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from actions.ingest.detect import parse_file
from actions.ingest.export import is_export
from actions.ingest.parsed import ParsedDocument, ParseError
from actions.store.files import MAX_FILE_BYTES, locator_for, sha256_of
from actions.store.readings import worker_count

# Fewer files than this are read in the main process.
POOL_FROM = 64


@dataclass
class FileRead:
    """One file as read: its documents with their locators and digests, or why not."""

    path: Path
    locator: str = ""
    digest: str = ""
    documents: list[tuple[ParsedDocument, str, str]] = field(default_factory=list)
    unchanged: int | None = None  # the whole file is as last read: its documents' count
    export: bool = False  # an archive export, read line by line by the writer's side
    error: str | None = None

    @property
    def parts(self) -> bool:
        return any(doc.part for doc, _, _ in self.documents)


def read_file(path: Path, known: dict[str, tuple[str, int]]) -> FileRead:
    """Read and parse one file; a failure is returned as its reason, never raised."""
    read = FileRead(path=path)
    try:
        with open(path, "rb") as handle:
            if is_export(handle.read(64)):
                read.export = True
                return read
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ParseError(f"file is {size} bytes, over the {MAX_FILE_BYTES} limit")
        data = path.read_bytes()
        read.locator = locator_for(path)
        read.digest = sha256_of(data)
        seen = known.get(read.locator)
        if seen and seen[0] == read.digest:
            read.unchanged = seen[1]  # near-free: not parsed again
            return read
        for doc in parse_file(data):
            if doc.part is None:
                read.documents.append((doc, read.locator, read.digest))
            else:
                digest = sha256_of(json.dumps(doc.to_json(), sort_keys=True).encode())
                read.documents.append((doc, f"{read.locator}#{doc.part}", digest))
    except Exception as error:  # noqa: BLE001 - any failure is reported per file, skipped
        read.error = failure_reason(error)
    return read


def failure_reason(error: Exception) -> str:
    if isinstance(error, OSError | ParseError):
        return str(error)
    return f"{type(error).__name__}: {error}"


# The known files for the pool's workers: inherited when they fork, not sent per file.
_known: dict[str, tuple[str, int]] = {}


def _read_in_worker(path: Path) -> FileRead:
    return read_file(path, _known)


def read_files(
    files: list[Path], known: dict[str, tuple[str, int]], workers: int | None = None
) -> Iterator[FileRead]:
    """Every file read, in the order given. Workers are forked: they inherit the settings and
    never touch the database connections they inherit (only the main process writes)."""
    workers = worker_count() if workers is None else workers
    forks = "fork" in multiprocessing.get_all_start_methods()
    if workers <= 1 or len(files) < POOL_FROM or not forks:
        for path in files:
            yield read_file(path, known)
        return
    global _known
    _known = known
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_read_in_worker, files, chunksize=8)
    finally:
        _known = {}
