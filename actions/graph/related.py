"""Related actions by content: each action's profile (distinctive terms, statutes, agencies,
subjects and the orders it names, each weighed by TF-IDF), its best matches by sparse-matrix
products (`related_matrix`), stored as computed relations with the reason.

`rebuild_related` weighs the whole archive; `relate_changed` updates the actions rebuilt since
(`Action.needs_relating`) and those they now outrank, from the state the last pass kept
(`RelatedIndex`): the other actions' profiles and the archive's document frequencies, so a
new document costs a few row products instead of the whole pass. Until the next whole pass,
frequencies are those of the last one (plus the new actions), which moves weights by a
fraction of a percent; `python manage.py relate` weighs everything again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
from django.db import transaction
from django.db.models import Count, Min, Q

from actions.graph.related_matrix import (
    EPSILON,
    FeatureMatrix,
    best_matches,
    counts_from_bytes,
    counts_to_bytes,
    scores_against,
    scoring_matrix,
)
from actions.graph.similarity import shared_terms, term_counts, tfidf_vector
from actions.models import Action, AgencyMention, Citation, RelatedIndex, Relation
from actions.store.bulk import insert_rows

RELATED_PER_ACTION = 10
MINIMUM_SCORE = 0.05
# Measured on the whole corpus against the FR's "See:" pairs (both ends archived, found in
# either's top 10): 43% with terms 0.5 / statutes 0.2 / agencies 0.2 / df cap 400 (short orders
# whose words are all common got no related action at all), 46% without the orders named in the
# text, 68% with them at 0.3, 70% at 0.5 (the values below), 73% at 1.0 (where the orders an
# action names would crowd out the ones that only say the same things).
# A feature shared by more actions than this says little about any two of them.
MAX_SHARED_DF = 1500
WEIGHTS = {"terms": 0.6, "statutes": 0.3, "agencies": 0.05, "subjects": 0.05, "references": 0.5}
FAMILIES = ("statutes", "agencies", "subjects", "references")
TOP_TERMS, TOP_FEATURES = 60, 40
# Past this many changed actions (or this share of the archive), a whole pass costs little
# more than the updates and leaves nothing approximate behind.
INCREMENTAL_LIMIT, INCREMENTAL_SHARE = 500, 0.05


# Profiles ---------------------------------------------------------------------------------


def _features(ids: Iterable[int] | None = None) -> tuple[dict, dict[str, dict[int, set]]]:
    """Term counts and the other families' feature sets, for these actions (all by default)."""
    actions = Action.objects.only("id", "kind", "number", "title", "text", "subjects", "topics")
    citations = Citation.objects.all()
    mentions = AgencyMention.objects.all()
    named = Relation.objects.filter(origin="text").exclude(target=None)
    if ids is not None:
        ids = list(ids)
        actions = actions.filter(pk__in=ids)
        citations = citations.filter(action_id__in=ids)
        mentions = mentions.filter(action_id__in=ids)
        named = named.filter(source_id__in=ids)
    actions = list(actions)
    counts = {a.id: term_counts(f"{a.title}\n{a.text}") for a in actions}
    families: dict[str, dict[int, set]] = {
        name: {a.id: set() for a in actions} for name in FAMILIES
    }
    for action_id, key in citations.values_list("action_id", "statute__key"):
        families["statutes"][action_id].add(key)
    for action_id, name in mentions.values_list("action_id", "agency__name"):
        families["agencies"][action_id].add(name)
    for action in actions:
        families["subjects"][action.id] = set(action.subjects) | set(action.topics)
        # An order shares a feature with each order it names (its own label is in its set)
        # and with the other orders naming the same ones (co-citation).
        families["references"][action.id].add(action.short_label)
    targets = list(named.values_list("source_id", "target_id"))
    labels = {
        a.id: a.short_label
        for a in Action.objects.filter(pk__in={t for _, t in targets}).only("id", "kind", "number")
    }
    for source_id, target_id in targets:
        if source_id in families["references"] and target_id in labels:
            families["references"][source_id].add(labels[target_id])
    return counts, families


