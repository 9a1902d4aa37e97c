"""Generated requests never give a server error (hypothesis): search syntax of both engines,
quotes, parentheses, long queries, filters and page numbers out of range, on real data."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

SYNTAX = [
    '"',
    "(",
    ")",
    "*",
    "-",
    ":",
    "^",
    "NEAR",
    "AND",
    "OR",
    "NOT",
    "&",
    "|",
    "!",
    "<->",
    "''",
    "\\",
    "{",
    "}",
    "[",
    "]",
    "8 U.S.C. 1357",
    "§",
    "EO 13768",
    "DHS",
    "2017-02102",
    "title:",
    "+",
    "~",
    "%",
    "_",
    "\u00a0",
    "\u200b",
    "😀",
    "\ufffd",
]
queries = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(SYNTAX) | st.text(max_size=8), max_size=12).map(" ".join),
    st.text(min_size=2000, max_size=10000, alphabet='ab ()"-*'),
)
numbers = st.one_of(st.integers(), st.text(max_size=12), st.just("1e400"), st.just("-0"))
filters = st.fixed_dictionaries(
    {},
    optional={
        "kind": st.sampled_from(["executive_order", "proclamation", "", "x", "Executive_Order"]),
        "year": numbers,
        "term": numbers,
        "page": numbers,
        "page_size": numbers,
        "signed_after": st.text(max_size=12),
        "signed_before": st.sampled_from(["2017-01-01", "0000-00-00", "9999-99-99", "yesterday"]),
        "statute": st.sampled_from(["8 U.S.C. 1357", "8 U.S.C.", "8 U.S.C. 1357(g", "99 U.S.C. x"]),
        "agency": st.text(max_size=20),
        "status": st.sampled_from(["revoked", "in_force", "nonsense"]),
        "sort": st.sampled_from(["relevance", "newest", "oldest", "random"]),
        "rows": st.sampled_from(["citations", "actions", ""]),
        "fields": st.sampled_from(["id", "id,title", "nope", ""]),
    },
)


@settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=queries, params=filters)
def test_search_and_filters_never_fail(client, seeded, query, params):
    query = query.replace("\x00", "")  # a NUL byte is refused with a 400 (tested apart)
    for url in ("/search/", "/api/actions/", "/search/export.csv", "/feeds/search/"):
        response = client.get(url, {"q": query, **params})
        if response.streaming:
            b"".join(response.streaming_content)
        assert response.status_code < 500, (url, query[:80], params)
