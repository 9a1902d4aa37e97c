"""Agencies by any name the archive knows, `directed` as a field, filters shown as chips."""

import pytest

from actions.extract.agencies import agency_named

NAMES_OF_DHS = [
    "homeland-security",
    "DHS",
    "Department of Homeland Security",
    "the Department of Homeland Security",
    "homeland security",
    "the Secretary of Homeland Security",
]


@pytest.mark.parametrize("typed", NAMES_OF_DHS)
def test_every_name_is_the_agency(typed):
    assert agency_named(typed) == "homeland-security"


@pytest.mark.parametrize(
    ("typed", "slug"),
    [("the Attorney General", "justice"), ("DOJ", "justice"), ("nothing of the kind", None)],
)
def test_other_names(typed, slug):
    assert agency_named(typed) == slug


def ids(client, **params) -> set[int]:
    return {r["id"] for r in client.get("/api/actions/", params).json()["results"]}


@pytest.mark.parametrize("typed", NAMES_OF_DHS)
def test_the_filter_gives_the_same_actions_for_every_name(client, seeded, typed):
    expected = ids(client, agency="homeland-security")
    assert expected and ids(client, agency=typed) == expected
    directing = ids(client, agency=typed, directed="true")
    assert directing and directing <= expected


def test_directed_survives_apply_and_the_chips_say_what_is_applied(client, seeded):
    page = client.get("/actions/", {"agency": "DHS", "directed": "true", "kind": "executive_order"})
    html = page.content.decode()
    assert 'name="directed" value="true" checked' in html
    assert '<datalist id="agency-names">' in html and '<option value="DHS">' in html
    chips = page.context["chips"]
    assert [(c.label, c.value) for c in chips] == [
        ("Kind", "Executive Order"),
        ("Agency", "Department of Homeland Security, directed"),
    ]
    without_agency = chips[1].remove_url
    assert "agency=" not in without_agency and "directed" not in without_agency
    assert "kind=executive_order" in without_agency


def test_an_unknown_agency_is_said_not_silently_empty(client, seeded):
    page = client.get("/actions/", {"agency": "Department of Nonsense"})
    assert page.status_code == 200
    assert "no agency is known as" in page.content.decode()
    assert page.context["total"] > 0  # the filter left out, said so, the rest still listed
