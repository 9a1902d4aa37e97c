"""The kinds read from whitehouse.gov pages on the site: canonical addresses for the numbered
series, facets and filters that follow the vocabulary, statements kept out of the actions."""

from io import StringIO

import pytest
from django.core.management import call_command

from actions.models import Action, Commentary
from tests.conftest import CORPUS

pytestmark = pytest.mark.django_db
PAGES = CORPUS / "whitehouse-2021-2026" / "presidential-actions"


def ingest(*patterns: str) -> None:
    paths = [p for pattern in patterns for p in sorted(PAGES.glob(pattern))]
    assert paths, patterns
    call_command("ingest", *map(str, paths), stdout=StringIO(), stderr=StringIO())


def test_numbered_series_have_canonical_addresses(client):
    ingest(
        "2025-02/2025-02-04-national-security-presidential-memorandum-nspm-2*",
        "2022-11/2022-11-10-national-security-memorandum*",
        "2021-12/2021-12-21-memorandum-on-the-presidential-determination-pursuant-to-section-303*",
    )
    nspm = Action.objects.get(kind="nspm")
    assert nspm.get_absolute_url() == "/nspm/2" and nspm.short_label == "NSPM-2"
    page = client.get("/nspm/2")
    assert page.status_code == 200 and "National Security Presidential Memorandum 2" in (
        page.content.decode()
    )
    assert client.get("/nsm/16").status_code == 200
    determination = Action.objects.get(kind="determination")
    assert client.get(determination.get_absolute_url()).status_code == 200
    assert determination.get_absolute_url() == f"/determination/{determination.number}"


def test_statements_are_commentary_not_actions(client):
    ingest(
        "2021-04/2021-04-27-readout-of-jake-sullivan*",
        "2022-12/2022-12-13-press-briefing-by-press-secretary-karine-jean-pierre-9*",
        "2025-01/2025-01-20-hiring-freeze*",
    )
    assert Action.objects.count() == 1 and Commentary.objects.count() == 2
    home = client.get("/").content.decode()
    assert "Hiring Freeze" in home and "Readout of Jake Sullivan" not in home


def test_the_kind_filter_and_facet_know_every_new_kind(client):
    ingest(
        "2023-07/2023-07-06-presidential-permit*",
        "2023-01/2023-01-16-president-joseph-r-biden-jr-approves-georgia-disaster*",
        "2021-05/2021-05-28-sequestration-order*",
    )
    listed = client.get("/actions/", {"kind": "disaster_declaration"})
    assert listed.status_code == 200
    assert "Georgia Disaster Declaration" in listed.content.decode()
    facets = dict((k, n) for k, _, n in listed.context["facets"]["kind"])
    assert facets == {"disaster_declaration": 1}
    everything = client.get("/actions/").context["facets"]["kind"]
    assert {k for k, _, _ in everything} == {"permit", "disaster_declaration", "order"}
    api = client.get("/api/actions/", {"kind": "permit"}).json()
    assert api["count"] == 1 and api["results"][0]["kind"] == "permit"
