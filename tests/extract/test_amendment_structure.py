"""Sections moved, added and told apart, read from real orders and applied to the real sections
they amend: sections numbered "2.4" moved and added, additions that name the order after their
verb ("A new section 6 is added to Executive Order 13088"), a quotation whose closing mark was
lost ending before the amending order's next instruction, a paragraph told from a reference to
it, several parts inside a section never taken for the section. Pure: the files parsed, no
database."""

from __future__ import annotations

import re

import pytest

from actions.extract.amendment_wording import STRIKE_INSERT
from tests.extract.orders import aimed, amended, consolidated


def _changed_by(parts, amending: str) -> list[str]:
    return [p.number for p in parts if any(c["number"] == amending for c in p.changes)]


def test_sections_numbered_within_parts_are_moved_and_added_in_turn() -> None:
    # EO 13741: "Section 2.4 is redesignated as section 2.5, and a new section 2.4 is added to
    # read as follows:"; EO 13764: "Sections 2.2, 2.3, 2.4, and 2.5 ... are redesignated as
    # sections 2.4, 2.5, 2.6, and 2.7." and "New sections 2.2 and 2.3 are added to Executive
    # Order 13467 to read as follows: “Sec. 2.2. Reciprocity. ...”\n\n“Sec. 2.3. ...”"
    parts, not_applied = consolidated("13467", "13741", "13764")
    live = [p for p in parts if not p.revoked]
    numbers = [p.number for p in live]
    assert numbers[numbers.index("2.1") :] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "3"]
    by_number = {p.number: p for p in live}
    assert by_number["2.2"].heading == "Reciprocity"
    assert by_number["2.3"].heading == "Continuous Performance Improvement"
    # the old 2.4 ("Additional Functions"), moved twice
    assert by_number["2.7"].heading == "Additional Functions"
    assert "Security Policy Board" in by_number["2.7"].text
    # a heading with commas, given with a section's new text
    assert by_number["2.5"].heading == (
        "Establishment, Designation, and Functions of Executive Agents"
    )
    reasons = {n["reason"] for n in not_applied}
    assert not [r for r in reasons if r.startswith("the order has no section 2.")]


@pytest.mark.parametrize(
    ("target", "amending", "number", "words"),
    [
        # "A new section 6 is added to Executive Order 13088 to read as follows:"
        ("13088", "13192", "6", "authorized to remove any person from the Annex"),
        # "New sections 7 and 8 are added to Executive Order 13219 to read as follows:
        # “Sec. 7. ... Sec. 8. ...”"
        ("13219", "13304", "8", "no longer warrant inclusion of a person in the Annex"),
    ],
)
def test_a_new_section_named_before_the_order_is_added(target, amending, number, words) -> None:
    parts, not_applied = amended(target, amending)
    assert words in parts[number].text
    assert parts[number].added
    assert not [n for n in not_applied if n["instruction"].lower().startswith(("a new", "new"))]


def test_new_sections_named_together_are_each_added() -> None:
    parts, _ = amended("13219", "13304")
    assert "constitutional presence in the United States" in parts["7"].text
    assert "Sec. 8" not in parts["7"].text  # the 8 is a section of its own


def test_a_numbered_paragraph_added_to_an_order_numbered_by_parts_ends_its_part() -> None:
    # EO 12381: "A new Section 4-207 is added to Executive Order No 12148 as follows: “Sec.
    # 4-207. The functions vested in the President by Section 502 of the Federal Civil Defense
    # Act of 1950 ...”": the last paragraph of section 4, not a section of its own
    parts, _ = amended("12148", "12381")
    assert "4-207" not in parts
    text = parts["4"].text
    assert text.rstrip().endswith(
        "4-207. The functions vested in the President by Section 502 of the Federal Civil "
        "Defense Act of 1950, as amended (50 U.S.C. App. 2302), are delegated to the Director "
        "of the Federal Emergency Management Agency."
    )
    assert re.findall(r"(?m)^4-\d+(?=\.)", text)[-2:] == ["4-204", "4-207"]


