"""The one writer: a parsed document becomes rows, in one transaction per document.

`save_document` finds the Action the document belongs to (kind + number, FR document number,
DCPD number, FR citation, or normalised title + signing date), keeps the document as a Source,
and rebuilds the action from all its sources: merged fields, sections, signatory, conflicts,
citations, agency mentions, stated relations and the search document. Re-saving unchanged bytes
is a no-op; a failure leaves nothing behind (the transaction rolls back).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta
from difflib import SequenceMatcher

from django.db import transaction
from django.db.models import Q

from actions.agencies import agency_entries, find_agencies
from actions.citations import StatuteCitation, extract_citations
from actions.ingest.pages import page_at
from actions.merge import METADATA_RANK, merge_sources
from actions.models import (
    KIND_LABELS,
    Action,
    Agency,
    AgencyMention,
    Citation,
    Commentary,
    Conflict,
    President,
    Relation,
    SearchDocument,
    Section,
    Signatory,
    Source,
    Statute,
    Term,
)
from actions.notes import note_relation, parse_target
from actions.parsed import ParsedDocument, parsed_from_json
from actions.presidents import term_on
from actions.references import extract_references, sentence_around
from actions.text import normalize_number, slugify_title, title_key


@dataclass
class SaveResult:
    outcome: str  # new, updated, unchanged
    action_id: int | None = None
    commentary_id: int | None = None


def save_document(
    parsed: ParsedDocument, *, locator: str, sha256: str, defer: bool = False
) -> SaveResult:
    """Store one parsed document; idempotent on (locator, sha256).

    The action's identity fields are settled at once (so the next copy of the same order finds
    it); its derived rows are rebuilt now, or with `defer`, by `rebuild_pending` at the end of
    an ingest run: an action with many copies is then rebuilt once, not once per copy.
    """
    with transaction.atomic():
        existing = Source.objects.filter(locator=locator).first()
        if existing and existing.sha256 == sha256:
            return SaveResult("unchanged", existing.action_id)
        outcome = "updated" if existing else "new"
        parsed.number = normalize_number(parsed.number)
        if parsed.is_commentary:
            return _save_commentary(parsed, existing, locator, sha256, outcome)
        previous_action_id = existing.action_id if existing else None
        action = find_action(parsed)
        if action is None:
            action = Action(
                kind=parsed.kind or "other",
                title=parsed.title or (f"Executive Order {parsed.number}" if parsed.number else ""),
            )
            action.title_key = title_key(action.title)
            action.slug = slugify_title(action.title)
            action.save()
        source = existing or Source(locator=locator)
        source.action = action
        _fill_source(source, parsed, sha256)
        source.save()
        refresh_identity(action)
        if defer:
            Action.objects.filter(pk=action.pk).update(needs_rebuild=True)
        else:
            clear_caches()
            rebuild_action(action)
        if previous_action_id and previous_action_id != action.pk:
            _rebuild_or_delete(previous_action_id)
        return SaveResult(outcome, action.pk)


def titles_agree(a: str, b: str) -> bool:
    """Two printings of one title: equal keys, one a prefix of the other (a truncated
    table entry), or nearly the same letters (a transcription's slips)."""
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 20 and (a.startswith(b) or b.startswith(a))):
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.85


def rebuild_pending(progress=None) -> int:
    """Rebuild every action whose sources changed since its last rebuild, each atomically."""
    clear_caches()
    count = 0
    ids = list(Action.objects.filter(needs_rebuild=True).values_list("id", flat=True))
    for action_id in ids:
        with transaction.atomic():
            action = Action.objects.filter(pk=action_id, needs_rebuild=True).first()
            if action is None:
                continue
            rebuild_action(action, refresh=False)
        count += 1
        if progress:
            progress(count, len(ids))
    if count:
        refresh_statuses()
    return count


