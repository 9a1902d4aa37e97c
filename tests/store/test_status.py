"""Status on any date (`actions.store.status`), on the real chain EO 13768 -> EO 13993 ->
EO 14159: 13768 revoked by 13993 on 2021-01-20; 13993 revoked by 14159 on 2025-01-20, which
does not bring 13768 back."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from actions.extract.references import effective_date
from actions.models import Action
from actions.store.status import status_on
from tests.conftest import CORPUS

ORDERS = CORPUS / "eo-markdown-1933-2025" / "Presidential_Executive_Orders"


@pytest.fixture
def chain(seeded):
    call_command(
        "ingest",
        str(ORDERS / "joe-biden/2021/01-January/2021-01-20-executive-order-13993.md"),
        str(ORDERS / "donald-trump/2025/01-January/2025-01-20-executive-order-14159.md"),
        stdout=StringIO(),
    )
    return {n: Action.objects.get(kind="executive_order", number=n) for n in ("13768", "13993")}


@pytest.mark.parametrize(
    ("number", "day", "status", "by"),
    [
        ("13768", date(2016, 1, 1), "not_yet_signed", None),
        ("13768", date(2020, 6, 1), "in_force", None),
        ("13768", date(2021, 1, 20), "revoked", "13993"),
        ("13768", date(2026, 1, 1), "revoked", "13993"),  # revoking 13993 revived nothing
        ("13993", date(2024, 1, 1), "in_force", None),
        ("13993", date(2025, 2, 1), "revoked", "14159"),
    ],
)
def test_status_on_a_day(chain, number, day, status, by):
    state = status_on(chain[number], day)
    assert state.status == status
    assert [r.source.number for r in state.by] == ([by] if by else [])


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Executive Order 13768 is revoked, effective July 1, 2025.", date(2025, 7, 1)),
        (
            "at 12:01 a.m. eastern daylight time on August 1, 2025, Proclamation 9645 is revoked",
            date(2025, 8, 1),
        ),
        (
            "This order is effective at 12:01 a.m. eastern standard time on February 1, 2025.",
            date(2025, 2, 1),
        ),
        ("Executive Order 13993 of January 20, 2021, is hereby revoked.", None),
    ],
)
def test_the_date_a_text_says_its_act_takes_effect(sentence, day):
    assert effective_date(sentence) == day


def ids(client, **params) -> set[int]:
    return {r["id"] for r in client.get("/api/actions/", params).json()["results"]}


def test_in_force_on_filters_the_api_and_the_list(client, chain):
    assert chain["13768"].pk in ids(client, in_force_on="2020-06-01")
    assert chain["13768"].pk not in ids(client, in_force_on="2021-02-01")
    assert chain["13993"].pk in ids(client, in_force_on="2021-02-01")
    assert chain["13993"].pk not in ids(client, in_force_on="2025-02-01")
    listed = client.get("/actions/", {"in_force_on": "2021-02-01"}).content.decode()
    assert "/eo/13993" in listed


def test_the_action_api_gives_status_on_a_day(client, chain):
    data = client.get(f"/api/actions/{chain['13768'].pk}/", {"as_of": "2021-02-01"}).json()
    assert data["status_on"]["status"] == "revoked" and not data["status_on"]["in_force"]
    assert data["status_on"]["by"][0]["number"] == "13993"
    assert data["status_on"]["by"][0]["effective_on"] == "2021-01-20"


def test_the_action_page_says_what_was_in_force_then(client, chain):
    before = client.get("/eo/13768", {"as_of": "2020-06-01"}).content.decode()
    assert "<strong>in force</strong>" in before
    after = client.get("/eo/13768", {"as_of": "2021-02-01"}).content.decode()
    assert "<strong>Revoked</strong>" in after and 'href="/eo/13993"' in after
    bad = client.get("/eo/13768", {"as_of": "last tuesday"})
    assert bad.status_code == 200 and "is not a date" in bad.content.decode()
