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

from django.db import transaction
from django.db.models import Q

from actions.agencies import agency_entries, find_agencies
from actions.citations import StatuteCitation, extract_citations
from actions.merge import merge_sources
from actions.models import (
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
from actions.text import slugify_title, title_key


@dataclass
class SaveResult:
    outcome: str  # new, updated, unchanged
    action_id: int | None = None
    commentary_id: int | None = None


def save_document(parsed: ParsedDocument, *, locator: str, sha256: str) -> SaveResult:
    """Store one parsed document; idempotent on (locator, sha256)."""
    with transaction.atomic():
        existing = Source.objects.filter(locator=locator).first()
        if existing and existing.sha256 == sha256:
            return SaveResult("unchanged", existing.action_id)
        outcome = "updated" if existing else "new"
        if parsed.is_commentary:
            return _save_commentary(parsed, existing, locator, sha256, outcome)
        previous_action_id = existing.action_id if existing else None
        action = find_action(parsed) or Action(
            kind=parsed.kind or "other", title=parsed.title or ""
        )
        if action.pk is None:
            action.title_key = title_key(action.title)
            action.slug = slugify_title(action.title)
            action.save()
        source = existing or Source(locator=locator)
        source.action = action
        _fill_source(source, parsed, sha256)
        source.save()
        rebuild_action(action)
        if previous_action_id and previous_action_id != action.pk:
            _rebuild_or_delete(previous_action_id)
        return SaveResult(outcome, action.pk)


def find_action(parsed: ParsedDocument) -> Action | None:
    """The action a document belongs to, or None for a new one.

    Identifiers the publisher assigns (FR document number, DCPD number, FR citation) decide
    first. A printed number decides only if title or date agree with it: a page may print
    another order's number, which is a conflict to show, never a reason to merge two orders.
    """
    identifiers = Q()
    if parsed.fr_document_number:
        identifiers |= Q(fr_document_number=parsed.fr_document_number)
    if parsed.dcpd_number:
        identifiers |= Q(dcpd_number=parsed.dcpd_number)
    if parsed.fr_citation and parsed.kind:
        identifiers |= Q(fr_citation=parsed.fr_citation, kind=parsed.kind)
    if identifiers and (found := Action.objects.filter(identifiers).first()):
        return found
    key = title_key(parsed.title or "")
    by_title = None
    if key and parsed.signed_on:
        by_title = Action.objects.filter(title_key=key, signed_on=parsed.signed_on).first()
    if parsed.number and parsed.kind:
        by_number = Action.objects.filter(kind=parsed.kind, number=parsed.number).first()
        agrees = by_number and (
            not key or by_number.title_key == key or by_number.signed_on == parsed.signed_on
        )
        if agrees:
            return by_number
    return by_title


def rebuild_action(action: Action) -> None:
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
    action.fr_document_number = fields["fr_document_number"]
    action.dcpd_number = fields["dcpd_number"]
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

    action.sections.all().delete()
    sections = Section.objects.bulk_create(
        Section(
            action=action,
            position=position,
            number=parsed.number,
            heading=parsed.heading,
            text=parsed.text,
            start_page=parsed.start_page,
        )
        for position, parsed in enumerate(text_doc.sections if text_doc else [])
    )
    units: list[tuple[Section | None, str]] = [(None, action.preamble)]
    units += [(section, section.text) for section in sections]
    if text_doc and not sections:
        units = [(None, text_doc.text)]
    citations = _write_citations(action, units)
    agencies = _write_agency_mentions(action, units)
    _write_stated_relations(action, units, docs)
    _write_search_document(action, sections, citations, agencies)
    refresh_status(action)


def _number_holder(action: Action, kind: str, number: str | None) -> Action | None:
    if not number:
        return None
    return Action.objects.filter(kind=kind, number=number).exclude(pk=action.pk).first()


def _term_for(day) -> Term | None:
    info = term_on(day)
    if info is None:
        return None
    president, _ = President.objects.get_or_create(slug=info.slug, defaults={"name": info.name})
    term, _ = Term.objects.get_or_create(
        ordinal=info.ordinal,
        defaults={"president": president, "start": info.start, "end": info.end},
    )
    return term


def _fill_source(source: Source, parsed: ParsedDocument, sha256: str) -> None:
    source.format = parsed.source_format
    source.sha256 = sha256
    source.url = parsed.url or ""
    source.official = parsed.official
    source.publisher = parsed.publisher or ""
    source.title = parsed.title or ""
    source.number = parsed.number or ""
    source.signed_on = parsed.signed_on
    source.published_on = parsed.published_on
    source.text = parsed.text
    source.metadata = {"parsed": parsed.to_json()}


def _write_citations(action: Action, units) -> list[tuple[Section | None, StatuteCitation]]:
    Citation.objects.filter(action=action).delete()
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
        )
        for section, cite in found
    )
    return found


