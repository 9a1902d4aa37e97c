"""Data out: CSV exports of any selection, Atom feeds, advertised on their pages."""

import csv
import io

import feedparser
import pytest

from actions.models import Action, Citation


def _csv(response) -> list[dict]:
    assert response.streaming, "CSV must be streamed"
    body = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(body)))


@pytest.mark.django_db
def test_csv_of_a_search_lists_every_match(client, seeded):
    page = client.get("/search/", {"q": "immigration"})
    rows = _csv(client.get("/search/export.csv", {"q": "immigration"}))
    assert len(rows) == page.context["total"] > 0
    assert {"kind", "number", "title", "signed_on", "url"} <= set(rows[0])
    assert any(row["number"] == "13768" for row in rows)
    assert all(row["url"].startswith("http://testserver/") for row in rows)
    # The results page links to both exports.
    assert "/search/export.csv?q=immigration" in page.content.decode()
    assert "rows=citations" in page.content.decode()


@pytest.mark.django_db
def test_csv_of_a_filtered_list_and_of_citations(client, seeded):
    rows = _csv(client.get("/search/export.csv", {"kind": "executive_order"}))
    assert len(rows) == Action.objects.filter(kind="executive_order").count()
    cites = _csv(client.get("/search/export.csv", {"q": "EO 13768", "rows": "citations"}))
    order = Action.objects.get(kind="executive_order", number="13768")
    assert len(cites) >= Citation.objects.filter(action=order).count() > 0
    pins = {(row["statute"], row["pin"]) for row in cites if row["action_number"] == "13768"}
    assert ("8 U.S.C. 1357", "(g)") in pins
    resolved = [row for row in cites if row["resolved_from"]]
    assert resolved and resolved[0]["resolved_from"].startswith("INA")


def _feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    return parsed


@pytest.mark.django_db
def test_atom_feeds_parse_and_are_advertised(client, seeded):
    from actions.models import Agency, President, Statute

    statute = Statute.objects.get(key="8 U.S.C. 1357")
    feed = _feed(client, statute.feed_url)
    assert [e.link.rsplit("/", 2)[-2:] for e in feed.entries] == [["eo", "13768"]]
    assert feed.entries[0].updated and "Enhancing Public Safety" in feed.entries[0].title
    agency = Agency.objects.get(slug="homeland-security")
    president = President.objects.filter(actions__isnull=False).first()
    for page_url, feed_url in (
        (statute.get_absolute_url(), statute.feed_url),
        (agency.get_absolute_url(), agency.feed_url),
        (president.get_absolute_url(), president.feed_url),
        ("/search/?q=immigration", "/feeds/search/?q=immigration"),
    ):
        html = client.get(page_url).content.decode()
        assert 'rel="alternate" type="application/atom+xml"' in html
        assert feed_url in html, page_url
        assert _feed(client, feed_url).entries
    search = _feed(client, "/feeds/search/?q=immigration&kind=executive_order")
    assert all("/eo/" in entry.link for entry in search.entries)
    assert client.get("/feeds/agencies/no-such-agency/").status_code == 404
