"""A polite HTTP client for the Federal Register API: rate limits, retries, timeouts.

Standard library only (urllib): a descriptive User-Agent; at most `rate` requests a second to
the API and `xml_rate` to the full-text XML (the FR asks for restraint there); retries with
exponential backoff on 429 and 5xx answers, on timeouts, refused connections and bodies cut
short, honouring Retry-After; every other failure raised at once with the address and reason.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

RETRY_STATUSES = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A request that failed for good (after its retries, or at once for a 4xx)."""


@dataclass
class RateLimiter:
    """At most `per_second` calls a second: each call waits until its turn."""

    per_second: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _next: float = 0.0

    def wait(self) -> None:
        if self.per_second <= 0:
            return
        now = self.clock()
        if now < self._next:
            self.sleep(self._next - now)
            now = self._next
        self._next = now + 1.0 / self.per_second


@dataclass
class Stats:
    requests: int = 0
    retries: int = 0
    failures: list[str] = field(default_factory=list)


class FederalRegisterClient:
    def __init__(
        self,
        base_url: str,
        user_agent: str,
        rate: float = 5.0,
        xml_rate: float = 1.0,
        timeout: float = 30.0,
        attempts: int = 5,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.base_url = base_url.rstrip("/")
        origin = urllib.parse.urlsplit(self.base_url)
        self.origin = f"{origin.scheme}://{origin.netloc}"
        self.user_agent = user_agent
        self.api = RateLimiter(rate, sleep=sleep)
        self.xml = RateLimiter(xml_rate, sleep=sleep)
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        self.sleep = sleep
        self.stats = Stats()

    def local(self, url: str) -> str:
        """An address the API printed (www.federalregister.gov), on the configured server:
        the same paths, so a mirror or a test server answers for the real one."""
        parts = urllib.parse.urlsplit(url)
        if parts.netloc.endswith("federalregister.gov"):
            return self.origin + urllib.parse.urlunsplit(("", "", parts.path, parts.query, ""))
        return url

    def list_documents(self, params: list[tuple[str, str]]) -> dict:
        return self.get_json(f"{self.base_url}/documents.json?{urllib.parse.urlencode(params)}")

    def get_json(self, url: str) -> dict:
        body = self.get(url, self.api)
        try:
            return json.loads(body)
        except ValueError as error:
            raise FetchError(f"{url}: not JSON ({error})") from error

    def get(self, url: str, limiter: RateLimiter | None = None) -> bytes:
        """The body at `url`, after retries; `FetchError` when it cannot be had."""
        url = self.local(url)
        limiter = limiter or self.api
        reason = ""
        for attempt in range(self.attempts):
            limiter.wait()
            self.stats.requests += 1
            request = urllib.request.Request(
                url, headers={"User-Agent": self.user_agent, "Accept": "*/*"}
            )
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as error:
                if error.code not in RETRY_STATUSES:
                    raise FetchError(f"{url}: HTTP {error.code}") from error
                reason = f"HTTP {error.code}"
                wait = _retry_after(error.headers.get("Retry-After"))
            except (
                TimeoutError,
                urllib.error.URLError,
                http.client.IncompleteRead,
                http.client.RemoteDisconnected,
                ConnectionError,
            ) as error:
                reason = f"{type(error).__name__}: {error}"
                wait = None
            if attempt + 1 < self.attempts:
                self.stats.retries += 1
                self.sleep(wait if wait is not None else self.backoff * 2**attempt)
        self.stats.failures.append(url)
        raise FetchError(f"{url}: {reason} after {self.attempts} attempts")

    def get_xml(self, url: str) -> bytes:
        return self.get(url, self.xml)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (a number; dates are read as no advice)."""
    try:
        return max(0.0, min(float(value), 300.0)) if value is not None else None
    except ValueError:
        return None
