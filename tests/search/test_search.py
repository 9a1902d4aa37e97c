"""Search on whichever database the suite runs on (SQLite FTS5 or PostgreSQL tsvector)."""

import re

import pytest

from actions.models import Action
from actions.search import search_actions
from actions.search.query import fts5_expression, parse_query

pytestmark = pytest.mark.django_db


def numbers(query: str, **filters) -> list[str]:
    results = search_actions(query, Action.objects.filter(**filters))
    return [hit.action.number for hit in results.page(0, 20)]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("6 U.S.C. 122", ["14385"]),
        ("287(g)", ["13768"]),
        ("8 U.S.C. 1357", ["13768"]),  # also through `section 287(g) of the INA`
        ("8 U.S.C. 1357(g)", ["13768"]),
        ("section 287(g) of the INA", ["13768"]),
        ('"secure communities"', ["13768"]),
        ('"criminal history record information"', ["14385"]),
        ("sanctuary", ["13768"]),
        ("immigration -sanctuary", ["14385"]),
        ("CHRI or sanctuary", None),  # either: both orders
        ("nothingmatchesthis", []),
    ],
)
def test_queries(seeded, query, expected):
    found = numbers(query)
    if expected is None:
        assert sorted(found) == ["13768", "14385"]
    else:
        assert found == expected


@pytest.mark.parametrize("query", ["EO 13768", "Executive Order 13768", "82 FR 8799", "2017-02102"])
def test_an_identifier_puts_its_action_first(seeded, query):
    hits = search_actions(query).page(0, 20)
    assert hits[0].action.number == "13768" and hits[0].pinned


def test_dcpd_number_finds_its_action(seeded):
    hits = search_actions("DCPD202600090").page(0, 20)
    assert [h.action.number for h in hits] == ["14385"]


def test_agency_names_match_the_agency_index(seeded):
    assert sorted(numbers("Department of Homeland Security")) == ["13768", "14385"]
    # "Office of Personnel Management" is named only in EO 13768.
    assert numbers("Office of Personnel Management") == ["13768"]


def test_snippet_is_highlighted_and_points_at_the_section(seeded):
    (hit,) = search_actions("287(g)").page(0, 20)
    assert hit.snippet.anchor == "sec-8"
    assert "<mark>287(g)</mark>" in hit.snippet.html


def test_statute_query_highlights_the_act_form_it_resolved(seeded):
    (hit,) = search_actions("8 U.S.C. 1357").page(0, 20)
    assert "<mark>" in hit.snippet.html
    assert hit.snippet.anchor in {"sec-7", "sec-8"}


def test_snippets_escape_source_text(seeded):
    (hit,) = search_actions("sanctuary").page(0, 20)
    html = str(hit.snippet.html)
    assert "<mark>" in html and "<script" not in html


def test_filters_combine_with_text(seeded):
    assert numbers("immigration", signed_on__year=2017) == ["13768"]
    assert numbers("immigration", kind="proclamation") == []


def test_counts_and_pages_are_honest(seeded):
    results = search_actions("immigration")
    assert results.count() == 2
    first, second = results.page(0, 1), results.page(1, 1)
    assert len(first) == len(second) == 1
    assert first[0].action != second[0].action
    assert results.page(2, 1) == []


def test_sort_by_date(seeded):
    newest = [h.action.number for h in search_actions("immigration").page(0, 5, "newest")]
    oldest = [h.action.number for h in search_actions("immigration").page(0, 5, "oldest")]
    assert newest == ["14385", "13768"] and oldest == ["13768", "14385"]


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "a AND (b", "NEAR(a b)", "*", "col:umn", "-", "--x", "OR", '"" OR ""', "\x00x"],
)
def test_syntax_in_queries_is_never_an_error(seeded, query):
    results = search_actions(query)
    results.count()
    results.page(0, 20)


