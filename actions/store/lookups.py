"""Rows a rebuild looks up again and again (terms, statutes, agencies), created when missing
and remembered for one transaction only: a rolled-back batch can never leave the memo
pointing at rows that do not exist, and there is nothing to clear by hand."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from actions.extract.agencies import agency_entries
from actions.extract.citations import StatuteCitation
from actions.extract.presidents import term_on
from actions.models import Action, Agency, President, Statute, Term
from actions.store.identity import DATABASE, free_identifier, number_holder

if TYPE_CHECKING:
    from actions.store.readings import Reading

# Identifiers one action alone may hold (`identity.free_identifier`).
UNIQUE_IDENTIFIERS = ("fr_document_number", "dcpd_number")


class Lookups:
    def __init__(self) -> None:
        # (kind, number) -> the actions holding it, in the cards' order (`find_holders`)
        self.holders: dict[tuple[str, str], list[Action]] = {}
        self.terms: dict[int, Term] = {}
        self.statutes: dict[str, Statute] = {}
        self.agencies: dict[str, Agency] = {}
        # (identifier name, value) -> ids of the actions holding it (`find_identifier_holders`)
        self.identifier_holders: dict[tuple[str, str], set[int]] = {}

    def prepare(self, readings: list[Reading]) -> None:
        """Read (and create) at once what a batch's derives will ask, in the batch's order:
        a few statements for the batch instead of a few per action. The rows are created in
        the order one-by-one derives would create them, so their ids are the same."""
        fields = [reading.merged.fields for reading in readings]
        self.find_holders((f["kind"], f["number"]) for f in fields)
        for name in UNIQUE_IDENTIFIERS:
            self.find_identifier_holders(name, {f[name] for f in fields if f[name]})
        units = [unit for reading in readings for unit in reading.units]
        self.statutes_for([cite for unit in units for cite in unit.citations])
        self.agencies_for(
            slug
            for reading in readings
            for slug in sorted({m.slug for unit in reading.units for m in unit.agencies})
        )

    def find_holders(self, pairs: Iterable[tuple[str, str | None]]) -> None:
        """Read at once which actions hold these kinds and numbers (a batch's merged numbers),
        for `number_holder`; nothing is written between the read and the questions."""
        pairs = {pair for pair in pairs if pair[1] and pair not in self.holders}
        if not pairs:
            return
        numbers = {number for _, number in pairs}
        for pair in pairs:
            self.holders[pair] = []
        for action in DATABASE.holding(numbers):
            if (action.kind, action.number) in self.holders:
                self.holders[(action.kind, action.number)].append(action)

    def number_holder(self, action, kind: str, number: str | None):
        """`identity.number_holder`, from what `find_holders` read when it read this pair."""
        if not number:
            return None
        if (kind, number) not in self.holders:
            return number_holder(action, kind, number)
        return next((a for a in self.holders[(kind, number)] if a.pk != action.pk), None)

    def find_identifier_holders(self, name: str, values: set[str]) -> None:
        """Read at once which actions hold these values of a unique identifier."""
        values = {v for v in values if (name, v) not in self.identifier_holders}
        for value in values:
            self.identifier_holders[(name, value)] = set()
        if values:
            rows = Action.objects.filter(**{f"{name}__in": values}).values_list(name, "id")
            for value, pk in rows:
                self.identifier_holders[(name, value)].add(pk)

    def free_identifier(self, action, name: str, value: str | None) -> str | None:
        """`identity.free_identifier`, from what `find_identifier_holders` read."""
        if not value or (name, value) not in self.identifier_holders:
            return free_identifier(action, name, value)
        return None if self.identifier_holders[(name, value)] - {action.pk} else value

    def term_on(self, day) -> Term | None:
        """The term of office a signing date falls in (its president joined)."""
        info = term_on(day)
        if info is None:
            return None
        if info.ordinal not in self.terms:
            president, _ = President.objects.get_or_create(
                slug=info.slug, defaults={"name": info.name}
            )
            term, _ = Term.objects.get_or_create(
                ordinal=info.ordinal,
                defaults={"president": president, "start": info.start, "end": info.end},
            )
            term.president = president
            self.terms[info.ordinal] = term
        return self.terms[info.ordinal]

    def statutes_for(self, cites: list[StatuteCitation]) -> dict[str, Statute]:
        """Statute rows by key for these citations, created in one statement when new."""
        missing = {cite.key: cite for cite in cites if cite.key not in self.statutes}
        if missing:
            Statute.objects.bulk_create(
                [
                    Statute(kind=c.kind, key=k, title=c.title or "", section=c.section or "")
                    for k, c in missing.items()
                ],
                ignore_conflicts=True,
            )
            self.statutes.update({s.key: s for s in Statute.objects.filter(key__in=missing)})
        return self.statutes

    def agencies_for(self, slugs: Iterable[str]) -> dict[str, Agency]:
        """Agency rows by slug, created from the canonical list when new, in the order given
        (one order on every run: the same ids)."""
        missing = list(dict.fromkeys(slug for slug in slugs if slug not in self.agencies))
        if missing:
            entries = agency_entries()
            Agency.objects.bulk_create(
                [
                    Agency(
                        slug=slug,
                        name=entries[slug].name,
                        abbreviation=entries[slug].abbreviation,
                        aliases=list(entries[slug].aliases),
                    )
                    for slug in missing
                ],
                ignore_conflicts=True,
            )
            self.agencies.update({a.slug: a for a in Agency.objects.filter(slug__in=missing)})
        return self.agencies
