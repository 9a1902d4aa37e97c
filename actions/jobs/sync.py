"""The Federal Register sync: list new presidential documents window by window, save each
one's JSON and full-text XML under ARCHIVE_FR_DIR, ingest each window's files, and record
the window as complete, so that a run cut short resumes after the last complete window.
Related actions are recomputed once at the end, and only if anything arrived.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings

from actions.fr_sync.client import FederalRegisterClient
from actions.fr_sync.sync import DOCUMENT_TYPES, Lister, download, year_windows
from actions.graph.relations import relate_pending
from actions.jobs.ingest import ingest_paths
from actions.models import SyncState

FIRST_DAY = datetime.date(1994, 1, 1)  # the API's full-text coverage starts in 1994


@dataclass
class SyncReport:
    types: list[str]
    since: datetime.date
    until: datetime.date
    windows: int = 0
    listed: int = 0
    fetched: int = 0
    ingest_failures: int = 0  # windows with files the parsers refused (kept on disk)
    ingest_errors: list[tuple[str, str]] = field(default_factory=list)
    client: FederalRegisterClient | None = None

    @property
    def nothing_to_do(self) -> bool:
        return self.since > self.until


def state_name(types: list[str]) -> str:
    return "federal_register:" + ",".join(types)


def plan(
    since: datetime.date | None, until: datetime.date | None, types: list[str] | None
) -> SyncReport:
    """The range a run covers: from `since`, or the day after the last complete window."""
    types = sorted(set(types or DOCUMENT_TYPES))
    if since is None:
        state = SyncState.objects.filter(name=state_name(types)).first()
        since = state.complete_through + datetime.timedelta(days=1) if state else FIRST_DAY
    return SyncReport(types=types, since=since, until=until or datetime.date.today())


def client_from_settings() -> FederalRegisterClient:
    return FederalRegisterClient(
        settings.ARCHIVE_FR_API_URL,
        settings.ARCHIVE_FR_USER_AGENT,
        rate=settings.ARCHIVE_FR_REQUESTS_PER_SECOND,
        xml_rate=settings.ARCHIVE_FR_XML_REQUESTS_PER_SECOND,
        timeout=settings.ARCHIVE_FR_TIMEOUT,
        backoff=settings.ARCHIVE_FR_BACKOFF_SECONDS,
    )


def run_sync(
    report: SyncReport,
    *,
    progress: Callable[[str, bool], None] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> SyncReport:
    """Pull and ingest the planned range; `FetchError`/`SyncError` stop it (the windows done
    so far stay recorded as complete)."""
    progress = progress or (lambda line, done: None)
    client = report.client = client_from_settings()
    lister = Lister(client, report.types, settings.ARCHIVE_FR_RESULT_CAP)
    for year in year_windows(report.since, report.until):
        for window, count in lister.settle(year):
            documents = lister.documents(window, count)
            report.listed += len(documents)
            files = []
            for position, result in enumerate(documents, start=1):
                saved, fetched = download(client, result, settings.ARCHIVE_FR_DIR)
                files += saved
                report.fetched += fetched
                progress(f"{window}: {position}/{len(documents)} documents", False)
            progress(f"{window}: {len(documents)} documents", True)
            if files:
                ingested = ingest_paths(map(str, files), relate=False, on_error=on_error)
                # Files the parsers refuse are reported (path and reason) and kept on disk;
                # the rest of the window is in, so the window still counts as complete.
                if ingested.failed:
                    report.ingest_failures += 1
                    report.ingest_errors += ingested.errors
            SyncState.objects.update_or_create(
                name=state_name(report.types), defaults={"complete_through": window.end}
            )
            report.windows += 1
    if report.fetched:
        relate_pending()
    return report
