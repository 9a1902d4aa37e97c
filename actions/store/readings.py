"""What an action's copies say, read without the database: the pure half of a rebuild.

`read_copies` takes the stored parses of one action's copies and returns everything a rebuild
reads from their words: the merge (which copy's text is shown, the fields, the disagreements),
the end the text sets, and per unit (preamble, sections) the statute citations, the agencies
named, the references to other actions with the sentence each stands in and the date that
sentence says it takes effect. `derive.py` turns a reading into rows, asking the database
only what the words cannot say (who else holds a number, the statute and agency rows).

Being pure, readings are made in worker processes for a large rebuild (`readings_for`) while
the one writer writes the previous batch; the rows are the same either way.
"""

from __future__ import annotations

import json
import multiprocessing
from dataclasses import dataclass, field
from datetime import date

from actions.extract.agencies import AgencyMatch, find_agencies_in_parts
from actions.extract.citations import StatuteCitation, extract_citations
from actions.extract.expiry import expiry_date
from actions.extract.references import (
    DocumentReference,
    effective_date,
    extract_references,
    sentence_around,
)
from actions.ingest.parsed import ParsedDocument, parsed_from_json
from actions.store.merge import Merged, merge_sources


@dataclass
class UnitReading:
    """One unit of the shown text: the preamble (or the whole text), or a section."""

    section: int | None  # position among the text's sections; None for the preamble
    text: str
    citations: list[StatuteCitation] = field(default_factory=list)
    agencies: list[AgencyMatch] = field(default_factory=list)
    references: list[DocumentReference] = field(default_factory=list)
    # Per reference: the bounds of its sentence and the day that sentence says it takes effect.
    sentences: list[tuple[int, int, date | None]] = field(default_factory=list)


@dataclass
class Reading:
    merged: Merged
    text_doc: ParsedDocument | None  # the copy whose text is shown
    not_received_for_publication: bool
    corrections: list[ParsedDocument]
    notes: list[tuple[str, str]]  # every copy's disposition notes, in copy order
    expires_on: date | None
    units: list[UnitReading]


def read_copies(parses: list[dict]) -> Reading:
    """The reading of one action from its copies' stored parses (in copy order)."""
    docs = [parsed_from_json(parse) for parse in parses]
    merged = merge_sources(docs)
    text_doc = docs[merged.text_source] if merged.text_source is not None else None
    preamble = text_doc.preamble if text_doc else ""
    units = [UnitReading(None, preamble)]
    units += [UnitReading(i, s.text) for i, s in enumerate(text_doc.sections if text_doc else [])]
    if text_doc and not text_doc.sections and not preamble:
        units = [UnitReading(None, text_doc.text)]
    for unit in units:
        unit.citations = extract_citations(unit.text)
        unit.references = extract_references(unit.text)
        for ref in unit.references:
            start, end = sentence_around(unit.text, ref.start, ref.end)
            unit.sentences.append((start, end, effective_date(unit.text[start:end])))
    for unit, matches in zip(
        units, find_agencies_in_parts([unit.text for unit in units]), strict=True
    ):
        unit.agencies = matches
    return Reading(
        merged=merged,
        text_doc=text_doc,
        not_received_for_publication=any(d.not_received_for_publication for d in docs)
        and not any(d.fr_citation for d in docs if not d.is_correction),
        corrections=[d for d in docs if d.is_correction],
        notes=[note for d in docs for note in d.disposition_notes],
        expires_on=expiry_date(text_doc.text if text_doc else "", merged.fields["signed_on"]),
        units=units,
    )


def read_stored(raw_parses: list[str]) -> Reading:
    """`read_copies` from the copies' metadata as stored (JSON text), for a worker."""
    return read_copies([json.loads(raw)["parsed"] for raw in raw_parses])


def worker_count() -> int:
    """ARCHIVE_INGEST_WORKERS, or one per core."""
    import os

    from django.conf import settings

    return max(1, getattr(settings, "ARCHIVE_INGEST_WORKERS", None) or os.cpu_count() or 1)


def pool(workers: int):
    """Forked workers for readings: they inherit the code and never touch the database."""
    return multiprocessing.get_context("fork").Pool(workers)
