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
    def settled(self) -> bool:
        """Nothing left to parse: an export, an unchanged file, or one that failed."""
        return self.export or self.unchanged is not None or self.error is not None

    @property
    def parts(self) -> bool:
        return any(doc.part for doc, _, _ in self.documents)


def read_file(path: Path, known: dict[str, tuple[str, int]]) -> FileRead:
    """Read and parse one file; a failure is returned as its reason, never raised."""
    read = glance(path, known)
    return read if read.settled else parse(read)


def glance(path: Path, known: dict[str, tuple[str, int]]) -> FileRead:
    """What a file is without parsing it: an export, too large, unreadable, or unchanged since
    the last run (same digest), all settled here; otherwise left for `parse`."""
    read = FileRead(path=path)
    try:
        with open(path, "rb") as handle:
            if is_export(handle.read(64)):
                read.export = True
                return read
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ParseError(f"file is {size} bytes, over the {MAX_FILE_BYTES} limit")
        read.locator = locator_for(path)
        read.digest = sha256_of(path.read_bytes())
        seen = known.get(read.locator)
        if seen and seen[0] == read.digest:
            read.unchanged = seen[1]  # near-free: not parsed again
    except Exception as error:  # noqa: BLE001 - any failure is reported per file, skipped
        read.error = failure_reason(error)
    return read


def parse(read: FileRead) -> FileRead:
    """The documents of a file `glance` left unsettled (read again: the digest is of the
    bytes parsed, should the file have changed in between)."""
    try:
        data = read.path.read_bytes()
        read.digest = sha256_of(data)
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


def read_files(
    files: list[Path], known: dict[str, tuple[str, int]], workers: int | None = None
) -> Iterator[FileRead]:
    """Every file read, in the order given. Each is glanced at here (digests: an unchanged
    file costs no parse and no trip to a worker); the ones to parse go to forked workers when
    there are many. Workers inherit the settings and never touch the database connections
    they inherit (only the main process writes)."""
    workers = worker_count() if workers is None else workers
    glanced = [glance(path, known) for path in files]
    to_parse = [read for read in glanced if not read.settled]
    forks = "fork" in multiprocessing.get_all_start_methods()
    if workers <= 1 or len(to_parse) < POOL_FROM or not forks:
        for read in glanced:
            yield read if read.settled else parse(read)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        parsed = pool.imap(parse, to_parse, chunksize=8)
        for read in glanced:
            yield read if read.settled else next(parsed)
