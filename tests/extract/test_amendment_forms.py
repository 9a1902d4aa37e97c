"""Forms of amendment instruction read from real orders of 1950-2025 and applied to the real
sections they amend, each form on several orders: items under an uppercase "SECTION 1." or
under a place that is itself a lead-in, edits told in the passive, parts struck whole, a
sentence replaced, "the second time it appears". Pure: the files parsed, no database."""

from __future__ import annotations

import re

import pytest

from actions.extract.amendment_wording import (
    ADD_END,
    ADD_SECTION,
    INSERT_AFTER,
    INSERT_BEFORE,
    REDESIGNATE,
    REPLACE,
    STRIKE,
    STRIKE_INSERT,
    STRIKE_PLACE,
    Location,
)
from tests.extract.orders import aimed, amended, consolidated, order


def test_items_under_an_uppercase_section_heading():
    """EO 10746 (1957): "... is hereby further amended as follows: SECTION 1. Section 4 (a) is
    amended by deleting therefrom “...” and by inserting in lieu thereof the following: ..."."""
    first = aimed("10746", "10560")[0]
    assert (first.op, first.location) == (STRIKE_INSERT, Location("4", ("a",)))
    assert first.old.startswith("paragraphs (a) to (f), inclusive, and (h) to (j)")


@pytest.mark.parametrize(
    ("amending", "target", "section", "words"),
    [
        # "Sec. 1. Section 201 is amended: (a) by striking “(a)”; and (b) by striking ..."
        ("13207", "10000", "201", ["(a)", ", and (b) the words"]),
        # "(b) Section 1 is amended: (1) by striking “Act” the first time it appears ..."
        ("12823", "12757", "1", ["Act", "1966", "Act"]),
    ],
)
def test_items_under_a_place_that_is_a_lead_in(amending, target, section, words):
    found = [i for i in aimed(amending, target) if i.location.section == section]
    assert len(found) >= len(words)
    for instruction, start in zip(found, words, strict=False):
        assert instruction.op is not None
        assert (instruction.old or "").startswith(start)


def test_the_second_time_it_appears():
    """EO 12823 on EO 12757 section 1: the first “Act” and the second, each where it stands
    (the two printed as "614 of the Act" and "611 of the Act")."""
    parts, _ = amended("12757", "12823")
    text = parts["1"].text
    assert "614 of the ATDA Act and sections 703 and 704 of the FAA" in text
    assert "section 611 of the ATDA Act" in text


@pytest.mark.parametrize(
    ("amending", "target", "op", "location", "starts"),
    [
        ("12013", "10253", ADD_SECTION, Location(), "Sec. 8."),  # "a new Section 8 is added"
        ("12004", "11721", ADD_SECTION, Location(), "Sec. 204."),  # "A new Section 204 is added"
        ("13378", "12788", ADD_END, Location("3"), "(n) Encourage"),  # "A new section 3(n)"
        # "The following new subsections are added to section 9 at the end thereof:"
        ("10618", "10152", ADD_END, Location("9"), "(e) The term"),
    ],
)
def test_additions_told_in_the_passive(amending, target, op, location, starts):
    found = [i for i in aimed(amending, target) if i.op == op and i.new.startswith(starts)]
    assert found and found[0].location == location


def test_passive_additions_applied():
    parts, _ = amended("11721", "12004")
    assert parts["204"].added and parts["204"].text.startswith("(a) The Advisory Committee")
    parts, _ = amended("12788", "13378")
    assert (
        parts["3"]
        .text.rstrip()
        .endswith(
            "(n) Encourage resolution of regulatory issues that impede encroachment prevention "
            "and local economic adjustment efforts."
        )
    )


