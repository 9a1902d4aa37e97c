"""`python manage.py sync_federal_register`: pull new presidential documents from the FR API.

    python manage.py sync_federal_register [--since DATE] [--until DATE] [--type KIND ...]

Without --since, a run starts after the last complete window, so a second run is near-free
and a run cut short resumes where it stopped (see `actions/jobs/sync.py`).
"""

from __future__ import annotations

import datetime
import sys

from django.core.management.base import BaseCommand, CommandError

from actions.fr_sync.client import FetchError
from actions.fr_sync.sync import DOCUMENT_TYPES, SyncError
from actions.jobs.sync import SyncReport, plan, run_sync


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
        report = plan(since, until, types)
        if report.nothing_to_do:
            self.stdout.write(f"nothing to do: {report.since} is after {report.until}")
            return
        self.stdout.write(
            f"Federal Register {', '.join(report.types)}: {since or report.since} to {report.until}"
        )
        try:
            run_sync(
                report,
                progress=self.progress,
                on_error=lambda path, reason: self.stderr.write(f"error: {path}: {reason}"),
            )
        except (FetchError, SyncError) as error:
            self.summary(report)
            raise CommandError(
                f"{error}\nstopped; the next run resumes after the last complete window"
            ) from error
        self.summary(report)

    def progress(self, line: str, done: bool) -> None:
        if sys.stderr.isatty():
            sys.stderr.write("\r" + line.ljust(60) + ("\n" if done else ""))
            sys.stderr.flush()

    def summary(self, report: SyncReport) -> None:
        stats = report.client.stats
        self.stdout.write(
            f"{report.windows} windows complete, {report.listed} documents listed, "
            f"{report.fetched} files fetched, {stats.requests} requests, "
            f"{stats.retries} {'retry' if stats.retries == 1 else 'retries'}, "
            f"{report.ingest_failures} windows with files "
            "that could not be ingested"
        )
