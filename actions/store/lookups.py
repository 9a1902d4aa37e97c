"""Rows a rebuild looks up again and again (terms, statutes, agencies), created when missing
and remembered for one transaction only: a rolled-back batch can never leave the memo
pointing at rows that do not exist, and there is nothing to clear by hand."""

from __future__ import annotations

from actions.extract.agencies import agency_entries
from actions.extract.citations import StatuteCitation
from actions.extract.presidents import term_on
from actions.models import Agency, President, Statute, Term


class Lookups:
    def __init__(self) -> None:
        self.terms: dict[int, Term] = {}
        self.statutes: dict[str, Statute] = {}
        self.agencies: dict[str, Agency] = {}

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

    def agencies_for(self, slugs: set[str]) -> dict[str, Agency]:
        """Agency rows by slug, created from the canonical list when new."""
        missing = {slug for slug in slugs if slug not in self.agencies}
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
                    for slug in sorted(missing)  # in one order: ids the same on every run
                ],
                ignore_conflicts=True,
            )
            self.agencies.update({a.slug: a for a in Agency.objects.filter(slug__in=missing)})
        return self.agencies
