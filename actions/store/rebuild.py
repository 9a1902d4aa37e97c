"""Rebuild the rows derived from actions' sources, many actions at a time.

For each action: the merged fields, sections, signatory, conflicts, citations (with their page),
agency mentions, stated relations and the search document. Work is computed per action in
Python and written per batch: one delete and one bulk insert per table for the whole batch,
instead of a dozen statements per action, which is what makes a whole-corpus ingest affordable.
A batch is one transaction; a batch that fails is retried action by action so that one bad
action cannot hold back the others.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction

from actions.extract.agencies import agency_entries, find_agencies_in_parts
from actions.extract.citations import StatuteCitation, extract_citations
from actions.extract.notes import note_relation, parse_target
from actions.extract.presidents import term_on
from actions.extract.references import extract_references, sentence_around
from actions.ingest.pages import page_at
from actions.ingest.parsed import ParsedDocument, parsed_from_json
from actions.ingest.text import slugify_title, title_key
from actions.models import (
    Action,
    Agency,
    AgencyMention,
    ArchiveVersion,
    Citation,
    Conflict,
    President,
    Reference,
    Relation,
    SearchDocument,
    Section,
    Signatory,
    Source,
    Statute,
    Term,
)
from actions.store.merge import merge_sources
from actions.vocabulary import IN_FORCE, STATUS_PRECEDENCE, STATUS_RELATIONS

logger = logging.getLogger(__name__)
BATCH_SIZE = 200
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
    "categories",
    "subjects",
    "topics",
    "term",
    "president",
    "text_source",
    "text",
    "preamble",
    "preamble_page_breaks",
]

# Rows every rebuild looks up again (terms, statutes, agencies), remembered for one run.
# Cleared at the start of each run and of each immediate save, so a rolled-back transaction
# can never leave the cache pointing at rows that do not exist.
_CACHE: dict[str, dict] = {"terms": {}, "statutes": {}, "agencies": {}}


def clear_caches() -> None:
    for table in _CACHE.values():
        table.clear()


@dataclass
class Derived:
    """Everything one action's rebuild writes, not yet saved."""

    action: Action
    sections: list[Section] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    mentions: list[AgencyMention] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    relations: list[tuple] = field(default_factory=list)  # (relation, end, kind, number, on)
    conflicts: list[Conflict] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    search: SearchDocument | None = None


def rebuild_actions(actions: list[Action], refresh: bool = True) -> set[int]:
    """Rebuild the given actions in one transaction; returns the ids whose status may change."""
    with transaction.atomic():
        sources = defaultdict(list)
        for source in Source.objects.filter(action__in=actions).order_by("id"):
            sources[source.action_id].append(source)
        derived = [_derive(action, sources[action.pk]) for action in actions]
        affected = _write(derived)
        if refresh:
            refresh_statuses(affected)
        ArchiveVersion.bump()  # cached pages showing these actions retire
    return affected


def rebuild_in_batches(ids: list[int], progress: Callable | None = None) -> int:
    """Rebuild the actions with these ids, a batch at a time; a failing batch is retried one
    action at a time and a failing action is logged and left marked for the next run."""
    done = 0
    for start in range(0, len(ids), BATCH_SIZE):
        batch = list(Action.objects.filter(pk__in=ids[start : start + BATCH_SIZE]))
        try:
            rebuild_actions(batch, refresh=False)
        except Exception:  # noqa: BLE001 - isolate the action that fails
            for action in batch:
                try:
                    rebuild_actions([action], refresh=False)
                except Exception:
                    logger.exception("could not rebuild action %s", action.pk)
        done += len(batch)
        if progress:
            progress(done, len(ids))
    refresh_statuses()
    return done


# Computing ------------------------------------------------------------------------------


