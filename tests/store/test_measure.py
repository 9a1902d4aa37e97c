"""Measuring the modern records (`actions.store.measure`), and twins, on real documents."""

from io import StringIO

import pytest
from django.core.management import call_command

from actions.models import Action
from actions.store.measure import find_twins, kind_accuracy, page_joins, read_sample
from tests.conftest import CORPUS, require_shared

pytestmark = pytest.mark.django_db

PAGES = CORPUS / "whitehouse-2021-2026" / "presidential-actions"
METADATA = CORPUS / "fr-eo-metadata-2009-2026" / "what-got-signed" / "data" / "enriched"


def ingest(*paths) -> None:
    call_command("ingest", *map(str, paths), stdout=StringIO(), stderr=StringIO())


def test_the_pages_checked_by_reading_are_kinded_as_read():
    """The goal is 98% of the random sample kept in bench/kind_sample.md."""
    require_shared()
    right, total, wrong = kind_accuracy()
    assert total == len(read_sample()) == 100
    assert right / total >= 0.98, wrong


def test_joins_are_counted_over_the_reach_of_the_fr_records_with_each_miss_explained():
    page_14280 = (
        PAGES / "2025-04" / "2025-04-23-reinstating-common-sense-school-discipline-policies.md"
    )
    december = sorted((PAGES / "2025-12").glob("2025-12-18-adjustments-of-certain-rates*"))
    assert december
    ingest(METADATA / "eo-14280.json", METADATA / "eo-14372.json", page_14280, *december)
    report = page_joins("executive_order")
    assert report.window[1] == Action.objects.get(number="14372").signed_on
    assert (report.joined, report.pages) == (1, 2)
    ((locator, title, why),) = report.misses
    assert locator.endswith(december[0].name) and why.startswith("no FR record in the corpus")


@pytest.mark.parametrize(
    "pair",
    [
        # the title retyped on the second page ("Agreenent"), same text, same day
        ("2025-12", "2025-12-29-to-implement-the-united-states-israel-agree"),
        # the same page re-dated a day later
        ("2025-01", "2025-01-2?-ending-illegal-discrimination-and-restoring-merit"),
    ],
)
def test_a_page_published_twice_is_one_action_and_no_twin_is_left(pair):
    folder, pattern = pair
    pages = sorted((PAGES / folder).glob(pattern + "*"))
    assert len(pages) == 2
    ingest(*pages)
    assert Action.objects.count() == 1
    assert Action.objects.get().sources.count() == 2
    assert find_twins() == []


def test_twins_left_apart_are_found(monkeypatch):
    """Were the retyped page not joined, the audit would list the pair."""
    from actions.store import identity

    monkeypatch.setattr(identity, "reprinted", lambda *args: None)
    pages = sorted((PAGES / "2025-12").glob("2025-12-29-to-implement-the-united-states-israel*"))
    ingest(*pages)
    assert Action.objects.count() == 2
    ((first, second, score),) = find_twins()
    assert {first.pk, second.pk} == set(Action.objects.values_list("id", flat=True))
    assert score >= 0.9