@pytest.mark.parametrize(
    ("target", "amending", "section", "kept_out"),
    [
        # EO 11605: '1. Paragraph (5) of Section 8(a) shall read: "(5) Knowing membership ...
        # by unlawful means.\n\n2. Section 12 shall read:' (the closing mark lost)
        ("10450", "11605", "8", "Section 12 shall read"),
        # EO 10964: '... in accordance with paragraph (a) of section 4 of this order."\'\n\n(B)
        # By relettering the present paragraphs (a) through (i) as (b) through (j),
        # respectively.' (a stray mark after the closing one)
        ("10501", "10964", "5", "By relettering"),
    ],
)
def test_a_quotation_ends_before_the_amending_orders_next_instruction(
    target, amending, section, kept_out
) -> None:
    parts, _ = amended(target, amending)
    assert kept_out not in parts[section].text
    assert "Storage of Top Secret" not in parts[section].text  # nor what comes after it


def test_the_quotation_of_one_section_leaves_the_next_its_own() -> None:
    # EO 13751: "Section 2 of Executive Order 13112 is amended to read as follows: ..." then
    # "Sec. 5. National Invasive Species Council. Section 3 of Executive Order 13112 is
    # amended to read as follows:"
    parts, _ = amended("13112", "13751")
    assert "National Invasive Species Council. Section 3" not in parts["2"].text
    assert parts["3"].heading == "National Invasive Species Council"
    assert "Secretary of Homeland Security" in parts["3"].text


def test_a_paragraph_is_told_from_a_reference_to_it() -> None:
    # EO 10972 on EO 10900: "By deleting paragraph (5) from section 4(d)", where paragraph (4)
    # speaks of "the loans referred to in subsection (d) (5) of this section"
    parts, _ = amended("10900", "10972")
    text = parts["4"].text
    assert "referred to in subsection (d) (5) of this section." in text
    assert not re.search(r"(?m)^\(5\) Those under section 104\(e\)", text)
    assert re.search(r"(?m)^\(4\) Those under sections 104\(d\)", text)


def test_paragraphs_renumbered_and_a_new_one_put_in_the_gap() -> None:
    # EO 10746 on EO 10560: "(c) Paragraphs (5), (6), (7), and (8) are renumbered as
    # paragraphs (6), (7), (8), and (9), respectively, and the following new paragraph (5) is
    # inserted immediately after paragraph (4):" (after EO 10708's amendments: the (8) is
    # its)
    parts, not_applied = amended("10560", "10708", "10746")
    markers = re.findall(r"(?m)^\((\d)\)", parts["4"].text)
    assert markers == ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
    assert "Export-Import Bank of Washington" in parts["4"].text
    assert not [n for n in not_applied if "renumbered" in n["instruction"]]


def test_several_parts_replaced_by_more_parts_are_not_the_section() -> None:
    # EO 10964: "(B) By deleting paragraphs (a) and (b) and by inserting in lieu thereof the
    # following: “(a) ... “(b) ... “(c) ...”" in section 6: three parts for two, never section
    # 6 replaced whole
    parts, not_applied = amended("10501", "10964")
    assert "Loss or Subjection to Compromise" in parts["6"].text
    assert "the new text does not give each part named, in turn" in {
        n["reason"] for n in not_applied
    }


def test_a_part_numbered_again_inside_itself_is_refused_not_misplaced() -> None:
    # EO 13196 on EO 13178: "(C) ... as follows: (1) Bottomfishing ... (2) All other ..."
    # inside 7(a)(1), then "A new section 7(a)(1)(F) is hereby added": where 7(a)(1) ends is
    # not known, so the (F) is listed, never put inside (C)
    parts, not_applied = consolidated("13178", "13196")
    seven = next(p for p in parts if p.number == "7")
    assert "(F) Trolling for pelagic species" not in seven.text
    assert any("7(a)(1)(F)" in n["instruction"] for n in not_applied)
    assert _changed_by(parts, "13196")  # the other instructions are applied


def test_sibling_parts_given_new_texts_at_once_each_take_their_own() -> None:
    # EO 13142 on EO 12958: "Subsections (a) and (b) of section 5.2 are amended to read as
    # follows: “(a) The Director of the Information Security Oversight Office ... “(b) The
    # Archivist of the United States shall delegate ...”"
    parts, not_applied = amended("12958", "13142")
    text = parts["5.2"].text
    first = re.search(r"(?m)^\(a\) .*", text).group(0)
    second = re.search(r"(?m)^\(b\) .*", text).group(0)
    assert first.startswith("(a) The Director of the Information Security Oversight Office")
    assert second.startswith("(b) The Archivist of the United States shall delegate")
    assert "Office of Management and Budget shall delegate" not in text
    assert not [n for n in not_applied if n["instruction"].startswith("Subsections (a) and (b)")]


