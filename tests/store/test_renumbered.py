"""An order whose sections another revoked and renumbered, on the page and in the API: EO
13716 (2016) revokes sections 5 through 7 and 15 of EO 13628 and renumbers 8-14 as 5-11 and
16-19 as 12-15. Real orders, both databases."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from actions.models import Action
from tests.conftest import CORPUS, require_shared

FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"


@pytest.fixture(scope="module")
def _orders(django_db_setup, django_db_blocker):
    require_shared()
    with django_db_blocker.unblock(), transaction.atomic():
        files = [FR / "EO_13628.xml", FR / "EO_13716.xml"]
        call_command("ingest", *map(str, files), stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def order(_orders, db):
    return Action.objects.get(kind="executive_order", number="13628")


def test_the_page_gives_each_section_its_own_anchor_and_its_former_number(client, order):
    html = client.get("/eo/13628/as-amended").content.decode()
    anchors = re.findall(r'<section class="amended-section" id="([^"]+)"', html)
    assert anchors[0] == "sec-preamble"  # the preamble before the sections
    anchors = anchors[1:]
    assert len(anchors) == len(set(anchors)) == 19
    assert "sec-5" in anchors and "sec-5-struck" in anchors
    assert "formerly Sec. 8" in html and "formerly Sec. 19" in html
    # the live section 5 (formerly 8) comes after the struck one, in the order's own order
    assert anchors.index("sec-5-struck") < anchors.index("sec-5")


def test_the_api_says_what_each_section_was(client, order):
    data = client.get(f"/api/actions/{order.pk}/text/").json()
    live = [(s["number"], s["formerly"]) for s in data["sections"] if not s["revoked"]]
    assert [number for number, _ in live] == [str(n) for n in range(1, 16)]
    assert ("5", "8") in live and ("12", "16") in live and ("1", None) in live
    struck = [s["number"] for s in data["sections"] if s["revoked"]]
    assert sorted(struck, key=int) == ["5", "6", "7", "15"]
