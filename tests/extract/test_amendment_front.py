"""The title and preamble amended like a section ("The title of the order is amended to read",
"striking “X” in the title and inserting “Y”", "The preamble is amended: (1) by striking ...",
"by deleting the preamble"), quotations inside quotations read to their own close, several
quotations struck together, the items after an item that ends "...”; and", and an order's
renumbering that leaves the place another of its instructions names open. Real orders, pure:
the files parsed, no database."""

from __future__ import annotations

import pytest

from actions.extract.amendment_wording import STRIKE
from tests.extract.orders import aimed, amended_with_front, consolidated, order


@pytest.mark.parametrize(
    ("target", "amending", "title"),
    [
        # "The title of the order is amended to read “Establishing the National Advisory
        # Committee on the Selection of Physicians, Dentists, and Allied Specialists”."
        ("10166", "10185", "Selection of Physicians, Dentists, and Allied Specialists"),
        # "The title of Executive Order No. 11821 ... is amended to read “Economic Impact
        # Statements”."
        ("11821", "11949", "Economic Impact Statements"),
        # "Amend the heading of the order to read “ADMINISTRATION OF THE TRADE AGREEMENTS
        # PROGRAM”."
        ("11075", "11106", "ADMINISTRATION OF THE TRADE AGREEMENTS PROGRAM"),
    ],
)
def test_a_title_amended_to_read_is_replaced(target: str, amending: str, title: str) -> None:
    front, _, _ = amended_with_front(target, amending)
    assert front["title"].text.endswith(title)
    assert [c["number"] for c in front["title"].changes] == [amending]


@pytest.mark.parametrize(
    ("target", "old", "new"),
    [
        # "striking “Federal Emergency Management Agency” in the title and inserting
        # “Department of Homeland Security” in lieu thereof"
        ("12657", "Federal Emergency Management Agency", "Department of Homeland Security"),
        # "striking “Transportation” in the title and inserting “Homeland Security”"
        ("12824", "Transportation", "Homeland Security"),
    ],
)
def test_words_struck_in_the_title_only(target: str, old: str, new: str) -> None:
    front, _, _ = amended_with_front(target, "13286")
    assert new in front["title"].text and old not in front["title"].text


def test_words_in_the_preamble_are_edited_there() -> None:
    # EO 13333: "The preamble is amended by: (a) deleting “7103” and inserting in lieu thereof
    # “7101 et seq.”"; EO 13517: "The preamble is amended by deleting “, including Public Law
    # 106-346.”"
    front, _, _ = amended_with_front("13257", "13333")
    assert "7101 et seq" in front["preamble"].text and "7103)" not in front["preamble"].text
    front, _, _ = amended_with_front("13183", "13517")
    assert "Public Law 106-346" not in front["preamble"].text
    assert front["preamble"].text.endswith("it is hereby ordered as follows:")


def test_a_preamble_struck_or_replaced() -> None:
    # EO 12106: "Executive Order No. 11478, as amended, is further amended by deleting the
    # preamble"
    front, _, _ = amended_with_front("11478", "12106")
    assert front["preamble"].revoked
    # EO 11250 substitutes a new preamble for EO 11041's; the heading of its Part I, printed
    # after the preamble, stays.
    front, _, _ = amended_with_front("11041", "11250")
    assert "Section 301 of Title 3" in front["preamble"].text
    assert (
        front["preamble"]
        .text.rstrip()
        .endswith("PART I--DELEGATION OF FUNCTIONS AND ALLOCATION OF FUNDS")
    )


def test_other_places_are_not_taken_for_the_title() -> None:
    # EO 10101: "... are substituted for the words “Secretary of War” wherever the latter
    # words occur in such order or in the title thereof": the order and its title, never the
    # title alone
    front, parts, _ = amended_with_front("9746", "10101")
    assert front["title"].text.startswith("Authorizing the Secretary of the Army and")
    assert not [p for p in parts.values() if "Secretary of War" in p.text]
    # EO 13385: "Changing the title of section 3 to read “Administrative and Project Support”"
    front, _, _ = amended_with_front("12367", "13385")
    assert not front["title"].changes


def test_a_quotation_within_a_quotation_is_read_to_its_own_close() -> None:
    # EO 13286: "striking “Federal Emergency Management Agency (“FEMA”)” in section 1(b) and
    # inserting “Department of Homeland Security (“DHS”)” in lieu thereof"
    (found,) = [i for i in aimed("13286", "12657") if i.location.path == ("b",) and "(" in i.old]
    assert found.old.endswith("(“FEMA”)") and found.new.endswith("(“DHS”)")
    # EO 12823: "by striking “section 1512 of Public Law 101-624” and inserting instead
    # “Public Law 101-624, Public Law 102-237, and the Foreign Assistance Act of 1961 (“FAA”),
    # as amended by Public Law 102-549”" (typed with straight quotes)
    front, _, _ = amended_with_front("12757", "12823")
    assert 'Act of 1961 ("FAA"), as amended by Public Law 102-549' in front["preamble"].text


