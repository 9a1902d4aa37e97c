"""Django's own Redis cache backend, made to forgive Redis being away.

The cache only ever saves work: a page, a match set, a facet index, the archive's version can
all be computed again. So when Redis cannot be reached, a read is a miss and a write is
skipped, the site keeps answering from the database (never a 500), and for
`ARCHIVE_REDIS_RETRY_SECONDS` this process does not try again (a reader should not wait for a
connection timeout on every request). Counting (the API's rate limit) then falls back to this
process's own memory, exact per process until Redis is back.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)


def cache_is_shared() -> bool:
    """Whether Django's cache is one that other processes read too (Redis, a folder), not
    this process's own memory: only then is a value worth putting there for the others."""
    backend = settings.CACHES["default"]["BACKEND"]
    return not backend.endswith(("LocMemCache", "DummyCache"))


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()
        # Where counts go while Redis is away.
        self._fallback = LocMemCache("archive-redis-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})

    @property
    def available(self) -> bool:
        return time.monotonic() >= self._down_until

    def _failed(self, error: Exception) -> None:
        with self._lock:
            if self.available:
                logger.warning("Redis is unreachable (%s): serving without the shared cache", error)
            self._down_until = time.monotonic() + settings.ARCHIVE_REDIS_RETRY_SECONDS

    def _call(self, name: str, fallback, *args, **kwargs):
        if not self.available:
            return fallback(*args, **kwargs)
        try:
            return getattr(super(), name)(*args, **kwargs)
        except self._lib_errors as error:
            self._failed(error)
            return fallback(*args, **kwargs)

    @property
    def _lib_errors(self) -> tuple[type[Exception], ...]:
        import redis

        return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)

    def get(self, key, default=None, version=None):
        return self._call("get", lambda *a, **k: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", lambda *a, **k: {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda *a, **k: False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._call("set", lambda *a, **k: None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda *a, **k: list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda *a, **k: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", lambda *a, **k: False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda *a, **k: None, keys, version)

    def clear(self):
        return self._call("clear", lambda *a, **k: False)

    # Counts: atomic in Redis (INCRBY), in this process's memory while it is away.
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", self._fallback.add, key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", self._fallback.incr, key, delta, version)
