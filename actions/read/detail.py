"""An action in full: one read and one serializer, for its page, the API and the export.

`read_details(ids)` reads every row of an action in a fixed number of queries per batch
(`Action.objects.for_detail()`, its stated relations both ways, its computed related links);
`serialize(detail)` turns one into the JSON the API returns and the export writes. The page
reads the same relations (`complete`) beside its page row (`read/page.py`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from actions.models import Action, Relation
from actions.vocabulary import STATUS_RELATION_KINDS


@dataclass
class Detail:
    action: Action
    outgoing: list[Relation] = field(default_factory=list)  # stated: this action acts on others
    incoming: list[Relation] = field(default_factory=list)  # stated: others act on this one
    computed: list[Relation] = field(default_factory=list)  # the computed "related" links


def read_detail(action_id: int) -> Detail:
    """One action in full; `Action.DoesNotExist` when there is none."""
    details = read_details([action_id])
    if not details:
        raise Action.DoesNotExist(f"no action {action_id}")
    return details[0]


def read_details(ids: Iterable[int], *, computed: bool = True) -> list[Detail]:
    """Actions in full, in the order of `ids` (missing ids skipped)."""
    ids = list(ids)
    by_id = {a.pk: a for a in Action.objects.for_detail().filter(pk__in=ids)}
    details = complete(by_id, computed=computed)
    return [details[pk] for pk in ids if pk in details]


def complete(by_id: dict[int, Action], *, computed: bool = True) -> dict[int, Detail]:
    """Details of actions: their stated relations and (with `computed`) their computed
    links."""
    details = {pk: Detail(action) for pk, action in by_id.items()}
    # In the models' order (kind, id), sorted here: ordering in SQL costs more to compile
    # than sorting the few rows.
    outgoing = Relation.objects.outgoing(by_id).with_ends("target", "section").order_by()
    for relation in sorted(outgoing, key=_stored_order):
        details[relation.source_id].outgoing.append(relation)
    incoming = Relation.objects.incoming(by_id).with_ends("source", "section").order_by()
    for relation in sorted(incoming, key=_stored_order):
        details[relation.target_id].incoming.append(relation)
    if computed:
        _read_related(details)
    return details


def _stored_order(relation: Relation) -> tuple[str, int]:
    return relation.kind, relation.pk


def _read_related(details: dict[int, Detail]) -> None:
    """The computed "related" links at either end of each action."""
    for relation in Relation.objects.related_to(details):
        for end in {relation.source_id, relation.target_id} & details.keys():
            details[end].computed.append(relation)


def named_actions(keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Action]:
    """The archived actions named by (kind, number), read as cards in one query."""
    keys = set(keys)
    if not keys:
        return {}
    rows = (
        Action.objects.filter(number__in={number for _, number in keys})
        .only("id", "kind", "number", "title", "signed_on", "slug")
        .order_by()
    )
    return {(a.kind, a.number): a for a in rows if (a.kind, a.number) in keys}


def section_effects(detail: Detail) -> dict[str, list[Relation]]:
    """Per section number of this action, what later acted on it by name ("Section 3 of
    Executive Order 13732 is hereby revoked"), in the order they took effect."""
    out: dict[str, list[Relation]] = {}
    for relation in sorted(detail.incoming, key=lambda r: (r.effective_on is None, r.effective_on)):
        if relation.target_section and relation.kind in STATUS_RELATION_KINDS:
            out.setdefault(relation.target_section_number, []).append(relation)
    return out


# Serializing ------------------------------------------------------------------------------


def _day(value) -> str | None:
    return value.isoformat() if value else None


def serialize(detail: Detail, *, export: bool = False) -> dict:
    """The action as JSON (the API's `ActionDetail`). With `export`, as the bulk export writes
    it: no database ids (actions are named by their canonical address), computed links left
    out (an ingest recomputes them) and lists in a stable order, so that two exports of one
    archive are identical."""
    action = detail.action
    effects = section_effects(detail)
    signers = sorted(s.name for s in action.signatories.all())
    relations = [
        *(_relation(r, "outgoing", r.target, r.target_label) for r in detail.outgoing),
        *(_relation(r, "incoming", r.source, r.source_label) for r in detail.incoming),
    ]
    if not export:
        for relation in detail.computed:
            outgoing = relation.source_id == action.pk
            other = relation.target if outgoing else relation.source
            label = relation.target_label if outgoing else relation.source_label
            relations.append(
                _relation(relation, "outgoing" if outgoing else "incoming", other, label)
            )
    record = {
        "id": action.pk,
        "kind": action.kind,
        "number": action.number,
        "title": action.title,
        "signed_on": _day(action.signed_on),
        "published_on": _day(action.published_on),
        "president": action.president.name if action.president else None,
        "status": action.status,
        "url": action.get_absolute_url(),
        "signer": signers[0] if signers else None,
        "place": action.place,
        "fr_citation": action.fr_citation,
        "fr_document_number": action.fr_document_number,
        "dcpd_number": action.dcpd_number,
        "sections": [
            {
                "number": s.number,
                "heading": s.heading,
                "anchor": s.anchor,
                "text": s.text,
                "effects": [_effect(r) for r in effects.get(s.number, [])],
            }
            for s in sorted(action.sections.all(), key=lambda s: s.position)
        ],
        "citations": [
            {
                "text": c.text,
                "key": c.statute.key,
                "pin": c.pin,
                "et_seq": c.et_seq,
                "note": c.note,
                "range_end": c.range_end or None,
                "via": c.via or None,
                "act": c.act or None,
                "section": c.section.number if c.section else None,
                "start": c.start,
                "page": c.page,
            }
            for c in action.citations.all()
        ],
        "relations": relations,
        "agencies": [
            {
                "slug": m.agency.slug,
                "name": m.agency.name,
                "section": m.section.number if m.section else None,
                "count": m.count,
                "directed": m.directed,
            }
            for m in action.agency_mentions.all()
        ],
        "sources": [
            {
                "kind": s.format,
                "url": s.url or None,
                "sha256": s.sha256,
                "official": s.official,
                "publisher": s.publisher,
                "text_shown": s.pk == action.text_source_id,
            }
            for s in action.sources.all()
        ],
        "commentary": [
            {
                "title": link.commentary.title,
                "url": link.commentary.url or None,
                "evidence": link.evidence,
            }
            for link in action.commentary_links.all()
        ],
    }
    if export:
        return _for_export(record)
    return record


def _effect(relation: Relation) -> dict:
    """What acted on a section: kind, the acting action (id, number), its section, the part
    of this section it names, and the date it took effect."""
    source = relation.source
    return {
        "kind": relation.kind,
        "action_id": source.pk if source else None,
        "number": source.number if source else (relation.source_number or None),
        "section": relation.section.number if relation.section else None,
        "part": relation.target_section,
        "date": _day(relation.effective_on),
    }


def _relation(relation: Relation, direction: str, other: Action | None, label: str) -> dict:
    return {
        "kind": relation.kind,
        "direction": direction,
        "in_part": relation.in_part,
        "origin": relation.origin,
        "target_id": other.pk if other else None,
        "target_number": other.number if other else None,
        "target_title": other.title if other else None,
        "target_url": other.get_absolute_url() if other else None,
        "label": str(other) if other else label,
        "section": relation.section.number if relation.section else None,
        "reason": relation.evidence,
        "score": relation.score,
    }


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, default=str))


def _for_export(record: dict) -> dict:
    record = dict(record)
    del record["id"]
    for relation in record["relations"]:
        del relation["target_id"]
    for name in ("citations", "relations", "agencies", "sources", "commentary"):
        record[name] = _sorted(record[name])
    return record


def status_on_record(state) -> dict:
    """A `store.status.StatusOn` as the API gives it."""
    return {
        "date": state.day,
        "status": state.status,
        "in_force": state.in_force,
        "since": state.since,
        "by": [
            {
                "id": r.source_id,
                "kind": r.source.kind if r.source else r.source_kind,
                "number": r.source.number if r.source else (r.source_number or None),
                "relation": r.kind,
                "in_part": r.in_part,
                "effective_on": r.effective_on,
            }
            for r in state.by
        ],
    }
