"""What one action's rebuild writes, computed from its sources and not yet saved.

`derive` merges the sources' parses (`merge.py`), settles the merged fields on the action,
and reads its units (preamble and sections) for citations, agency mentions, references to
other actions and the relations stated, and the search document. Nothing is written here
except the few lookup rows (`Lookups`) that citations and mentions point to.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from actions.extract.agencies import agency_entries
from actions.extract.citations import StatuteCitation
from actions.extract.notes import note_relation, parse_target
from actions.ingest.pages import page_at
from actions.ingest.text import slugify_title, title_key
from actions.models import (
    Action,
    AgencyMention,
    Citation,
    Conflict,
    Reference,
    Relation,
    SearchDocument,
    Section,
    Signatory,
    Source,
)
from actions.store.identity import (
    TWIN_KINDS,
    ambiguous,
    twin_candidates,
)
from actions.store.lookups import Lookups
from actions.store.merge import Merged
from actions.store.readings import Reading


@dataclass
class Derived:
    """Everything one action's rebuild writes, not yet saved."""

    action: Action
    sections: list[Section] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    mentions: list[AgencyMention] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    # (relation, its unresolved end, and that end's kind, number, date and title)
    relations: list[tuple] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    search: SearchDocument | None = None
    sources: list[Source] = field(default_factory=list)  # its copies, for its page row


def derive(action: Action, sources: list[Source], lookups: Lookups, reading: Reading) -> Derived:
    """Everything derived from one action's sources; the action's own fields set in place.
    `reading` is what `readings.read_copies` made of the sources' parses (here or in a worker
    process)."""
    merged = reading.merged
    out = Derived(action=action, sources=sources)
    holder = _apply_merged_fields(action, reading, sources, lookups)
    # The end its own text sets; `refresh_statuses` reads it again from the text as amended.
    action.expires_on = reading.expires_on
    out.conflicts = _conflicts(action, merged, sources, holder)
    signer = merged.fields["signer"] or (action.president.name if action.president else None)
    if signer:
        out.signatories.append(Signatory(action=action, name=signer, role="President"))
    text_doc = reading.text_doc
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
    units = [
        (out.sections[unit.section] if unit.section is not None else None, unit)
        for unit in reading.units
    ]
    pages = {None: (action.fr_start_page, action.preamble_page_breaks)}
    pages.update({id(s): (s.start_page, s.page_breaks) for s in out.sections})
    found = _derive_citations(action, units, pages, out, lookups)
    agencies = _derive_mentions(action, units, out, lookups)
    out.references = _derive_references(action, units)
    out.relations = _derive_relations(action, units, reading.notes)
    out.search = _search_document(action, out.sections, found, agencies)
    return out


def _apply_merged_fields(
    action: Action, reading: Reading, sources, lookups: Lookups
) -> Action | None:
    """Set the action's fields from the merge; returns the action already holding the merged
    number, if another one does (the number is then left off and shown as a conflict)."""
    merged = reading.merged
    fields = merged.fields
    number = fields["number"]
    holder = lookups.number_holder(action, fields["kind"], number)
    action.kind = fields["kind"] or "other"
    action.number = None if holder else number
    action.title = fields["title"] or action.title
    action.title_key = title_key(action.title)
    action.slug = slugify_title(action.title)
    for name in ("signed_on", "published_on", "filed_on", "fr_start_page"):
        setattr(action, name, fields[name])
    action.place = fields["place"] or ""
    action.fr_citation = fields["fr_citation"]
    action.fr_document_number = lookups.free_identifier(
        action, "fr_document_number", fields["fr_document_number"]
    )
    action.dcpd_number = lookups.free_identifier(action, "dcpd_number", fields["dcpd_number"])
    action.not_received_for_publication = reading.not_received_for_publication
    action.corrections = [
        {
            "fr_citation": d.fr_citation,
            "fr_document_number": d.fr_document_number,
            "published_on": d.published_on.isoformat() if d.published_on else None,
        }
        for d in reading.corrections
    ]
    action.needs_rebuild = False
    action.categories, action.subjects, action.topics = (
        merged.categories,
        merged.subjects,
        merged.topics,
    )
    term = lookups.term_on(action.signed_on)
    action.term = term
    action.president = term.president if term else None
    text_doc = reading.text_doc
    action.text_source = sources[merged.text_source] if merged.text_source is not None else None
    action.text = text_doc.text if text_doc else ""
    action.preamble = text_doc.preamble if text_doc else ""
    action.preamble_page_breaks = text_doc.preamble_page_breaks if text_doc else []
    return holder


