"""Search on a real slice of the corpus (Ford's executive orders): the facet counts from the
in-memory index equal the database's own GROUP BY, and a query matching more actions than the
rank limit is ranked by its candidates without losing or repeating any match."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.http import QueryDict

from actions.models import Action, AgencyMention, Citation, SearchDocument
from actions.read.selection import select
from actions.search import search_actions
from tests.conftest import CORPUS, require_shared

FORD = CORPUS / "eo-markdown-1933-2025" / "Presidential_Executive_Orders" / "gerald-r-ford"


@pytest.fixture(scope="module")
def ford_archive(django_db_setup, django_db_blocker):
    """Ingested once for the module (the tests only read it), then flushed."""
    require_shared()
    with django_db_blocker.unblock():
        call_command("ingest", "--no-relate", str(FORD), stdout=StringIO(), stderr=StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def ford(ford_archive, db):
    assert Action.objects.count() > 150


def sql_facets(ids: list[int]) -> dict[str, dict]:
    """The same counts, the slow way: one GROUP BY per facet."""
    actions = Action.objects.filter(id__in=ids)
    return {
        "kind": dict(actions.values_list("kind").annotate(n=Count("id"))),
        "president": dict(
            actions.exclude(president=None).values_list("president__slug").annotate(n=Count("id"))
        ),
        "year": {
            str(year): n
            for year, n in actions.exclude(signed_on=None)
            .annotate(y=ExtractYear("signed_on"))
            .values_list("y")
            .annotate(n=Count("id"))
        },
        "agency": dict(
            AgencyMention.objects.filter(action__in=ids)
            .values_list("agency__slug")
            .annotate(n=Count("action", distinct=True))
        ),
        "statute": {
            f"{title} U.S.C.": n
            for title, n in Citation.objects.filter(action__in=ids, statute__kind="usc")
            .values_list("statute__title")
            .annotate(n=Count("action", distinct=True))
        },
        "status": dict(actions.values_list("status").annotate(n=Count("id"))),
    }


@pytest.mark.parametrize(
    "params",
    ["q=energy", "q=federal+employees", "q=oil&signed_after=1975-01-01", "", "year=1976"],
)
def test_facet_counts_equal_the_databases_own(ford, params):
    selection = select(QueryDict(params))
    ids = list(selection.matched.values_list("id", flat=True))
    assert ids, "the query should match something in Ford's orders"
    assert selection.count() == len(ids)
    expected = sql_facets(ids)
    facets = selection.facets()
    for name in ("kind", "president", "year", "status"):
        shown = {value: n for value, _, n in facets[name]}
        assert shown == {k: v for k, v in expected[name].items() if k}, name
    # Agencies and titles show the largest counts only; each shown count is exact.
    for name in ("agency", "statute"):
        for value, _, n in facets[name]:
            assert expected[name][value] == n, (name, value)
        shown = [n for _, _, n in facets[name]]
        assert shown == sorted(shown, reverse=True)
        assert len(shown) == min(12, len(expected[name]))


def test_a_query_over_the_rank_limit_still_reaches_every_match(ford, settings):
    settings.ARCHIVE_SEARCH_RANK_LIMIT = 10
    results = search_actions("order", Action.objects.all())
    total = results.count()
    assert total > 10
    seen = []
    for offset in range(0, total + 7, 7):
        seen += [hit.action.pk for hit in results.page(offset, 7)]
    assert not results.ranked_exactly
    assert len(seen) == len(set(seen)) == total
    assert set(seen) == set(results.ids())
    # Matches in the title first (they alone have scores), then the others, newest first.
    scored = [pk for pk in seen if pk in results._scores]
    assert seen[: len(scored)] == scored and scored
    in_title = {
        pk: "order" in title.lower()
        for pk, title in SearchDocument.objects.values_list("action_id", "title")
    }
    assert all(in_title[pk] for pk in scored)
    assert not any(in_title[pk] for pk in seen[len(scored) :])
    rest = Action.objects.filter(pk__in=seen[len(scored) :])
    assert seen[len(scored) :] == [a.pk for a in rest.order_by("-signed_on", "-id")]


def test_a_query_under_the_rank_limit_is_ranked_by_its_scores(ford):
    results = search_actions("energy", Action.objects.all())
    hits = results.page(0, 50)
    assert results.ranked_exactly and len(hits) > 2
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_the_page_says_when_ranking_is_bounded(ford, client, settings):
    settings.ARCHIVE_SEARCH_RANK_LIMIT = 10
    bounded = client.get("/search/", {"q": "order"}).content.decode()
    assert "More than 10 actions match" in bounded
    settings.ARCHIVE_SEARCH_RANK_LIMIT = 2000
    exact = client.get("/search/", {"q": "order"}).content.decode()
    assert "More than" not in exact


def test_large_matches_are_remembered_exactly_until_the_archive_changes(ford, settings):
    from actions.models import ArchiveVersion
    from actions.search import memo

    settings.ARCHIVE_SEARCH_CACHE_SECONDS = 600
    settings.ARCHIVE_SEARCH_CACHE_MIN_MATCHES = 10  # Ford's archive is small
    first = select(QueryDict("q=order"))
    ids, facets = list(first.results.ids()), first.facets()
    assert len(ids) >= 10
    again = select(QueryDict("q=order"))
    remembered = memo.key_for("default", again.results._ids_sql(), ArchiveVersion.current())
    assert memo.load_ids(remembered) is not None  # what the search will read
    assert list(again.results.ids()) == ids and again.facets() == facets
    # A change to the archive retires the entry: the next search reads the database.
    Action.objects.filter(pk=ids[0]).delete()
    ArchiveVersion.bump()
    after = select(QueryDict("q=order"))
    assert (
        memo.load_ids(memo.key_for("default", after.results._ids_sql(), ArchiveVersion.current()))
        is None
    )
    assert ids[0] not in set(after.results.ids()) and after.count() == len(ids) - 1


@pytest.mark.django_db(transaction=True)
def test_the_facet_index_can_be_built_before_the_first_search(seeded_committed):
    """What gunicorn.conf.py does in each worker as it starts."""
    import time

    from django.db import OperationalError, transaction

    from actions.models import ArchiveVersion
    from actions.search import facets

    facets.forget()
    facets.warm_in_background().join(timeout=120)
    index = facets._current.get("default")
    assert index is not None and len(index.ids) == Action.objects.count()
    assert facets.facet_index() is index  # the first search finds it built
    # Kept warm: after a change to the archive the thread rebuilds it, before any search.
    keeper = facets.warm_in_background(every=0.2)
    try:
        for _attempt in range(20):
            try:  # SQLite's shared in-memory test database locks tables, not rows: retry
                with transaction.atomic():
                    Action.objects.filter(pk=index.ids[0]).delete()
                    ArchiveVersion.bump()
                break
            except OperationalError:
                time.sleep(0.05)
        for _ in range(100):
            rebuilt = facets._current.get("default")
            if rebuilt is not index and rebuilt.version.endswith(ArchiveVersion.current()):
                break
            time.sleep(0.1)
        assert len(rebuilt.ids) == len(index.ids) - 1
    finally:
        keeper.stop.set()
        keeper.join(timeout=30)


def test_two_word_phrases_find_the_same_actions_through_the_pairs_index(ford):
    """PostgreSQL answers a two-word phrase from its index of adjacent pairs (migration 0009):
    the same actions as checking positions in every candidate's vector, on real texts."""
    import random
    import re

    from django.db import connection

    from actions.models import Section
    from actions.search import postgres

    if connection.vendor != "postgresql":
        pytest.skip("the pairs index is PostgreSQL's (FTS5 keeps positions in its index)")
    text = " ".join(Section.objects.order_by("id").values_list("text", flat=True)[:300])
    words = re.findall(r"[A-Za-z]{2,}", text)
    rng = random.Random(7)
    starts = sorted(rng.randrange(len(words) - 1) for _ in range(150))
    phrases = sorted({f'"{words[i]} {words[i + 1]}"' for i in starts} | {'"national security"'})
    through_pairs = 0
    with connection.cursor() as cursor:
        for phrase in phrases:
            through_pairs += postgres.adjacent_pair(phrase) is not None
            cursor.execute(*postgres.ids(phrase))
            found = {row[0] for row in cursor.fetchall()}
            cursor.execute(
                "SELECT action_id FROM actions_searchdocument, "
                "websearch_to_tsquery('english', %s) q WHERE vector @@ q",
                [phrase],
            )
            assert found == {row[0] for row in cursor.fetchall()}, phrase
    # Pairs with a stop word ("Bureau of") take the usual path; a third or so are two words.
    assert through_pairs >= 30
