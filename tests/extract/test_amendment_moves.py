"""Several parts acted on at once, read from real orders and applied to the real sections they
move: designations listed and ranged, parts struck and the rest moved up, a clause naming
parts as its order found them. Pure: the files parsed, no database."""

from __future__ import annotations

import re

import pytest

from actions.extract.amendment_moves import designations_listed
from tests.extract.orders import consolidated, markers, order


@pytest.mark.parametrize(
    ("listed", "designations"),
    [
        ("(n) through (r)", ["(n)", "(o)", "(p)", "(q)", "(r)"]),
        ("5 through 7 and 15", ["5", "6", "7", "15"]),
        ("1(b) (5) and (6)", ["1(b)(5)", "1(b)(6)"]),
        ("2(a)-(b)", ["2(a)", "2(b)"]),
        ("4(d)(ii)-(iii)", ["4(d)(ii)", "4(d)(iii)"]),
        ("(xxix), (xxx), and (xxxi)", ["(xxix)", "(xxx)", "(xxxi)"]),
        ("1 to 6, inclusive", ["1", "2", "3", "4", "5", "6"]),
        ("\u201c7\u201d, \u201c8\u201d, and \u201c9\u201d", ["7", "8", "9"]),
    ],
)
def testdesignations_listed_listed_and_ranged(listed, designations):
    assert designations_listed(listed) == designations


def test_parts_struck_and_moved_up_and_named_as_numbered_before():
    """EO 14306 (2025) on EO 14144: "(a) striking subsections 2(a)-(b) and redesignating
    subsections 2(c), 2(d), and 2(e) as subsections 2(a), 2(b), and 2(c), respectively; (b)
    striking the first sentence of subsection 2(e); ... (h) striking section 5 and
    redesignating sections 6, 7, 8, 9, 10, and 11 as sections 5, 6, 7, 8, 9, and 10; (i)
    striking from subsection 8(c) the phrase ...": its later clauses name the parts as the
    order found them, and are applied where those parts now stand."""
    original = {s.number: s.text for s in order("14144").sections}
    parts, not_applied = consolidated("14144", "14306")
    assert not [n for n in not_applied if n["section"] == "1"]
    live = {p.number: p for p in parts if not p.revoked}
    assert sorted(live, key=int) == [str(n) for n in range(1, 11)]
    assert [p.key for p in parts if p.revoked] == ["5"]
    assert live["6"].text == original["7"]  # untouched, moved
    assert markers(live["2"].text) == ["a", "b", "c"]
    old_e = original["2"][original["2"].index("(e)") :]
    assert "(c) To help the Federal Government" in live["2"].text
    assert "Open source software plays a critical role" in old_e
    assert "Open source software plays a critical role" not in live["2"].text
    assert "In Executive Order 14028, I directed" in original["3"]
    assert "In Executive Order 14028, I directed" not in live["3"].text
    assert "in the areas of intrusion detection" in original["8"]
    assert "in the areas of intrusion detection" not in live["7"].text


def test_sections_revoked_in_a_range_and_the_rest_renumbered_down():
    """EO 13716 (2016) on EO 13628: "(a) Revoking current sections 5 through 7 and 15; ...
    (f) Renumbering current sections 8 through 14 as sections 5 through 11, respectively; and
    (g) Renumbering current sections 16 through 19 as sections 12 through 15"."""
    original = {s.number: s.text for s in order("13628").sections}
    parts, _ = consolidated("13628", "13716")
    assert sorted(p.key for p in parts if p.revoked) == ["15", "5", "6", "7"]
    live = [(p.number, p.key) for p in parts if not p.revoked]
    assert [number for number, _ in live] == [str(n) for n in range(1, 16)]
    assert ("5", "8") in live and ("15", "19") in live
    assert next(p for p in parts if p.key == "19").text == original["19"]


def test_paragraphs_moved_up_and_one_named_as_redesignated():
    """EO 13758 (2017) on EO 11016 (the Purple Heart, numbered by paragraph): "Paragraphs 4,
    5, 6, 7, and 8 are redesignated as paragraphs 5, 6, 7, 8, and 9, respectively", then
    "Paragraph 6, as redesignated, is amended by striking “paragraph 4” and inserting in lieu
    thereof “paragraph 5”"."""
    original = {s.number: s.text for s in order("11016").sections}
    parts, _ = consolidated("11016", "13758")
    live = {p.number: p for p in parts if not p.revoked}
    assert [live[str(n)].key for n in range(5, 10)] == ["4", "5", "6", "7", "8"]
    assert "paragraph 4" in original["5"]
    assert "paragraph 5" in live["6"].text and "paragraph 4" not in live["6"].text


def test_subsections_moved_up_and_a_new_one_in_the_place_left():
    """EO 14109 (2021) on EO 14031: "in section 2, by redesignating subsections (d) and (e) as
    subsections (e) and (f), respectively, and inserting the following new subsection after
    subsection (c): “(d) The members of the Commission shall function as liaisons ...”"."""
    parts, not_applied = consolidated("14031", "14109")
    section = next(p for p in parts if p.number == "2")
    assert markers(section.text) == ["a", "b", "c", "d", "e", "f"]
    assert re.search(r"(?m)^\(d\) The members of the Commission shall function", section.text)


