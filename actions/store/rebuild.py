"""Rebuild the rows derived from actions' sources, many actions at a time.

For each action (`derive.py`): the merged fields, sections, signatory, conflicts, citations
(with their page), agency mentions, references, stated relations and the search document.
Work is computed per action in Python and written per batch: one delete and one bulk insert
per table for the whole batch, instead of a dozen statements per action, which is what makes
a whole-corpus ingest affordable. A batch is one transaction; a batch that fails is retried
action by action so that one bad action cannot hold back the others.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import TextField
from django.db.models.functions import Cast

from actions.models import (
    Action,
    ActionPage,
    AgencyMention,
    ArchiveVersion,
    Citation,
    Conflict,
    Reference,
    Relation,
    SearchDocument,
    Section,
    Signatory,
    Source,
)
from actions.page_parts import make_page
from actions.querysets import COPY_HAS_TEXT
from actions.store.bulk import insert_objects, update_rows
from actions.store.derive import Derived, derive
from actions.store.emergencies import refresh_emergencies, touches_emergencies
from actions.store.identity import MEMO_KINDS, resolve_dated, resolve_reference
from actions.store.lookups import Lookups
from actions.store.readings import Reading, read_copies, read_stored, worker_count
from actions.store.readings import pool as reading_pool
from actions.store.status import refresh_statuses

logger = logging.getLogger(__name__)
BATCH_SIZE = 200
# Past this many actions to refresh, one pass over the whole archive is cheaper than a list.
WHOLE_REFRESH = 2000
# From this many actions, their parses are read by worker processes (`store/readings.py`).
POOL_FROM_ACTIONS = 600
ACTION_FIELDS = [
    "kind",
    "number",
    "title",
    "title_key",
    "slug",
    "signed_on",
    "published_on",
    "filed_on",
    "fr_start_page",
    "place",
    "fr_citation",
    "fr_document_number",
    "dcpd_number",
    "not_received_for_publication",
    "corrections",
    "needs_rebuild",
    "needs_relating",
    "categories",
    "subjects",
    "topics",
    "term",
    "president",
    "text_source",
    "text",
    "preamble",
    "preamble_page_breaks",
    "expires_on",
]


def rebuild_actions(
    actions: list[Action], refresh: bool = True, readings: dict[int, Reading] | None = None
) -> set[int]:
    """Rebuild the given actions in one transaction; returns the ids whose status may change.
    With `readings` (made by workers from the same sources), the parses are not read here."""
    with transaction.atomic():
        sources = defaultdict(list)
        copies = (
            Source.objects.filter(action__in=actions)
            .order_by("id")
            .annotate(has_text=COPY_HAS_TEXT)
        )
        if readings is not None:
            copies = copies.defer("metadata", "text")
        for source in copies:
            sources[source.action_id].append(source)
        lookups = Lookups()  # for this transaction only
        if readings is None:
            readings = {
                action.pk: read_copies([s.metadata["parsed"] for s in sources[action.pk]])
                for action in actions
            }
        # Who else holds each number and identifier, the statutes and agencies cited: a few
        # statements for the batch, not a few per action.
        lookups.prepare([readings[action.pk] for action in actions])
        derived = [
            derive(action, sources[action.pk], lookups, readings[action.pk]) for action in actions
        ]
        affected = _write(derived)
        if refresh:
            refresh_statuses(affected)
            if touches_emergencies(actions):
                refresh_emergencies()
        ArchiveVersion.bump()  # cached pages showing these actions retire
    return affected


def rebuild_in_batches(ids: list[int], progress: Callable | None = None) -> int:
    """Rebuild the actions with these ids, a batch at a time; a failing batch is retried one
    action at a time and a failing action is logged and left marked for the next run. The
    statuses of what they act on, and the emergencies register when they speak of one, are
    refreshed after them (a few rebuilt actions refresh only what they touch)."""
    done = 0
    affected: set[int] = set()
    touched = False
    batches = [ids[start : start + BATCH_SIZE] for start in range(0, len(ids), BATCH_SIZE)]
    for batch_ids, readings in _with_readings(batches):
        batch = list(Action.objects.filter(pk__in=batch_ids))
        touched = touched or touches_emergencies(batch)
        try:
            affected |= rebuild_actions(batch, refresh=False, readings=readings)
        except Exception:  # noqa: BLE001 - isolate the action that fails
            for action in batch:
                try:
                    affected |= rebuild_actions([action], refresh=False)
                except Exception:
                    logger.exception("could not rebuild action %s", action.pk)
        # Again with the texts as rebuilt: a new action has its text only now.
        touched = touched or touches_emergencies(batch)
        done += len(batch)
        if progress:
            progress(done, len(ids))
    refresh_statuses(affected if len(affected) <= WHOLE_REFRESH else None)
    if touched:
        refresh_emergencies()
    return done


def _with_readings(batches: list[list[int]]):
    """Each batch of ids with its readings, made by worker processes one batch ahead of the
    writer for a large rebuild (None: read in this process, as for a few actions)."""
    workers = worker_count()
    if workers <= 1 or len(batches) * BATCH_SIZE < POOL_FROM_ACTIONS:
        for batch in batches:
            yield batch, None
        return
    with reading_pool(workers) as pool:
        pending = None
        for batch in [*batches, None]:
            made = (
                pool.map_async(read_stored, _stored_parses(batch), chunksize=8) if batch else None
            )
            if pending is not None:
                yield pending[0], dict(zip(pending[0], pending[1].get(), strict=True))
            pending = (batch, made)


def _stored_parses(ids: list[int]) -> list[list[str]]:
    """Per action (in the order of `ids`), its copies' metadata as stored, in copy order: JSON
    text, decoded by the worker rather than here."""
    raw = defaultdict(list)
    for action_id, metadata in (
        Source.objects.filter(action_id__in=ids)
        .order_by("id")
        .values_list("action_id", Cast("metadata", TextField()))
    ):
        raw[action_id].append(metadata)
    return [raw[pk] for pk in ids]


# Writing ----------------------------------------------------------------------------------


def _write(derived: list[Derived]) -> set[int]:
    actions = [d.action for d in derived]
    ids = [a.pk for a in actions]
    using = Action.objects.db
    # What these actions acted on before: a relation a text no longer states leaves its
    # target's status to be recomputed too.
    before = set(
        Relation.objects.filter(found_in_id__in=ids, target__isnull=False)
        .exclude(origin="computed")
        .values_list("target_id", flat=True)
    )
    # Children first; `_raw_delete` skips the collector's per-row cascade queries, which is
    # safe because every table pointing at these rows is emptied here first.
    for queryset in (
        Citation.objects.filter(action_id__in=ids),
        AgencyMention.objects.filter(action_id__in=ids),
        Reference.objects.filter(action_id__in=ids),
        Relation.objects.filter(found_in_id__in=ids).exclude(origin="computed"),
        Section.objects.filter(action_id__in=ids),
        Conflict.objects.filter(action_id__in=ids),
        Signatory.objects.filter(action_id__in=ids),
    ):
        queryset._raw_delete(using)
    SearchDocument.objects.filter(action_id__in=ids).delete()
    ActionPage.objects.filter(action_id__in=ids)._raw_delete(using)
    for action in actions:
        action.needs_relating = True  # its related actions are owed (see graph.related)
    update_rows(Action, ACTION_FIELDS, actions)
    # Sections first, their ids read back: the rows below point to them. The rows nothing
    # points to are written below the ORM (`insert_objects`: executemany, COPY on PostgreSQL),
    # in the order made, which is the order of their ids as `bulk_create` would give them
    # (and the order the page row keeps for a tie, their ids not read back).
    Section.objects.bulk_create([s for d in derived for s in d.sections], batch_size=500)
    insert_objects(Citation, [c for d in derived for c in d.citations])
    insert_objects(AgencyMention, [m for d in derived for m in d.mentions])
    insert_objects(Reference, [r for d in derived for r in d.references])
    insert_objects(Conflict, [c for d in derived for c in d.conflicts])
    insert_objects(Signatory, [s for d in derived for s in d.signatories])
    insert_objects(SearchDocument, [d.search for d in derived if d.search])
    # After the rows above, whose section ids (taken from their sections as they are written)
    # the page row groups them by.
    insert_objects(ActionPage, [_page(d) for d in derived])
    found = [row for d in derived for row in d.relations]
    resolved = _resolve_all([tuple(row[2:]) for row in found])
    for relation, end, *key in found:
        target = resolved.get(tuple(key))
        if target and end == "target" and relation.origin == "text":
            # A text names what came before it: "NSPM-5" in an order of January 2025 is the
            # memorandum of 2017, not the one numbered 5 in June 2025.
            acting_on = relation.found_in.signed_on
            if acting_on and target[1] and target[1] > acting_on:
                target = None
        setattr(relation, f"{end}_id", target[0] if target else None)
    insert_objects(Relation, [relation for relation, *_ in found])
    _resolve_dangling([a for a in actions if a.number])
    _resolve_dated([a for a in actions if not a.number and a.kind in MEMO_KINDS])
    return {r.target_id for r, *_ in found if r.target_id} | before | set(ids)


def _page(derived: Derived) -> ActionPage:
    return make_page(
        derived.action,
        sections=derived.sections,
        citations=derived.citations,
        references=derived.references,
        mentions=derived.mentions,
        sources=derived.sources,
        signatories=derived.signatories,
        conflicts=derived.conflicts,
    )


def _resolve_dangling(actions: list[Action]) -> None:
    """Relations stated earlier by other actions, naming these before they were ingested."""
    by_key = {(a.kind, a.number): a.pk for a in actions}
    if not by_key:
        return
    numbers = {number for _, number in by_key}
    changed = []
    for relation in Relation.objects.filter(
        target__isnull=True, target_number__in=numbers
    ) | Relation.objects.filter(source__isnull=True, source_number__in=numbers):
        if relation.target_id is None and (
            pk := by_key.get((relation.target_kind, relation.target_number))
        ):
            relation.target_id = pk
            changed.append(relation)
        elif relation.source_id is None and (
            pk := by_key.get((relation.source_kind, relation.source_number))
        ):
            relation.source_id = pk
            changed.append(relation)
    Relation.objects.bulk_update(changed, ["source", "target"], batch_size=500)


def _resolve_dated(actions: list[Action]) -> None:
    """Relations stated earlier naming these memoranda by date (and title) before they were
    ingested: resolved when the one memorandum of that date, or the one whose title the
    reference printed, arrives."""
    by_day = defaultdict(list)
    for action in actions:
        if action.signed_on:
            by_day[action.signed_on].append(action)
    if not by_day:
        return
    changed = []
    for relation in Relation.objects.filter(
        target__isnull=True, target_number="", target_on__in=list(by_day)
    ):
        if relation.target_kind not in MEMO_KINDS:
            continue
        target = resolve_reference(
            relation.target_kind, None, relation.target_on, _printed_title(relation.target_label)
        )
        if target is not None:
            relation.target_id = target.pk
            changed.append(relation)
    Relation.objects.bulk_update(changed, ["target"], batch_size=500)


def _printed_title(label: str) -> str | None:
    """The title a label printed in parentheses: "... of January 3, 2025 (Designation ...)"."""
    if label.endswith(")") and "(" in label:
        return label[label.index("(") + 1 : -1]
    return None


def _resolve_all(keys: Iterable[tuple]) -> dict[tuple, tuple[int, object]]:
    """(id, signing date) of the archived action each (kind, number, date, title) reference
    names: one query for the numbered ones, one for those named by date."""
    keys = list(keys)
    numbered = {(kind, number) for kind, number, _, _ in keys if number}
    by_number: dict[tuple, tuple[int, object]] = {}
    if numbered:
        rows = Action.objects.filter(number__in={n for _, n in numbered}).values_list(
            "kind", "number", "id", "signed_on"
        )
        by_number = {(kind, number): (pk, day) for kind, number, pk, day in rows}
    dated = resolve_dated((kind, on, title) for kind, number, on, title in keys if not number)
    out = {}
    for kind, number, on, title in keys:
        if number:
            if (kind, number) in by_number:
                out[(kind, number, on, title)] = by_number[(kind, number)]
        elif (target := dated.get((kind, on, title))) is not None:
            out[(kind, number, on, title)] = (target.pk, target.signed_on)
    return out