def test_words_struck_and_substituted_in_the_passive():
    """EO 12013 (1977) on EO 10253: "“Director” is deleted wherever it appears in Sections 1,
    2, 4, 5, and 6 and “Secretary” is substituted therefor"; EO 10192 (1950) on EO 10129: "The
    words “Thirty days” in paragraph numbered 8 are amended to read “Sixty days”"."""
    (director,) = [i for i in aimed("12013", "10253") if i.old == "Director" and i.op]
    assert (director.op, director.new, director.each_place) == (STRIKE_INSERT, "Secretary", True)
    assert director.location.section == "1,2,4,5,6"
    parts, not_applied = amended("10129", "10192")
    assert "Sixty days" in parts["8"].text and "Thirty days" not in parts["8"].text
    assert "March 1, 1951" in parts["3"].text
    assert not not_applied


def test_a_place_the_passive_names_but_the_archive_cannot_read_is_not_guessed():
    """EO 12013 on EO 10033: "“Director” is deleted wherever it appears in Sections 1, 2(a),
    2(b), 2(c), 3, 4, and 5": a list of places not read is never taken for the whole order."""
    listed = [i for i in aimed("12013", "10033") if "2(a), 2(b), 2(c)" in i.text]
    assert listed and all(i.op is None and i.problem for i in listed)


@pytest.mark.parametrize(
    ("amending", "target", "location"),
    [
        ("13286", "10637", Location("1", ("r",))),  # "striking subsection 1(r) and ..."
        ("10972", "10900", Location("4", ("d", "5"))),  # "By deleting paragraph (5) from 4(d)"
        ("13652", "13043", Location("4")),  # "is amended by striking section 4"
    ],
)
def test_parts_struck_whole(amending, target, location):
    assert location in [i.location for i in aimed(amending, target) if i.op == STRIKE_PLACE]


def test_a_subsection_struck_and_the_next_redesignated():
    """EO 13286 on EO 10637: "striking subsection 1(r) and redesignating subsection 1(s) as
    subsection 1(r)": one (r) left, holding what (s) held."""
    before = {s.number: s.text for s in order("10637").sections}["1"]
    old_s = before[before.index("(s)") :].split("\n")[0]
    found = [i.op for i in aimed("13286", "10637") if i.location.path[:1] in (("r",), ("s",))]
    assert found[:2] == [STRIKE_PLACE, REDESIGNATE]
    parts, _ = amended("10637", "13286")
    text = parts["1"].text
    assert text.count("(r)") == 1 and "(s)" not in text
    assert "(r)" + old_s[3:] in text


@pytest.mark.parametrize(
    ("amending", "target", "section", "sentence"),
    [
        ("13215", "13035", "1", "last"),  # "deleting the last sentence and inserting ..."
        ("13517", "13183", "4", "first"),  # "deleting the first sentence and inserting ..."
    ],
)
def test_a_sentence_replaced_in_the_place_named_above(amending, target, section, sentence):
    found = [i for i in aimed(amending, target) if i.op == REPLACE and i.location.sentence]
    assert found and found[0].location == Location(section, (), sentence)


def test_operations_numbered_on_one_line_and_the_items_after():
    """EO 10742 (1957) on EO 10575: "(a) Section 101 (b) is amended (1) by deleting from the
    first sentence “...” and inserting ..., (2) by deleting from the second sentence “...”,
    and (3) by deleting from the third sentence ..." and then its items (b) and (c)."""
    found = [(i.op, i.location) for i in aimed("10742", "10575")]
    assert found == [
        (STRIKE_INSERT, Location("101", ("b",), "first")),
        (STRIKE, Location("101", ("b",), "second")),
        (STRIKE_INSERT, Location("101", ("b",), "third")),
        (REPLACE, Location("103", ("a", "2"))),
        (ADD_SECTION, Location("107")),
    ]
    parts, not_applied = amended("10575", "10742")
    assert "sections 402 and 505 of the Act" in parts["101"].text
    assert parts["108"].added and "Development Loan Committee" in parts["108"].text


def test_the_text_of_a_section_revised():
    """EO 13378 (2005) on EO 12788: "The text of section 2 of Executive Order 12788 is revised
    to read as follows:", "The text of section 3(c) is amended by deleting ...", and so on."""
    found = {i.location: i.op for i in aimed("13378", "12788") if "The text of" in i.text}
    assert {
        Location("2"): REPLACE,
        Location("3", ("c",)): STRIKE_INSERT,
        Location("4", ("b",)): REPLACE,
        Location("4", ("c",)): REPLACE,
    }.items() <= found.items()
    parts, _ = amended("12788", "13378")
    assert parts["4"].text.count("shall chair the Committee") == 1


