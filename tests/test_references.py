"""References to other presidential documents and the relation their sentence states."""

from datetime import date

from actions.references import extract_references


def refs(text):
    return [(r.label, r.on, r.relation, r.in_part) for r in extract_references(text)]


def test_revocation_sentence_with_a_list():
    text = "Executive Orders 13767 and 13768 of January 25, 2017, are hereby revoked."
    assert refs(text) == [
        ("Executive Order 13767", None, "revokes", False),
        ("Executive Order 13768", date(2017, 1, 25), "revokes", False),
    ]


def test_amendment_of_a_section_is_in_part():
    text = "Section 2 of Executive Order 13780 of March 6, 2017 (Protecting the Nation), is amended"
    assert refs(text) == [("Executive Order 13780", date(2017, 3, 6), "amends", True)]


def test_memoranda_and_directives():
    text = "consistent with the Presidential Memorandum of April 2, 2025, and NSPM-2."
    assert refs(text) == [
        ("Presidential Memorandum of April 2, 2025", date(2025, 4, 2), "cites", False),
        ("NSPM-2", None, "cites", False),
    ]


def test_continuation_of_a_national_emergency():
    text = (
        "the national emergency declared in Executive Order 13224 of September 23, 2001, "
        "must continue in effect beyond September 23, 2021."
    )
    assert refs(text)[0][2] == "continues"


def test_list_items_read_their_lead_in():
    text = "The following are revoked:\n\n(a) Executive Order 13768;\n\n(b) Proclamation 9645."
    assert refs(text) == [
        ("Executive Order 13768", None, "revokes", False),
        ("Proclamation 9645", None, "revokes", False),
    ]


def test_a_mere_mention_cites():
    assert refs("as described in Executive Order 13768.")[0][2] == "cites"
