"""Which action a document belongs to, and which identifiers an action may hold.

Identifiers the publisher assigns (FR document number, DCPD number, FR citation) decide
first; a printed number decides only if the title or date agree with it; copies without a
number match on title and signing date. A unique identifier held by one action is never
taken by a second.
"""

from __future__ import annotations

from datetime import timedelta
from difflib import SequenceMatcher

from django.db.models import Q

from actions.ingest.parsed import ParsedDocument
from actions.ingest.text import title_key
from actions.models import Action, Source
from actions.store.merge import METADATA_RANK
from actions.vocabulary import KIND_LABELS


def titles_agree(a: str, b: str) -> bool:
    """Two printings of one title: equal keys, one a prefix of the other (a truncated
    table entry), or nearly the same letters (a transcription's slips)."""
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 20 and (a.startswith(b) or b.startswith(a))):
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.85


def number_holder(action: Action, kind: str, number: str | None) -> Action | None:
    """Another action that already holds this kind and number."""
    if not number:
        return None
    return Action.objects.filter(kind=kind, number=number).exclude(pk=action.pk).first()


def free_identifier(action: Action, name: str, value: str | None) -> str | None:
    """A unique identifier already held by another action is not taken twice."""
    if value and Action.objects.filter(**{name: value}).exclude(pk=action.pk).exists():
        return None
    return value


def resolve_reference(kind: str, number: str | None, on) -> Action | None:
    """The archived action a reference names: by kind and number, or by kind and date."""
    if number:
        return Action.objects.filter(kind=kind, number=number).first()
    if on and kind in {"memorandum", "proclamation", "notice"}:
        found = list(Action.objects.filter(kind=kind, signed_on=on)[:2])
        return found[0] if len(found) == 1 else None
    return None


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
    action.number = None if number_holder(action, action.kind, number) else number
    action.title = best("title") or action.title
    action.title_key = title_key(action.title)
    action.signed_on = best("signed_on")
    action.fr_citation = best("fr_citation")
    action.fr_document_number = free_identifier(
        action, "fr_document_number", best("fr_document_number")
    )
    action.dcpd_number = free_identifier(action, "dcpd_number", best("dcpd_number"))
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
