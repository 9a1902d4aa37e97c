"""Every page and API answer runs a fixed number of queries, whatever the size of what it
shows (no N+1), pinned exactly on both databases so that a change in either direction is
seen. Counted in the steady state, as a running server serves them: after a first request
has built what a process keeps (the facet index, the parse of a quoted phrase)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

# (address, queries on SQLite, queries on PostgreSQL)
PAGES = [
    ("/", 2, 2),
    ("/eo/13768", 5, 5),  # the action and its page row, relations (2), related, commentary
    ("/eo/14385", 5, 5),
    ("/search/?q=immigration", 8, 8),  # + the archive version, for the coverage notes
    ("/search/?q=8+U.S.C.+1357", 9, 9),
    ("/actions/", 5, 5),
    ("/statutes/", 2, 2),  # the U.S. Code by title, then the other kinds
    ("/statutes/usc/8/1357", 7, 7),  # with the citing orders by pin
    ("/agencies/", 1, 1),
    ("/presidents/", 2, 2),
    ("/presidents/donald-j-trump/", 10, 10),  # + its year span and the archive version
    ("/timeline/", 3, 3),  # + the archive version, for the gaps
    ("/api/actions/?q=immigration", 6, 6),
    ("/api/statutes/", 2, 2),
    ("/feeds/search/?q=immigration", 1, 1),
    ("/search/export.csv?q=immigration", 1, 1),
]


@pytest.mark.parametrize(("url", "sqlite", "postgresql"), PAGES)
def test_pages_run_a_fixed_number_of_queries(
    client, seeded, django_assert_num_queries, url, sqlite, postgresql
):
    expected = postgresql if connection.vendor == "postgresql" else sqlite
    client.get(url)  # what a process builds once and keeps
    with django_assert_num_queries(expected):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200


def test_the_api_reads_an_action_in_full_in_a_fixed_number_of_queries(
    client, eo, django_assert_num_queries
):
    # The action looked up by id, then read in full (`read_details`: its rows, its stated
    # relations both ways, its computed links); the page reads its page row instead.
    with django_assert_num_queries(14):
        assert client.get(f"/api/actions/{eo('13768').pk}/").status_code == 200
