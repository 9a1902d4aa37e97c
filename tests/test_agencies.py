"""Agency mentions: aliases resolve to one agency; instructions are told from mentions."""

from actions.agencies import agency_for_query, find_agencies


def test_aliases_and_officers_resolve_to_the_agency():
    text = (
        "The Attorney General shall provide DHS with access to CHRI of the Department of Justice."
    )
    found = [(m.slug, m.directed) for m in find_agencies(text)]
    assert found == [("justice", True), ("homeland-security", False), ("justice", False)]


def test_directed_through_an_apposition():
    text = "the Secretary of Homeland Security (Secretary) must focus on removing"
    assert [(m.slug, m.directed) for m in find_agencies(text)] == [("homeland-security", True)]


def test_abbreviations_only_in_capitals():
    assert list(find_agencies("a doe and a va")) == []


def test_query_names_an_agency():
    assert agency_for_query("DHS") == "homeland-security"
    assert agency_for_query("the Attorney General") == "justice"
    assert agency_for_query("immigration") is None
