"""Measured quality of the relation graph, against what the Federal Register's editors state.

Two measures, both over pairs where both actions are in the archive:
- `relation_recall`: of the revokes/amends/supersedes relations in the FR disposition notes,
  the share the archive also read from the acting order's own text (same pair, same kind;
  `lenient` also accepts a neighbouring kind, as editors file "superseded" where the text says
  "revoked"). Only acting orders whose text is archived count: a relation cannot be read from a
  text the archive lacks.
- `see_pair_recall`: of the FR notes' "See:" pairs, the share found in either action's top
  related actions.
"""

from __future__ import annotations

import re
from collections import defaultdict

from actions.models import Action, Relation

MEASURED_KINDS = ("revokes", "amends", "supersedes")
PARTIAL = {"revokes", "supersedes"}
# Kinds an editor and a drafter use for the same act: a text that revokes an order the
# editors file as superseded (or the reverse) states the same relation.
NEIGHBOURS = {"revokes": {"supersedes"}, "supersedes": {"revokes"}, "amends": set()}


def relation_recall(misses: int = 20) -> dict:
    """Recall of the FR-noted revokes/amends/supersedes read from the acting order's text.

    Measured over the pairs the text can state: the acting order's text prints the other
    order's number (checked with a plain search, independent of the extractor) and was signed
    after it. Pairs outside that are counted apart: `unnamed` (the editors inferred the relation
    from something else, e.g. a committee's name) and `impossible` (the acting order is older
    than the one it would act on: a note on the wrong record).
    """
    noted = list(
        Relation.objects.filter(origin="fr_notes", kind__in=MEASURED_KINDS)
        .exclude(source=None)
        .exclude(target=None)
        .filter(source__text_source__isnull=False)
        .values_list("source_id", "target_id", "kind")
        .order_by()
        .distinct()
    )
    from_text: dict[tuple[int, int], set[str]] = defaultdict(set)
    for source_id, target_id, kind, in_part in Relation.objects.filter(origin="text").values_list(
        "source_id", "target_id", "kind", "in_part"
    ):
        # A section revoked or superseded is what the FR's editors file as "Amends".
        from_text[(source_id, target_id)].add(kind)
        if in_part and kind in PARTIAL:
            from_text[(source_id, target_id)].add("amends")
    ends = {
        a.pk: a
        for a in Action.objects.filter(pk__in={i for n in noted for i in n[:2]}).only(
            "id", "kind", "number", "signed_on", "text"
        )
    }
    report: dict[str, dict] = {}
    missed: list[tuple[int, int, str, set[str]]] = []
    unnamed = impossible = 0
    for source_id, target_id, kind in noted:
        actor, affected = ends[source_id], ends[target_id]
        if actor.signed_on and affected.signed_on and actor.signed_on < affected.signed_on:
            impossible += 1
            continue
        if affected.number and not re.search(
            rf"(?<!\d){re.escape(affected.number)}(?!\d)", actor.text
        ):
            unnamed += 1
            continue
        row = report.setdefault(kind, {"expected": 0, "found": 0, "lenient": 0})
        row["expected"] += 1
        kinds = from_text.get((source_id, target_id), set())
        if kind in kinds:
            row["found"] += 1
            row["lenient"] += 1
        elif kinds & NEIGHBOURS[kind]:
            row["lenient"] += 1
        else:
            missed.append((source_id, target_id, kind, kinds))
    for row in report.values():
        row["recall"] = round(row["found"] / row["expected"], 4) if row["expected"] else None
    return {
        "noted_pairs": len(noted),
        "unnamed": unnamed,
        "impossible": impossible,
        "by_kind": report,
        "expected": sum(r["expected"] for r in report.values()),
        "found": sum(r["found"] for r in report.values()),
        "lenient": sum(r["lenient"] for r in report.values()),
        "misses": [
            f"{ends[s].short_label} {kind} {ends[t].short_label} "
            f"(text: {', '.join(sorted(k)) or 'nothing'})"
            for s, t, kind, k in missed[:misses]
        ],
        "missed_total": len(missed),
    }


def relation_agreement() -> dict:
    """The other direction: of the revokes/amends/supersedes read from the text, between two
    archived orders whose FR records carry disposition notes, the share the notes also state
    (any of the three kinds). A proxy for precision: notes are incomplete, so this is a floor."""
    noted_pairs = set(
        Relation.objects.filter(origin="fr_notes", kind__in=MEASURED_KINDS)
        .exclude(source=None)
        .exclude(target=None)
        .values_list("source_id", "target_id")
        .order_by()
    )
    with_notes = set(
        Relation.objects.filter(origin="fr_notes").values_list("found_in_id", flat=True).order_by()
    )
    from_text = set(
        Relation.objects.filter(origin="text", kind__in=MEASURED_KINDS)
        .exclude(target=None)
        .values_list("source_id", "target_id")
        .order_by()
    )
    checked = [pair for pair in from_text if pair[0] in with_notes and pair[1] in with_notes]
    confirmed = sum(1 for pair in checked if pair in noted_pairs)
    return {
        "checked": len(checked),
        "confirmed": confirmed,
        "share": round(confirmed / len(checked), 4) if checked else None,
    }


def see_pair_recall() -> dict:
    pairs = set(
        Relation.objects.filter(origin="fr_notes", kind="see_also")
        .exclude(source=None)
        .exclude(target=None)
        .values_list("source_id", "target_id")
        .order_by()
    )
    pairs = {tuple(sorted(p)) for p in pairs if p[0] != p[1]}
    related = set()
    for source_id, target_id in Relation.objects.filter(kind="related").values_list(
        "source_id", "target_id"
    ):
        related.add(tuple(sorted((source_id, target_id))))
    found = len(pairs & related)
    return {
        "pairs": len(pairs),
        "found": found,
        "recall": round(found / len(pairs), 4) if pairs else None,
    }
