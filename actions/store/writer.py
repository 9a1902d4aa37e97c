"""The one writer: a parsed document becomes rows, in one transaction per document.

`save_document` finds the Action the document belongs to (kind + number, FR document number,
DCPD number, FR citation, or normalised title + signing date), keeps the document as a Source,
and rebuilds the action from all its sources: merged fields, sections, signatory, conflicts,
citations, agency mentions, stated relations and the search document. Re-saving unchanged bytes
is a no-op; a failure leaves nothing behind (the transaction rolls back).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import transaction

from actions.ingest.parsed import ParsedDocument
from actions.ingest.text import normalize_number, slugify_title, title_key
from actions.models import RELATE_TASK, Action, Commentary, PendingTask, Source
from actions.store.identity import find_action, refresh_identity
from actions.store.rebuild import rebuild_actions, rebuild_in_batches


@dataclass
class SaveResult:
    outcome: str  # new, updated, unchanged
    action_id: int | None = None
    commentary_id: int | None = None


def save_document(
    parsed: ParsedDocument,
    *,
    locator: str,
    sha256: str,
    defer: bool = False,
    reparsed: bool = False,
) -> SaveResult:
    """Store one parsed document; idempotent on (locator, sha256).

    With `reparsed`, a copy whose bytes are unchanged is updated when its parse differs from
    the stored one (`ingest --reparse` after a parser fix). The action's identity fields are
    settled at once (so the next copy of the same order finds
    it); its derived rows are rebuilt now, or with `defer`, by `rebuild_pending` at the end of
    an ingest run: an action with many copies is then rebuilt once, not once per copy.
    """
    with transaction.atomic():
        existing = Source.objects.filter(locator=locator).first()
        parsed.number = normalize_number(parsed.number)
        # Same bytes: nothing to do, unless a changed parser now reads them differently.
        if (
            existing
            and existing.sha256 == sha256
            and (not reparsed or existing.metadata.get("parsed") == _as_stored(parsed))
        ):
            return SaveResult("unchanged", existing.action_id)
        outcome = "updated" if existing else "new"
        _mark_links_stale()
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
        fill_source(source, parsed, sha256)
        source.save()
        refresh_identity(action)
        if defer:
            Action.objects.filter(pk=action.pk).update(needs_rebuild=True)
        else:
            rebuild_action(Action.objects.get(pk=action.pk))  # found without its text
        if previous_action_id and previous_action_id != action.pk:
            _rebuild_or_delete(previous_action_id)
        return SaveResult(outcome, action.pk)


def _mark_links_stale() -> None:
    """In the same transaction as the change: the computed links (related actions, commentary)
    are owed a rebuild. A run killed before it relates leaves the mark for the next run."""
    PendingTask.objects.get_or_create(name=RELATE_TASK)


def web_address(url: str | None) -> str:
    """A source's address if it is an http(s) URL a page may link to; otherwise nothing
    (`javascript:` and other schemes from a hostile file never become a link)."""
    if not url:
        return ""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc or len(url) > 500:
        return ""
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return ""
    return url


def _as_stored(parsed: ParsedDocument) -> dict:
    """The parse as the JSON field gives it back (tuples become lists)."""
    return json.loads(json.dumps(parsed.to_json()))


def rebuild_pending(progress=None) -> int:
    """Rebuild every action whose sources changed since its last rebuild, in batches."""
    ids = list(Action.objects.filter(needs_rebuild=True).values_list("id", flat=True))
    if not ids:
        return 0
    return rebuild_in_batches(ids, progress)


def rebuild_action(action: Action, refresh: bool = True) -> None:
    """Recompute everything derived from one action's sources (see `actions.store.rebuild`)."""
    rebuild_actions([action], refresh=refresh)


def fill_source(source: Source, parsed: ParsedDocument, sha256: str) -> None:
    """A copy's columns from its parse (the parse itself kept as JSON)."""
    source.format = parsed.source_format
    source.sha256 = sha256
    source.url = web_address(parsed.url)
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
    fill_source(source, parsed, sha256)
    source.save()
    commentary, _ = Commentary.objects.update_or_create(
        source=source, defaults=commentary_fields(parsed)
    )
    commentary.links.all().delete()  # relinked by the relate step, against current actions
    return SaveResult(outcome, commentary_id=commentary.pk)


def commentary_fields(parsed: ParsedDocument) -> dict:
    """A piece of commentary's own row, from its parse (to be linked by the relate step)."""
    return {
        "title": parsed.title or "",
        "publisher": parsed.publisher or "",
        "url": web_address(parsed.url),
        "published_on": parsed.published_on,
        "text": parsed.text,
        "needs_linking": True,
    }
