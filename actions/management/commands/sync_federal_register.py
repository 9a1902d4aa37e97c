"""`python manage.py sync_federal_register`: pull new presidential documents from the FR API.

    python manage.py sync_federal_register [--since DATE] [--until DATE] [--type KIND ...]

Reads the list window by window (see actions/fr_sync/sync.py), saves each document's JSON and
full-text XML under ARCHIVE_FR_DIR, ingests each window's files with `ingest`, and records
the window as complete; without --since, a run starts after the last complete window, so a
second run is near-free and a run cut short resumes where it stopped. Related actions are
recomputed once at the end.
"""

from __future__ import annotations

import datetime
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from actions.fr_sync.client import FederalRegisterClient, FetchError
from actions.fr_sync.sync import DOCUMENT_TYPES, Lister, SyncError, download, year_windows
from actions.models import SyncState

FIRST_DAY = datetime.date(1994, 1, 1)  # the API's full-text coverage starts in 1994


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = "Pull presidential documents from the Federal Register API and ingest them."

    def add_arguments(self, parser):
        parser.add_argument("--since", type=_date, help="first publication date (YYYY-MM-DD)")
        parser.add_argument("--until", type=_date, help="last publication date (default today)")
        parser.add_argument(
            "--type",
            dest="types",
            action="extend",
            nargs="+",
            choices=DOCUMENT_TYPES,
            help="presidential document types (default all)",
        )

    def handle(self, *args, since=None, until=None, types=None, **options):
        types = sorted(set(types or DOCUMENT_TYPES))
        state_name = "federal_register:" + ",".join(types)
        state = SyncState.objects.filter(name=state_name).first()
        if since is None:
            since = state.complete_through + datetime.timedelta(days=1) if state else FIRST_DAY
        until = until or datetime.date.today()
        if since > until:
            self.stdout.write(f"nothing to do: complete through {state.complete_through}")
            return
        client = FederalRegisterClient(
            settings.ARCHIVE_FR_API_URL,
            settings.ARCHIVE_FR_USER_AGENT,
            rate=settings.ARCHIVE_FR_REQUESTS_PER_SECOND,
            xml_rate=settings.ARCHIVE_FR_XML_REQUESTS_PER_SECOND,
            timeout=settings.ARCHIVE_FR_TIMEOUT,
            backoff=settings.ARCHIVE_FR_BACKOFF_SECONDS,
        )
        lister = Lister(client, types, settings.ARCHIVE_FR_RESULT_CAP)
        folder = settings.ARCHIVE_FR_DIR
        totals = {"windows": 0, "listed": 0, "fetched": 0, "ingest_failures": 0}
        self.stdout.write(f"Federal Register {', '.join(types)}: {since} to {until}")
        try:
            for year in year_windows(since, until):
                for window, count in lister.settle(year):
                    files = self.pull_window(client, lister, window, count, folder, totals)
                    self.ingest(files, totals)
                    SyncState.objects.update_or_create(
                        name=state_name, defaults={"complete_through": window.end}
                    )
                    totals["windows"] += 1
        except (FetchError, SyncError) as error:
            self.summary(client, totals)
            raise CommandError(
                f"{error}\nstopped; the next run resumes after the last complete window"
            ) from error
        if totals["fetched"]:
            call_command("relate", stdout=self.stdout, stderr=self.stderr)
        self.summary(client, totals)

    def pull_window(self, client, lister, window, count, folder, totals) -> list:
        documents = lister.documents(window, count)
        totals["listed"] += len(documents)
        files = []
        for position, result in enumerate(documents, start=1):
            saved, fetched = download(client, result, folder)
            files += saved
            totals["fetched"] += fetched
            self.progress(f"{window}: {position}/{len(documents)} documents")
        self.progress(f"{window}: {len(documents)} documents", done=True)
        return files

    def ingest(self, files: list, totals: dict) -> None:
        if not files:
            return
        try:
            call_command(
                "ingest", "--no-relate", *map(str, files), stdout=_Quiet(), stderr=self.stderr
            )
        except CommandError:
            # Files the parsers refuse are reported by ingest (path and reason) and kept on
            # disk; the rest of the window is in, so the window still counts as complete.
            totals["ingest_failures"] += 1

    def progress(self, line: str, done: bool = False) -> None:
        if sys.stderr.isatty():
            sys.stderr.write("\r" + line.ljust(60) + ("\n" if done else ""))
            sys.stderr.flush()

    def summary(self, client, totals: dict) -> None:
        stats = client.stats
        self.stdout.write(
            f"{totals['windows']} windows complete, {totals['listed']} documents listed, "
            f"{totals['fetched']} files fetched, {stats.requests} requests, "
            f"{stats.retries} {'retry' if stats.retries == 1 else 'retries'}, "
            f"{totals['ingest_failures']} windows with files "
            "that could not be ingested"
        )


class _Quiet:
    """Swallows ingest's per-window summary lines; errors still go to stderr."""

    def write(self, *args, **kwargs) -> None:
        pass

    def flush(self) -> None:
        pass
