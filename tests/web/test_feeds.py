"""Atom feeds checked as a feed validator would: feedparser's bozo flag and the elements RFC
4287 requires (feed id, title, updated; each entry's absolute id, title, updated, link)."""

from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest


def valid_feed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.id and feed.feed.title and feed.feed.updated
    for entry in feed.entries:
        assert urlsplit(entry.id).scheme in {"http", "https"}, entry.id  # an absolute IRI
        assert entry.title and entry.updated and entry.link
    return feed


@pytest.mark.parametrize(
    ("params", "title"),
    [
        ("q=immigration", "Presidential actions: “immigration”"),
        (
            "q=immigration&agency=DHS&directed=true",
            "Presidential actions: “immigration” · Agency: Department of Homeland Security, "
            "directed",
        ),
        ("kind=executive_order", "Presidential actions: Kind: Executive Order"),
        ("", "Presidential actions: all"),
    ],
)
def test_search_feeds_are_titled_after_their_query_and_point_to_themselves(
    client, seeded, params, title
):
    feed = valid_feed(client, f"/feeds/search/?{params}")
    assert feed.feed.title == title
    (self_link,) = [link for link in feed.feed.links if link.rel == "self"]
    assert parse_qs(urlsplit(self_link.href).query) == parse_qs(params)
    assert urlsplit(self_link.href).path == "/feeds/search/"


def test_statute_agency_and_president_feeds_are_valid(client, eo):
    order = eo("13768")
    statute = order.citations.select_related("statute").first().statute
    agency = order.agency_mentions.select_related("agency").first().agency
    for url in (statute.feed_url, agency.feed_url, order.president.feed_url):
        assert valid_feed(client, url).entries, url