def test_a_list_inside_an_item_ends_where_the_outer_list_goes_on():
    """EO 11685 (1972) on EO 10973: "5. Section 203 is amended as follows: (a) ... (d) ...
    6. Section 301 is amended as follows: (a) Paragraph (a) is amended to read ...": the "6."
    ends the list under 5., and the (a) under it is section 301's, never section 203's."""
    found = aimed("11685", "10973")
    replaced = [i.location for i in found if i.op == REPLACE and i.new.startswith("(a) The")]
    assert Location("301", ("a",)) in replaced
    revoked = [i.location for i in found if i.op == "revoke"]
    assert Location("401", ("d", "3")) in revoked
    assert not [i for i in found if i.location.section == "203" and "(g)" in (i.new or "")]


@pytest.mark.parametrize(
    ("sec", "struck", "moved", "new"),
    [
        # "SEC. 6. In Section 3, delete subsection (i), redesignate subsection (h) as
        # subsection (i), and insert the following new subsection (h):"
        ("3", ("i",), ("h", "i"), "(h) After the President"),
        # "SEC. 8. In Section 4, redesignate subsection (f) as subsection (g), and insert the
        # following new subsection (f):"
        ("4", None, ("f", "g"), "(f) Before making"),
    ],
)
def test_imperatives_chained_in_one_item_act_in_the_place_it_names(sec, struck, moved, new):
    """EO 11106 (1963) on EO 11075: each operation of the chain acts in the section the item
    names, and the new subsection stands where its letter puts it, before the next."""
    found = [i for i in aimed("11106", "11075") if i.location.section == sec]
    ops = [(i.op, i.location.path, i.new) for i in found]
    if struck:
        assert (STRIKE_PLACE, struck, "") in ops or (STRIKE_PLACE, struck, None) in ops
    assert (REDESIGNATE, moved[:1], moved[1]) in ops
    assert any(i.op == ADD_END and i.new.startswith(new) for i in found)
    parts, _ = amended("11075", "11106")
    text = parts[sec].text
    following = f"\n({chr(ord(new[1]) + 1)})"
    assert text.index(new) < text.index(following)


@pytest.mark.parametrize(
    ("amending", "target", "section", "ends"),
    [
        # "inserting before the period at the end of Section 3 (b) (9) thereof a comma and
        # the following: “including recommendations ...”"
        ("11051", "10421", "3", "as may be appropriate, including recommendations as to"),
        # "By inserting before the period at the end of the first sentence of Section 5 a
        # comma and the following: “and from any ... fiscal year 1963.”"
        ("11039", "10974", "5", "75 Stat. 269, and from any thereto corresponding"),
    ],
)
def test_words_inserted_before_the_period_at_the_end_of_a_named_part(
    amending, target, section, ends
):
    (instruction,) = [i for i in aimed(amending, target) if "before the period" in i.text]
    assert instruction.op == INSERT_BEFORE and instruction.new.startswith(", ")
    parts, _ = amended(target, amending)
    text = parts[section].text
    assert ends in text
    assert ".." not in text and "\n\nincluding" not in text and "\n\nand from" not in text


