"""CSV of any search or filtered list, streamed: one row per action, or per citation.

Rows are written as the database hands them over (`iterator`), so an export of every action in
the archive never sits in memory whole. A search's export lists every match newest first
(relevance ranks pages; a spreadsheet sorts itself).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.db.models import QuerySet

from actions.models import Citation

ACTION_COLUMNS = [
    "kind",
    "number",
    "title",
    "signed_on",
    "published_on",
    "president",
    "status",
    "fr_citation",
    "fr_document_number",
    "dcpd_number",
    "url",
]
CITATION_COLUMNS = [
    "action_kind",
    "action_number",
    "action_title",
    "action_signed_on",
    "action_url",
    "section",
    "statute",
    "pin",
    "cited_as",
    "resolved_from",
    "act",
    "fr_page",
]
CHUNK = 2000


class _Echo:
    """A file-like object whose write returns the line: csv.writer feeds the stream."""

    def write(self, value: str) -> str:
        return value


def action_rows(actions: QuerySet, base_url: str) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(ACTION_COLUMNS)
    for action in actions.select_related("president").iterator(chunk_size=CHUNK):
        yield writer.writerow(
            [
                action.kind,
                action.number or "",
                action.title,
                action.signed_on or "",
                action.published_on or "",
                action.president.name if action.president else "",
                action.status,
                action.fr_citation or "",
                action.fr_document_number or "",
                action.dcpd_number or "",
                base_url + action.get_absolute_url(),
            ]
        )


def citation_rows(actions: QuerySet, base_url: str) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(CITATION_COLUMNS)
    citations = (
        Citation.objects.filter(action__in=actions.values("id"))
        .select_related("action", "statute", "section")
        .order_by("-action__signed_on", "action_id", "start")
    )
    for cite in citations.iterator(chunk_size=CHUNK):
        action = cite.action
        yield writer.writerow(
            [
                action.kind,
                action.number or "",
                action.title,
                action.signed_on or "",
                base_url + action.get_absolute_url(),
                cite.section.number if cite.section else "",
                cite.statute.key,
                cite.pin,
                cite.text,
                cite.via,
                cite.act,
                cite.page or "",
            ]
        )
