"""The archive's bookkeeping: its version (which retires cached pages), the work an ingest still
owes, the related-actions index, how far a pull from an outside source is complete."""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction


class ArchiveVersion(models.Model):
    """One row: when the archive's content last changed (an ingest, rebuild or relate run).
    Cached pages carry it in their key, so a change retires every cached page at once.

    With a shared cache (Redis) and no replica, readers take it from the cache (one round trip
    less per page served from the cache); the writer puts the new one there when its change
    commits, and an entry lives `ARCHIVE_VERSION_CACHE_SECONDS` at most, so a writer run
    without the cache's settings delays nothing longer than that. With replicas it is read
    from the database the request reads: a page made from a lagging replica must never be
    stored under a version whose rows that replica has not replayed yet."""

    changed_at = models.DateTimeField()
    CACHE_KEY = "archive-version"

    def __str__(self) -> str:
        return f"archive changed at {self.changed_at}"

    @classmethod
    def current(cls) -> str:
        cached = _version_cache()
        if cached is not None and (found := cached.get(cls.CACHE_KEY)):
            return found
        row = cls.objects.order_by().values_list("changed_at", flat=True).first()
        version = row.isoformat() if row else "0"
        if cached is not None:
            cached.set(cls.CACHE_KEY, version, settings.ARCHIVE_VERSION_CACHE_SECONDS)
        return version

    @classmethod
    def bump(cls) -> None:
        from django.utils import timezone

        now = timezone.now()
        if not cls.objects.update(changed_at=now):
            cls.objects.create(changed_at=now)
        cached = _version_cache()
        if cached is not None:
            transaction.on_commit(
                lambda: cached.set(
                    cls.CACHE_KEY, now.isoformat(), settings.ARCHIVE_VERSION_CACHE_SECONDS
                )
            )


def _version_cache():
    """The cache the archive's version is kept in, or None where it must be read from the
    database (a per-process cache would go stale; replicas must read their own)."""
    from django.core.cache import cache

    from archive.cache import cache_is_shared
    from archive.replicas import replica_aliases

    usable = cache_is_shared() and not replica_aliases() and settings.ARCHIVE_VERSION_CACHE_SECONDS
    return cache if usable else None


RELATE_TASK = "relate"  # PendingTask: related actions and commentary links are owed a rebuild


class RelatedIndex(models.Model):
    """One row: the state of the last related-actions pass, so that a new document is related
    to the archive without weighing every other action again. `features` is the profile
    matrix (`graph.related_matrix.FeatureMatrix`); `frequencies` how many actions had each
    feature (zlib-compressed JSON; words found in one action only are left out)."""

    features = models.BinaryField()
    frequencies = models.BinaryField()
    built_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"related-actions index of {self.built_at}"


class PendingTask(models.Model):
    """Whole-archive work an ingest still owes (recomputing related actions), recorded before
    it starts and removed when it is done: a run killed halfway leaves the task for the next."""

    name = models.CharField(max_length=50, unique=True)
    since = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class SyncState(models.Model):
    """How far a pull from an outside source is complete: the Federal Register sync records
    the last publication date whose window was listed, checked and ingested whole, so a run
    cut short resumes after it."""

    name = models.CharField(max_length=200, unique=True)
    complete_through = models.DateField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name}: complete through {self.complete_through}"
