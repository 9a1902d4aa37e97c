"""Words put in place of others in the forms "substituting for “A” ... the words “B”" and
"“B” is substituted for “A”", read from real orders of 1935-1971 and applied to the real
sections they amend. Pure: the files parsed, no database."""

from __future__ import annotations

import re

import pytest

from actions.extract.amendment_wording import STRIKE_INSERT, Location
from tests.extract.orders import aimed, amended, order


@pytest.mark.parametrize(
    ("amending", "target", "section", "old", "new"),
    [
        # "... by substituting for the date “July 1, 1935” occurring in paragraph numbered 1
        # thereof the date “August 1, 1935.”"
        ("7090", "7074", "1", "July 1, 1935", "August 1, 1935"),
        # "Paragraph 3 of Executive Order No. 10363 ... is hereby amended ... by substituting
        # for the designation “paragraph (b) of § 1622.30” appearing therein the designation
        # “paragraph (c) of § 1622.30”."
        ("10420", "10363", "3", "paragraph (b) of § 1622.30", "paragraph (c) of § 1622.30"),
    ],
)
def test_words_replaced_named_by_what_they_are(amending, target, section, old, new):
    (instruction,) = aimed(amending, target)
    assert (instruction.op, instruction.location) == (STRIKE_INSERT, Location(section))
    parts, not_applied = amended(target, amending)
    assert not_applied == []
    assert new in parts[section].text and old not in parts[section].text


def test_words_replaced_in_an_item_the_section_holds():
    """EO 11540 on EO 11248 section 1: "by substituting for the words “Assistant Director for
    Executive Management, Bureau of the Budget, ...”, in item (5) thereof, the words ..."."""
    parts, not_applied = amended("11248", "11367", "11540")
    text = parts["1"].text
    assert "(5) Assistant Director, Office of Management and Budget" in text
    assert "Assistant Director for Executive Management" not in text
    assert not any("Executive Management" in n["instruction"] for n in not_applied)


def test_wherever_it_occurs_after_the_words_is_every_place():
    """EO 11514 on EO 11472: "By substituting for the term “the Committee”, wherever it
    occurs, the following: “the Citizens' Committee”" (every place, not the first)."""
    found = [i for i in aimed("11514", "11472") if i.old == "the Committee"]
    assert found and all(i.each_place for i in found)


def test_each_place_but_those_otherwise_amended_is_not_applied_by_guess():
    """EO 11051 on EO 10242: "... at each place where they occur in the order and are not
    deleted or otherwise amended by this order, the following: ...": which places is not
    read, so the instruction is kept with its reason and nothing is applied."""
    (kept,) = [i for i in aimed("11051", "10242") if "at each place where they occur" in i.text]
    assert kept.op is None and kept.problem


def test_a_comma_inside_both_quotations_is_the_sentences():
    """EO 11587 on EO 11248 section 2: “Commissioner, Federal Water Pollution Control
    Administration, Department of the Interior,” where item (8) ends in a period: the words
    replaced, the item's period kept."""
    parts, _ = amended("11248", "11293", "11587")
    text = parts["2"].text
    assert "Commissioner, Water Quality Office, Environmental Protection Agency." in text
    assert "Federal Water Pollution Control Administration" not in text


def test_the_words_are_substituted_for_the_words_wherever_they_occur():
    """EO 10101 on EO 9746: "The words “Secretary of the Army” are substituted for the words
    “Secretary of War” wherever the latter words occur in such order"."""
    (instruction,) = [i for i in aimed("10101", "9746") if i.op == STRIKE_INSERT]
    assert (instruction.op, instruction.old, instruction.new, instruction.each_place) == (
        STRIKE_INSERT,
        "Secretary of War",
        "Secretary of the Army",
        True,
    )
    parts, not_applied = amended("9746", "10101")
    assert not_applied == []
    texts = " ".join(p.text for p in parts.values())
    assert "Secretary of War" not in texts and texts.count("Secretary of the Army") >= 2


def test_a_part_that_shall_be_amended_heads_its_instructions():
    """EO 13077 on EO 13010: "Section 6(f), as amended, shall be further amended by deleting
    “March 15, 1998” and inserting “September 30, 1998” in lieu thereof. Section 7. Section
    7(a) shall be amended by deleting ..."."""
    found = [(i.op, i.location, i.old, i.new) for i in aimed("13077", "13010")]
    assert found == [
        (STRIKE_INSERT, Location("6", ("f",)), "March 15, 1998", "September 30, 1998"),
        (STRIKE_INSERT, Location("7", ("a",)), "March 15, 1998", "September 30, 1998"),
    ]


def test_in_lieu_thereof_after_the_new_words_goes_on_to_the_next_edit():
    """EO 13064 on EO 13010 section 5(a): "by deleting “15” and inserting “20” in lieu
    thereof and by deleting “sector” and inserting “and public sectors” in lieu thereof":
    both edits, none dropped."""
    found = [(i.old, i.new) for i in aimed("13064", "13010") if i.location == Location("5", ("a",))]
    assert found == [("15", "20"), ("sector", "and public sectors")]


@pytest.mark.parametrize(
    ("amending", "target", "section", "new"),
    [
        # "... is further amended by deleting in section 3 of that order “within 1 year from
        # its first meeting” and inserting in lieu thereof “by February 1, 1999” and by
        # deleting in section 5 of that order ..."
        ("13108", "13037", "3", "by February 1, 1999"),
        ("13108", "13037", "5", "on September 30, 1999"),
    ],
)
def test_the_place_named_inside_the_edit_of_that_order(amending, target, section, new):
    parts, not_applied = amended(target, amending)
    assert not not_applied
    assert new in parts[section].text