def _derive(action: Action, sources: list[Source]) -> Derived:
    docs = [parsed_from_json(source.metadata["parsed"]) for source in sources]
    merged = merge_sources(docs)
    fields = merged.fields
    out = Derived(action=action)
    number = fields["number"]
    holder = number_holder(action, fields["kind"], number)
    action.kind = fields["kind"] or "other"
    action.number = None if holder else number
    action.title = fields["title"] or action.title
    action.title_key = title_key(action.title)
    action.slug = slugify_title(action.title)
    for name in ("signed_on", "published_on", "filed_on", "fr_start_page"):
        setattr(action, name, fields[name])
    action.place = fields["place"] or ""
    action.fr_citation = fields["fr_citation"]
    action.fr_document_number = free_identifier(
        action, "fr_document_number", fields["fr_document_number"]
    )
    action.dcpd_number = free_identifier(action, "dcpd_number", fields["dcpd_number"])
    action.not_received_for_publication = any(
        d.not_received_for_publication for d in docs
    ) and not any(d.fr_citation for d in docs if not d.is_correction)
    action.corrections = [
        {
            "fr_citation": d.fr_citation,
            "fr_document_number": d.fr_document_number,
            "published_on": d.published_on.isoformat() if d.published_on else None,
        }
        for d in docs
        if d.is_correction
    ]
    action.needs_rebuild = False
    action.categories, action.subjects, action.topics = (
        merged.categories,
        merged.subjects,
        merged.topics,
    )
    term = _term_for(action.signed_on)
    action.term = term
    action.president = term.president if term else None
    text_doc = docs[merged.text_source] if merged.text_source is not None else None
    action.text_source = sources[merged.text_source] if merged.text_source is not None else None
    action.text = text_doc.text if text_doc else ""
    action.preamble = text_doc.preamble if text_doc else ""
    action.preamble_page_breaks = text_doc.preamble_page_breaks if text_doc else []

    out.conflicts = [
        Conflict(
            action=action,
            field=name,
            values=[
                {"source": sources[i].locator, "format": sources[i].format, "value": str(value)}
                for i, value in values
            ],
        )
        for name, values in merged.conflicts.items()
    ]
    if holder:
        claims = [{"source": s.locator, "format": s.format, "value": s.number} for s in sources]
        claims = [claim for claim in claims if claim["value"]]
        claims.append(
            {
                "source": holder.get_absolute_url(),
                "format": "archive",
                "value": holder.label,
                "note": f"this number belongs to {holder.title} ({holder.signed_on})",
            }
        )
        out.conflicts.append(Conflict(action=action, field="number", values=claims))
    signer = fields["signer"] or (action.president.name if action.president else None)
    if signer:
        out.signatories.append(Signatory(action=action, name=signer, role="President"))

    out.sections = [
        Section(
            action=action,
            position=position,
            number=parsed.number,
            heading=parsed.heading,
            text=parsed.text,
            start_page=parsed.start_page,
            page_breaks=parsed.page_breaks,
        )
        for position, parsed in enumerate(text_doc.sections if text_doc else [])
    ]
    units: list[tuple[Section | None, str]] = [(None, action.preamble)]
    units += [(section, section.text) for section in out.sections]
    if text_doc and not out.sections and not action.preamble:
        units = [(None, text_doc.text)]
    pages = {None: (action.fr_start_page, action.preamble_page_breaks)}
    pages.update({id(s): (s.start_page, s.page_breaks) for s in out.sections})
    found = _derive_citations(action, units, pages, out)
    agencies = _derive_mentions(action, units, out)
    named = [(section, text, extract_references(text)) for section, text in units]
    out.references = _derive_references(action, named)
    out.relations = _derive_relations(action, named, docs)
    out.search = _search_document(action, out.sections, found, agencies)
    return out


def _derive_citations(action, units, pages, out: Derived) -> list[StatuteCitation]:
    found = [(section, cite) for section, text in units for cite in extract_citations(text)]
    statutes = _statutes_for([cite for _, cite in found])
    for section, cite in found:
        start_page, breaks = pages.get(id(section) if section else None, (None, []))
        out.citations.append(
            Citation(
                action=action,
                section=section,
                statute=statutes[cite.key],
                pin=cite.pin,
                et_seq=cite.et_seq,
                note=cite.note,
                range_end=cite.range_end or "",
                via=cite.via or "",
                act=cite.act or "",
                text=cite.text,
                start=cite.start,
                end=cite.end,
                page=page_at(start_page, breaks, cite.start),
            )
        )
    return [cite for _, cite in found]


def _derive_mentions(action, units, out: Derived) -> set[str]:
    counts: Counter = Counter()
    directed: dict = defaultdict(bool)
    section_of = {}
    units = list(units)
    per_unit = find_agencies_in_parts([text for _, text in units])
    for (section, _text), matches in zip(units, per_unit, strict=True):
        for match in matches:
            key = (id(section) if section else None, match.slug)
            section_of[key] = section
            counts[key] += 1
            directed[key] |= match.directed
    slugs = {slug for _, slug in counts}
    agencies = _agencies_for(slugs)
    for key, count in counts.items():
        out.mentions.append(
            AgencyMention(
                action=action,
                section=section_of[key],
                agency=agencies[key[1]],
                count=count,
                directed=directed[key],
            )
        )
    return slugs


