"""`python manage.py ingest PATH...`: read published documents into the archive."""

from __future__ import annotations

import json
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from actions.graph.relations import relate_all, related_are_stale
from actions.ingest.detect import parse_file
from actions.ingest.export import is_export, read_export
from actions.ingest.parsed import ParseError
from actions.models import Source, SourceFile
from actions.store.files import MAX_FILE_BYTES, iter_files, locator_for, sha256_of
from actions.store.writer import clear_caches, rebuild_pending, remove_sources, save_document


class Command(BaseCommand):
    help = "Ingest files or folders (recursively) of presidential documents and commentary."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--no-relate", action="store_true", help="skip computed links")
        parser.add_argument(
            "--reparse",
            action="store_true",
            help="read every file again, even unchanged ones (after a parser changed)",
        )

    def handle(self, *args, paths, no_relate, reparse=False, **options):
        counts = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
        clear_caches()
        known_files = {
            path: (digest, documents)
            for path, digest, documents in SourceFile.objects.values_list(
                "path", "sha256", "documents"
            )
        }
        self.reparse = reparse
        if reparse:
            known_files = {}
        files = list(iter_files(paths))
        started = time.monotonic()
        progress = self.progress_printer()
        for position, path in enumerate(files, start=1):
            try:
                for outcome in self.ingest_file(path, known_files):
                    counts[outcome] += 1
            except Exception as error:  # noqa: BLE001 - any failure is reported per file, skipped
                counts["failed"] += 1
                if isinstance(error, OSError | ParseError):
                    reason = str(error)
                else:
                    reason = f"{type(error).__name__}: {error}"
                self.stderr.write(f"error: {path}: {reason}")
            progress("files", position, len(files))
        read = time.monotonic()
        rebuilt = rebuild_pending(lambda done, total: progress("actions rebuilt", done, total))
        built = time.monotonic()
        if related_are_stale() and not no_relate:
            links = relate_all()
            self.stdout.write(
                f"related: {links['related']} links; commentary: {links['commentary_links']} links"
            )
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"phases: read and saved {read - started:.1f}s, rebuilt {built - read:.1f}s, "
            f"related {elapsed - (built - started):.1f}s"
        )
        self.stdout.write(
            f"ingested {len(files)} files in {elapsed:.1f}s: {counts['new']} new, "
            f"{counts['updated']} updated, {counts['unchanged']} unchanged documents, "
            f"{counts['failed']} failed files; {rebuilt} actions rebuilt"
        )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} file(s) could not be ingested", returncode=1)

    def progress_printer(self):
        """A progress line on a terminal; nothing under CI or when piped."""
        if not sys.stderr.isatty():
            return lambda *args: None

        def show(label: str, done: int, total: int) -> None:
            if done == total or done % 100 == 0:
                end = "\n" if done == total else ""
                sys.stderr.write(f"\r{label}: {done}/{total}{end}")
                sys.stderr.flush()

        return show

    def ingest_file(self, path, known_files: dict[str, tuple[str, int]]) -> list[str]:
        with open(path, "rb") as handle:
            if is_export(handle.read(64)):
                return self.ingest_export(path)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ParseError(f"file is {size} bytes, over the {MAX_FILE_BYTES} limit")
        data = path.read_bytes()
        locator = locator_for(path)
        digest = sha256_of(data)
        known = known_files.get(locator)
        if known and known[0] == digest:
            return ["unchanged"] * known[1]  # the whole file is unchanged: near-free
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
            outcomes.append(self.save(doc, doc_locator, doc_digest))
        # Rows that left a table leave the archive with it.
        stale = Source.objects.filter(locator__startswith=f"{locator}#").exclude(locator__in=keep)
        if any(doc.part for doc in docs) and stale.exists():
            remove_sources(stale)
        SourceFile.objects.update_or_create(
            path=locator, defaults={"sha256": digest, "documents": len(docs)}
        )
        return outcomes

    def ingest_export(self, path) -> list[str]:
        """An archive export (`manage.py export`), read line by line whatever its size: each
        source keeps its own locator and digest, so the archive it came from is rebuilt as it
        was. Unchanged sources are skipped one by one."""
        with open(path, "rb") as handle:
            return [
                self.save(item.parsed, item.locator, item.sha256) for item in read_export(handle)
            ]

    def save(self, doc, locator: str, digest: str) -> str:
        for attempt in range(3):
            try:
                return save_document(
                    doc, locator=locator, sha256=digest, defer=True, reparsed=self.reparse
                ).outcome
            except IntegrityError:
                # A concurrent ingest created the same action or source: look again.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")
