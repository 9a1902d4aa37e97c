"""The first load: copies saved into an empty archive in one run, identity settled in memory.

`save_document` settles each copy's action with a dozen queries and commits it on its own,
which is what a daily sync wants and what made a first load of thirty thousand copies take
minutes. Into an empty archive, the writer can instead keep every action it makes as a card
in memory (`store/cards.py`), ask the same identity rules (`store/identity.py`) of those cards,
and write the actions, copies, commentary and file records at the end, a few statements per
table in one transaction. What it writes is what one-by-one saving writes, ids included; the
derived rows are then rebuilt by the same `rebuild_pending`.
"""

from __future__ import annotations

from collections import Counter

from django.core.management.color import no_style
from django.db import connection, transaction

from actions.ingest.parsed import ParsedDocument
from actions.ingest.text import normalize_number, slugify_title, title_key
from actions.models import RELATE_TASK, Action, Commentary, PendingTask, Source, SourceFile
from actions.store.bulk import insert_objects
from actions.store.cards import SOURCE_IDENTITY, Card, MemoryCards
from actions.store.files import record_file
from actions.store.identity import find_action, refresh_identity
from actions.store.writer import commentary_fields, fill_source, save_document


def archive_is_empty() -> bool:
    """No copy and no action yet: a first load may take the bulk path."""
    return not Source.objects.exists() and not Action.objects.exists()


class BulkLoad:
    """One run's copies, held in memory until `write`; `save` answers as `save_document`."""

    def __init__(self) -> None:
        self.cards = MemoryCards()
        self.sources: list[Source] = []
        self.commentary: list[Commentary] = []
        self.files: list[SourceFile] = []
        self._digests: dict[str, str] = {}  # locator -> digest, for a locator met twice
        # What was given, in order, to be saved one by one if another run filled the archive
        # meanwhile (`write`).
        self._given: list[tuple[ParsedDocument, str, str]] = []
        self._next_action = 1 + _highest_id(Action)
        self._next_source = 1 + _highest_id(Source)

    def save(self, parsed: ParsedDocument, *, locator: str, sha256: str) -> str:
        """Keep one copy and settle its action; returns "new" or "unchanged"."""
        if locator in self._digests:
            if self._digests[locator] == sha256:
                return "unchanged"
            raise ValueError(f"{locator} read twice in one run with different bytes")
        self._given.append((parsed, locator, sha256))
        parsed.number = normalize_number(parsed.number)
        source = Source(pk=self._next_source, locator=locator)
        fill_source(source, parsed, sha256)
        if parsed.is_commentary:
            self.commentary.append(Commentary(source=source, **commentary_fields(parsed)))
        else:
            card = find_action(parsed, self.cards)
            if card is None:
                title = parsed.title or (
                    f"Executive Order {parsed.number}" if parsed.number else ""
                )
                card = Card(
                    pk=self._next_action,
                    kind=parsed.kind or "other",
                    title=title,
                    title_key=title_key(title),
                    slug=slugify_title(title),
                )
                self._next_action += 1
                self.cards.add(card)
            source.action_id = card.pk
            row = {name: getattr(source, name) for name in SOURCE_IDENTITY}
            row.update(text=source.text, official=source.official, id=source.pk)
            card.sources.append(row)
            # The order the database gives a card's copies in (Source.Meta.ordering).
            card.sources.sort(key=lambda r: (not r["official"], r["id"]))
            refresh_identity(card, self.cards)
        self.sources.append(source)
        self._digests[locator] = sha256
        self._next_source += 1
        return "new"

    def record_file(self, locator: str, digest: str, documents: int) -> None:
        self.files.append(SourceFile(path=locator, sha256=digest, documents=documents))

    def write(self) -> Counter | None:
        """Everything kept, in one transaction: actions (marked for the rebuild), copies,
        commentary, file records, and the computed links marked as owed.

        The archive is locked and found empty again first: if another run filled it since
        this one began, the copies are saved one by one instead (joining what it made), and
        their outcomes are returned; None when the bulk write was made."""
        with transaction.atomic():
            _lock_archive()
            if not archive_is_empty():
                return self._save_one_by_one()
            if self.sources:
                PendingTask.objects.get_or_create(name=RELATE_TASK)
            # Below the ORM's per-value work (`store/bulk.py`): the ids were given here.
            insert_objects(Action, self._actions(), ids=True)
            insert_objects(Source, self.sources, ids=True)
            insert_objects(Commentary, self.commentary)
            insert_objects(SourceFile, self.files)
            _reset_sequences([Action, Source])
        return None

    def _actions(self) -> list[Action]:
        return [
            Action(
                pk=card.pk,
                kind=card.kind,
                number=card.number,
                title=card.title,
                title_key=card.title_key,
                slug=card.slug,
                signed_on=card.signed_on,
                fr_citation=card.fr_citation,
                fr_document_number=card.fr_document_number,
                dcpd_number=card.dcpd_number,
                needs_rebuild=True,
            )
            for card in self.cards.cards.values()
        ]

    def _save_one_by_one(self) -> Counter:
        outcomes = Counter(
            save_document(parsed, locator=locator, sha256=sha256, defer=True).outcome
            for parsed, locator, sha256 in self._given
        )
        for record in self.files:
            record_file(record.path, record.sha256, record.documents)
        return outcomes


def _lock_archive() -> None:
    """Hold off other writers until this transaction ends. SQLite's transactions here take
    the write lock when they begin (settings: IMMEDIATE); PostgreSQL is told."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("LOCK TABLE actions_action, actions_source IN SHARE ROW EXCLUSIVE MODE")


def _highest_id(model) -> int:
    return model.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _reset_sequences(models: list) -> None:
    """Ids were given, not drawn: PostgreSQL's sequences are moved past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