def _derive_references(action: Action, named) -> list[Reference]:
    """Every span naming another action by kind and number, for the page to link."""
    return [
        Reference(
            action=action,
            section=section,
            kind=ref.kind,
            number=ref.number[:20],
            start=ref.start,
            end=ref.end,
        )
        for section, _text, refs in named
        for ref in refs
        if ref.number and not (ref.kind == action.kind and ref.number == action.number)
    ]


def _derive_relations(action: Action, named, docs: list[ParsedDocument]) -> list[tuple]:
    """Relations from the action's own text and from its sources' disposition notes, each with
    the (kind, number, date) of its unresolved end."""
    found: list[tuple] = []
    seen = set()
    for section, text, refs in named:
        for ref in refs:
            if ref.kind == action.kind and ref.number and ref.number == action.number:
                continue  # an order naming itself
            marker = (ref.kind, ref.number, ref.label, ref.relation)
            if marker in seen:
                continue
            seen.add(marker)
            start, end = sentence_around(text, ref.start, ref.end)
            relation = Relation(
                found_in=action,
                source=action,
                kind=ref.relation,
                in_part=ref.in_part,
                origin="text",
                evidence=text[start:end].strip()[:1000],
                section=section,
                target_label=ref.label[:300],
                target_kind=ref.kind,
                target_number=ref.number or "",
                target_on=ref.on,
            )
            found.append((relation, "target", ref.kind, ref.number, ref.on))
    for doc in docs:
        for label, target_text in doc.disposition_notes:
            meaning = note_relation(label)
            if meaning is None:
                continue
            kind, holder_acts, in_part = meaning
            in_part = in_part or "(in part)" in target_text.lower()
            other = parse_target(target_text.replace("(in part)", ""))
            relation = Relation(
                found_in=action,
                kind=kind,
                in_part=in_part,
                origin="fr_notes",
                evidence=f"{label}: {target_text}"[:1000],
            )
            end = "target" if holder_acts else "source"
            setattr(relation, "source" if holder_acts else "target", action)
            setattr(relation, f"{end}_label", other.label[:300])
            setattr(relation, f"{end}_kind", other.kind)
            setattr(relation, f"{end}_number", other.number or "")
            setattr(relation, f"{end}_on", other.on)
            found.append((relation, end, other.kind, other.number, other.on))
    return found


def _search_document(action, sections, citations, agency_slugs) -> SearchDocument:
    identifiers = [
        action.label,
        action.short_label,
        action.fr_citation or "",
        action.fr_document_number or "",
        action.dcpd_number or "",
    ]
    entries = agency_entries()
    terms = sorted({f"{cite.key}{cite.pin}" for cite in citations})
    terms += sorted({cite.act or cite.via for cite in citations if cite.act or cite.via})
    terms += [name for slug in sorted(agency_slugs) for name in entries[slug].names]
    body = (
        action.text
        if not sections
        else "\n\n".join([action.preamble, *(section.text for section in sections)])
    )
    return SearchDocument(
        action=action,
        title=" ".join([action.title, *filter(None, identifiers)]),
        headings="\n".join(section.heading for section in sections if section.heading),
        body=body,
        terms="\n".join(terms),
    )


# Writing ----------------------------------------------------------------------------------


def _write(derived: list[Derived]) -> set[int]:
    actions = [d.action for d in derived]
    ids = [a.pk for a in actions]
    using = Action.objects.db
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
    Action.objects.bulk_update(actions, ACTION_FIELDS, batch_size=100)
    Section.objects.bulk_create([s for d in derived for s in d.sections], batch_size=500)
    Citation.objects.bulk_create([c for d in derived for c in d.citations], batch_size=500)
    AgencyMention.objects.bulk_create([m for d in derived for m in d.mentions], batch_size=500)
    Reference.objects.bulk_create([r for d in derived for r in d.references], batch_size=500)
    Conflict.objects.bulk_create([c for d in derived for c in d.conflicts], batch_size=500)
    Signatory.objects.bulk_create([s for d in derived for s in d.signatories], batch_size=500)
    SearchDocument.objects.bulk_create([d.search for d in derived if d.search], batch_size=200)
    found = [row for d in derived for row in d.relations]
    resolved = _resolve_all([(kind, number, on) for _, _, kind, number, on in found])
    for relation, end, kind, number, on in found:
        setattr(relation, f"{end}_id", resolved.get((kind, number, on)))
    Relation.objects.bulk_create([relation for relation, *_ in found], batch_size=500)
    _resolve_dangling([a for a in actions if a.number])
    return {r.target_id for r, *_ in found if r.target_id} | set(ids)


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