def _conflicts(action: Action, merged: Merged, sources, holder: Action | None) -> list[Conflict]:
    """The fields the sources disagree on, and a number another action holds."""
    conflicts = [
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
        conflicts.append(Conflict(action=action, field="number", values=claims))
    if not action.number and action.kind in TWIN_KINDS:
        # A copy that reads as two numbered orders alike: curators decide, the archive
        # does not guess (`identity.find_action` left it apart).
        matches = twin_candidates(
            action.kind,
            action.title,
            action.signed_on,
            action.text,
            numbered=True,
            page_date=action.published_on,
        )
        if ambiguous(matches):
            conflicts.append(
                Conflict(
                    action=action,
                    field="identity",
                    values=[
                        {
                            "source": match.action.get_absolute_url(),
                            "format": "archive",
                            "value": match.action.label,
                            "note": f"reads as this order: {match.evidence}",
                        }
                        for match in matches[:3]
                    ],
                )
            )
    return conflicts


def _derive_citations(
    action, units, pages, out: Derived, lookups: Lookups
) -> list[StatuteCitation]:
    found = [(section, cite) for section, unit in units for cite in unit.citations]
    statutes = lookups.statutes_for([cite for _, cite in found])
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


def _derive_mentions(action, units, out: Derived, lookups: Lookups) -> set[str]:
    counts: Counter = Counter()
    directed: dict = defaultdict(bool)
    section_of = {}
    for section, unit in units:
        for match in unit.agencies:
            key = (id(section) if section else None, match.slug)
            section_of[key] = section
            counts[key] += 1
            directed[key] |= match.directed
    slugs = {slug for _, slug in counts}
    agencies = lookups.agencies_for(sorted(slugs))
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


def _derive_references(action: Action, units) -> list[Reference]:
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
        for section, unit in units
        for ref in unit.references
        if ref.number and not (ref.kind == action.kind and ref.number == action.number)
    ]


def _derive_relations(action: Action, units, notes: list[tuple[str, str]]) -> list[tuple]:
    """Relations from the action's own text and from its sources' disposition notes, each with
    the (kind, number, date) of its unresolved end."""
    found: list[tuple] = []
    seen = set()
    for section, unit in units:
        text = unit.text
        for ref, (start, end, effective_on) in zip(unit.references, unit.sentences, strict=True):
            if ref.kind == action.kind and ref.number and ref.number == action.number:
                continue  # an order naming itself
            # One relation per document, kind and part named (a text naming an order twice
            # states one relation; amending its sections 1 and 2 states two).
            marker = (ref.kind, ref.number, ref.label, ref.relation, ref.target_section)
            if marker in seen:
                continue
            seen.add(marker)
            relation = Relation(
                effective_on=effective_on or action.signed_on,
                target_section=(ref.target_section or "")[:40],
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
            found.append((relation, "target", ref.kind, ref.number, ref.on, ref.title))
    for label, target_text in notes:
        meaning = note_relation(label)
        if meaning is not None:
            kind, holder_acts, in_part = meaning
            in_part = in_part or "(in part)" in target_text.lower()
            other = parse_target(target_text.replace("(in part)", ""))
            relation = Relation(
                found_in=action,
                kind=kind,
                in_part=in_part,
                origin="fr_notes",
                evidence=f"{label}: {target_text}"[:1000],
                # The acting order's date: this one's, or the one the note names.
                effective_on=action.signed_on if holder_acts else other.on,
            )
            end = "target" if holder_acts else "source"
            setattr(relation, "source" if holder_acts else "target", action)
            setattr(relation, f"{end}_label", other.label[:300])
            setattr(relation, f"{end}_kind", other.kind)
            setattr(relation, f"{end}_number", other.number or "")
            setattr(relation, f"{end}_on", other.on)
            found.append((relation, end, other.kind, other.number, other.on, None))
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
