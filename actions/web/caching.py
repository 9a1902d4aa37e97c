"""Rendered pages kept in Django's cache while the archive does not change."""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from actions.models import ArchiveVersion


def archive_cached(view):
    """Serve a page from Django's cache while the archive has not changed.

    The key holds the archive's version (bumped by every ingest, rebuild and relate run) and
    the full address, so a change retires every cached page at once and nothing stale is
    shown. Pages here are the same for every reader (no login state), so this is safe.
    `ARCHIVE_PAGE_CACHE_SECONDS = 0` turns it off.
    """

    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        seconds = settings.ARCHIVE_PAGE_CACHE_SECONDS
        if not seconds or request.method != "GET":
            return view(request, *args, **kwargs)
        address = f"{ArchiveVersion.current()}|{request.get_full_path()}"
        key = "page:" + hashlib.sha256(address.encode()).hexdigest()
        response = cache.get(key)
        if response is not None:
            # Said for operators and CDNs: this answer was made earlier, by any process
            # sharing the cache.
            response.headers["X-Archive-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            cache.set(key, response, seconds)
            response.headers["X-Archive-Cache"] = "miss"
        return response

    return cached_view
