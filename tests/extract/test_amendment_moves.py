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
    assert not not_applied
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
