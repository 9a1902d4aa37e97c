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