def test_sibling_parts_revoked_at_once_leave_the_order_and_the_rest_in_force() -> None:
    # EO 10930: "Subsections (a) and (c) of section 3 of Executive Order No. 10096 are hereby
    # revoked" (once read as the whole order revoked, and so no edit at all)
    parts, not_applied = amended("10096", "10930")
    text = parts["3"].text
    assert re.search(r"(?m)^\(a\) \[Revoked\]", text)
    assert re.search(r"(?m)^\(c\) \[Revoked\]", text)
    assert re.search(r"(?m)^\(b\) The Government Patents Board shall advise", text)
    assert not parts["3"].revoked and not not_applied


def test_words_replaced_wherever_they_occur_in_a_range_of_paragraphs() -> None:
    # EO 11985 on EO 11905: "In paragraphs (2) through (5), delete “CFI” wherever it occurs
    # and substitute therefor “PRC”"
    parts, _ = amended("11905", "11985")
    text = parts["3"].text
    assert "(5) Decisions of the PRC under this Order may be reviewed" in text
    assert "prior approval by the PRC." in text  # every place in the paragraph
    assert "The CFI shall" not in text


@pytest.mark.parametrize(
    ("target", "amending", "section", "added", "heading"),
    [
        # EO 10573 and EO 11184 add subsections (f) and (g) at the end of section 4, whose
        # text ends with "PART IV. THE FEDERAL COMMUNICATIONS COMMISSION"
        (
            "10530",
            ("10573", "11184"),
            "4",
            "(g) The authority vested in the President by",
            "PART IV.",
        ),
        # EO 13764 adds 1.3(q) at the end of section 1.3, which ends with "PART 2—..."
        ("13467", ("13741", "13764"), "1.3", "(q) ‘Vetting' is the process", "PART 2"),
    ],
)
def test_a_part_added_at_a_sections_end_goes_before_the_next_parts_heading(
    target, amending, section, added, heading
) -> None:
    parts, _ = consolidated(target, *amending)
    text = next(p for p in parts if p.number == section and not p.revoked).text
    last = [line.strip() for line in text.splitlines() if line.strip()][-1]
    assert last.startswith(heading)
    assert text.index(added) < text.index(last)


def test_sections_renumbered_and_revised_take_their_new_texts_numbers() -> None:
    # EO 13192 on EO 13088 (its sections run in after one another in the FR's HTML): "(c)
    # Section 3 ... is revoked. (d) Section 4 ... is renumbered and revised to read as follows:
    # “Sec. 3. Any transaction ...”", "(e) Section 5 ... “Sec. 4. For the purposes of this
    # order:", "(f) Section 6 ... “Sec. 5. ...”", then "A new section 6 is added"
    parts, not_applied = consolidated("13088", "13121", "13192")
    live = {p.number: p for p in parts if not p.revoked}
    assert sorted(live, key=int) == ["1", "2", "3", "4", "5", "6", "8", "9"]
    assert live["3"].text.startswith("Any transaction by a United States person that evades")
    assert live["4"].text.startswith("For the purposes of this order:")
    assert "authorized to remove any person from the Annex" in live["6"].text
    assert not not_applied


@pytest.mark.parametrize(
    ("target", "amending"),
    [
        # EO 11882: "Section 3 (2) of each of the following Executive orders is amended by
        # deleting “Atomic Energy Commission” and substituting therefor “Energy Research and
        # Development Administration”: (a) Executive Order No. 11371 ...", then EO 12038:
        # "Section 3(2) of each of the following Executive Orders is amended by substituting
        # “Department of Energy” for “Energy Research and Development Administration”: (i)
        # Executive Order No. 11345 ..."
        ("11578", ("11882", "12038")),
        ("11658", ("11882", "12038")),
        ("11345", ("11646", "11882", "12038")),  # EO 11646 named the AEC in 3(2) first
    ],
)
def test_one_edit_made_to_each_order_listed_after_it(target, amending) -> None:
    parts, not_applied = amended(target, *amending)
    member = re.search(r"(?m)^\(2\) .*", parts["3"].text).group(0)
    assert "Department of Energy" in member
    assert "Atomic Energy Commission" not in member and "Research and Development" not in member
    assert {c["number"] for c in parts["3"].changes} >= {"11882", "12038"}
    assert not not_applied


