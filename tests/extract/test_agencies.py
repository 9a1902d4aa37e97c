"""Agency mentions: aliases resolve to one agency; instructions are told from mentions."""

from actions.extract.agencies import agency_for_query, find_agencies


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


def test_the_secretary_refers_back_to_the_agency_named_before():
    """EO 13890 names the Secretary of Health and Human Services once, then says "the Secretary"."""
    from actions.extract.agencies import find_agencies_in_parts
    from actions.ingest.detect import parse_file
    from tests.conftest import CORPUS, require_shared

    require_shared()
    path = CORPUS / "fr-eo-1994-2020" / "executive_orders" / "EO_13890.xml"
    doc = parse_file(path.read_bytes())[0]
    parts = find_agencies_in_parts([doc.preamble, *(s.text for s in doc.sections)])
    back = [m for matches in parts for m in matches if m.back_reference]
    assert len(back) >= 10
    assert {m.slug for m in back} == {"health-and-human-services"}
    assert all(m.text.lower() == "the secretary" for m in back)
    assert sum(m.directed for m in back) >= 10


def test_an_ambiguous_back_reference_is_left_unresolved():
    from actions.extract.agencies import find_agencies_in_parts

    text = (
        "The Secretary of State and the Secretary of Defense shall meet. "
        "The Secretary shall report."
    )
    [found] = find_agencies_in_parts([text])
    assert [m.slug for m in found] == ["state", "defense"]
    first, second = find_agencies_in_parts(
        ["The Department of Labor may act.", "The Department shall report."]
    )
    assert [(m.slug, m.back_reference, m.directed) for m in first] == [("labor", False, False)]
    assert [(m.slug, m.back_reference, m.directed) for m in second] == [("labor", True, True)]