@pytest.mark.parametrize(
    ("amending", "op", "section", "new"),
    [
        # "... is further amended by adding thereto the following:\n\n(6) Deputy Director
        # ... Department of Defense.\n\nLYNDON B. JOHNSON"
        ("11268", ADD_END, "2", "(6) Deputy Director of Defense Research and Engineering"),
        ("11367", ADD_END, "1", "(5) Assistant Director for Executive Management"),
        # "... by deleting “(1) Special Assistant ...”, and inserting in lieu thereof the
        # following:\n\n(1) Special Assistant to the Secretary (Congressional Relations) ..."
        ("11489", STRIKE_INSERT, "1", "(1) Special Assistant to the Secretary (Congressional"),
    ],
)
def test_items_printed_unquoted_before_the_signature(amending, op, section, new):
    """The schedules of positions of EO 11248 (levels IV and V), amended some forty times in
    1966-1972, print the new items unquoted, alone between the instruction and the signature."""
    (instruction,) = aimed(amending, "11248")
    assert (instruction.op, instruction.location.section) == (op, section)
    assert instruction.new.startswith(new) and "JOHNSON" not in instruction.new
    assert "NIXON" not in instruction.new
    parts, not_applied = amended("11248", amending)
    assert not not_applied and new in parts[section].text
    assert "\n\n\n" not in parts[section].text


@pytest.mark.parametrize(
    ("amending", "target", "opens", "part"),
    [
        # The transcription of EO 10986 lost the lead of the new subsection (b): the text
        # after "substituting for subsection (b) of section 1 thereof the following:" opens
        # with "(1) The Secretary of Commerce".
        ("10986", "10898", "1", "b"),
        # EO 12128: "Section 2(a) ... is amended to read as follows: “(b) “Foreign affairs
        # agency” means ...”"
        ("12128", "11636", "b", "a"),
    ],
)
def test_a_new_text_that_opens_with_another_parts_marker_is_not_applied(
    amending, target, opens, part
):
    before = {s.number: s.text for s in order(target).sections}
    parts, not_applied = amended(target, amending)
    reasons = [n["reason"] for n in not_applied]
    assert f"the new text opens with ({opens}), not ({part})" in reasons
    section = next(n for n, text in before.items() if f"({part})" in text)
    assert f"({part})" in parts[section].text


def test_a_last_quotation_whose_closing_mark_is_lost_ends_at_the_signature():
    """EO 10288 (1951): "2. Paragraph 1(c) is amended to read as follows: "(c) The acquisition
    ... not later than March 1, 1952.\n\nHARRY S. TRUMAN" (no closing mark); and EO 10503
    (1953), whose unclosed quotation is followed by the order's own "This order shall be
    effective as of July 1, 1953.": that paragraph is not taken for the new text."""
    (last,) = [i for i in aimed("10288", "10157") if i.location == Location("1", ("c",))]
    assert last.op == REPLACE and last.new.endswith("not later than March 1, 1952.")
    assert "TRUMAN" not in last.new
    (unclosed,) = aimed("10503", "10011")
    assert unclosed.op is None and unclosed.problem == "the new text is not quoted"


@pytest.mark.parametrize(
    ("amending", "target", "old", "new", "listed"),
    [
        # EO 13286 (2003): "striking “FEMA” wherever it appears in sections 1(b), 2(b), 2(c),
        # 3, 4, 5, and 6, and inserting “DHS”"
        (
            "13286",
            "12657",
            "FEMA",
            "DHS",
            [
                ("1", ("b",)),
                ("2", ("b",)),
                ("2", ("c",)),
                ("3", ()),
                ("4", ()),
                ("5", ()),
                ("6", ()),
            ],
        ),
        # "striking “Federal Emergency Management Agency” in sections 1(e)(3) and 3(j) and
        # inserting “Department of Homeland Security”"
        (
            "13286",
            "12472",
            "Federal Emergency Management Agency",
            "Department of Homeland Security",
            [("1", ("e", "3")), ("3", ("j",))],
        ),
        # "striking “The Director of the Federal Emergency Management Agency” wherever it
        # appears in sections 104(c) and 1702 and inserting “The Secretary of Homeland ...”"
        (
            "13286",
            "12656",
            "The Director of the Federal Emergency Management Agency",
            "The Secretary of Homeland Security",
            [("104", ("c",)), ("1702", ())],
        ),
    ],
)
def test_the_same_edit_in_each_part_listed(amending, target, old, new, listed):
    (instruction,) = [i for i in aimed(amending, target) if i.old == old]
    assert [(where.section, where.path) for where, _ in instruction.each] == listed
    original = {s.number: s.text for s in order(target).sections}
    parts, _ = consolidated(target, amending)
    live = {p.number: p for p in parts if not p.revoked}
    for section, path in listed:
        assert old in original[section] and new in live[section].text
        if not path:  # a part's words struck where it stands, the rest of the section kept
            assert re.search(rf"\b{old}\b", live[section].text) is None


