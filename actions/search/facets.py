"""Facet counts and date order for any set of actions, from a columnar index held in memory.

Counting kinds, presidents, years, agencies, U.S.C. titles and statuses with six GROUP BY
queries re-runs the whole match six times (about 70 ms each for `united states` on SQLite);
here the matching ids are found once and counted with numpy over arrays loaded once per
archive version (a few MB at 100k actions). The counts stay exact: the index is rebuilt when
`ArchiveVersion` changes, which every ingest, rebuild and relate run bumps.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from django.core.cache import cache
from django.db import connections

from actions.models import Action, AgencyMention, ArchiveVersion, Citation
from actions.vocabulary import KIND_LABELS, STATUS_LABELS
from archive.cache import cache_is_shared

logger = logging.getLogger(__name__)
FACET_SIZE = 12
YEARS_SHOWN = 30
SHARED_SECONDS = 24 * 3600  # an index of a version no one asks for any more just expires


@dataclass
class FacetIndex:
    version: str
    ids: np.ndarray  # sorted action ids; an action's position is its row in every array
    kind: np.ndarray
    kinds: list[str]
    president: np.ndarray  # -1 for none
    presidents: list[tuple[str, str]]
    year: np.ndarray  # 0 for undated
    day: np.ndarray  # signed date as an ordinal, 0 for undated: for date order
    status: np.ndarray
    statuses: list[str]
    agency_rows: np.ndarray  # (position, agency code) pairs, one per action and agency
    agency_codes: np.ndarray
    agencies: list[tuple[str, str]]
    title_rows: np.ndarray  # (position, U.S.C. title code) pairs
    title_codes: np.ndarray
    titles: list[str]

    def positions(self, ids) -> np.ndarray:
        """Rows of the given action ids (ids not in the index are dropped)."""
        ids = np.asarray(ids, dtype=np.int64)
        found = np.searchsorted(self.ids, ids)
        found = np.clip(found, 0, max(len(self.ids) - 1, 0))
        return found[self.ids[found] == ids] if len(self.ids) else found[:0]

    def newest_first(self, ids) -> list[int]:
        """The given ids by signed date, newest first (then highest id), as the list pages do."""
        rows = self.positions(ids)
        order = np.lexsort((-self.ids[rows], -self.day[rows]))
        return self.ids[rows[order]].tolist()

    def counts(self, ids) -> OrderedDict:
        """Facets of the given actions: name -> [(value, label, count)], largest first."""
        mask = np.zeros(len(self.ids), dtype=bool)
        mask[self.positions(ids)] = True
        facets: OrderedDict = OrderedDict()
        facets["kind"] = _top(np.bincount(self.kind[mask], minlength=len(self.kinds)), self.kinds)
        president = self.president[mask]
        facets["president"] = [
            (slug, name, n)
            for (slug, name), n in _ranked(
                np.bincount(president[president >= 0], minlength=len(self.presidents)),
                self.presidents,
            )
        ]
        years = np.bincount(self.year[mask], minlength=1)
        facets["year"] = [(str(y), str(y), int(years[y])) for y in np.nonzero(years)[0][::-1] if y][
            :YEARS_SHOWN
        ]
        agencies = np.bincount(
            self.agency_codes[mask[self.agency_rows]], minlength=len(self.agencies)
        )
        facets["agency"] = [
            (slug, name, n) for (slug, name), n in _ranked(agencies, self.agencies)[:FACET_SIZE]
        ]
        titles = np.bincount(self.title_codes[mask[self.title_rows]], minlength=len(self.titles))
        facets["statute"] = [
            (f"{t} U.S.C.", f"Title {t} U.S.C.", n)
            for t, n in _ranked(titles, self.titles)[:FACET_SIZE]
        ]
        labels = STATUS_LABELS
        facets["status"] = [
            (value, labels.get(value, value), n)
            for value, n in _ranked(
                np.bincount(self.status[mask], minlength=len(self.statuses)), self.statuses
            )
            if value
        ]
        return facets


def _ranked(counts: np.ndarray, labels: list) -> list[tuple]:
    order = sorted(np.nonzero(counts)[0], key=lambda code: (-counts[code], code))
    return [(labels[code], int(counts[code])) for code in order]


def _top(counts: np.ndarray, kinds: list[str]) -> list[tuple[str, str, int]]:
    return [(kind, KIND_LABELS.get(kind, kind), n) for kind, n in _ranked(counts, kinds)]


def _codes(values: list) -> tuple[np.ndarray, list]:
    """Small integer codes for values (-1 for None), and the values by code."""
    table: dict = {}
    codes = np.fromiter(
        (-1 if v is None else table.setdefault(v, len(table)) for v in values), dtype=np.int32
    )
    return codes, list(table)


def _pairs(index_ids: np.ndarray, rows: list[tuple[int, object]]) -> tuple[np.ndarray, list]:
    action_ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    positions = np.searchsorted(index_ids, action_ids)
    codes, labels = _codes([row[1] for row in rows])
    return np.stack([positions, codes]) if rows else np.zeros((2, 0), dtype=np.int64), labels


def build(version: str, using: str = "default") -> FacetIndex:
    actions = list(
        Action.objects.using(using)
        .order_by("id")
        .values_list("id", "kind", "president__slug", "president__name", "signed_on", "status")
    )
    ids = np.fromiter((row[0] for row in actions), dtype=np.int64, count=len(actions))
    kind, kinds = _codes([row[1] for row in actions])
    president, presidents = _codes([(row[2], row[3]) if row[2] else None for row in actions])
    dates = [row[4] for row in actions]
    year = np.fromiter((d.year if d else 0 for d in dates), dtype=np.int32, count=len(dates))
    day = np.fromiter((d.toordinal() if d else 0 for d in dates), dtype=np.int64, count=len(dates))
    status, statuses = _codes([row[5] or "" for row in actions])
    mentions = (
        AgencyMention.objects.using(using)
        .values_list("action_id", "agency__slug", "agency__name")
        .distinct()
        .order_by()
    )
    agency_pairs, agencies = _pairs(ids, [(a, (slug, name)) for a, slug, name in mentions])
    title_pairs, titles = _pairs(
        ids,
        list(
            Citation.objects.using(using)
            .filter(statute__kind="usc")
            .values_list("action_id", "statute__title")
            .distinct()
            .order_by()
        ),
    )
    return FacetIndex(
        version=version,
        ids=ids,
        kind=kind,
        kinds=kinds,
        president=president,
        presidents=presidents,
        year=year,
        day=day,
        status=status,
        statuses=statuses,
        agency_rows=agency_pairs[0],
        agency_codes=agency_pairs[1],
        agencies=agencies,
        title_rows=title_pairs[0],
        title_codes=title_pairs[1],
        titles=titles,
    )


_lock = threading.Lock()
_current: dict[str, FacetIndex] = {}


def facet_index(using: str = "default", archive_version: str | None = None) -> FacetIndex:
    """This process's index for the archive as it is now (`archive_version`, when the caller
    has read it already); rebuilt after any change."""
    current = archive_version or ArchiveVersion.current()
    version = f"{connections[using].settings_dict['NAME']}|{current}"
    index = _current.get(using)
    if index is None or index.version != version:
        with _lock:
            index = _current.get(using)
            if index is None or index.version != version:
                index = _current[using] = _from_shared_cache(version) or _built(version, using)
    return index


# Where the cache is shared (Redis, a folder), a worker that starts after another built the
# index for this version reads it (a few MB, a few ms) instead of building it (0.2 s here,
# seconds at 100k actions). A per-process memory cache would only hold a second copy.
def _shared_key(version: str) -> str:
    return "facets:" + hashlib.sha256(version.encode()).hexdigest()


def _from_shared_cache(version: str) -> FacetIndex | None:
    if not cache_is_shared():
        return None
    index = cache.get(_shared_key(version))
    return index if isinstance(index, FacetIndex) and index.version == version else None


def _built(version: str, using: str) -> FacetIndex:
    index = build(version, using)
    if cache_is_shared():
        cache.set(_shared_key(version), index, SHARED_SECONDS)
    return index


def warm_in_background(using: str = "default", every: float | None = None) -> threading.Thread:
    """Build this process's index in a thread, so the first search a server process answers
    does not wait for it (0.2 s on the real corpus, 1.5-4 s at 100k actions); with `every`
    (seconds), look again at that interval and rebuild after an ingest changed the archive, so
    readers seldom pay that either. gunicorn.conf.py calls it in each worker. A database not
    migrated yet is no error here: the first search after migrating builds the index."""

    def keep_warm() -> None:
        from django.db import DatabaseError, close_old_connections

        try:
            while True:
                try:
                    facet_index(using)
                except DatabaseError as error:
                    logger.warning("facet index not built in the background: %s", error)
                finally:
                    close_old_connections()
                if not every or stop.wait(every):
                    return
        finally:
            connections.close_all()  # this thread's own connections

    stop = threading.Event()  # set it to end the thread: `warm_in_background(...).stop.set()`
    thread = threading.Thread(target=keep_warm, name="facet-index", daemon=True)
    thread.stop = stop
    thread.start()
    return thread


def forget() -> None:
    """Drop this process's indexes (tests roll back the rows they were built from)."""
    with _lock:
        _current.clear()