def test_query_parsing():
    query = parse_query('"secure communities" immigration or asylum -sanctuary 8 U.S.C. 1357(g)')
    assert [[t.words for t in group] for group in query.groups] == [
        [["secure", "communities"]],
        [["immigration"], ["asylum"]],
    ]
    assert [t.words for t in query.negated] == [["sanctuary"]]
    assert [(e.kind, e.key, e.pin) for e in query.entities] == [("statute", "8 U.S.C. 1357", "(g)")]
    assert fts5_expression(query.groups, query.negated) == (
        '("secure communities" AND ("immigration" OR "asylum")) NOT "sanctuary"'
    )


@pytest.fixture
def long_sections(db):
    """A real order whose sections run to thousands of characters (EO 13807, from its FR XML)."""
    from io import StringIO

    from django.core.management import call_command

    from tests.conftest import CORPUS, require_shared

    require_shared()
    path = CORPUS / "fr-eo-1994-2020" / "executive_orders" / "EO_13807.xml"
    call_command("ingest", "--no-relate", str(path), stdout=StringIO())
    return Action.objects.get(kind="executive_order", number="13807")


def test_a_match_deep_in_a_long_section_is_quoted_from_where_it_is(long_sections):
    import re

    from actions.search.units import SLICE

    order = long_sections
    whole = "\n".join([order.preamble, *(s.text for s in order.sections.all())]).lower()
    section = max(order.sections.all(), key=lambda s: len(s.text))
    assert len(section.text) > 2 * SLICE
    # A word printed once in the whole order, past the first slice of its longest section.
    late = [
        word
        for word in dict.fromkeys(re.findall(r"[a-z]{7,}", section.text.lower()))
        if whole.count(word[:6]) == 1 and section.text.lower().find(word) > SLICE
    ]
    assert late
    (hit,) = search_actions(late[0], Action.objects.filter(pk=order.pk)).page(0, 20)
    assert hit.snippet.anchor == f"sec-{section.number}"
    assert str(hit.snippet.html).startswith("… ")
    assert re.search(rf"<mark>{late[0][:6]}", str(hit.snippet.html), re.IGNORECASE)


@pytest.mark.parametrize("query", ["criminal", "immigration", "secretary", "homeland security"])
def test_snippets_start_and_end_on_whole_words(seeded, query):
    """Never "… rgency unless": the window begins after a space or at the unit's start."""
    from actions.models import Action
    from actions.search import search_actions

    results = search_actions(query, Action.objects.all())
    hits = results.page(0, 20, "relevance")
    assert hits
    for hit in hits:
        if hit.snippet is None:
            continue
        text = re.sub(r"<[^>]+>", "", str(hit.snippet.html)).replace("&#x27;", "'")
        body = text.removeprefix("… ").removesuffix(" …")
        unit = _unit_text(hit)
        first_word = body.split()[0]
        assert re.search(rf"(?:^|\s){re.escape(first_word[:12])}", unit), (first_word, query)


def _unit_text(hit) -> str:
    action = hit.action
    sections = {f"sec-{s.number}": s.text for s in action.sections.all()}
    import html as html_module

    return html_module.unescape(sections.get(hit.snippet.anchor, action.preamble or action.text))


@pytest.mark.parametrize(
    ("text", "start", "mid_word", "first_word"),
    [
        # a slice read from inside a section, beginning inside "emergency"
        ("rgency unless, within 90 days prior to the anniversary", 0, True, "unless,"),
        ("national emergency unless", 0, False, "national"),  # the unit's own start
        ("the national emergency unless", 4, False, "national"),  # already at a word
        ("the national emergency unless", 6, False, "emergency"),  # inside "national"
    ],
)
def test_the_snippet_window_starts_on_a_word(text, start, mid_word, first_word):
    from actions.search.snippets import word_window

    begin, end = word_window(text, start, mid_word=mid_word)
    assert text[begin:end].split()[0] == first_word
