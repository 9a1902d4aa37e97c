"""What the order's text and the publishers' notes each say about a pair of actions.

An action page shows one row per other action. The text of an order and the FR editors'
disposition notes state relations independently; both are kept, and the row says whether
they agree ("revokes": text Sec. 7 and FR notes), which one alone states it, or where they
differ (the text amends, the notes say revokes in part). Pure: works on Relation objects.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from actions.vocabulary import ORIGIN_LABELS

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
# A cross-reference or a bare citation states no effect: next to a stronger statement from the
# other origin it is not a disagreement.
WEAK = {"cites", "see_also"}


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
        if len(set(strongest.values())) == 1:
            return "agree"
        strong = [origin for origin, kind in strongest.items() if kind not in WEAK]
        if not strong:
            return "agree"  # one names it, the other cross-references it: no effect either way
        if len(strong) == 1:
            return strong[0]  # the other origin only cross-references it
        return "differ"

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
        others = _unique(
            ORIGIN_LABELS.get(s.origin, s.origin)
            for s in self.statements
            if s.kind in WEAK and s.kind != self.kind and s.origin != self.agreement
        )
        if self.agreement in ORIGIN_LABELS and others:
            return f"stated in {' and '.join(places)}; {', '.join(others)} only cross-reference it"
        if self.agreement == "agree" and len({s.kind for s in self.statements}) > 1:
            verbs = {"cites": "named in", "see_also": "cross-referenced in"}
            return " and ".join(
                _unique(f"{verbs.get(s.kind, 'stated in')} {s.described}" for s in self.statements)
            )
        if self.agreement == "differ":
            parts = []
            for origin, kinds in self.kinds_by_origin().items():
                verb = "say" if origin == "fr_notes" else "says"
                parts.append(
                    f"{ORIGIN_LABELS.get(origin, origin)} {verb} "
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


def fold_cross_references(outgoing: list[RelationRow], incoming: list[RelationRow]) -> None:
    """A "see also" stated on the other action's record is the same cross-reference seen from
    here: fold it into this action's row for that action, so each action is listed once."""
    by_other = {_key(row): row for row in outgoing}
    for row in list(incoming):
        target = by_other.get(_key(row))
        if target is not None and row.kind in WEAK:
            target.statements.extend(row.statements)
            incoming.remove(row)


def _key(row: RelationRow):
    return row.other.pk if row.other is not None else row.label


def _strongest(kinds: set[str]) -> str:
    return min(kinds, key=_rank)


def _ordered(kinds: set[str]) -> list[str]:
    return sorted(kinds, key=_rank)


def _rank(kind: str) -> int:
    return PRECEDENCE.index(kind) if kind in PRECEDENCE else len(PRECEDENCE)


def _unique(items) -> list[str]:
    return list(OrderedDict.fromkeys(items))
