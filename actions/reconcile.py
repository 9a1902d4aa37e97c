"""What the order's text and the publishers' notes each say about a pair of actions.

An action page shows one row per other action. The text of an order and the FR editors'
disposition notes state relations independently; both are kept, and the row says whether
they agree ("revokes": text Sec. 7 and FR notes), which one alone states it, or where they
differ (the text amends, the notes say revokes in part). Pure: works on Relation objects.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

# Strongest first: the row's headline is the strongest relation any origin states.
PRECEDENCE = (
    "revokes",
    "supersedes",
    "suspends",
    "amends",
    "continues",
    "ratifies",
    "see_also",
    "cites",
)
ORIGIN_LABELS = {"text": "the text", "fr_notes": "the FR's notes"}


@dataclass
class Statement:
    origin: str
    kind: str
    in_part: bool
    section_number: str | None
    evidence: str

    @property
    def described(self) -> str:
        where = ORIGIN_LABELS.get(self.origin, self.origin)
        if self.section_number:
            where += f" (Sec. {self.section_number})"
        return where


@dataclass
class RelationRow:
    other: object | None  # the Action at the other end, or None when it is not archived
    label: str
    kind: str
    in_part: bool
    statements: list[Statement] = field(default_factory=list)

    @property
    def agreement(self) -> str:
        """'agree', 'differ', or the only origin that states a relation ('text', 'fr_notes')."""
        kinds = self.kinds_by_origin()
        if len(kinds) == 1:
            return next(iter(kinds))
        strongest = {origin: _strongest(found) for origin, found in kinds.items()}
        return "agree" if len(set(strongest.values())) == 1 else "differ"

    def kinds_by_origin(self) -> dict[str, set[str]]:
        kinds: dict[str, set[str]] = {}
        for statement in self.statements:
            kinds.setdefault(statement.origin, set()).add(statement.kind)
        # A mere citation next to a stronger statement from the same origin says nothing more.
        return {
            origin: (found - {"cites"} if found - {"cites"} else found)
            for origin, found in kinds.items()
        }

    @property
    def text_evidence(self) -> str:
        """The sentence of the order's text that states the row's relation, if the text does."""
        for statement in self.statements:
            if statement.origin == "text" and statement.kind == self.kind and statement.evidence:
                return statement.evidence
        return ""

    @property
    def summary(self) -> str:
        """'Stated by the text (Sec. 3) and the FR's notes' or 'The text says amends; ...'."""
        places = _unique(s.described for s in self.statements if s.kind == self.kind)
        if self.agreement == "differ":
            parts = []
            for origin, kinds in self.kinds_by_origin().items():
                parts.append(
                    f"{ORIGIN_LABELS.get(origin, origin)} says "
                    + " and ".join(k.replace("_", " ") for k in _ordered(kinds))
                )
            return "; ".join(parts)
        return "stated in " + " and ".join(places)


def reconcile(relations, end: str) -> list[RelationRow]:
    """One row per other action (at `end`, 'source' or 'target'), strongest relation first."""
    rows: OrderedDict = OrderedDict()
    for relation in relations:
        other = getattr(relation, end)
        label = getattr(relation, f"{end}_label")
        key = other.pk if other is not None else label
        row = rows.setdefault(
            key, RelationRow(other=other, label=label, kind="cites", in_part=False)
        )
        row.statements.append(
            Statement(
                origin=relation.origin,
                kind=relation.kind,
                in_part=relation.in_part,
                section_number=relation.section.number if relation.section_id else None,
                evidence=relation.evidence,
            )
        )
    for row in rows.values():
        row.kind = _strongest({s.kind for s in row.statements})
        row.in_part = all(s.in_part for s in row.statements if s.kind == row.kind)
    return sorted(rows.values(), key=lambda r: _rank(r.kind))


def _strongest(kinds: set[str]) -> str:
    return min(kinds, key=_rank)


def _ordered(kinds: set[str]) -> list[str]:
    return sorted(kinds, key=_rank)


def _rank(kind: str) -> int:
    return PRECEDENCE.index(kind) if kind in PRECEDENCE else len(PRECEDENCE)


def _unique(items) -> list[str]:
    return list(OrderedDict.fromkeys(items))
