"""Pages, rendered through Django's test client on real data."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from actions.models import Action

pytestmark = pytest.mark.django_db


def test_home_has_a_search_box_and_the_latest_actions(client, seeded):
    html = client.get("/").content.decode()
    assert 'type="search"' in html and 'name="q"' in html
    assert "Protecting the National Security and Welfare" in html
    assert "Enhancing Public Safety in the Interior" in html


def test_action_page_of_eo_14385(client, eo):
    response = client.get("/eo/14385")
    html = response.content.decode()
    assert response.status_code == 200
    for needle in (
        "Executive Order 14385",
        'id="sec-1"',
        'id="sec-4"',
        "Providing CHRI to DHS",
        "DCPD202600090",
        "DONALD J. TRUMP",
        'href="/statutes/usc/6/122"',  # the citation is linked in place
        "/eo/13768",  # related, with its reason
        "shared agencies",
        "quotes the order",  # the news article
        "official publication",
    ):
        assert needle in html, needle


def test_action_page_of_eo_13768_links_back_and_to_commentary(client, eo):
    html = client.get("/eo/13768").content.decode()
    assert 'id="sec-18"' in html
    assert "/eo/14385" in html
    assert "Immigrants are caught in a complex" in html
    assert "82 FR 8799" in html
    assert "Exec. Order No. 13768, 82 Fed. Reg. 8799 (Jan. 30, 2017)." in html


def test_slashed_and_id_urls_redirect_to_the_canonical_one(client, eo):
    assert client.get("/eo/14385/").headers["Location"] == "/eo/14385"
    assert client.get(f"/actions/{eo('14385').pk}/").headers["Location"] == "/eo/14385"
    assert client.get("/eo/99999").status_code == 404


def test_search_page_shows_highlighted_snippets_and_facets(client, seeded):
    html = client.get("/search/", {"q": "287(g)"}).content.decode()
    assert "<mark>287(g)</mark>" in html
    assert 'href="/eo/13768#sec-8"' in html
    assert "1 action" in html


def test_empty_and_unmatched_queries_get_help(client, seeded):
    html = client.get("/search/", {"q": "zzzznotaword"}).content.decode()
    assert "Nothing in the archive matches" in html
    assert "8 U.S.C. 1357" in html  # suggestions


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"unbalanced ('},
        {"q": "x", "signed_after": "not-a-date"},
        {"page": "abc"},
        {"page": "999999"},
        {"kind": "bogus"},
        {"q": "a" * 5000},
        {"sort": "sideways"},
        {"statute": "nonsense"},
    ],
)
def test_bad_requests_never_give_a_server_error(client, seeded, params):
    assert client.get("/search/", params).status_code == 200


def test_browse_filters(client, seeded):
    html = client.get("/actions/", {"kind": "executive_order", "year": "2017"}).content.decode()
    assert "Enhancing Public Safety" in html and "Protecting the National" not in html


def test_statute_agency_and_president_pages(client, seeded):
    assert "Enhancing Public Safety" in client.get("/statutes/usc/8/1357").content.decode()
    assert "8 U.S.C. 1357" in client.get("/statutes/").content.decode()
    assert "Enhancing Public Safety" in client.get("/agencies/homeland-security/").content.decode()
    assert client.get("/agencies/").status_code == 200
    assert "Donald J. Trump" in client.get("/presidents/").content.decode()
    trump = client.get("/presidents/donald-j-trump/").content.decode()
    assert "Executive Order" in trump


def test_admin_is_behind_login_and_lists_every_model(client, seeded):
    assert client.get("/admin/").status_code == 302
    User.objects.create_superuser("curator", "c@example.org", "a-long-password-1")
    client.login(username="curator", password="a-long-password-1")
    from django.contrib import admin

    for model in admin.site._registry:
        if model._meta.app_label != "actions":
            continue
        url = reverse(f"admin:actions_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
    action = Action.objects.get(number="13768")
    assert client.get(reverse("admin:actions_action_change", args=[action.pk])).status_code == 200


def test_statute_hierarchy_title_page(client, seeded):
    html = client.get("/statutes/usc/8").content.decode()
    assert "8 U.S.C. 1357" in html and "8 U.S.C. 1182" in html
    assert client.get("/statutes/usc/99").status_code == 404
    assert 'href="/statutes/usc/8"' in client.get("/statutes/usc/8/1357").content.decode()


def test_timeline_counts_every_action_by_year_and_kind(client, seeded):
    from actions.models import Action

    page = client.get("/timeline/")
    assert page.status_code == 200
    years = page.context["years"]
    assert sum(total for _, _, total, _ in years) == Action.objects.exclude(signed_on=None).count()
    assert "?year=2017&amp;kind=executive_order" in page.content.decode()
    assert "<svg" in page.content.decode() and "Donald J. Trump" in page.content.decode()


def test_charts_on_president_agency_and_statute_pages(client, seeded):
    from actions.models import Agency, President

    president = President.objects.filter(actions__isnull=False).first()
    agency = Agency.objects.filter(mentions__isnull=False).first()
    for url in (
        president.get_absolute_url(),
        agency.get_absolute_url(),
        "/statutes/usc/8/1357",
    ):
        html = client.get(url).content.decode()
        assert '<svg class="chart"' in html, url
        assert "&amp;year=" in html or "year=" in html


def test_facets_cover_agency_statute_title_and_status(client, seeded):
    page = client.get("/search/", {"q": "immigration"})
    facets = page.context["facets"]
    assert set(facets) == {"kind", "president", "year", "agency", "statute", "status"}
    assert ("homeland-security", "Department of Homeland Security") in [
        (v, label) for v, label, _ in facets["agency"]
    ]
    title_8 = [n for v, _, n in facets["statute"] if v == "8 U.S.C."]
    assert title_8 and title_8[0] >= 1
    # The title facet's link filters to actions citing any section of title 8.
    narrowed = client.get("/search/", {"q": "immigration", "statute": "8 U.S.C."})
    assert narrowed.context["total"] == title_8[0]


def test_facet_links_replace_their_own_filter_and_the_form_keeps_the_choices(client, seeded):
    import re

    html = client.get(
        "/search/", {"q": "immigration", "kind": "executive_order", "sort": "newest"}
    ).content.decode()
    kind_links = re.findall(r'href="(\?[^"]*kind=[^"]*)"', html)
    assert kind_links and all(link.count("kind=") == 1 for link in kind_links)
    assert all("q=immigration" in link and "sort=newest" in link for link in kind_links)
    assert re.search(r'<option value="executive_order" selected>Executive Order<', html)
    assert re.search(r'<option value="newest" selected>', html)
    assert '<option value="donald-j-trump">Donald J. Trump<' in html  # the presidents to choose


def test_browse_by_term_of_a_president_with_two(client, seeded):
    """Donald J. Trump's 45th and 47th presidencies are two terms: EO 13768 is in the first."""
    first = client.get("/actions/", {"term": "45"})
    assert [h["action"].number for h in first.context["hits"]] == ["13768"]
    second = client.get("/actions/", {"term": "47"})
    assert [h["action"].number for h in second.context["hits"]] == ["14385"]
    page = client.get("/presidents/donald-j-trump/").content.decode()
    assert "?term=45" in page and "?term=47" in page


