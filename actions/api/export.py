"""The archive as JSON Lines: every action with its sections, citations, relations, agencies and
sources, and every piece of commentary; read back by `ingest` into an empty database.

Each line stands alone. Actions are keyed by their canonical path (`/eo/14385`), never by a
database id, and listed in a stable order, so two exports of the same archive are identical.
Each source carries its locator, digest and parse: that is what `ingest` reads back (the rest
of the line is derived from it, and is there for the people who use the file). Computed
related-action links are left out: `ingest` recomputes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from actions.ingest.parsed import ParsedDocument, ParseError, parsed_from_json
from actions.models import Action, Commentary, Relation, Source

MARKER = "archive_export"
VERSION = 1
BATCH = 200


def export_lines() -> Iterator[str]:
    actions = Action.objects.select_related("president").order_by(
        "kind", "signed_on", "number", "title", "id"
    )
    ids = list(actions.values_list("id", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = (
            Action.objects.filter(pk__in=ids[start : start + BATCH])
            .select_related("president", "text_source")
            .prefetch_related(
                "sections",
                "citations__statute",
                "citations__section",
                "agency_mentions__agency",
                "agency_mentions__section",
                "signatories",
                "sources",
            )
        )
        by_id = {a.pk: a for a in batch}
        relations = _relations_of(by_id)
        for action_id in ids[start : start + BATCH]:
            yield _dumps(_action_record(by_id[action_id], relations.get(action_id, [])))
    for commentary in Commentary.objects.select_related("source").order_by("source__locator"):
        yield _dumps(
            {
                MARKER: VERSION,
                "commentary": {
                    "title": commentary.title,
                    "publisher": commentary.publisher,
                    "url": commentary.url,
                    "published_on": _day(commentary.published_on),
                },
                "sources": [_source_record(commentary.source)],
            }
        )


def _dumps(record: dict) -> str:
    """Keys sorted for stable output, the marker first so a reader knows the file at once."""
    body = {k: v for k, v in record.items() if k != MARKER}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "{" + f'"{MARKER}":{VERSION},' + text[1:]


def _day(value) -> str | None:
    return value.isoformat() if value else None


def _relations_of(by_id: dict[int, Action]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    rows = (
        Relation.objects.filter(found_in_id__in=by_id)
        .exclude(origin="computed")
        .select_related("source", "target", "section")
    )
    for r in rows:
        out.setdefault(r.found_in_id, []).append(
            {
                "kind": r.kind,
                "in_part": r.in_part,
                "origin": r.origin,
                "source": r.source.get_absolute_url() if r.source else None,
                "source_label": r.source_label,
                "target": r.target.get_absolute_url() if r.target else None,
                "target_label": r.target_label,
                "section": r.section.number if r.section else None,
                "evidence": r.evidence,
            }
        )
    for rows_of_action in out.values():
        rows_of_action.sort(key=lambda row: json.dumps(row, sort_keys=True))
    return out


def _action_record(action: Action, relations: list[dict]) -> dict:
    sections = sorted(action.sections.all(), key=lambda s: s.position)
    return {
        MARKER: VERSION,
        "action": {
            "path": action.get_absolute_url(),
            "kind": action.kind,
            "number": action.number,
            "title": action.title,
            "signed_on": _day(action.signed_on),
            "published_on": _day(action.published_on),
            "president": action.president.name if action.president else None,
            "status": action.status,
            "fr_citation": action.fr_citation,
            "fr_document_number": action.fr_document_number,
            "dcpd_number": action.dcpd_number,
            "signers": sorted(s.name for s in action.signatories.all()),
            "text_source": action.text_source.locator if action.text_source else None,
        },
        "sections": [{"number": s.number, "heading": s.heading, "text": s.text} for s in sections],
        "citations": sorted(
            (
                {
                    "statute": c.statute.key,
                    "pin": c.pin,
                    "text": c.text,
                    "section": c.section.number if c.section else None,
                    "start": c.start,
                    "via": c.via,
                    "act": c.act,
                    "page": c.page,
                }
                for c in action.citations.all()
            ),
            key=lambda c: (c["section"] or "", c["start"], c["statute"]),
        ),
        "agencies": sorted(
            (
                {
                    "agency": m.agency.slug,
                    "section": m.section.number if m.section else None,
                    "count": m.count,
                    "directed": m.directed,
                }
                for m in action.agency_mentions.all()
            ),
            key=lambda m: (m["section"] or "", m["agency"]),
        ),
        "relations": relations,
        "sources": sorted(
            (_source_record(s) for s in action.sources.all()), key=lambda s: s["locator"]
        ),
    }


def _source_record(source: Source) -> dict:
    return {
        "locator": source.locator,
        "sha256": source.sha256,
        "format": source.format,
        "official": source.official,
        "parsed": source.metadata.get("parsed"),
    }


@dataclass(frozen=True)
class ExportedSource:
    locator: str
    sha256: str
    parsed: ParsedDocument


def is_export(data: bytes) -> bool:
    return data.lstrip()[:40].startswith(b'{"' + MARKER.encode())


def read_export(lines: Iterable[bytes]) -> Iterator[ExportedSource]:
    """Every source of an export file (an open binary file), as it was stored."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8"))
            if record.get(MARKER) != VERSION:
                raise ParseError(f"line {number}: not an archive export of version {VERSION}")
            for source in record["sources"]:
                yield ExportedSource(
                    locator=source["locator"],
                    sha256=source["sha256"],
                    parsed=parsed_from_json(source["parsed"]),
                )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ParseError(f"line {number}: {error}") from error