@pytest.mark.parametrize(
    ("amending", "target", "section"),
    [
        # "... it is hereby ordered that Section i of Executive Order No. 11912, as amended, is
        # further amended to read as follows: “Section 1. (a) ..."
        ("12375", "11912", "1"),
        # "... paragraph numbered 1 of Executive Order No. 6861 ... be and it is hereby revoked"
        ("6871", "6861", "1"),
    ],
)
def test_the_part_named_as_scanned_or_as_a_numbered_paragraph(amending, target, section):
    (instruction,) = aimed(amending, target)
    assert instruction.op is not None and instruction.location == Location(section)


def test_a_paragraph_numbered_before_the_order_is_its_section():
    """EO 6836 on EO 6770: "Paragraph numbered 5 of Executive Order No. 6770 ... is hereby
    amended to read as follows:" (the new text unquoted: kept with that reason)."""
    (instruction,) = aimed("6836", "6770")
    assert instruction.location == Location("5")
    assert instruction.problem == "the new text is not quoted"


def test_words_named_before_their_place_are_not_the_place_struck():
    """EO 12665 on EO 12658: "the number “nine,” which is found in the second sentence of
    section i of Executive Order No. 12658, is deleted, and the number “eleven” is
    substituted": never the second sentence struck."""
    (instruction,) = aimed("12665", "12658")
    assert instruction.op is None
    assert instruction.problem == "the words it amends, named before their place, are not read"
    parts, _ = amended("12658", "12665")
    assert parts["1"].text == [s for s in order("12658").sections if s.number == "1"][0].text


@pytest.mark.parametrize(
    ("amending", "target", "section", "expected"),
    [
        # "Section 104(b) is amended by inserting the words “and the Homeland Security
        # Council” after the words “National Security Council.”"
        ("13228", "12656", "104", "(b) The National Security Council and the Homeland Security"),
        # "Section 2 is amended by inserting the words “pursuant to Executive Order No. 12829”
        # after the word “information.”"
        ("12829", "10865", "2", "classified information pursuant to Executive Order No. 12829"),
        # "Section 2 (B) is amended by adding the words “Nuclear Regulatory Commission” after
        # the words “Overseas Private Investment Corporation.”" (the last of a list)
        ("11862", "11652", "2", "Overseas Private Investment Corporation Nuclear Regulatory"),
        # "Subsection (d) is amended by substituting “sub-section (b) (1), (b) (2) or (b) (3)”
        # for “subsection (b) (1) or (b) (2).”" (the text goes on: ", above, ...")
        ("11434", "11264", "21", "sub-section (b) (1), (b) (2) or (b) (3), above"),
        # "Section 601 is amended by inserting “, as amended,” after “Foreign Assistance Act
        # of 1961.”"
        ("11685", "10973", "601", "Foreign Assistance Act of 1961, as amended, exclusive"),
    ],
)
def test_a_period_inside_the_last_quotation_ends_the_instruction(
    amending, target, section, expected
):
    parts, not_applied = amended(target, amending)
    assert " ".join(expected.split()) in " ".join(parts[section].text.split())
    # none of the order's instructions is refused for words ending in a period
    assert not any(re.search(r"\.\u201d is not in section", n["reason"]) for n in not_applied)


def test_words_replaced_whenever_they_appear_the_longer_first():
    """EO 13286 (2003) on EO 12148: "(a) striking “the Federal Emergency Management Agency”
    whenever it appears and inserting “the Department of Homeland Security” in lieu thereof;
    and (b) striking “the Director of the Federal Emergency Management Agency” wherever it
    appears and inserting “the Secretary of Homeland Security” in lieu thereof": every place
    ("whenever" as "wherever"), and (b)'s longer words replaced before (a) can cut into them."""
    original = " ".join(s.text for s in order("12148").sections)
    parts, not_applied = amended("12148", "13286")
    text = " ".join(p.text for p in parts.values())
    assert original.count("the Director of the Federal Emergency Management Agency") > 5
    assert "the Director of the Federal Emergency Management Agency" not in text
    assert "the Director of the Department of Homeland Security" not in text
    assert text.count("the Secretary of Homeland Security") > 5
    assert "the Federal Emergency Management Agency" not in text
    assert not not_applied


@pytest.mark.parametrize(
    ("target", "amending", "section", "old", "new"),
    [
        # "deleting “President's Council on Counter- Narcotics”": the order prints
        # "Counter-Narcotics"
        ("12992", "13023", "1", "Counter-Narcotics", "President's Drug Policy Council"),
        # "by substituting for the date “July l, 1935” ...": a scanned "l" for the "1"
        ("7084", "7089", "1", "July 1, 1935", "until further order"),
        # "deleting “No more than one member shall be a full-time Federal officer or employee
        # The remaining members shall not represent Executive agencies.”": the quotation lost
        # the period after "employee"
        ("12308", "12325", "1", "The remaining members shall not represent", None),
    ],
)
def test_words_printed_apart_or_misprinted_found_where_they_stand_once(
    target, amending, section, old, new
):
    original = {s.number: s.text for s in order(target).sections}
    parts, not_applied = amended(target, amending)
    assert old in original[section] and old not in parts[section].text
    assert new is None or new in parts[section].text
    assert not any(" is not in " in n["reason"] for n in not_applied)