def test_pages_are_cached_until_the_archive_changes(client, seeded, settings, tmp_path):
    from django.core.cache import cache
    from django.core.management import call_command

    from actions.models import Action
    from tests.conftest import CORPUS

    cache.clear()
    settings.ARCHIVE_PAGE_CACHE_SECONDS = 600
    first = client.get("/eo/13768").content
    Action.objects.filter(number="13768").update(title="Changed behind the cache's back")
    assert client.get("/eo/13768").content == first  # served from the cache
    # An ingest changes the archive: every cached page retires.
    folder = CORPUS / "fr-eo-1994-2020" / "executive_orders"
    call_command("ingest", "--no-relate", str(folder / "EO_13767.json"), stdout=StringIO())
    assert b"Changed behind" in client.get("/eo/13768").content


def test_appendix_sections_have_their_own_pages(client, db):
    """`50 U.S.C. App. 2401` is not `50 U.S.C. 2401`: each has a page of its own."""
    from actions.models import Statute

    appendix = Statute.objects.create(
        kind="usc", key="50 U.S.C. App. 2401", title="50", section="2401"
    )
    proper = Statute.objects.create(kind="usc", key="50 U.S.C. 2401", title="50", section="2401")
    assert appendix.get_absolute_url() != proper.get_absolute_url()
    for statute in (appendix, proper):
        page = client.get(statute.get_absolute_url())
        assert page.status_code == 200 and page.context["statute"] == statute
        assert client.get(statute.feed_url).status_code == 200


def test_statutes_cited_link_here_and_to_the_official_text(client, eo):
    html = client.get("/eo/13768").content.decode()
    assert 'href="/statutes/usc/8/1357"' in html
    assert 'href="https://uscode.house.gov/' in html or 'href="https://www.law.cornell.edu/' in html
