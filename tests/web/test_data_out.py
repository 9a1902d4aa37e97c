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


@pytest.mark.django_db
def test_sitemap_lists_every_action_at_its_canonical_address(client, seeded):
    from lxml import etree

    index = etree.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sections = [loc.text for loc in index.findall(".//s:loc", ns)]
    actions_map = next(url for url in sections if "sitemap-actions" in url)
    urls = etree.fromstring(client.get(actions_map.replace("http://testserver", "")).content)
    locs = {loc.text.replace("http://testserver", "") for loc in urls.findall(".//s:loc", ns)}
    assert locs == {a.get_absolute_url() for a in Action.objects.all()}
    assert urls.findall(".//s:lastmod", ns)


@pytest.mark.django_db
def test_alternate_addresses_redirect_to_the_canonical_one(client, seeded):
    for alternate in ("/executive-order/13768", "/EO/13768/", "/eo/013768", "/eo/13768/"):
        response = client.get(alternate)
        assert response.status_code == 301, alternate
        assert response["Location"] == "/eo/13768", alternate
    assert client.get("/executive-order/99999").status_code == 404
    assert client.get("/nonsense/13768").status_code == 404


@pytest.mark.django_db
def test_http_caching_with_etag_and_last_modified(client, seeded):
    for url in ("/eo/13768", "/api/actions/", "/statutes/usc/8/1357"):
        first = client.get(url)
        assert first.status_code == 200 and first["ETag"]
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
    page = client.get("/eo/13768")
    assert page["Last-Modified"]
    assert client.get("/eo/13768", HTTP_IF_MODIFIED_SINCE=page["Last-Modified"]).status_code == 304


@pytest.mark.django_db
def test_anonymous_api_clients_are_rate_limited(client, seeded, settings):
    from django.core.cache import cache

    cache.clear()
    settings.ARCHIVE_API_RATE_LIMIT = "3/m"
    answers = [client.get("/api/actions/", {"page_size": 1}) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    limited = answers[-1]
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "Too many requests" in limited.json()["detail"]
    assert answers[0]["Content-Type"].startswith("application/json")
    assert client.get("/eo/13768").status_code == 200  # pages are not limited
    settings.ARCHIVE_API_RATE_LIMIT = ""
    assert client.get("/api/actions/").status_code == 200


@pytest.mark.django_db
def test_hostile_parameters_never_give_a_server_error(client, seeded):
    hostile = [
        {"year": "99999999999999999999"},
        {"year": "1e400"},
        {"signed_after": "0000-00-00"},
        {"page": "99999999999999999999999"},
        {"page_size": "-5"},
        {"president": "x" * 500},
        {"statute": "8 U.S.C. 1357(((("},
        {"q": "\x00"},
        {"q": '"'},
        {"q": "(("},
        {"q": "NEAR(a b)"},
        {"q": "a" * 10000},
        {"kind": "zzz", "sort": "zzz"},
        {"q": "title:foo -"},
        {"fields": "id,\x00"},
    ]
    for params in hostile:
        for url in ("/search/", "/api/actions/", "/search/export.csv", "/feeds/search/"):
            response = client.get(url, params)
            if response.streaming:
                b"".join(response.streaming_content)
            assert response.status_code < 500, (url, params)


@pytest.mark.django_db
def test_a_nul_byte_is_a_plain_bad_request(client, seeded):
    for url in ("/search/", "/api/relations/", "/api/actions/"):
        response = client.get(url, {"kind": "a\x00b"})
        assert response.status_code == 400
        assert "NUL" in response.content.decode()