def refresh_identity(action: Action) -> None:
    """Identity fields from the sources' own columns (cheap: no parse is loaded), so the next
    copy of the same order finds this action by number, FR document number or title + date."""
    rows = list(
        Source.objects.filter(action=action).values(
            "format",
            "kind",
            "number",
            "title",
            "signed_on",
            "fr_citation",
            "fr_document_number",
            "dcpd_number",
            "is_correction",
        )
    )
    if any(not row["is_correction"] for row in rows):
        rows = [row for row in rows if not row["is_correction"]]
    else:
        # Only a correction so far: it names its order's kind, number and date, nothing else.
        rows = [
            {
                **row,
                "title": f"{KIND_LABELS.get(row['kind'], '')} {row['number']}".strip(),
                "fr_citation": "",
                "fr_document_number": "",
                "dcpd_number": "",
            }
            for row in rows
        ]
    rows.sort(key=lambda row: METADATA_RANK.get(row["format"], 50))

    def best(name):
        return next((row[name] for row in rows if row[name]), None)

    kind = next((row["kind"] for row in rows if row["kind"] and row["kind"] != "other"), None)
    action.kind = kind or action.kind or "other"
    number = best("number")
    action.number = None if _number_holder(action, action.kind, number) else number
    action.title = best("title") or action.title
    action.title_key = title_key(action.title)
    action.signed_on = best("signed_on")
    action.fr_citation = best("fr_citation")
    action.fr_document_number = _free(action, "fr_document_number", best("fr_document_number"))
    action.dcpd_number = _free(action, "dcpd_number", best("dcpd_number"))
    action.save(
        update_fields=[
            "kind",
            "number",
            "title",
            "title_key",
            "signed_on",
            "fr_citation",
            "fr_document_number",
            "dcpd_number",
        ]
    )


def _free(action: Action, field: str, value: str | None) -> str | None:
    """A unique identifier already held by another action is not taken twice."""
    if value and Action.objects.filter(**{field: value}).exclude(pk=action.pk).exists():
        return None
    return value


def find_action(parsed: ParsedDocument) -> Action | None:
    """The action a document belongs to, or None for a new one.

    Identifiers the publisher assigns (FR document number, DCPD number, FR citation) decide
    first. A printed number decides only if title or date agree with it: a page may print
    another order's number, which is a conflict to show, never a reason to merge two orders.
    Copies without a number match on title and signing date (a web page may be dated a day or
    two after the signing).
    """
    if parsed.is_correction and parsed.number and parsed.kind:
        return Action.objects.filter(kind=parsed.kind, number=parsed.number).first()
    identifiers = Q()
    if parsed.fr_document_number:
        identifiers |= Q(fr_document_number=parsed.fr_document_number)
    if parsed.dcpd_number:
        identifiers |= Q(dcpd_number=parsed.dcpd_number)
    if parsed.fr_citation and parsed.kind and not parsed.number:
        identifiers |= Q(fr_citation=parsed.fr_citation, kind=parsed.kind)
    key = title_key(parsed.title or "")
    found = Action.objects.filter(identifiers).first() if identifiers else None
    if found and (
        not parsed.number
        or not found.number
        or found.number == parsed.number
        or titles_agree(found.title_key, key)
        or found.signed_on == parsed.signed_on
    ):
        # The publisher's identifier and the title or date agree: a differing printed number
        # is then a misprint, kept as a conflict on the one action.
        return found
    if parsed.number and parsed.kind:
        by_number = Action.objects.filter(kind=parsed.kind, number=parsed.number).first()
        agrees = by_number and (
            not key
            or titles_agree(by_number.title_key, key)
            or by_number.signed_on == parsed.signed_on
            or by_number.signed_on is None
            or parsed.signed_on is None
        )
        if agrees:
            return by_number
    if not key or not parsed.signed_on:
        return None
    candidates = Action.objects.filter(
        title_key=key,
        signed_on__gte=parsed.signed_on - timedelta(days=3),
        signed_on__lte=parsed.signed_on + timedelta(days=3),
    )
    if parsed.number:
        candidates = candidates.filter(Q(number__isnull=True) | Q(number=parsed.number))
    matches = [
        a
        for a in candidates
        if a.kind == parsed.kind or "other" in (a.kind, parsed.kind) or not parsed.kind
    ]
    matches.sort(key=lambda a: abs((a.signed_on - parsed.signed_on).days))
    return matches[0] if matches else None


