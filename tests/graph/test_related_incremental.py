"""Related actions by sparse-matrix products, and updated for a few changed actions without a
whole pass: on real Federal Register orders, a new order, a removed one, a new piece of
commentary."""

from __future__ import annotations

import math
from collections import defaultdict

import pytest

from actions.graph.related import (
    MAX_SHARED_DF,
    MINIMUM_SCORE,
    RELATED_PER_ACTION,
    WEIGHTS,
)
from actions.graph.related_matrix import FeatureMatrix, best_matches, scoring_matrix
from actions.graph.relations import relate_all
from actions.jobs.ingest import ingest_paths
from actions.models import Action, Commentary, RelatedIndex, Relation, Source
from actions.store.writer import remove_sources
from tests.conftest import CORPUS, seed, seed_files

pytestmark = pytest.mark.django_db
FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"
# Fifty orders of 2017-2018 (13800-13849): the archive before the new one arrives.
SAMPLE = sorted(FR.glob("EO_138[0-4]*.json"))
NEW_ORDERS = [FR / "EO_13850.json", FR / "EO_13870.json", FR / "EO_13886.json"]


@pytest.fixture
def archive():
    if not SAMPLE:
        pytest.skip("the shared corpus is not here")
    report = ingest_paths(map(str, SAMPLE))
    assert report.related["incremental"] == 0  # no earlier pass: the whole archive is weighed
    return report


def stored_lists() -> dict[int, list[tuple[int, float]]]:
    out = defaultdict(list)
    for source, target, score in Relation.objects.filter(origin="computed").values_list(
        "source_id", "target_id", "score"
    ):
        out[source].append((target, score))
    return {source: sorted(pairs, key=lambda p: (-p[1], p[0])) for source, pairs in out.items()}


def products_over_index() -> dict[int, list[tuple[int, float]]]:
    """What a whole pass over the stored profiles gives: the lists an update must equal."""
    features = FeatureMatrix.from_bytes(bytes(RelatedIndex.objects.get().features))
    scaled = scoring_matrix(features, WEIGHTS, MAX_SHARED_DF)
    matches = best_matches(scaled, per_row=RELATED_PER_ACTION, minimum=MINIMUM_SCORE)
    ids = features.ids.tolist()
    return {
        ids[row]: sorted(((ids[o], round(s, 4)) for o, s in best), key=lambda p: (-p[1], p[0]))
        for row, best in matches.items()
        if best
    }


def test_products_give_the_scores_of_the_definition(archive):
    """Each score is the family-weighted sum of feature products, common features left out:
    checked pair by pair against a plain loop over the same real profiles."""
    features = FeatureMatrix.from_bytes(bytes(RelatedIndex.objects.get().features))
    profiles = [features.vectors(row) for row in range(len(features.ids))]
    postings = defaultdict(int)
    for vectors in profiles:
        for family, vector in vectors.items():
            for feature in vector:
                postings[(family, feature)] += 1
    scaled = scoring_matrix(features, WEIGHTS, max_shared=3)  # a cap that bites on 50 orders
    product = (scaled @ scaled.T).toarray()
    checked = 0
    for a in range(len(profiles)):
        for b in range(len(profiles)):
            expected = sum(
                WEIGHTS[family] * value * profiles[b].get(family, {}).get(feature, 0.0)
                for family, vector in profiles[a].items()
                for feature, value in vector.items()
                if postings[(family, feature)] <= 3
            )
            assert math.isclose(product[a, b], expected, abs_tol=1e-9)
            checked += expected > 0
    assert checked > 100


def test_a_new_order_is_related_without_a_whole_pass(archive):
    before = stored_lists()
    report = ingest_paths([str(NEW_ORDERS[0])])
    assert report.outcomes["new"] == 1
    assert report.related["incremental"] == 1
    new = Action.objects.get(kind="executive_order", number="13850")
    links = Relation.objects.filter(origin="computed", source=new)
    assert links.exists() and all(link.evidence for link in links)
    after = stored_lists()
    # Every list is what the whole product over the updated profiles gives: the new order's
    # own, those it now outranks (which name it), and all the others unchanged.
    assert after == products_over_index()
    gained = {s for s, pairs in after.items() if new.pk in {t for t, _ in pairs}}
    assert gained and all(before.get(s) != after[s] for s in gained)
    assert sum(before.get(s) != after[s] for s in after if s != new.pk) == len(gained)


