"""Page fixes a reader meets: addresses without the slash, the favicon, error pages, the
copies compared named in words and listed once."""

import pytest

from actions.models import Action


@pytest.mark.parametrize(
    ("address", "canonical"),
    [
        ("/agencies/homeland-security", "/agencies/homeland-security/"),
        ("/presidents/donald-j-trump", "/presidents/donald-j-trump/"),
    ],
)
def test_browse_pages_without_their_slash_redirect(client, seeded, address, canonical):
    response = client.get(address)
    assert response.status_code == 301 and response["Location"] == canonical
    assert client.get(canonical).status_code == 200


def test_the_favicon_is_served(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


def test_a_missing_page_is_the_archives_own_404(client, db):
    response = client.get("/eo/99999")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Not in the archive" in html and 'name="q"' in html and "URLconf" not in html


def test_the_500_page_renders_without_a_request_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html


def test_compared_copies_are_named_in_words_and_listed_once(client, seeded):
    for action in Action.objects.all():
        if action.sources.exclude(text="").count() < 2:
            continue
        response = client.get(f"/actions/{action.pk}/compare/")
        if response.status_code == 404:  # two files with the same bytes are one copy
            continue
        sources = response.context["sources"]
        assert len({s.sha256 for s in sources}) == len(sources)
        html = response.content.decode()
        assert "dcpd_text" not in html and "whitehouse_markdown" not in html


def test_presidents_are_offered_latest_first(client, seeded):
    """Not by first name: the latest presidency first."""
    from io import StringIO

    from django.core.management import call_command

    from tests.conftest import CORPUS

    orders = CORPUS / "eo-markdown-1933-2025" / "Presidential_Executive_Orders"
    older = [
        next((orders / folder).rglob("*.md"))
        for folder in ("barack-obama", "joe-biden", "george-w-bush")
    ]
    call_command("ingest", *map(str, older), stdout=StringIO())
    names = [name for _, name in client.get("/actions/").context["president_choices"]]
    assert names == ["Donald J. Trump", "Joseph R. Biden Jr.", "Barack Obama", "George W. Bush"]


def test_a_very_long_query_is_cut_and_said_so(client, seeded):
    """A pasted paragraph: searched on its first 500 characters, the page says so, and the
    heading does not echo 3,000 characters."""
    from actions.models import Section

    paragraph = " ".join(Section.objects.filter(text__contains="Homeland").first().text.split())
    long_query = (paragraph + " ") * (1 + 3000 // max(1, len(paragraph)))
    page = client.get("/search/", {"q": long_query})
    assert page.status_code == 200
    html = page.content.decode()
    assert "was longer than 500 characters" in html
    assert len(page.context["query"]) <= 500
    assert page.context["total"] >= 1  # its own section matches its first 500 characters
    heading = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert len(heading) < 200


def test_a_result_title_opens_the_page_at_its_top_and_the_snippet_at_its_section(client, seeded):
    """The status badge stands in the page's header: the title link lands there; the
    snippet's "Sec. N" link lands on the quoted section."""
    html = client.get("/search/", {"q": "287(g)"}).content.decode()
    assert '<h3 class="result-title"><a href="/eo/13768">' in html
    assert 'class="snippet-where" href="/eo/13768#sec-8"' in html


def test_past_the_last_page_says_so(client, seeded):
    page = client.get("/actions/", {"page": "999"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Page ?" not in html and "past the last page of results" in html