def _resolve_all(keys: Iterable[tuple]) -> dict[tuple, int]:
    """Archive ids for (kind, number, date) references: one query for all numbered ones."""
    keys = list(keys)
    numbered = {(kind, number) for kind, number, _ in keys if number}
    by_number: dict[tuple, int] = {}
    if numbered:
        rows = Action.objects.filter(number__in={n for _, n in numbered}).values_list(
            "kind", "number", "id"
        )
        by_number = {(kind, number): pk for kind, number, pk in rows}
    out = {}
    for kind, number, on in keys:
        if number:
            if (kind, number) in by_number:
                out[(kind, number, on)] = by_number[(kind, number)]
        elif (target := resolve_reference(kind, None, on)) is not None:
            out[(kind, number, on)] = target.pk
    return out


def resolve_reference(kind: str, number: str | None, on) -> Action | None:
    """The archived action a reference names: by kind and number, or by kind and date."""
    if number:
        return Action.objects.filter(kind=kind, number=number).first()
    if on and kind in {"memorandum", "proclamation", "notice"}:
        found = list(Action.objects.filter(kind=kind, signed_on=on)[:2])
        return found[0] if len(found) == 1 else None
    return None


# Lookups ---------------------------------------------------------------------------------


def number_holder(action: Action, kind: str, number: str | None) -> Action | None:
    if not number:
        return None
    return Action.objects.filter(kind=kind, number=number).exclude(pk=action.pk).first()


def free_identifier(action: Action, name: str, value: str | None) -> str | None:
    """A unique identifier already held by another action is not taken twice."""
    if value and Action.objects.filter(**{name: value}).exclude(pk=action.pk).exists():
        return None
    return value


def _term_for(day) -> Term | None:
    info = term_on(day)
    if info is None:
        return None
    cached = _CACHE["terms"].get(info.ordinal)
    if cached:
        return cached
    president, _ = President.objects.get_or_create(slug=info.slug, defaults={"name": info.name})
    term, _ = Term.objects.get_or_create(
        ordinal=info.ordinal,
        defaults={"president": president, "start": info.start, "end": info.end},
    )
    term.president = president
    _CACHE["terms"][info.ordinal] = term
    return term


def _statutes_for(cites: list[StatuteCitation]) -> dict[str, Statute]:
    cache = _CACHE["statutes"]
    keys = {cite.key: cite for cite in cites if cite.key not in cache}
    if keys:
        Statute.objects.bulk_create(
            [
                Statute(kind=c.kind, key=k, title=c.title or "", section=c.section or "")
                for k, c in keys.items()
            ],
            ignore_conflicts=True,
        )
        cache.update({s.key: s for s in Statute.objects.filter(key__in=keys)})
    return cache


def _agencies_for(slugs: set[str]) -> dict[str, Agency]:
    cache = _CACHE["agencies"]
    missing = {slug for slug in slugs if slug not in cache}
    if missing:
        entries = agency_entries()
        Agency.objects.bulk_create(
            [
                Agency(
                    slug=slug,
                    name=entries[slug].name,
                    abbreviation=entries[slug].abbreviation,
                    aliases=list(entries[slug].aliases),
                )
                for slug in missing
            ],
            ignore_conflicts=True,
        )
        cache.update({a.slug: a for a in Agency.objects.filter(slug__in=missing)})
    return cache


# Status ------------------------------------------------------------------------------------


def refresh_statuses(action_ids=None) -> None:
    """Status follows from incoming relations, the most severe deciding, dated by the acting
    order's signing. For the given actions, or for every action when `action_ids` is None."""
    relations = Relation.objects.filter(
        kind__in=STATUS_RELATIONS, target__isnull=False
    ).values_list("target_id", "kind", "in_part", "source__signed_on", "source_on")
    candidates = Action.objects.all()
    if action_ids is not None:
        action_ids = list(action_ids)
        relations = relations.filter(target_id__in=action_ids)
        candidates = candidates.filter(pk__in=action_ids)
    by_target: dict[int, list] = defaultdict(list)
    for target_id, kind, in_part, signed_on, noted_on in relations:
        by_target[target_id].append((kind, in_part, signed_on or noted_on))
    changed = []
    for action in candidates.only("id", "status", "status_on"):
        status, status_on = IN_FORCE, None
        incoming = by_target.get(action.pk, [])
        for kind, in_part, label in STATUS_PRECEDENCE:
            hits = [day for k, part, day in incoming if k == kind and part == in_part]
            if any(k == kind and part == in_part for k, part, _ in incoming):
                status = label
                status_on = min((day for day in hits if day), default=None)
                break
        if (action.status, action.status_on) != (status, status_on):
            action.status, action.status_on = status, status_on
            changed.append(action)
    Action.objects.bulk_update(changed, ["status", "status_on"], batch_size=500)