def _statutes_for(cites: list[StatuteCitation]) -> dict[str, Statute]:
    keys = {cite.key: cite for cite in cites}
    existing = {s.key: s for s in Statute.objects.filter(key__in=keys)}
    missing = [
        Statute(kind=c.kind, key=k, title=c.title or "", section=c.section or "")
        for k, c in keys.items()
        if k not in existing
    ]
    if missing:
        Statute.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {s.key: s for s in Statute.objects.filter(key__in=keys)}
    return existing


def _write_agency_mentions(action: Action, units) -> set[str]:
    AgencyMention.objects.filter(action=action).delete()
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
    return set(agencies)


def _agencies_for(slugs: set[str]) -> dict[str, Agency]:
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
    return existing


def _write_stated_relations(action: Action, units, docs: list[ParsedDocument]) -> None:
    """Relations from the action's own text and from its sources' disposition notes."""
    Relation.objects.filter(found_in=action).exclude(origin="computed").delete()
    rows = []
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
            rows.append(
                Relation(
                    found_in=action,
                    source=action,
                    kind=ref.relation,
                    in_part=ref.in_part,
                    origin="text",
                    evidence=text[start:end].strip()[:1000],
                    section=section,
                    target=resolve_reference(ref.kind, ref.number, ref.on),
                    target_label=ref.label,
                    target_kind=ref.kind,
                    target_number=ref.number or "",
                    target_on=ref.on,
                )
            )
    for doc in docs:
        for label, target_text in doc.disposition_notes:
            meaning = note_relation(label)
            if meaning is None:
                continue
            kind, holder_acts, in_part = meaning
            other = parse_target(target_text)
            resolved = resolve_reference(other.kind, other.number, other.on)
            relation = Relation(
                found_in=action,
                kind=kind,
                in_part=in_part,
                origin="fr_notes",
                evidence=f"{label}: {target_text}",
            )
            if holder_acts:
                relation.source = action
                relation.target = resolved
                relation.target_label, relation.target_kind = other.label, other.kind
                relation.target_number, relation.target_on = other.number or "", other.on
            else:
                relation.target = action
                relation.source = resolved
                relation.source_label, relation.source_kind = other.label, other.kind
                relation.source_number, relation.source_on = other.number or "", other.on
            rows.append(relation)
    Relation.objects.bulk_create(rows)
    if action.number:
        # Relations stated earlier by other actions, naming this one before it was ingested.
        Relation.objects.filter(
            target__isnull=True, target_kind=action.kind, target_number=action.number
        ).update(target=action)
        Relation.objects.filter(
            source__isnull=True, source_kind=action.kind, source_number=action.number
        ).update(source=action)
    for affected in {r.target_id for r in rows if r.target_id and r.target_id != action.pk}:
        refresh_status(Action.objects.get(pk=affected))


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
    """The status follows from incoming relations: the most severe one decides."""
    incoming = list(
        Relation.objects.filter(
            target=action, kind__in={"revokes", "supersedes", "suspends", "amends"}
        ).select_related("source")
    )
    status, status_on = "in_force", None
    for kind, in_part, label in STATUS_ORDER:
        hits = [r for r in incoming if r.kind == kind and r.in_part == in_part]
        if hits:
            dates = [r.source.signed_on if r.source else r.source_on for r in hits]
            dates = [d for d in dates if d]
            status, status_on = label, (min(dates) if dates else None)
            break
    if (action.status, action.status_on) != (status, status_on):
        Action.objects.filter(pk=action.pk).update(status=status, status_on=status_on)
        action.status, action.status_on = status, status_on


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