def test_the_items_after_one_ending_in_a_quotation_are_read() -> None:
    # EO 12823: "(a) The Preamble is amended:\n\n(1) ...;\n\n(2) ... Public Law 102-549".\n\n
    # (b) Section 1 is amended: ...\n\n(d) Section 3(b) is amended: ... (f) Section 4(a) ..."
    sections = {i.location.section for i in aimed("12823", "12757") if i.op}
    assert {"preamble", "1", "3", "4", "5"} <= sections
    _, parts, _ = amended_with_front("12757", "12823")
    assert "the Enterprise for the Americas Board" in parts["3"].text
    assert "The six US. Government members" in parts["4"].text


def test_several_quotations_struck_together_are_each_struck() -> None:
    # EO 11634: "(a) By deleting “(8) Director, Urban Transportation Administration, ...,” and
    # “(21) Deputy Assistant Postmaster General, Bureau of Operations, Post Office Department”"
    (struck,) = [i for i in aimed("11634", "11248") if i.op == STRIKE]
    assert struck.old.startswith("(8) Director, Urban Transportation")
    assert [old for old, _ in struck.pairs] == [
        "(21) Deputy Assistant Postmaster General, Bureau of Operations, Post Office Department"
    ]


def test_a_place_the_orders_own_renumbering_leaves_open_is_refused() -> None:
    # EO 14306 strikes section 5 of EO 14144 and renumbers 6-11 as 5-10, then, in its next
    # section, "striking section 7 and inserting ... “Sec. 7. Aligning Policy to Practice”"
    # (the old 7, now 6) and "striking subsection 8(a)" (the old 8's text, now 7)
    parts, not_applied = consolidated("14144", "14306")
    (refused,) = [n for n in not_applied if n["instruction"].startswith("striking section 7 ")]
    assert "both before and after" in refused["reason"]
    # nor is a phrase struck in section 1 of the amending order replaced by section 2's text
    assert not [p for p in parts if "NSS Section 1. Policy" in p.text]
    live = {p.number: p for p in parts if not p.revoked}
    assert live["7"].heading == "National Security Systems and Debilitating Impact Systems"
    assert "Aligning Policy to Practice" not in live["7"].text


def test_a_place_said_to_be_as_redesignated_is_applied() -> None:
    # EO 13758 renumbers EO 11016's paragraphs, then "Paragraph 6, as redesignated, is amended
    # by striking “paragraph 4” and inserting in lieu thereof “paragraph 5”"
    _, parts, not_applied = amended_with_front("11016", "13758")
    assert "paragraph 5" in parts["6"].text
    assert not [n for n in not_applied if "as redesignated" in n["instruction"]]


def test_the_preamble_named_before_the_order() -> None:
    # EO 13764: "The preamble to Executive Order 13467 is revised to read as follows: “By the
    # authority vested in me ...”"
    front, _, not_applied = amended_with_front("13467", "13764")
    assert "sections 3301, 7103(b), and 7301 of title 5" in front["preamble"].text
    assert [c["number"] for c in front["preamble"].changes] == ["13764"]


def test_an_instruction_not_read_never_swallows_the_next_section() -> None:
    # EO 12416: "Section 1. The preamble to Executive Order No 12372 ... is hereby amended by
    # inserting, after the words “42 U.S.C. 4231(a))”, the following phrase: “...”.\n\n
    # Section 2. Section 5(b) of Executive Order No 12372 is amended by deleting “April 30,
    # 1983” and inserting in its place “September 30, 1983.”"
    _, parts, _ = amended_with_front("12372", "12416")
    assert "effective September 30, 1983" in parts["5"].text


def test_words_read_across_several_quotations_are_refused() -> None:
    # EO 12292: "Section 1 (b) is amended by inserting after “as amended,” “the Foreign Service
    # Act of 1980,” and by striking out “that Act” and inserting in lieu thereof “the latter
    # Act”": never one insertion of everything between the second and the last mark
    _, parts, not_applied = amended_with_front("11219", "12292")
    assert "and by striking out" not in parts["1"].text
    assert any(n["reason"] == "the words run over several quotations" for n in not_applied)