@pytest.mark.parametrize(
    ("target", "amending", "struck", "kept"),
    [
        # "(b) (1) Sections 5 (b), 7, and 8 of Executive Order No. 11075 of January 15, 1963,
        # are hereby revoked effective April 3, 1975"
        ("11075", "11846", ["7", "8"], ["5"]),
        # "SEC. 7. Sections 404 (a) and 405 of Executive Order No. 11051, as amended, are
        # hereby revoked."
        ("11051", "11725", ["405"], ["404"]),
    ],
)
def test_sections_listed_before_the_order_are_revoked(target, amending, struck, kept):
    parts, _ = consolidated(target, amending)
    by_key = {p.key: p for p in parts}
    assert all(by_key[key].revoked for key in struck)
    # a subsection listed goes from its section, which stays
    for key in kept:
        assert not by_key[key].revoked and "[Revoked]" in by_key[key].text


def test_subsections_listed_before_the_order_are_deleted():
    """EO 13312 on EO 13194: "(c) Sections 4(c), (d), and (e) of Executive Order 13194 are
    deleted, and the word “and” is added after the semicolon at the end of section 4(a)"."""
    original = {s.number: s.text for s in order("13194").sections}
    parts, _ = consolidated("13194", "13312")
    section = next(p for p in parts if p.number == "4")
    assert markers(original["4"])[:5] == ["a", "b", "c", "d", "e"]
    assert markers(section.text)[:2] == ["a", "b"] and "c" not in markers(section.text)


def test_a_new_section_and_the_old_renumbered_by_one_order_take_effect_together():
    """EO 13137 (1999) on EO 12975: "Sec. 2. ... A new section 4 shall be added to the order
    to read: ..." and then "(b) Current sections 4 through 7 of Executive Order 12975 shall be
    renumbered sections 5 through 8": the section added once its number is free."""
    original = {s.number: s.text for s in order("12975").sections}
    parts, not_applied = consolidated("12975", "13137")
    live = {p.number: p for p in parts if not p.revoked}
    assert sorted(live, key=int) == [str(n) for n in range(1, 9)]
    assert live["4"].added and live["4"].text.startswith("(a) The National Bioethics Advisory")
    assert [live[str(n)].key for n in range(5, 9)] == ["4", "5", "6", "7"]
    assert live["5"].text == original["4"]
    # "“[S]ection 5” in the third sentence of section 1(b) ... shall be deleted and “section
    # 6” shall be inserted in lieu thereof": a capital the quoting order bracketed
    assert "section 6" in live["1"].text and not not_applied


@pytest.mark.parametrize(
    ("target", "amending", "words"),
    [
        # "Sections 1 through 7 of Executive Order 13047 are hereby revoked to the extent they
        # are inconsistent with this order": nothing struck from the text
        ("13047", "13310", "to the extent"),
        # "(e) Sections 2(b) and 3(a), the first sentence of section 3(c), and sections 3 (e),
        # 3(f), and 6 of Executive Order 11846 ... are revoked": not read from its last
        # "sections", so nothing revoked by half
        ("11846", "12188", "are revoked"),
    ],
)
def test_a_list_of_sections_not_wholly_read_revokes_nothing(target, amending, words):
    parts, not_applied = consolidated(target, amending)
    assert not any(p.revoked for p in parts)
    assert any(words in n["instruction"] for n in not_applied)


def test_paragraphs_listed_before_the_order_each_get_their_new_text():
    """EO 10459 (1953) and EO 11890 (1975) on EO 10422: "Paragraphs 3, 4, 5, and 6 of Part I
    of Executive Order No. 10422 are amended to read as follows: “3. ... “4. ...", then
    "Paragraphs 1, 2 and 3 of Part I ... “1. ... “2. ... “3(a) ...": each paragraph its own."""
    original = {s.number: s.text for s in order("10422").sections}
    parts, _ = consolidated("10422", "10459", "11890")
    live = {p.number: p for p in parts}
    assert live["1"].text.startswith("Whenever the Secretary of State receives")
    assert live["3"].text.startswith("(a) Whenever the Civil Service Commission receives")
    assert original["4"].startswith("Whenever information revealed")
    assert live["4"].text.startswith("Whenever information disclosed")
    assert [len(live[n].changes) for n in "1234567"] == [1, 1, 2, 1, 1, 1, 0]


@pytest.mark.parametrize(
    ("target", "amending", "place"),
    [
        # "Paragraph 1 of Part II of Executive Order No. 10422 is amended to read as follows:
        # “1. The standard ...”": Part II numbers its paragraphs afresh; the archive's
        # sections are Part I's, so section 1 is not this paragraph 1.
        ("10422", "10459", "Paragraph 1 of Part II"),
        ("10422", "11890", "Paragraph 2(f) of Part II"),
    ],
)
def test_a_paragraph_numbered_within_a_later_part_is_not_taken_for_a_section(
    target, amending, place
):
    parts, not_applied = consolidated(target, amending)
    (refused,) = [n for n in not_applied if n["instruction"].startswith(place)]
    assert "numbered within each part" in refused["reason"]
    assert not any(place in c["instruction"] for p in parts for c in p.changes)
