"""Text added to amended orders, said in the passive, read from real orders and applied to the
real sections they amend: "A new section 6 is added to read as follows:", "The following new
paragraph 4 is inserted after paragraph 3:", "There is added to the order at the end thereof
the following section 5:", "A new paragraph (f) is added at the end of section 203 as
follows:", "In Section 5, a new subsection (f) and a new subsection (g) are added". Pure: the
files parsed, no database."""

from __future__ import annotations

import pytest

from tests.extract.orders import consolidated, order


@pytest.mark.parametrize(
    ("target", "amending", "number", "opening"),
    [
        # "(1) A new section 6 is added to read as follows: “Sec. 6. Encryption Products. ...”
        # (2) Sections 6 and 7 of Executive Order 12981 ... are renumbered as new sections 7
        # and 8, respectively" (the next item right after the closing mark)
        ("12981", "13026", "6", "In conducting the license review described in section 1"),
        # "... as follows: A new section 2 of Executive Order No. 11880 shall be added to
        # read: “The President may ...”", then "section 2 ... shall be redesignated as
        # section 3": the new section waits for the order's own renumbering
        ("11880", "12998", "2", "The President may at any time, pursuant to law"),
        # "4. There is added to the order at the end thereof the following section 5: “5.
        # The Secretary of the Interior is hereby authorized to redelegate ..."
        ("10250", "10732", "5", "The Secretary of the Interior is hereby authorized"),
    ],
)
def test_a_new_section_added_in_the_passive(target, amending, number, opening):
    original = [s.text for s in order(target).sections]
    parts, not_applied = consolidated(target, amending)
    added = [p for p in parts if p.number == number and not p.revoked and p.changes]
    (section,) = [p for p in added if p.text.lstrip().startswith(opening)]
    assert not any(opening in text for text in original)
    assert any(c["number"] == amending for c in section.changes)
    refused = [n["reason"] for n in not_applied if n["number"] == amending]
    assert not [r for r in refused if "new section" in r or "already has" in r or "quoted" in r]


def test_a_new_paragraph_inserted_after_another_takes_its_place_in_order():
    """EO 13758 on EO 11016: paragraphs 4 to 8 redesignated 5 to 9, then "The following new
    paragraph 4 is inserted after paragraph 3: “4. The Purple Heart is not authorized for a
    wound or death that results from the willful misconduct of the member.”"."""
    original = {s.number: s.text for s in order("11016").sections}
    parts, not_applied = consolidated("11016", "13758")
    in_force = [p for p in parts if not p.revoked]
    numbers = [p.number for p in in_force]
    assert numbers[:6] == ["1", "2", "3", "4", "5", "6"]
    assert in_force[3].text.startswith("The Purple Heart is not authorized for a wound")
    assert in_force[4].text == original["4"]
    assert not [n for n in not_applied if "paragraph 4 is inserted" in n["instruction"]]


@pytest.mark.parametrize(
    ("target", "amending", "section", "marker", "words"),
    [
        # "(d) A new paragraph (f) is added at the end of section 203 as follows: “(f) Those
        # under section 514 of the Act.”"
        ("10973", "11685", "203", "(f)", "Those under section 514 of the Act."),
        # "The following paragraph (o) is added at the end of section 1: “(o) The authority
        # vested in the President by section 44(a) of the Alaska Omnibus Act ..."
        ("10530", "10836", "1", "(o)", "section 44(a) of the Alaska Omnibus Act"),
        # "In Section 5, a new subsection (f) and a new subsection (g) are added to read as
        # follows: “(f) The functions vested in the President by Section 107(o) and (p) ..."
        ("12580", "13308", "5", "(g)", "The functions vested in the President by Section 107(o)"),
    ],
)
def test_a_new_part_added_at_the_end_of_a_section_in_the_passive(
    target, amending, section, marker, words
):
    original = {s.number: s.text for s in order(target).sections}
    parts, _ = consolidated(target, amending)
    (changed,) = [p for p in parts if p.number == section and not p.revoked]
    assert words not in original[section] and words in changed.text
    # a part of its own, at the end: what the section said before still opens it
    assert f"\n{marker} " in changed.text and f"\n{marker} " not in original[section]
    assert changed.text.startswith(original[section][:60])


def test_a_new_section_whose_quotation_closes_early_is_not_added_cut_short():
    """EO 13127 on EO 13073: "A new section 5 is added to the order and shall read ``Sec. 5.
    ... (c) ... authorities.'' (d) The Chair of the President's Council ... shall designate a
    Director of the ICC.": the quotation closes before its own (d); neither the text up to
    (c) nor a guess is added."""
    parts, not_applied = consolidated("13073", "13127")
    assert not [p for p in parts if "Information Coordination Center" in p.text]
    (refused,) = [n for n in not_applied if "A new section 5" in n["instruction"]]
    assert refused["reason"] == "the text is not quoted"