def _profile(
    action_id: int, counts: dict, families: dict, frequencies: dict, total: int, own: int | None
) -> dict[str, dict[str, float]]:
    """One action's vectors. `own` is None when the frequencies are the whole archive's (this
    action included), 1 when they are a past pass's without it, 0 with it; a past pass kept no
    word found in one action only, so such a word counts once."""

    def weighed(values: Counter, family_df: dict, top: int) -> dict[str, float]:
        if own is not None:
            family_df = {key: max(family_df.get(key, 0) + own, 1) for key in values}
        return tfidf_vector(values, family_df, total, top=top)

    vectors = {"terms": weighed(counts[action_id], frequencies["terms"], TOP_TERMS)}
    for name in FAMILIES:
        keys = Counter({key: 1 for key in sorted(families[name][action_id])})
        vectors[name] = weighed(keys, frequencies[name], TOP_FEATURES)
    return vectors


def _frequencies(counts: dict, families: dict) -> dict[str, Counter]:
    out = {"terms": Counter()}
    for values in counts.values():
        out["terms"].update(values.keys())
    for name in FAMILIES:
        out[name] = Counter()
        for keys in families[name].values():
            out[name].update(keys)
    return out


def explain(a: dict, b: dict) -> str:
    """Why two actions are related: what their profiles share, strongest first."""
    parts = []
    for family, label in (
        ("references", "orders named"),
        ("agencies", "agencies"),
        ("statutes", "statutes"),
        ("subjects", "subjects"),
    ):
        shared = shared_terms(a.get(family, {}), b.get(family, {}), limit=4)
        if shared:
            parts.append(f"shared {label}: {', '.join(shared)}")
    terms = shared_terms(a.get("terms", {}), b.get("terms", {}))
    if terms:
        parts.append(f"shared terms: {', '.join(terms)}")
    return "; ".join(parts)


# The whole pass -----------------------------------------------------------------------------


def rebuild_related() -> int:
    """Weigh every action against every other; store each one's best matches and the state a
    later update starts from. Returns the count of links stored."""
    counts, families = _features()
    frequencies = _frequencies(counts, families)
    total = len(counts)
    features = FeatureMatrix.build(
        (action_id, _profile(action_id, counts, families, frequencies, total, own=None))
        for action_id in counts
    )
    scaled = scoring_matrix(features, WEIGHTS, MAX_SHARED_DF)
    matches = best_matches(scaled, per_row=RELATED_PER_ACTION, minimum=MINIMUM_SCORE)
    rows = _relations(features, matches)
    with transaction.atomic():
        Relation.objects.filter(origin="computed").delete()
        insert_rows(Relation, LINK_COLUMNS, rows)
        _save_index(features, frequencies, total)
        Action.objects.filter(needs_relating=True).update(needs_relating=False)
    return len(rows)


# Every column of a computed link, so that the bulk writer needs no database defaults.
LINK_COLUMNS = (
    "found_in", "source", "target", "kind", "origin", "score", "evidence",
    "source_label", "source_kind", "source_number", "source_on",
    "target_label", "target_kind", "target_number", "target_on",
    "in_part", "section", "effective_on", "target_section",
)  # fmt: skip
_UNSTATED = ("", "", "", None, "", "", "", None, False, None, None, "")


def _relations(features: FeatureMatrix, matches: dict[int, list]) -> list[tuple]:
    """The computed links as rows of LINK_COLUMNS, each with its reason."""
    ids = features.ids.tolist()
    vectors: dict[int, dict] = {}

    def vectors_of(row: int) -> dict:
        if row not in vectors:
            vectors[row] = features.vectors(row)
        return vectors[row]

    return [
        (
            ids[row],
            ids[row],
            ids[other],
            "related",
            "computed",
            round(score, 4),
            explain(vectors_of(row), vectors_of(other)),
            *_UNSTATED,
        )
        for row, best in matches.items()
        for other, score in best
    ]


def _save_index(features: FeatureMatrix, frequencies: dict[str, Counter], total: int) -> None:
    # Words of one action only are most of the vocabulary and change no weight much.
    # In key order: the same bytes on every run (the counts came from sets).
    # (Filtered before sorting: the words of one action are most of the vocabulary.)
    kept = {
        name: dict(sorted((k, v) for k, v in counter.items() if name != "terms" or v >= 2))
        for name, counter in frequencies.items()
    }
    RelatedIndex.objects.all().delete()
    RelatedIndex.objects.create(
        features=features.to_bytes(), frequencies=counts_to_bytes(kept, total)
    )