@pytest.mark.parametrize(
    ("target", "amending", "section", "words", "kept_out"),
    [
        # EO 11382: '(1) adding ...: "(8) The Administrator of General Services." and\n\n(2)
        # striking out the word "Three" in subsection (d) ...': the item's "and" after the
        # closing mark ends the quotation, and the next item is read
        ("10898", ("10986", "11382"), "1", "(d) Four members", '(2) striking out the word "Three"'),
        # EO 11556: '... means the Director of the Office of Telecommunications Policy.", and'
        ("11191", ("11556",), "1", "Office of Telecommunications Policy.", "catchline"),
        # EO 11110: '... for their redemption," and\n\n(b) By revoking ...'
        ("10289", ("11110",), "1", "(j) The authority vested in the President", "By revoking"),
        # EO 13337: 'is amended to read as follows: “Except with respect ...' and no closing
        # mark at all, then '(b) Section 1(b) of Executive Order 11423 ... is amended'
        (
            "11423",
            ("13337",),
            "1",
            "and by section 1(a) of the Executive Order of April 30",
            "Sec. 3",
        ),
    ],
)
def test_a_quotation_closed_before_an_items_and_or_never_closed(
    target, amending, section, words, kept_out
) -> None:
    parts, _ = amended(target, *amending)
    assert words in parts[section].text
    assert kept_out not in parts[section].text


@pytest.mark.parametrize(
    ("amending", "target", "old", "new"),
    [
        # "striking from section 6(b) the words “or PMF Programs” and inserting in their place
        # “program”"
        ("14217", "13562", "or PMF Programs", "program"),
        # "Section 3 of Executive Order No 11795 is amended by removing the words “Section 409”
        # and inserting “Section 412” in place thereof"
        ("12673", "11795", "Section 409", "Section 412"),
    ],
)
def test_words_replaced_in_their_place_or_removed(amending, target, old, new) -> None:
    assert (STRIKE_INSERT, old, new) in [(i.op, i.old, i.new) for i in aimed(amending, target)]


def test_the_introductory_text_of_a_part_is_edited_alone() -> None:
    # EO 10746 on EO 10560: "Section 4 (d) is amended as follows: (a) The introductory portion
    # is amended by deleting therefrom “pursuant to section 4 (a) of this order” and by
    # inserting in lieu thereof the following: “in consonance with law ...”"
    parts, _ = amended("10560", "10708", "10746")
    opening = re.search(r"(?m)^\(d\) .*", parts["4"].text).group(0)
    assert "made available in consonance with law and the provisions of this order" in opening
    assert "(1) Those under section 104 (a) of the Act" in parts["4"].text


def test_an_introductory_paragraph_replaced_leaves_what_follows_it() -> None:
    # EO 10175: "The introductory paragraph of section 1 of Executive Order No. 10046 ... is
    # hereby amended to read as follows:" (once read as section 1 replaced whole, its list of
    # lands by State lost)
    parts, _ = amended("10046", "10175")
    text = parts["1"].text
    assert "as amended by Executive Order No. 8531 of August 31, 1940" in text.split("\n")[0]
    assert "SAN SIMON PROJECT (AZ-LU-21)" in text and "NORTHEASTERN WYOMING PROJECT" in text


def test_an_unnumbered_paragraph_named_by_its_ordinal() -> None:
    # EO 10964: "Section 4 is amended— (A) By substituting for the first paragraph thereof
    # the following: “SEC. 4. Declassification, Downgrading, or Upgrading. When classified
    # ...”": the first paragraph only, the heading printed with it the section's
    parts, _ = amended("10501", "10964")
    four = parts["4"]
    assert four.heading == "Declassification, Downgrading, or Upgrading"
    first, *rest = [p for p in four.text.split("\n\n") if p.strip()]
    assert first.startswith("When classified information or material no longer requires")
    assert rest  # the paragraphs after it kept
    # EO 13691: "Sec. 102(b) is amended by replacing the first paragraph with: “In
    # consultation with the National Security Advisor, ...”"
    parts, _ = amended("12829", "13691")
    b = re.search(r"(?m)^\(b\) .*", parts["102"].text).group(0)
    assert b.startswith("(b) In consultation with the National Security Advisor")