def rebuild_action(action: Action, refresh: bool = True) -> None:
    """Recompute everything derived from the action's sources."""
    sources = list(action.sources.order_by("id"))
    docs = [parsed_from_json(source.metadata["parsed"]) for source in sources]
    merged = merge_sources(docs)
    fields = merged.fields
    number = fields["number"]
    holder = _number_holder(action, fields["kind"], number)
    if holder:
        number = None  # another action holds it; the conflict below shows both claims
    action.kind = fields["kind"] or "other"
    action.number = number
    action.title = fields["title"] or action.title
    action.title_key = title_key(action.title)
    action.slug = slugify_title(action.title)
    for name in ("signed_on", "published_on", "filed_on", "fr_start_page"):
        setattr(action, name, fields[name])
    action.place = fields["place"] or ""
    action.fr_citation = fields["fr_citation"]
    action.fr_document_number = _free(action, "fr_document_number", fields["fr_document_number"])
    action.dcpd_number = _free(action, "dcpd_number", fields["dcpd_number"])
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
    action.save()

    Conflict.objects.filter(action=action).delete()
    Conflict.objects.bulk_create(
        Conflict(
            action=action,
            field=name,
            values=[
                {"source": sources[i].locator, "format": sources[i].format, "value": str(value)}
                for i, value in values
            ],
        )
        for name, values in merged.conflicts.items()
    )
    if holder:
        Conflict.objects.create(
            action=action,
            field="number",
            values=[
                {"source": s.locator, "format": s.format, "value": s.number}
                for s in sources
                if s.number
            ]
            + [
                {
                    "source": holder.get_absolute_url(),
                    "format": "archive",
                    "value": holder.label,
                    "note": f"this number belongs to {holder.title} ({holder.signed_on})",
                }
            ],
        )
    Signatory.objects.filter(action=action).delete()
    signer = fields["signer"] or (action.president.name if action.president else None)
    if signer:
        Signatory.objects.create(action=action, name=signer, role="President")

    _delete_derived_rows(action)
    sections = Section.objects.bulk_create(
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
    )
    units: list[tuple[Section | None, str]] = [(None, action.preamble)]
    units += [(section, section.text) for section in sections]
    if text_doc and not sections and not action.preamble:
        units = [(None, text_doc.text)]
    citations = _write_citations(action, units, _pages_of(action, text_doc, sections))
    agencies = _write_agency_mentions(action, units)
    affected = _write_stated_relations(action, units, docs)
    _write_search_document(action, sections, citations, agencies)
    if refresh:
        refresh_statuses({action.pk, *affected})


def _number_holder(action: Action, kind: str, number: str | None) -> Action | None:
    if not number:
        return None
    return Action.objects.filter(kind=kind, number=number).exclude(pk=action.pk).first()


# Rows every rebuild looks up again (terms, statutes, agencies), remembered for one run.
# Cleared at the start of each ingest run and of each immediate save, so a rolled-back
# transaction can never leave the cache pointing at rows that do not exist.
_CACHE: dict[str, dict] = {"terms": {}, "statutes": {}, "agencies": {}}


def clear_caches() -> None:
    for table in _CACHE.values():
        table.clear()


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


def _fill_source(source: Source, parsed: ParsedDocument, sha256: str) -> None:
    source.format = parsed.source_format
    source.sha256 = sha256
    source.url = parsed.url or ""
    source.official = parsed.official
    source.publisher = parsed.publisher or ""
    source.kind = parsed.kind or ""
    source.title = parsed.title or ""
    source.number = parsed.number or ""
    source.signed_on = parsed.signed_on
    source.published_on = parsed.published_on
    source.fr_citation = parsed.fr_citation or ""
    source.fr_document_number = parsed.fr_document_number or ""
    source.dcpd_number = parsed.dcpd_number or ""
    source.is_correction = parsed.is_correction
    source.text = parsed.text
    source.metadata = {"parsed": parsed.to_json()}


