"""The JSON API on real data."""

import pytest

pytestmark = pytest.mark.django_db


def test_list_with_total_and_items(client, seeded):
    data = client.get("/api/actions/").json()
    assert data["count"] == 2
    item = data["results"][0]
    assert set(item) >= {"id", "kind", "number", "title", "signed_on", "president", "url"}


def test_search_through_the_api(client, seeded):
    data = client.get("/api/actions/", {"q": "8 U.S.C. 1357"}).json()
    assert [r["number"] for r in data["results"]] == ["13768"]
    assert "<mark>" in data["results"][0]["snippet"]


def test_pages_reach_every_result(client, seeded):
    first = client.get("/api/actions/", {"page_size": 1}).json()
    assert first["count"] == 2 and first["next"] and first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["next"] is None
    assert {first["results"][0]["id"], second["results"][0]["id"]} == {
        a["id"] for a in client.get("/api/actions/").json()["results"]
    }


def test_detail(client, eo):
    data = client.get(f"/api/actions/{eo('13768').pk}/").json()
    assert data["number"] == "13768" and data["fr_citation"] == "82 FR 8799"
    assert data["signer"] == "DONALD J. TRUMP"
    assert len(data["sections"]) == 18 and data["sections"][7]["anchor"] == "sec-8"
    cites = {(c["key"], c["pin"], c["via"], c["section"]) for c in data["citations"]}
    assert ("8 U.S.C. 1357", "(g)", "INA 287(g)", "8") in cites
    assert ("8 U.S.C. 1357", "(g)", None, "8") in cites
    assert {s["kind"] for s in data["sources"]} == {
        "federal_register_json",
        "whitehouse_legacy_markdown",
    }
    assert all(len(s["sha256"]) == 64 for s in data["sources"])
    related = [r for r in data["relations"] if r["kind"] == "related"]
    assert {r["target_number"] for r in related} == {"14385"}
    assert data["commentary"][0]["title"].startswith("Immigrants are caught")


def test_bad_api_requests(client, seeded):
    assert client.get("/api/actions/99999/").status_code == 404
    assert client.get("/api/actions/", {"page": "x"}).status_code in {400, 422}
    assert client.get("/api/actions/", {"signed_after": "nope"}).status_code == 400
    assert client.get("/api/actions/", {"q": '"(('}).status_code == 200


def test_openapi_schema(client):
    schema = client.get("/api/schema/").json()
    assert "/api/actions/" in schema["paths"]


def test_field_selection(client, eo):
    data = client.get("/api/actions/", {"fields": "number,title"}).json()
    assert all(set(item) == {"number", "title"} for item in data["results"])
    order = eo("13768")
    detail = client.get(f"/api/actions/{order.pk}/", {"fields": "id,agencies"}).json()
    assert set(detail) == {"id", "agencies"}
    dhs = [a for a in detail["agencies"] if a["slug"] == "homeland-security"]
    assert dhs and any(a["directed"] for a in dhs)
    assert client.get("/api/actions/", {"fields": "title,nonsense"}).status_code == 400


def test_statutes_index_and_detail(client, eo):
    index = client.get("/api/statutes/", {"title": "8", "page_size": 200}).json()
    keys = {row["key"]: row for row in index["results"]}
    assert index["count"] == len(keys) and "8 U.S.C. 1357" in keys
    assert keys["8 U.S.C. 1357"]["actions"] == 1
    detail = client.get(f"/api/statutes/{keys['8 U.S.C. 1357']['id']}/").json()
    assert {"pin": "(g)", "actions": 1} in detail["pins"]
    assert [a["number"] for a in detail["citing"]["results"]] == ["13768"]
    assert detail["official_url"].startswith("https://")
    assert client.get("/api/statutes/999999/").status_code == 404


def test_agencies_presidents_and_relations(client, eo):
    agencies = {a["slug"]: a for a in client.get("/api/agencies/").json()}
    assert agencies["homeland-security"]["actions"] == 2
    dhs = client.get("/api/agencies/homeland-security/", {"directed": "true"}).json()
    assert dhs["naming"]["count"] == dhs["directed"] >= 1
    presidents = client.get("/api/presidents/").json()
    trump = next(p for p in presidents if p["slug"] == "donald-j-trump")
    assert trump["actions"] == 2 and len(trump["terms"]) == 2
    detail = client.get("/api/presidents/donald-j-trump/").json()
    assert {"value": "executive_order", "actions": 2} in detail["by_kind"]


def test_relations_both_ways(client, db):
    """EO 13780's text revokes EO 13769; the FR's notes on EO 13769 say "See: EO 13780"."""
    from io import StringIO

    from django.core.management import call_command

    from actions.models import Action
    from tests.conftest import CORPUS, require_shared

    require_shared()
    folder = CORPUS / "fr-eo-1994-2020" / "executive_orders"
    files = [folder / "EO_13780.xml", folder / "EO_13769.json"]
    call_command("ingest", "--no-relate", *map(str, files), stdout=StringIO())
    revoked = Action.objects.get(kind="executive_order", number="13769")
    data = client.get("/api/relations/", {"action": revoked.pk}).json()
    kinds = {(r["kind"], r["origin"], r["source_label"], r["target_id"]) for r in data["results"]}
    assert ("revokes", "text", "EO 13780", revoked.pk) in kinds
    assert ("see_also", "fr_notes", "EO 13769") in {(k, o, s) for k, o, s, _ in kinds}
    text_only = client.get("/api/relations/", {"origin": "text", "kind": "revokes"}).json()
    assert text_only["count"] == len(text_only["results"]) >= 1


def test_api_docs_are_served_from_this_site(client):
    html = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "cdn." not in html