@pytest.mark.parametrize(
    ("amending", "target", "needle", "op", "location", "new"),
    [
        # "After section 3, the following new sections are added: “Sec. 4. ...”"
        ("13333", "13257", "After section 3", ADD_SECTION, Location("3"), "Sec. 4."),
        # "a new Sec. 201(d) is inserted after Sec. 201(c) to read as follows: “The Manual":
        # the new part's own marker, printed by the head, put before its text
        ("13691", "12829", "new Sec. 201(d)", ADD_END, Location("201"), "(d) The Manual"),
        # "Section 4 (a) ... is amended, in order to increase the membership ..., to read"
        ("11865", "11808", "in order to", REPLACE, Location("4", ("a",)), "Sec. 4 (a)"),
        ("11947", "11846", "in order to", REPLACE, Location("4", ("c",)), "(c) The functions"),
        # "The second sentence of Section l(a) shall read:": the scanned "l" read as a "1"
        ("12398", "12369", "second sentence", REPLACE, Location("1", ("a",), "second"), "The"),
        ("12457", "12428", "second sentence", REPLACE, Location("1", ("a",), "second"), "The"),
        # "Section 104 of Part I is revised to read as follows:", "Section 201 of Part II of
        # Executive Order No. 11157, as amended, is further revised to read as follows:"
        ("11375", "11246", "Section 104 of Part I", REPLACE, Location("104"), "SECTION 104."),
        ("12274", "11157", "Section 201 of Part II", REPLACE, Location("201"), "Sec. 201(a)."),
    ],
)
def test_heads_told_in_other_words(amending, target, needle, op, location, new):
    (instruction,) = [i for i in aimed(amending, target) if needle in i.text]
    assert (instruction.op, instruction.location) == (op, location)
    assert instruction.new.startswith(new)


def test_items_act_within_the_place_their_head_names():
    """EO 11985 (1977): "SEC. 4. Section 3(b) of Executive Order No. 11905 is amended as
    follows: ... (d) Insert in paragraph (3) immediately after the word “supported” the words
    “in its functions under this Order”. (e) Insert in paragraph (4) immediately after the
    last word the words “under this Order”. (f) Insert in paragraph (5) immediately before
    the word “may” the words “under this Order”."""
    found = {i.location: i for i in aimed("11985", "11905") if i.text.startswith("Insert in")}
    three, four, five = (found[Location("3", ("b", str(n)))] for n in (3, 4, 5))
    assert (three.op, three.old, three.new) == (
        INSERT_AFTER,
        "supported",
        "in its functions under this Order",
    )
    assert (four.op, four.new) == (INSERT_BEFORE, " under this Order")  # before the period
    assert (five.op, five.old) == (INSERT_BEFORE, "may")
    assert all(i.location.section == "3" for i in aimed("11985", "11905") if "CFI" in i.text)


def test_words_inserted_after_a_sections_own_number():
    """EO 11939 (1976): "Section 403 of Part IV of Executive Order No. 11157 ... is further
    amended by: (a) inserting “(a)” after “Sec. 403.”": the number is the section's heading,
    kept apart from its text; the "(a)" opens the text. EO 12762 (1991) then amends
    "Section 403(a)"."""
    parts, not_applied = amended("11157", "11939", "12762")
    assert parts["403"].text.startswith("(a) Any quarters or housing facilities")
    assert "thirty consecutive days" in parts["403"].text
    assert not [n for n in not_applied if "Sec. 403." in n["instruction"]]