def _pages_of(action: Action, text_doc, sections) -> dict:
    """Per unit (None for the preamble): (start page, page breaks), to cite at the page."""
    pages = {None: (action.fr_start_page, text_doc.preamble_page_breaks if text_doc else [])}
    for section in sections:
        pages[section.pk] = (section.start_page, section.page_breaks)
    return pages


def _delete_derived_rows(action: Action) -> None:
    """Rows derived from the text, children first. `_raw_delete` skips the collector's
    per-row cascade queries: every table that points at these rows is emptied here first."""
    using = Action.objects.db
    for queryset in (
        Citation.objects.filter(action=action),
        AgencyMention.objects.filter(action=action),
        Relation.objects.filter(found_in=action).exclude(origin="computed"),
        Section.objects.filter(action=action),
    ):
        queryset._raw_delete(using)


def _write_citations(action: Action, units, pages) -> list[tuple[Section | None, StatuteCitation]]:
    found = [(section, cite) for section, text in units for cite in extract_citations(text)]
    statutes = _statutes_for([cite for _, cite in found])
    Citation.objects.bulk_create(
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
            page=page_at(*pages.get(section.pk if section else None, (None, [])), cite.start),
        )
        for section, cite in found
    )
    return found


def _statutes_for(cites: list[StatuteCitation]) -> dict[str, Statute]:
    cache = _CACHE["statutes"]
    keys = {cite.key: cite for cite in cites if cite.key not in cache}
    if not keys:
        return cache
    existing = {s.key: s for s in Statute.objects.filter(key__in=keys)}
    missing = [
        Statute(kind=c.kind, key=k, title=c.title or "", section=c.section or "")
        for k, c in keys.items()
        if k not in existing
    ]
    if missing:
        Statute.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {s.key: s for s in Statute.objects.filter(key__in=keys)}
    cache.update(existing)
    return cache


def _write_agency_mentions(action: Action, units) -> set[str]:
    counts: Counter = Counter()
    directed: dict = defaultdict(bool)
    for section, text in units:
        for match in find_agencies(text):
            key = (section.pk if section else None, match.slug)
            counts[key] += 1
            directed[key] |= match.directed
    agencies = _agencies_for({slug for _, slug in counts})
    AgencyMention.objects.bulk_create(
        AgencyMention(
            action=action,
            section_id=section_id,
            agency=agencies[slug],
            count=count,
            directed=directed[(section_id, slug)],
        )
        for (section_id, slug), count in counts.items()
    )
    return {slug for _, slug in counts}


def _agencies_for(slugs: set[str]) -> dict[str, Agency]:
    cache = _CACHE["agencies"]
    slugs = {slug for slug in slugs if slug not in cache}
    if not slugs:
        return cache
    entries = agency_entries()
    existing = {a.slug: a for a in Agency.objects.filter(slug__in=slugs)}
    missing = [
        Agency(
            slug=slug,
            name=entries[slug].name,
            abbreviation=entries[slug].abbreviation,
            aliases=list(entries[slug].aliases),
        )
        for slug in slugs - set(existing)
    ]
    if missing:
        Agency.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {a.slug: a for a in Agency.objects.filter(slug__in=slugs)}
    cache.update(existing)
    return cache


def _write_stated_relations(action: Action, units, docs: list[ParsedDocument]) -> set[int]:
    """Relations from the action's own text and from its sources' disposition notes.

    Returns the ids of the other actions they affect, whose status may have changed."""
    found: list[tuple] = []  # (relation row, kind, number, date) of the other end
    seen = set()
    for section, text in units:
        for ref in extract_references(text):
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
                target_label=ref.label,
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
            if holder_acts:
                relation.source = action
            else:
                relation.target = action
            setattr(relation, f"{end}_label", other.label[:300])
            setattr(relation, f"{end}_kind", other.kind)
            setattr(relation, f"{end}_number", other.number or "")
            setattr(relation, f"{end}_on", other.on)
            found.append((relation, end, other.kind, other.number, other.on))
    resolved = _resolve_all([(kind, number, on) for _, _, kind, number, on in found])
    for relation, end, kind, number, on in found:
        setattr(relation, f"{end}_id", resolved.get((kind, number, on)))
    Relation.objects.bulk_create([relation for relation, *_ in found])
    if action.number:
        # Relations stated earlier by other actions, naming this one before it was ingested.
        Relation.objects.filter(
            target__isnull=True, target_kind=action.kind, target_number=action.number
        ).update(target=action)
        Relation.objects.filter(
            source__isnull=True, source_kind=action.kind, source_number=action.number
        ).update(source=action)
    return {r.target_id for r, *_ in found if r.target_id and r.target_id != action.pk}


