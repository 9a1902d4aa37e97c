"""Which presidential documents the Federal Register lists, window by window, honestly counted.

The API answers at most 10,000 results for one query and then wraps around to its first page
without a word, and the count it reports is capped too: an importer that trusted it published
about 1% of the data and reported success. So the list is read in date windows (calendar
years); a window whose announced count comes near the cap is split in halves, again and again;
and each small window's documents are counted as they arrive and must equal the count it
announced, or the run stops with an error naming the window. Documents are saved as files
(the API's JSON and the full-text XML), written whole or not at all, and read by the same
parsers as any file.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from actions.fr_sync.client import FederalRegisterClient

DOCUMENT_TYPES = ["executive_order", "proclamation", "memorandum", "notice", "determination"]
PER_PAGE = 1000  # the API's largest page
NEAR_CAP = 0.9  # a window announcing this share of the cap, or more, is split
FIELDS = ["document_number", "publication_date", "json_url", "full_text_xml_url"]


class SyncError(Exception):
    """The API's answers cannot be trusted for a window: stop, say which and why."""


@dataclass(frozen=True)
class Window:
    start: datetime.date
    end: datetime.date

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def halves(self) -> tuple[Window, Window] | None:
        days = (self.end - self.start).days
        if days < 1:
            return None
        middle = self.start + datetime.timedelta(days=days // 2)
        return Window(self.start, middle), Window(middle + datetime.timedelta(days=1), self.end)


def year_windows(since: datetime.date, until: datetime.date) -> list[Window]:
    """Calendar-year windows covering since..until, in order."""
    windows, start = [], since
    while start <= until:
        end = min(datetime.date(start.year, 12, 31), until)
        windows.append(Window(start, end))
        start = end + datetime.timedelta(days=1)
    return windows


class Lister:
    def __init__(self, client: FederalRegisterClient, types: list[str], cap: int):
        self.client = client
        self.types = types
        self.cap = cap

    def _params(self, window: Window, page: int, per_page: int) -> list[tuple[str, str]]:
        params = [
            ("conditions[type][]", "PRESDOCU"),
            ("conditions[publication_date][gte]", window.start.isoformat()),
            ("conditions[publication_date][lte]", window.end.isoformat()),
            ("order", "oldest"),
            ("per_page", str(per_page)),
            ("page", str(page)),
        ]
        params += [("conditions[presidential_document_type][]", kind) for kind in self.types]
        params += [("fields[]", name) for name in FIELDS]
        return params

    def count(self, window: Window) -> int:
        answer = self.client.list_documents(self._params(window, 1, 1))
        try:
            return int(answer["count"])
        except (KeyError, TypeError, ValueError) as error:
            raise SyncError(f"{window}: the list has no count ({error})") from error

    def settle(self, window: Window) -> list[tuple[Window, int]]:
        """The window, or its parts, each with an announced count safely under the cap."""
        count = self.count(window)
        if count < self.cap * NEAR_CAP:
            return [(window, count)]
        halves = window.halves()
        if halves is None:
            raise SyncError(
                f"{window}: {count} documents on one day, at the API's cap of {self.cap}: "
                "they cannot all be listed"
            )
        return [part for half in halves for part in self.settle(half)]

    def documents(self, window: Window, count: int) -> list[dict]:
        """Every document the window announced, checked against its count."""
        per_page = max(1, min(PER_PAGE, self.cap))
        seen: dict[str, dict] = {}
        page = 1
        while len(seen) < count and (page - 1) * per_page < count:
            answer = self.client.list_documents(self._params(window, page, per_page))
            results = answer.get("results") or []
            if not results:
                break
            for result in results:
                number = result.get("document_number")
                if number:
                    seen.setdefault(number, result)
            page += 1
        if len(seen) != count:
            raise SyncError(
                f"{window}: the API announced {count} documents and listed {len(seen)}; "
                "nothing from this window is recorded as complete"
            )
        return list(seen.values())


def save_atomically(path: Path, data: bytes) -> None:
    """The whole file or none: a run cut short never leaves half a document behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def download(
    client: FederalRegisterClient, result: dict, folder: Path, on_saved: Callable | None = None
) -> tuple[list[Path], int]:
    """The document's JSON and full-text XML as files (already saved ones are not fetched
    again); returns the files and how many were fetched now."""
    number = result["document_number"]
    year = (result.get("publication_date") or "0000")[:4]
    json_path = folder / year / f"{number}.json"
    fetched = 0
    if not json_path.exists():
        url = result.get("json_url") or f"{client.base_url}/documents/{number}.json"
        save_atomically(json_path, client.get(url))
        fetched += 1
    files = [json_path]
    xml_url = result.get("full_text_xml_url")
    if xml_url:
        xml_path = folder / year / f"{number}.xml"
        if not xml_path.exists():
            save_atomically(xml_path, client.get_xml(xml_url))
            fetched += 1
        files.append(xml_path)
    if on_saved:
        on_saved(number)
    return files, fetched