def test_a_section_revised_by_removing_replacing_and_inserting_between():
    """EO 13716 (2016) on EO 13628: "(b) Revising current section 4 by removing “section 5 of
    Executive Order 13622 of July 30, 2012,” in subsection (a), replacing “section 12” with
    “section 9” in subsection (a), and replacing “section 12” with “section 9” in subsection
    (b)", and "Revising current section 8 [9, 14] by inserting “and” between “2(a),” and
    “3(a)” and removing “, and 7(a)(iv)”": each in the section it revises."""
    original = {s.number: s.text for s in order("13628").sections}
    parts, _ = consolidated("13628", "13716")
    by_key = {p.key: p for p in parts}
    assert "section 12 of this order" in original["4"]
    assert "section 12" not in by_key["4"].text and "section 9 of this order" in by_key["4"].text
    assert "Executive Order 13622 of July 30, 2012" not in by_key["4"].text
    for key in ("8", "9", "14"):
        assert "1(a)(iv), 2(a), 3(a), and 7(a)(iv)" in original[key]
        assert "1(a)(iv), 2(a), and 3(a) of this order" in by_key[key].text


def test_words_substituted_in_each_place_that_word_appears():
    """EO 11106 (1963) on EO 11075: "In subsection (c) of Section 3, substitute “trade
    agreements program” for “Act” in each place that word appears"."""
    (instruction,) = [i for i in aimed("11106", "11075") if "each place that word" in i.text]
    assert instruction.each_place and instruction.location == Location("3", ("c",))
    parts, _ = consolidated("11075", "11106")
    section = next(p for p in parts if p.number == "3").text
    subsection = section[section.index("(c)") : section.index("(d)")]
    assert "the Act" not in subsection and subsection.count("trade agreements program") == 2


def test_words_quoted_inside_the_words_struck():
    """EO 13286 (2003) on EO 12657: "striking “Federal Emergency Management Agency (“FEMA”)”
    in section 1(b) and inserting “Department of Homeland Security (“DHS”)”": the inner
    quotation closes where it did, in the same marks as the words inserted."""
    parts, _ = consolidated("12657", "13286")
    section = next(p for p in parts if p.number == "1").text
    assert "Department of Homeland Security (\u201cDHS\u201d)" in section
    assert '(\u201cDHS")' not in section
    assert "Federal Emergency Management Agency (" not in section


@pytest.mark.parametrize(
    ("amending", "target", "section", "reads"),
    [
        # "(f) striking “and” after “State” in section 701(6) and inserting a comma in lieu
        # thereof; (g) inserting “, and Homeland Security” after “Defense” in section 701(6)"
        ("13286", "12656", "701", "the Secretaries of State, Defense, and Homeland Security"),
        # "(a) striking “and” after “(16) Central Intelligence Agency;” in section 1(b); and
        # (b) inserting “and (18) General Services Administration;” after “(17) ...;”"
        ("13286", "12977", "1", "(16) Central Intelligence Agency; (17) Office of Management"),
    ],
)
def test_words_struck_where_they_stand_next_to_an_anchor(amending, target, section, reads):
    parts, _ = consolidated(target, amending)
    text = next(p for p in parts if p.number == section).text
    assert reads in " ".join(text.split())


@pytest.mark.parametrize(
    ("amending", "target", "section", "reads"),
    [
        # "(a) inserting “(13) the Secretary of Homeland Security;” after “(12) the Secretary of
        # Education;” in section 1(b); and (b) renumbering all subsequent subsections in
        # section 1(b) appropriately"
        (
            "13284",
            "12590",
            "1",
            ["(13) the Secretary of Homeland Security;", "(14) the Director of the Office"],
        ),
        # "inserting “(v) the Secretary of Homeland Security;” after “(iv) ...”; and
        # renumbering the subsequent subsections in section 1(b) appropriately": Roman
        ("13286", "13257", "1", ["(v) the Secretary of Homeland Security;", "(vi) the Director"]),
        # "inserting “15. Department of Homeland Security;” after “14. Department of Veterans
        # Affairs;” in section 1(a); and renumbering all subsequent subsections ..."
        (
            "13284",
            "13048",
            "1",
            ["15. Department of Homeland Security; 16. Environmental", "and 27. Office of"],
        ),
    ],
)
def test_the_parts_after_one_inserted_renumbered(amending, target, section, reads):
    parts, not_applied = consolidated(target, amending)
    text = " ".join(next(p for p in parts if p.number == section).text.split())
    for words in reads:
        assert words in text
    assert not [n for n in not_applied if "subsequent" in n["instruction"]]