def test_a_word_struck_after_an_anchor_keeps_the_texts_own_anchor() -> None:
    # EO 13028: "by striking “and” after “Public Law 102- 237”", where the text (as EO 12823
    # left it) prints "Public Law 102-237, and the Foreign Assistance Act": the "and" goes, the
    # text's own "102-237," stays
    front, _, _ = amended_with_front("12757", "12823", "13028")
    assert "Public Law 101-624, Public Law 102-237, the Foreign Assistance Act" in (
        front["preamble"].text
    )


def test_a_roman_list_inside_a_lettered_item_is_read_with_its_place() -> None:
    # EO 14085 on EO 13830: "(b) Section 1 is amended—\n\n(i) by striking “any person” and
    # inserting in lieu thereof “those individuals”;\n\n(ii) by inserting “Space Force,” after
    # “Air Force,”; ...\n\n(c) Section 2 is amended—": the (i), (ii) of section 1, not letters
    # of the outer list, and the list ends at the amending order's next section
    front, parts, not_applied = amended_with_front("13830", "14085")
    # and "(a) The paragraph preceding section 1 is amended—", the preamble; "(d) Section 4 is
    # amended—\n\n(i) in paragraph (a)—\n\n(A) by striking ...": three lists deep
    assert not not_applied
    assert "7272, 7273, 7276" in front["preamble"].text
    for number in ("1", "2", "6"):
        assert "those individuals who, while serving" in parts[number].text
        assert "distinguish themselves" in parts[number].text
    assert "Air Force, Space Force, or Coast Guard" in parts["1"].text
    # "Section 6. Amendments.\n\nExecutive Order 11545 ... is amended as follows: (a) ...":
    # the next order's instructions after the list
    assert {i.location.section for i in aimed("14085", "11545") if i.op} == {"1", "2"}


def test_an_item_that_is_a_lead_in_by_its_place_alone() -> None:
    # EO 13683 on EO 13653: "(a) in section 6(b):\n\n(i) by inserting ...;\n\n(iii) by
    # striking “(xxviii) the Office of Management and Budget;”; and\n\n(iv) by renumbering
    # current subsections (xxix), (xxx), and (xxxi) as (xxviii), (xxix), and (xxx)"
    _, parts, not_applied = amended_with_front("13653", "13683")
    council = parts["6"].text
    assert "(xxviii) the White House Office of Public Engagement" in council
    assert "(xxx) such agencies or offices as the President" in council
    assert "the Office of Management and Budget;" not in council
    assert not [n for n in not_applied if "renumbering" in n["instruction"]]


def test_the_material_between_title_and_section_1_is_the_preamble() -> None:
    # EO 13465: "by striking the material that follows the title and precedes section 1 of the
    # order and inserting in lieu thereof the following: “This order is designed to ...”"
    front, _, _ = amended_with_front("12989", "13465")
    assert front["preamble"].text.startswith("This order is designed to promote economy")
    assert [c["number"] for c in front["preamble"].changes] == ["13465"]


@pytest.mark.parametrize(
    ("target", "amending", "section", "heading"),
    [
        # "Substituting the following for the catchline of section 2: “Director of the Office
        # of Telecommunications Policy.”"
        ("11191", "11556", "2", "Director of the Office of Telecommunications Policy"),
        # "The heading of Section 3 is amended to read “Reserved”."
        ("11735", "12418", "3", "Reserved"),
        # "Changing the title of section 3 to read “Administrative and Project Support”"
        ("12367", "13385", "3", "Administrative and Project Support"),
    ],
)
def test_a_sections_heading_is_amended_not_its_text(
    target: str, amending: str, section: str, heading: str
) -> None:
    original = {s.number: s.text for s in order(target).sections}
    _, parts, _ = amended_with_front(target, amending)
    assert parts[section].heading == heading
    assert [c["number"] for c in parts[section].changes] == [amending]
    assert parts[section].text.startswith(original[section][:40])


def test_a_heading_read_into_the_next_clause_is_refused() -> None:
    # EO 10912: "By amending the catchline of section 6 to read "Definitions", and by adding
    # the following sentence at the end of that section: "..."": never a heading holding the
    # next clause
    _, parts, not_applied = amended_with_front("10716", "10912")
    assert parts["6"].heading == "Definition"
    assert any(n["reason"] == "the new heading of section 6 is not read" for n in not_applied)


def test_a_heading_revised_never_replaces_the_sections_text() -> None:
    # EO 13869: "The heading of section 2.6 of Executive Order 13467 ... is revised to read as
    # follows: “Roles and Responsibilities of the Department of Defense, ...”" had replaced the
    # whole text of section 2.6 with the new heading
    _, parts, _ = amended_with_front("13467", "13741", "13764", "13869")
    assert parts["2.6"].heading.startswith(
        "Roles and Responsibilities of the Department of Defense"
    )
    assert parts["2.6"].text.startswith("(a) ")
