"""The archive as JSON Lines: every action in full (the API's serializer: sections, citations,
relations both ways, agencies, sources, commentary) and every piece of commentary.

Each line stands alone. Actions are named by their canonical address (`"url": "/eo/14385"`),
never by a database id, and listed in a stable order, so two exports of the same archive are
identical. Each line's `sources` carry their locator, digest and parse: that is what `ingest`
reads back (`actions.ingest.export`); the rest is derived from them and is there for the
people who use the file. Computed related-action links are left out: `ingest` recomputes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from actions.ingest.export import MARKER, VERSION
from actions.models import Action, Commentary, Source
from actions.read.detail import read_details, serialize

BATCH = 200


def export_lines() -> Iterator[str]:
    ids = list(
        Action.objects.order_by("kind", "signed_on", "number", "title", "id").values_list(
            "id", flat=True
        )
    )
    for start in range(0, len(ids), BATCH):
        for detail in read_details(ids[start : start + BATCH], computed=False):
            yield _dumps(
                {
                    MARKER: VERSION,
                    "action": serialize(detail, export=True),
                    "sources": sorted(
                        (_source_record(s) for s in detail.action.sources.all()),
                        key=lambda s: s["locator"],
                    ),
                }
            )
    for commentary in Commentary.objects.select_related("source").order_by("source__locator"):
        yield _dumps(
            {
                MARKER: VERSION,
                "commentary": {
                    "title": commentary.title,
                    "publisher": commentary.publisher,
                    "url": commentary.url,
                    "published_on": commentary.published_on.isoformat()
                    if commentary.published_on
                    else None,
                },
                "sources": [_source_record(commentary.source)],
            }
        )


def _dumps(record: dict) -> str:
    """Keys sorted for stable output, the marker first so a reader knows the file at once."""
    body = {k: v for k, v in record.items() if k != MARKER}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "{" + f'"{MARKER}":{VERSION},' + text[1:]


def _source_record(source: Source) -> dict:
    return {
        "locator": source.locator,
        "sha256": source.sha256,
        "format": source.format,
        "official": source.official,
        "parsed": source.metadata.get("parsed"),
    }