@pytest.mark.parametrize(
    ("amending", "target", "section", "before", "after"),
    [
        # "is amended in section 1(b)(3) by adding after the phrase “Section 2105(a)(1)” the
        # terms “(A) and (C)”"
        ("13346", "13277", "1", "Section 2105(a)(1)", "Section 2105(a)(1) (A) and (C)"),
        # "is amended in section 3(b) by striking the “and” immediately preceding “the Chief
        # Executive Officer of the Millennium Challenge Corporation”"
        ("13652", "13600", "3", "and the Chief Executive Officer", "the Chief Executive Officer"),
        # "by striking the “and” preceding “the Assistant to the President for Homeland
        # Security and Counterterrorism”"
        ("13683", "13653", "6", "and the Assistant to the President for Homeland", None),
    ],
)
def test_words_placed_by_the_phrase_they_follow_or_precede(
    amending, target, section, before, after
):
    original = {s.number: s.text for s in order(target).sections}
    parts, _ = consolidated(target, amending)
    text = " ".join(next(p for p in parts if p.number == section).text.split())
    assert before in " ".join(original[section].split())
    assert before not in text or (after and after in text)
    if after:
        assert after in text


@pytest.mark.parametrize(
    ("amending", "target", "section", "reads", "gone"),
    [
        # "is amended (i) in section 1(a) by inserting in the second sentence “up to 20” in
        # place of “15”, and (ii) in section 2(a) by inserting in the first sentence “about
        # December 31, 1996,” in place of “before February 1, 1996,”"
        ("12987", "12964", "1", "up to 20", None),
        ("12987", "12964", "2", "about December 31, 1996,", "before February 1, 1996,"),
        # "is further amended in section 5(c) by adding “administrative” immediately
        # preceding “matters and activities pertaining”"
        ("13652", "13600", "5", "administrative matters and activities pertaining", None),
        # "section 1 of Executive Order 13295 shall be further amended by replacing
        # subsection (b) with the following: “(b) Severe acute respiratory syndromes, ...”"
        ("13674", "13295", "1", "(b) Severe acute respiratory syndromes, which are", None),
    ],
)
def test_words_put_in_place_of_others_preceding_and_replacing(
    amending, target, section, reads, gone
):
    parts, not_applied = amended(target, amending)
    assert reads in parts[section].text
    assert gone is None or gone not in parts[section].text
    assert not not_applied


def test_words_inserted_with_their_place_named_before_the_verb():
    """EO 13302 (2003) on EO 13212: "(a) in section 1, immediately before the period at the
    end of the section, inserting “and projects that will strengthen pipeline safety”; (b) in
    section 2, after “energy-related projects” inserting “(including pipeline safety
    projects)”"."""
    parts, not_applied = amended("13212", "13302")
    assert parts["1"].text.endswith(
        "conservation of energy and projects that will strengthen pipeline safety."
    )
    assert parts["2"].text.startswith(
        "For energy-related projects (including pipeline safety projects), agencies"
    )
    assert not not_applied


def test_words_struck_where_they_appear_after_a_phrase_are_read():
    """EO 13683 on EO 11030: "in section 1(f), by striking “inches” where it appears after the
    phrase “approximately 1” and inserting “inch”": read (the archived text already says
    "approximately 1 inch", so it is not applied, for that reason)."""
    (read,) = [i for i in aimed("13683", "11030") if "approximately 1" in i.text]
    assert (read.op, read.old, read.new) == (STRIKE_INSERT, "approximately 1 inches",
                                            "approximately 1 inch")  # fmt: skip
    _, not_applied = amended("11030", "13683")
    assert [n["reason"] for n in not_applied if "approximately 1" in n["instruction"]] == [
        "“approximately 1 inches” is not in section 1(f)"
    ]
