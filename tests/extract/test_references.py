"""References to other presidential documents and the relation their sentence states."""

from datetime import date

import pytest

from actions.extract.references import extract_references
from actions.ingest.detect import parse_document
from tests.conftest import CORPUS, require_shared


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
        ("National Security Presidential Memorandum 2", None, "cites", False),
    ]


@pytest.mark.parametrize(
    ("printed", "kind", "number"),
    [
        ("NSM-2", "nsm", "2"),
        ("National Security Memorandum 22", "nsm", "22"),
        ("National Security Memorandum-2", "nsm", "2"),
        ("National Security Memorandum/NSM-11", "nsm", "11"),
        ("NSPM-16", "nspm", "16"),
        ("National Security Presidential Memorandum 10", "nspm", "10"),
        ("National Security Presidential Memorandum-7", "nspm", "7"),
        ("Presidential Determination No. 2022-13", "determination", "2022-13"),
        ("Proclamation 10142", "proclamation", "10142"),
        ("PPD-28", "directive", "28"),
    ],
)
def test_numbered_series_as_the_texts_print_them(printed, kind, number):
    (ref,) = extract_references(f"as provided in {printed}, the Secretary shall report.")
    assert (ref.kind, ref.number) == (kind, number)


def eo_markdown(number: str):
    require_shared()
    (path,) = sorted((CORPUS / "eo-markdown-1933-2025").rglob(f"*-executive-order-{number}.md"))
    return parse_document(path.read_bytes()).text


def test_memoranda_of_one_date_are_told_apart_by_their_titles():
    """EO 14148 revokes six memoranda of January 3, 2025, each its own item."""
    memoranda = [
        r
        for r in extract_references(eo_markdown("14148"))
        if r.kind == "memorandum" and r.on == date(2025, 1, 3)
    ]
    assert len(memoranda) == 6 and len({r.title for r in memoranda}) == 6
    assert all(r.relation == "revokes" for r in memoranda)
    assert memoranda[0].label.startswith(
        "Presidential Memorandum of January 3, 2025 (Designation of Officials"
    )


def test_a_parenthetical_title_is_not_a_further_reference():
    """ "Presidential Memorandum of January 14, 2025 (Revocation of National Security
    Presidential Memorandum 5)": one reference, the memorandum; NSPM 5 is its title."""
    found = extract_references(eo_markdown("14148"))
    assert not any(r.kind == "nspm" for r in found)
    (revocation,) = [r for r in found if r.title and r.title.startswith("Revocation of National")]
    assert revocation.on == date(2025, 1, 14)


@pytest.mark.parametrize(
    ("number", "title_start", "on"),
    [
        ("14154", "Restoring Trust in Government", date(2021, 1, 27)),
        ("14173", "Promoting Diversity and Inclusion", date(2016, 10, 5)),
    ],
)
def test_a_memorandum_reference_keeps_its_date_and_title(number, title_start, on):
    (memo,) = [r for r in extract_references(eo_markdown(number)) if r.kind == "memorandum"]
    assert memo.on == on and memo.title.startswith(title_start)


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


# Real orders from the corpus: each drafting form the FR's notes confirm ------------------


def _corpus_references(relative: str) -> list:
    from actions.ingest.detect import parse_file
    from tests.conftest import CORPUS, require_shared

    require_shared()
    doc = parse_file((CORPUS / relative).read_bytes())[0]
    units = [doc.preamble, *(s.text for s in doc.sections)] if doc.sections else [doc.text]
    return [ref for unit in units for ref in extract_references(unit)]


def test_a_schedule_of_bare_numbers_under_its_lead_in():
    """EO 12553 revokes a schedule of ~380 orders printed as "No. Subject" lines."""
    found = _corpus_references(
        "eo-markdown-1933-2025/Presidential_Executive_Orders/ronald-reagan/1986/02-February/"
        "1986-02-25-executive-order-12553-ss.md"
    )
    revoked = {r.number for r in found if r.relation == "revokes"}
    assert len(revoked) > 350
    # The first line of the schedule, and one after a subject wrapped over two lines.
    assert {"723", "11241", "12402"} <= revoked
    assert all(r.kind == "executive_order" for r in found)


def test_numbered_list_items_take_their_lead_in():
    """EO 10903 Sec. 5: "(a) The following-described Executive order and parts thereof are
    hereby revoked ...:" then "1. Parts I, III ... 2. Executive Order No. 10011 ..."."""
    found = _corpus_references(
        "eo-markdown-1933-2025/Presidential_Executive_Orders/dwight-d-eisenhower/1961/"
        "01-January/1961-01-09-executive-order-10903-ssswsssss.md"
    )
    by_number = {r.number: r for r in found}
    assert by_number["10011"].relation == "revokes" and not by_number["10011"].in_part
    assert by_number["10636"].relation == "revokes" and by_number["10636"].in_part


def test_roman_items_after_a_lettered_lead_in_in_fr_xml():
    found = _corpus_references("fr-eo-1994-2020/executive_orders/EO_13783.xml")
    assert [r.relation for r in found if r.number == "13653"] == ["revokes"]


def test_active_voice_and_inline_items():
    assert [
        r.relation
        for r in _corpus_references("fr-eo-1994-2020/executive_orders/EO_13592.xml")
        if r.number == "13270"
    ] == ["revokes"]  # "This order revokes Executive Order 13270"
    # EO 12974: "Each advisory committee listed below is continued until ...": (a) ... (b) ...
    continued = [
        r
        for r in _corpus_references("fr-eo-1994-2020/executive_orders/EO_12974.htm")
        if r.number == "12900"
    ]
    assert [r.relation for r in continued] == ["amends"]


def test_the_next_sentence_acts_on_the_orders_named():
    text = (
        "the functions conferred by Executive Orders No. 7057 of May 28, 1935, No. 7180 of "
        "September 6, 1935, as amended by No. 7554 of February 17, 1937. The said Executive "
        "orders are hereby amended accordingly."
    )
    assert [(r.number, r.relation) for r in extract_references(text)] == [
        ("7057", "amends"),
        ("7180", "amends"),
        ("7554", "amends"),
    ]


@pytest.mark.parametrize(
    ("name", "number", "sections"),
    [
        # "section 4.3(a) of Executive Order 12958 of April 17, 1995, as amended"
        ("EO_13381.xml", "12958", {"4.3(a)"}),
        # "Section 2.6(a) of Executive Order 13467 is further amended ..."
        ("EO_13869.xml", "13467", {"2.6", "2.6(a)", "2.6(b)", "2.6(c)"}),
    ],
)
def test_a_section_numbered_by_part_and_section(name, number, sections):
    """The orders numbered "Sec. 1.1." to "Sec. 6.4.": their sections are named "4.3", not
    "4"."""
    require_shared()
    path = CORPUS / "fr-eo-1994-2020" / "executive_orders" / name
    doc = parse_document(path.read_bytes())
    named = {r.target_section for r in extract_references(doc.text) if r.number == number}
    assert sections <= named
