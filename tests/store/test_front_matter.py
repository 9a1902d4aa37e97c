"""The title and preamble as amended, on both databases: EO 13257's preamble edited by EO 13333,
EO 13265's title rewritten by EO 13545 (2010) and again by EO 13824 (2018); the API's `title`
and `preamble`, and the as-amended page's Title section with the change marked."""

from __future__ import annotations

import pytest

from actions.models import Action
from tests.conftest import CORPUS, loaded

FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"
FILES = [FR / f"EO_{n}.xml" for n in ("13257", "13333", "13265", "13545", "13824")]


@pytest.fixture(scope="module")
def _orders(django_db_setup, django_db_blocker):
    with loaded(FILES, django_db_blocker):
        yield


@pytest.fixture
def eo(_orders, db):
    return lambda number: Action.objects.get(kind="executive_order", number=number)


def test_the_api_gives_the_preamble_as_amended(eo, client) -> None:
    order = eo("13257")
    data = client.get(f"/api/actions/{order.pk}/text/").json()
    assert "(22 U.S.C. 7101 et seq" in data["preamble"]["text"]
    assert "(22 U.S.C. 7103)" in order.preamble  # the text as signed is kept
    assert [c["number"] for c in data["preamble"]["changes"]] == ["13333"]
    assert data["title"]["text"] == order.title and data["title"]["changes"] == []


def test_the_title_on_each_date(eo, client) -> None:
    order = eo("13265")
    url = f"/api/actions/{order.pk}/text/"
    before = client.get(url, {"as_of": "2009-01-01"}).json()["title"]
    assert before["text"] == order.title and not before["changes"]
    in_2011 = client.get(url, {"as_of": "2011-01-01"}).json()["title"]
    assert in_2011["text"] == "President's Council on Fitness, Sports, and Nutrition"
    now = client.get(url).json()["title"]
    assert now["text"] == "President's Council on Sports, Fitness, and Nutrition"
    assert [c["number"] for c in now["changes"]] == ["13545", "13824"]


def test_the_page_shows_the_title_changed(eo, client) -> None:
    html = client.get("/eo/13265/as-amended").content.decode()
    title = html[html.index('id="sec-title"') : html.index('id="sec-preamble"')]
    assert "<h2" in title and ">Title</h2>" in title
    assert "<ins>" in title and "<del>" in title
    assert "Executive Order 13824" in title
    lede = html[html.index('<p class="lede">') :][:200]
    assert "Sports, Fitness, and Nutrition" in lede
