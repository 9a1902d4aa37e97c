"""Merge the published copies of one action into the record the archive shows.

Pure: a list of parsed sources in, the merged fields, the source whose text is shown and the
conflicts between sources out. Each field comes from the most authoritative source that has it
(FR XML, then FR JSON, then DCPD, GovInfo, FR HTML, the FR-derived Markdown, whitehouse.gov,
and last the American Presidency Project transcriptions); disagreements are kept as conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from actions.ingest.parsed import ParsedDocument
from actions.ingest.text import title_key

FORMAT_RANK = {
    "federal_register_xml": 0,
    "federal_register_issue_xml": 0,
    "federal_register_json": 1,
    "dcpd_text": 2,
    "govinfo_htm": 3,
    "federal_register_html": 4,
    "eo_markdown_fr": 5,
    "whitehouse_markdown": 6,
    "whitehouse_legacy_markdown": 7,
    "eo_markdown_app": 8,
    "federal_register_csv": 9,
    "fr_notes_table": 10,
    "nara_table": 11,
}
# For identity metadata (number, dates, title, FR identifiers) the FR's structured records
# outrank numbers and dates read out of typeset text: an XML header once printed
# "Executive Order 15323" for EO 13523. Official sources outrank transcriptions, whose
# disagreements are kept as conflicts.
METADATA_RANK = {
    name: position
    for position, name in enumerate(
        [
            "federal_register_json",
            "federal_register_list_json",
            "federal_register_csv",
            "fr_notes_table",
            "federal_register_xml",
            "federal_register_issue_xml",
            "dcpd_text",
            "govinfo_htm",
            "federal_register_html",
            "nara_table",
            "eo_markdown_fr",
            "whitehouse_markdown",
            "whitehouse_legacy_markdown",
            "eo_markdown_app",
        ]
    )
}
TEXT_FIELDS = ("signer", "place")
FIELDS = (
    "kind",
    "number",
    "title",
    "signed_on",
    "published_on",
    "filed_on",
    "place",
    "signer",
    "fr_citation",
    "fr_document_number",
    "fr_start_page",
    "dcpd_number",
)
CONFLICT_FIELDS = ("number", "title", "signed_on")


@dataclass
class Merged:
    fields: dict
    text_source: int | None  # index into the input list
    conflicts: dict[str, list[tuple[int, object]]] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


def rank(doc: ParsedDocument) -> int:
    return FORMAT_RANK.get(doc.source_format, 50)


def metadata_rank(doc: ParsedDocument) -> int:
    return METADATA_RANK.get(doc.source_format, 50)


def merge_sources(docs: list[ParsedDocument]) -> Merged:
    """Corrections count only as corrections: their title ("Correction") and numbers are not
    the order's."""
    corrections = [i for i, doc in enumerate(docs) if doc.is_correction]
    order = sorted(
        (i for i in range(len(docs)) if i not in corrections), key=lambda i: rank(docs[i])
    )
    by_metadata = sorted(order, key=lambda i: metadata_rank(docs[i]))
    fields: dict = {}
    for name in FIELDS:
        ranking = order if name in TEXT_FIELDS else by_metadata
        fields[name] = next(
            (getattr(docs[i], name) for i in ranking if getattr(docs[i], name) not in (None, "")),
            None,
        )
    if not order:  # only corrections: they name the order's kind, number and date
        fields = dict.fromkeys(FIELDS)
        first = docs[corrections[0]]
        fields.update(kind=first.kind, number=first.number, signed_on=first.signed_on)
        return Merged(fields=fields, text_source=None)
    if fields["kind"] is None or fields["kind"] == "other":
        fields["kind"] = next(
            (docs[i].kind for i in order if docs[i].kind and docs[i].kind != "other"),
            fields["kind"] or "other",
        )
    with_text = [i for i in order if docs[i].sections or docs[i].text.strip()]
    with_sections = [i for i in with_text if docs[i].sections]
    # The best source with sections wins; a sectionless text only when no source has sections.
    text_source = (with_sections or with_text or [None])[0]
    return Merged(
        fields=fields,
        text_source=text_source,
        conflicts=find_conflicts([docs[i] for i in order], order),
        categories=_first_list(docs, order, "categories"),
        subjects=_first_list(docs, order, "subjects"),
        topics=_first_list(docs, order, "topics"),
    )


def find_conflicts(
    docs: list[ParsedDocument], indexes: list[int] | None = None
) -> dict[str, list[tuple[int, object]]]:
    """Fields on which the sources disagree: {field: [(source index, value), ...]}."""
    indexes = indexes if indexes is not None else list(range(len(docs)))
    conflicts = {}
    for name in CONFLICT_FIELDS:
        values = [
            (index, getattr(doc, name))
            for index, doc in zip(indexes, docs, strict=True)
            if getattr(doc, name)
        ]
        normalised = {_comparable(name, value) for _, value in values}
        if len(normalised) > 1:
            conflicts[name] = values
    return conflicts


def _comparable(name: str, value: object) -> object:
    if name == "title":
        return title_key(str(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip().upper()


def _first_list(docs: list[ParsedDocument], order: list[int], name: str) -> list[str]:
    return next((list(getattr(docs[i], name)) for i in order if getattr(docs[i], name)), [])
