"""Where the identity rules (`identity.py`) look actions up: the database, or memory.

An ingest decides which action each copy joins by asking a few questions of the actions held
so far: which one has this FR document number, this kind and number, this title within three
days, which unnumbered pages of this kind lie within a week. `DatabaseCards` asks them with
queries, one document at a time. `MemoryCards` answers the same questions from indexes kept
for one bulk run into an empty archive (`store/bulk_load.py`), where thirty thousand copies
would otherwise cost a dozen queries each. Both return actions in one order (latest signing
first, undated last, then the highest id), so the rules pick the same action either way; the
bulk-versus-one-by-one test checks it table by table.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, Q

from actions.models import Action, Source
from actions.querysets import ACTION_BULK

# One order for every lookup on both databases (PostgreSQL puts NULLs first when descending).
CARD_ORDER = (F("signed_on").desc(nulls_last=True), F("id").desc())
IDENTITY_FIELDS = (
    "kind",
    "number",
    "title",
    "title_key",
    "signed_on",
    "fr_citation",
    "fr_document_number",
    "dcpd_number",
)
SOURCE_IDENTITY = (
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


def card_order(card) -> tuple:
    """CARD_ORDER as a sort key (with `reverse=True`)."""
    return (card.signed_on is not None, card.signed_on or date.min, card.pk)


class DatabaseCards:
    """The identity questions asked of the database."""

    def _cards(self):
        # Actions without their words: a long order's text is a hundred kilobytes to decode.
        return Action.objects.defer(*ACTION_BULK).order_by(*CARD_ORDER)

    def identified(self, identifiers: list[tuple]):
        """The first action holding any of these identifiers (see `identifier_keys`)."""
        condition = Q()
        for name, *value in identifiers:
            if name == "fr_citation":
                condition |= Q(fr_citation=value[0], kind=value[1])
            else:
                condition |= Q(**{name: value[0]})
        return self._cards().filter(condition).first()

    def numbered(self, kind: str, number: str, exclude: int | None = None):
        """The first action of this kind and number (other than `exclude`)."""
        return self._cards().filter(kind=kind, number=number).exclude(pk=exclude).first()

    def holding(self, numbers: set[str]) -> list:
        """Every action holding one of these numbers (of any kind), in the one order."""
        return list(self._cards().filter(number__in=numbers))

    def holds(self, name: str, value: str, exclude: int | None) -> bool:
        return Action.objects.filter(**{name: value}).exclude(pk=exclude).exists()

    def titled(self, key: str, low: date, high: date, number: str | None) -> list:
        found = self._cards().filter(title_key=key, signed_on__gte=low, signed_on__lte=high)
        if number:
            found = found.filter(Q(number__isnull=True) | Q(number=number))
        return list(found)

    def in_windows(self, kind: str, numbered: bool, windows: list[tuple[date, date]]) -> list:
        within = Q()
        for low, high in windows:
            within |= Q(signed_on__gte=low, signed_on__lte=high)
        return list(
            self._cards()
            .filter(within, kind=kind, number__isnull=not numbered)
            .only("id", "kind", "number", "title", "signed_on", "slug")
        )

    def texts_of(self, actions: list) -> dict[int, str]:
        """Each action's text: the one shown, or during an ingest (before the deferred rebuild
        has set it) the longest text among its copies. Two queries at most."""
        ids = [action.pk for action in actions]
        if not ids:
            return {}
        texts = {
            pk: text
            for pk, text in Action.objects.filter(pk__in=ids).values_list("id", "text")
            if text
        }
        missing = [pk for pk in ids if pk not in texts]
        if missing:
            for action_id, text in Source.objects.filter(action_id__in=missing).values_list(
                "action_id", "text"
            ):
                if len(text) > len(texts.get(action_id, "")):
                    texts[action_id] = text
        return texts

    def source_rows(self, action) -> list[dict]:
        return list(Source.objects.filter(action=action).values(*SOURCE_IDENTITY))

    def save_identity(self, action) -> None:
        action.save(update_fields=list(IDENTITY_FIELDS))


@dataclass(eq=False)
class Card:
    """An action as the identity rules see it, in memory for a bulk run."""

    pk: int
    kind: str
    title: str
    title_key: str
    slug: str
    number: str | None = None
    signed_on: date | None = None
    fr_citation: str | None = None
    fr_document_number: str | None = None
    dcpd_number: str | None = None
    # Its copies' identity rows (SOURCE_IDENTITY) and texts, in the order the database
    # would give them (official first, then by id).
    sources: list[dict] = field(default_factory=list)


class MemoryCards:
    """The identity questions answered from indexes of the actions made in this run."""

    def __init__(self) -> None:
        self.cards: dict[int, Card] = {}
        self._by_value: dict[tuple, set[int]] = defaultdict(set)  # (field, value) -> ids
        self._by_kind_day: dict[tuple[str, bool], list[tuple[date, int]]] = defaultdict(list)
        self._indexed: dict[int, tuple] = {}

    # Keeping the indexes --------------------------------------------------------------------

    def add(self, card: Card) -> None:
        self.cards[card.pk] = card
        self._index(card)

    def _keys(self, card: Card) -> tuple:
        values = [
            (name, getattr(card, name))
            for name in ("fr_document_number", "dcpd_number", "title_key")
            if getattr(card, name)
        ]
        if card.fr_citation:
            values.append(("fr_citation", card.fr_citation, card.kind))
        if card.number:
            values.append(("number", card.kind, card.number))
        day = (card.kind, card.number is not None, card.signed_on)
        return tuple(values), day

    def _index(self, card: Card) -> None:
        values, (kind, numbered, day) = self._keys(card)
        for key in values:
            self._by_value[key].add(card.pk)
        if day is not None:
            bisect.insort(self._by_kind_day[(kind, numbered)], (day, card.pk))
        self._indexed[card.pk] = (values, (kind, numbered, day))

    def _unindex(self, card: Card) -> None:
        values, (kind, numbered, day) = self._indexed.pop(card.pk)
        for key in values:
            self._by_value[key].discard(card.pk)
        if day is not None:
            days = self._by_kind_day[(kind, numbered)]
            days.pop(bisect.bisect_left(days, (day, card.pk)))

    def save_identity(self, card: Card) -> None:
        self._unindex(card)
        self._index(card)

    # The questions ----------------------------------------------------------------------------

    def _ordered(self, ids) -> list[Card]:
        return sorted((self.cards[pk] for pk in ids), key=card_order, reverse=True)

    def identified(self, identifiers: list[tuple]) -> Card | None:
        ids: set[int] = set()
        for key in identifiers:
            ids |= self._by_value.get(key, set())
        ordered = self._ordered(ids)
        return ordered[0] if ordered else None

    def numbered(self, kind: str, number: str, exclude: int | None = None) -> Card | None:
        ordered = self._ordered(self._by_value.get(("number", kind, number), set()) - {exclude})
        return ordered[0] if ordered else None

    def holds(self, name: str, value: str, exclude: int | None) -> bool:
        return bool(self._by_value.get((name, value), set()) - {exclude})

    def titled(self, key: str, low: date, high: date, number: str | None) -> list[Card]:
        return [
            card
            for card in self._ordered(self._by_value.get(("title_key", key), ()))
            if card.signed_on is not None
            and low <= card.signed_on <= high
            and (not number or card.number is None or card.number == number)
        ]

    def in_windows(self, kind: str, numbered: bool, windows: list[tuple[date, date]]) -> list:
        days = self._by_kind_day.get((kind, numbered), [])
        ids = set()
        for low, high in windows:
            start = bisect.bisect_left(days, (low, 0))
            end = bisect.bisect_right(days, (high, float("inf")))
            ids.update(pk for _, pk in days[start:end])
        return self._ordered(ids)

    def texts_of(self, cards: list[Card]) -> dict[int, str]:
        # No action has its text before the rebuild that follows a bulk run: the longest copy.
        texts: dict[int, str] = {}
        for card in cards:
            for row in card.sources:
                if len(row["text"]) > len(texts.get(card.pk, "")):
                    texts[card.pk] = row["text"]
        return texts

    def source_rows(self, card: Card) -> list[dict]:
        return card.sources