# Updates --------------------------------------------------------------------------------------


def incremental_is_possible(changed: int) -> bool:
    """Whether `changed` rebuilt actions are better related one by one than in a whole pass."""
    if not RelatedIndex.objects.exists():
        return False
    total = Action.objects.count()
    return changed <= min(INCREMENTAL_LIMIT, max(1, int(total * INCREMENTAL_SHARE)))


def relate_changed() -> int:
    """Relate the actions rebuilt since the last pass, and update the best matches of every
    action they now outrank or used to appear for. Returns the count of links written."""
    index = RelatedIndex.objects.get()
    features = FeatureMatrix.from_bytes(bytes(index.features))
    stored, total = counts_from_bytes(bytes(index.frequencies))
    existing = set(Action.objects.values_list("id", flat=True))
    changed = list(Action.objects.filter(needs_relating=True).values_list("id", flat=True))
    indexed = set(features.ids.tolist())
    new = [action_id for action_id in changed if action_id not in indexed]
    total += len(new)
    counts, families = _features(changed)
    profiles = {
        action_id: _profile(
            action_id, counts, families, stored, total, own=int(action_id not in indexed)
        )
        for action_id in changed
    }
    gone = indexed - existing
    features.replace(profiles, keep=existing)
    row_of = {action_id: row for row, action_id in enumerate(features.ids.tolist())}
    scaled = scoring_matrix(features, WEIGHTS, MAX_SHARED_DF)
    affected = set(changed) | _outranked(scaled, row_of, changed) | _pointing_at(changed, gone)
    rows = [row_of[a] for a in affected if a in row_of]
    matches = best_matches(scaled, rows, per_row=RELATED_PER_ACTION, minimum=MINIMUM_SCORE)
    links = _relations(features, matches)
    with transaction.atomic():
        Relation.objects.filter(origin="computed", source_id__in=affected).delete()
        Relation.objects.filter(origin="computed", target=None).delete()
        insert_rows(Relation, LINK_COLUMNS, links)
        for action_id in new:  # the new actions now count in the frequencies
            for name, values in (("terms", counts[action_id]), *_family_items(families, action_id)):
                for key in values:
                    if name != "terms" or key in stored["terms"]:
                        stored[name][key] = stored[name].get(key, 0) + 1
        RelatedIndex.objects.all().delete()
        RelatedIndex.objects.create(
            features=features.to_bytes(), frequencies=counts_to_bytes(stored, total)
        )
        Action.objects.filter(pk__in=changed).update(needs_relating=False)
    return len(links)


def _family_items(families: dict, action_id: int) -> list[tuple[str, set]]:
    return [(name, families[name][action_id]) for name in FAMILIES]


_FEW_CANDIDATES = 2000  # below any database's limit on the parameters of one statement


def _outranked(scaled, row_of: dict[int, int], changed: list[int]) -> set[int]:
    """Actions for which a changed one now scores above the last of their stored matches (or
    which have room for one more)."""
    rows = [row_of[a] for a in changed if a in row_of]
    if not rows:
        return set()
    best = scores_against(scaled, rows).max(axis=0)
    ids = list(row_of)
    candidates = np.flatnonzero(best >= MINIMUM_SCORE - EPSILON).tolist()
    links = Relation.objects.filter(origin="computed")
    if len(candidates) < _FEW_CANDIDATES:
        # Only the lists the changed actions could enter: an index lookup each, not a
        # grouping of every stored link (100,000 on the whole corpus).
        links = links.filter(source_id__in=[ids[row] for row in candidates])
    stored = {
        row["source_id"]: (row["count"], row["lowest"])
        for row in links.values("source_id").annotate(count=Count("id"), lowest=Min("score"))
    }
    out = set()
    for row in candidates:
        count, lowest = stored.get(ids[row], (0, MINIMUM_SCORE))
        if count < RELATED_PER_ACTION or best[row] >= lowest - EPSILON:
            out.add(ids[row])
    return out


def _pointing_at(changed: list[int], gone: set[int]) -> set[int]:
    """Actions whose stored matches name a changed or deleted action (their list may shrink)."""
    named = Q(target_id__in=changed) | Q(target_id__in=gone) | Q(target=None)
    computed = Relation.objects.filter(named, origin="computed")
    return set(computed.values_list("source_id", flat=True))
