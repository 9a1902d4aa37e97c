"""A stand-in Federal Register API on 127.0.0.1, answering from recorded responses.

The list comes from the FR's own list responses kept in the corpus
(`nara-disposition-tables/eo/data/fr/*.json`), filtered by the publication dates and paged
the way the real API pages: at most `cap` results for a query, the count capped too, and
pages past the cap silently starting over. Each document's JSON and full-text XML are the
recorded files of `fr-eo-1994-2020`. Faults can be scheduled: a 429, a 500, a body cut
short, a list that leaves a document out, or the whole server going down.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SUBTYPES = {"Executive Order": "executive_order", "Proclamation": "proclamation"}


@dataclass
class Fault:
    matches: Callable[[str], bool]
    kind: str  # "429", "500", "truncate", "slow" (answers after a second)
    times: int = 1


@dataclass
class Recorded:
    corpus: Path
    cap: int = 10000
    records: list[dict] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    agents: set[str] = field(default_factory=set)
    down: bool = False
    down_after: int | None = None  # requests answered before the server goes down
    drop_from_lists: str | None = None  # a document number the list pages leave out

    def load(self, since: str, until: str) -> list[dict]:
        for path in sorted((self.corpus / "nara-disposition-tables/eo/data/fr").glob("*.json")):
            for record in json.loads(path.read_text())["results"]:
                if since <= record["publication_date"] <= until:
                    self.records.append(record)
                    number = record["executive_order_number"]
                    stem = self.corpus / "fr-eo-1994-2020/executive_orders" / f"EO_{number}"
                    self.files[record["document_number"]] = stem
        self.records.sort(key=lambda r: (r["publication_date"], r["document_number"]))
        return self.records

    def fault_for(self, path: str) -> str | None:
        for fault in self.faults:
            if fault.times > 0 and fault.matches(path):
                fault.times -= 1
                return fault.kind
        return None

    def listing(self, query: dict[str, list[str]]) -> dict:
        first = query.get("conditions[publication_date][gte]", ["0000"])[0]
        last = query.get("conditions[publication_date][lte]", ["9999"])[0]
        kinds = set(query.get("conditions[presidential_document_type][]", []))
        matching = [
            r
            for r in self.records
            if first <= r["publication_date"] <= last
            and (not kinds or SUBTYPES.get(r["subtype"]) in kinds)
        ]
        announced = min(len(matching), self.cap)
        per_page = max(1, int(query.get("per_page", ["20"])[0]))
        page = max(1, int(query.get("page", ["1"])[0]))
        reachable = matching[: self.cap]
        pages = max(1, -(-len(reachable) // per_page))
        start = ((page - 1) % pages) * per_page  # past the cap, the API starts over
        results = [
            r
            for r in reachable[start : start + per_page]
            if r["document_number"] != self.drop_from_lists
        ]
        return {"count": announced, "total_pages": pages, "results": results}


def handler_for(state: Recorded):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):  # noqa: N802 - the http.server name
            state.agents.add(self.headers.get("User-Agent", ""))
            if state.down_after is not None and len(state.log) >= state.down_after:
                state.down = True
            if state.down:
                self.close_connection = True
                self.connection.close()  # no answer at all: a server gone away
                return
            state.log.append(self.path)
            parts = urlsplit(self.path)
            fault = state.fault_for(self.path)
            if fault == "slow":
                time.sleep(1.0)
                fault = None
            if fault in {"429", "500"}:
                self.send_response(int(fault))
                self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = self.body(parts)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body) + (500 if fault else 0)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2] if fault == "truncate" else body)
            if fault == "truncate":
                self.close_connection = True

        def body(self, parts) -> bytes | None:
            if parts.path == "/api/v1/documents.json":
                return json.dumps(state.listing(parse_qs(parts.query))).encode()
            name = parts.path.rsplit("/", 1)[-1]
            number, _, suffix = name.rpartition(".")
            stem = state.files.get(number)
            if stem is None:
                return None
            if parts.path.startswith("/api/v1/documents/") and suffix == "json":
                return stem.with_suffix(".json").read_bytes()
            if parts.path.startswith("/documents/full_text/xml/") and suffix == "xml":
                return stem.with_suffix(".xml").read_bytes()
            return None

    return Handler


class RecordedServer:
    def __init__(self, state: Recorded):
        self.state = state
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/api/v1"

    def __enter__(self) -> RecordedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