def test_updates_agree_with_a_later_whole_pass(archive):
    """Until the next whole pass, weights use the earlier frequencies: measured here, the
    new orders' lists keep most of what a whole pass gives them."""
    ingest_paths(map(str, NEW_ORDERS))
    numbers = [path.stem.split("_")[1] for path in NEW_ORDERS]
    new = list(Action.objects.filter(kind="executive_order", number__in=numbers))
    incremental = {a.pk: {t for t, _ in stored_lists().get(a.pk, [])} for a in new}
    relate_all()
    whole = {a.pk: {t for t, _ in stored_lists().get(a.pk, [])} for a in new}
    kept = sum(len(incremental[k] & whole[k]) for k in whole)
    assert kept >= 0.8 * sum(len(v) for v in whole.values()) > 0


def test_a_removed_order_leaves_no_list_naming_it(archive):
    gone = Action.objects.get(kind="executive_order", number="13810")
    named_by = set(
        Relation.objects.filter(origin="computed", target=gone).values_list("source_id", flat=True)
    )
    assert named_by
    remove_sources(Source.objects.filter(action=gone))
    from actions.graph.relations import relate_pending

    assert relate_pending()["incremental"] == 1
    assert not Action.objects.filter(pk=gone.pk).exists()
    assert not Relation.objects.filter(origin="computed", target=None).exists()
    assert stored_lists() == products_over_index()


def test_new_commentary_is_linked_without_relinking_the_rest():
    """The seeds' news article quotes the title of EO 14385: ingested after the orders it
    discusses, it is linked by the update; the piece linked before is not linked again."""
    require = seed_files()
    article = seed("commentary_text", "is titled")
    others = [str(p) for p in require if p != article]
    ingest_paths(others)
    (earlier,) = Commentary.objects.all()
    earlier_links = list(earlier.links.values_list("pk", flat=True))
    report = ingest_paths([str(article)])
    assert report.related["incremental"] == 1
    piece = Commentary.objects.exclude(pk=earlier.pk).get()
    assert [(link.action.number, link.evidence) for link in piece.links.all()] == [
        ("14385", "quotes the order's title")
    ]
    assert list(earlier.links.values_list("pk", flat=True)) == earlier_links
    assert not Commentary.objects.filter(needs_linking=True).exists()


def whole_links_best(action, limit: int = 10) -> list[dict]:
    """The definition: every computed link at either end read whole, best score first (ties
    in the order read: links from it, then to it, each by id), each other action once."""
    links = Relation.objects.related_to([action])
    best: dict[int, dict] = {}
    for relation in sorted(links, key=lambda r: -(r.score or 0)):
        other = relation.target if relation.source_id == action.pk else relation.source
        if other is None or other.pk == action.pk or other.pk in best:
            continue
        best[other.pk] = {"action": other, "reason": relation.evidence, "score": relation.score}
    return list(best.values())[:limit]


def test_a_page_lists_the_best_related_actions_from_both_ends(archive):
    """`Relation.objects.best_related` (one statement, both ends, as tuples) lists what the
    links read whole give: each other action once, best score first, on fifty real orders."""
    compared = 0
    for action in Action.objects.all():
        whole = whole_links_best(action)
        listed = Relation.objects.best_related(action)
        assert [(r["action"].pk, r["score"], r["reason"]) for r in listed] == [
            (r["action"].pk, r["score"], r["reason"]) for r in whole
        ]
        assert all(r["action"].get_absolute_url() for r in listed)
        compared += bool(listed)
    assert compared >= 30
    # Links at both ends: some action here is listed for another from the other end.
    ends = Relation.objects.filter(origin="computed").values_list("source_id", "target_id")
    assert {s for s, _ in ends} & {t for _, t in ends}
