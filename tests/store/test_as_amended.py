"""An order's text as amended on a day, from real orders on both databases: EO 13224 (section
4 rewritten by EO 13372 in 2005, section 1 by EO 13886 in 2019) and EO 13285 (section 4(b)
rewritten three times, a subsection added); the page, the API and the action page's link."""

from __future__ import annotations

from datetime import date

import pytest

from actions.extract.expiry import expiry_date
from actions.models import Action
from actions.store.consolidation import as_amended
from actions.store.status import status_on
from tests.conftest import CORPUS, loaded

FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"
FILES = [
    FR / name
    for name in (
        "EO_13224.xml",
        "EO_13372.xml",
        "EO_13886.xml",
        "EO_13285.xml",
        "EO_13371.xml",
        "EO_13424.xml",
        "EO_13471.xml",
    )
]


@pytest.fixture(scope="module")
def _orders(django_db_setup, django_db_blocker):
    with loaded(FILES, django_db_blocker):
        yield


@pytest.fixture
def eo(_orders, db):
    return lambda number: Action.objects.get(kind="executive_order", number=number)


def part(result, number):
    return next(p for p in result.parts if p.number == number)


def test_each_section_on_each_date(eo):
    order = eo("13224")
    original = {s.number: s.text for s in order.sections.all()}
    in_2004 = as_amended(order, date(2004, 1, 1))
    assert not in_2004.changed and part(in_2004, "1").text == original["1"]
    in_2010 = as_amended(order, date(2010, 1, 1))
    assert part(in_2010, "1").text == original["1"]
    assert [c["number"] for c in part(in_2010, "4").changes] == ["13372"]
    assert part(in_2010, "4").text != original["4"]
    in_2020 = as_amended(order, date(2020, 1, 1))
    (change,) = part(in_2020, "1").changes
    assert (change["number"], change["date"]) == ("13886", date(2019, 9, 9))
    assert part(in_2020, "1").text.startswith("(a) All property and interests in property")


def test_later_rewrites_replace_earlier_ones(eo):
    order = eo("13285")
    section = part(as_amended(order, date(2009, 1, 1)), "4")
    assert "this order shall expire on June 30, 2009" in section.text
    assert "(c) This order is not intended to" in section.text  # added by EO 13471
    assert [c["number"] for c in section.changes] == ["13371", "13424", "13471", "13471"]
    earlier = part(as_amended(order, date(2006, 1, 1)), "4")
    assert "June 30, 2009" not in earlier.text and [c["number"] for c in earlier.changes] == [
        "13371"
    ]


def test_the_api_text(client, eo):
    order = eo("13224")
    data = client.get(f"/api/actions/{order.pk}/text/", {"as_of": "2020-01-01"}).json()
    assert data["as_of"] == "2020-01-01"
    one = next(s for s in data["sections"] if s["number"] == "1")
    assert one["changes"][0] == {
        "action_id": eo("13886").pk,
        "number": "13886",
        "section": "1",
        "date": "2019-09-09",
        "instruction": one["changes"][0]["instruction"],
    }
    assert one["changes"][0]["instruction"].startswith("Section 1 of Executive Order 13224")
    # EO 13886's "replacing the reference to subsection 1(d)" is listed, with why.
    assert any(
        n["number"] == "13886" and "replacing the reference" in n["instruction"] and n["reason"]
        for n in data["not_applied"]
    )
    assert client.get(f"/api/actions/{order.pk}/text/", {"as_of": "2019-13-01"}).status_code == 422


def test_the_page_marks_the_change_between_two_dates(client, eo):
    page = client.get("/eo/13224").content.decode()
    assert 'href="/eo/13224/as-amended"' in page
    diff = client.get("/eo/13224/as-amended", {"as_of": "2020-01-01", "since": "2010-01-01"})
    html = diff.content.decode()
    assert diff.status_code == 200 and "<ins>" in html and "<del>" in html
    assert "Executive Order 13886</a>, section 1" in html
    bad = client.get("/eo/13224/as-amended", {"as_of": "yesterday"})
    assert bad.status_code == 200 and "is not a date" in bad.content.decode()
    assert client.get("/eo/99999/as-amended").status_code == 404


def test_an_order_expires_on_the_day_its_text_as_amended_says(eo):
    """EO 13285 said it would expire two years after signing (2005-01-29); EOs 13371, 13424
    and 13471 extended it, the last to June 30, 2009. The amending orders quote that end,
    which is not their own."""
    order = eo("13285")
    assert (order.status, order.status_on, order.expires_on) == (
        "expired",
        date(2009, 6, 30),
        date(2009, 6, 30),
    )
    assert status_on(order, date(2005, 6, 1)).status == "amended"  # extended in time
    assert status_on(order, date(2009, 6, 29)).in_force
    later = status_on(order, date(2009, 7, 1))
    assert (later.status, later.since, later.in_force) == ("expired", date(2009, 6, 30), False)
    assert eo("13471").expires_on is None and eo("13471").status == "in_force"


def test_in_force_on_leaves_out_what_had_expired(client, eo):
    def ids(day):
        rows = client.get("/api/actions/", {"in_force_on": day, "page_size": 100}).json()
        return {r["id"] for r in rows["results"]}

    assert eo("13285").pk in ids("2008-01-01")
    assert eo("13285").pk not in ids("2010-01-01")


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        (
            "(b) Unless further extended by the President, this order shall expire on June 30, "
            "2009.",
            date(2009, 6, 30),
        ),
        (
            "This Order shall terminate, unless extended, at midnight on September 30, 1979.",
            date(1979, 9, 30),
        ),
        (
            "(b) The provisions of this order (other than subsection 5(b) and the amendment made "
            "thereby) shall, unless extended by the President, expire on July 1, 2008.",
            date(2008, 7, 1),
        ),
        (
            "This order, and the ATC established hereunder, shall terminate on January 20, 2021.",
            date(2021, 1, 20),
        ),
        ("this order shall expire 2 years from the date of this order.", date(2005, 1, 29)),
        ("(b) The Commission shall terminate on June 1, 2003.", None),  # the body, not the order
        ("Section 4(b) is amended to read: “(b) this order shall expire on June 30, 2009.”", None),
    ],
)
def test_the_end_a_text_sets(sentence, day):
    assert expiry_date(sentence, date(2003, 1, 29)) == day