def _resolve_all(keys: list[tuple]) -> dict[tuple, int]:
    """Archive ids for (kind, number, date) references: one query for all numbered ones."""
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


STATUS_ORDER = [
    ("revokes", False, "revoked"),
    ("supersedes", False, "superseded"),
    ("revokes", True, "revoked_in_part"),
    ("supersedes", True, "superseded_in_part"),
    ("suspends", False, "suspended"),
    ("amends", False, "amended"),
    ("amends", True, "amended"),
]


def refresh_status(action: Action) -> None:
    refresh_statuses([action.pk])
    action.refresh_from_db(fields=["status", "status_on"])


def refresh_statuses(action_ids=None) -> None:
    """Status follows from incoming relations, the most severe deciding, dated by the acting
    order's signing. For the given actions, or for every action when `action_ids` is None."""
    relations = Relation.objects.filter(
        kind__in={"revokes", "supersedes", "suspends", "amends"}, target__isnull=False
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
        status, status_on = "in_force", None
        incoming = by_target.get(action.pk, [])
        for kind, in_part, label in STATUS_ORDER:
            dates = [day for k, part, day in incoming if k == kind and part == in_part]
            if any(k == kind and part == in_part for k, part, _ in incoming):
                status = label
                status_on = min((d for d in dates if d), default=None)
                break
        if (action.status, action.status_on) != (status, status_on):
            action.status, action.status_on = status, status_on
            changed.append(action)
    Action.objects.bulk_update(changed, ["status", "status_on"], batch_size=500)


def _write_search_document(action: Action, sections, citations, agency_slugs) -> None:
    identifiers = [
        action.label,
        action.short_label,
        action.fr_citation or "",
        action.fr_document_number or "",
        action.dcpd_number or "",
    ]
    entries = agency_entries()
    terms = sorted({f"{cite.key}{cite.pin}" for _, cite in citations})
    terms += sorted({cite.act or cite.via for _, cite in citations if cite.act or cite.via})
    terms += [name for slug in sorted(agency_slugs) for name in entries[slug].names]
    body = (
        action.text
        if not sections
        else "\n\n".join([action.preamble, *(section.text for section in sections)])
    )
    SearchDocument.objects.update_or_create(
        action=action,
        defaults={
            "title": " ".join([action.title, *filter(None, identifiers)]),
            "headings": "\n".join(section.heading for section in sections if section.heading),
            "body": body,
            "terms": "\n".join(terms),
        },
    )


def remove_sources(sources) -> None:
    """Drop sources that no longer exist (rows gone from a table); their actions follow."""
    with transaction.atomic():
        action_ids = set(sources.values_list("action_id", flat=True))
        sources.delete()
        for action_id in action_ids - {None}:
            _rebuild_or_delete(action_id)


def _rebuild_or_delete(action_id: int) -> None:
    action = Action.objects.filter(pk=action_id).first()
    if action is None:
        return
    if action.sources.exists():
        rebuild_action(action)
    else:
        action.delete()


def _save_commentary(parsed, existing, locator, sha256, outcome) -> SaveResult:
    source = existing or Source(locator=locator)
    source.action = None
    _fill_source(source, parsed, sha256)
    source.save()
    commentary, _ = Commentary.objects.update_or_create(
        source=source,
        defaults={
            "title": parsed.title or "",
            "publisher": parsed.publisher or "",
            "url": parsed.url or "",
            "published_on": parsed.published_on,
            "text": parsed.text,
        },
    )
    commentary.links.all().delete()  # relinked by the relate step, against current actions
    return SaveResult(outcome, commentary_id=commentary.pk)
