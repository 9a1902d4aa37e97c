"""Amendment instructions read from real amending orders (`actions.extract.amendments`), and
applied to real sections (`actions.extract.consolidate`)."""

import pytest

from actions.extract.amendment_wording import ADD_END, ADD_SECTION, REPLACE, STRIKE_INSERT, Location
from actions.extract.amendments import parse_instructions
from actions.extract.consolidate import consolidate
from actions.extract.consolidated_parts import Amendment
from actions.ingest.detect import parse_file
from tests.conftest import CORPUS, require_shared
from tests.extract.orders import aimed, consolidated

FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"


def instructions(name: str, target: str):
    require_shared()
    (doc,) = parse_file((FR / name).read_bytes())
    return [i for i in parse_instructions(doc.text) if i.target_number == target]


def test_a_section_amended_to_read_as_follows():
    found = instructions("EO_13886.xml", "13224")[0]
    assert (found.op, found.location) == (REPLACE, Location("1"))
    assert found.new.startswith("Section 1. (a) All property and interests in property")


def test_words_struck_and_inserted():
    title, found = instructions("EO_13216.xml", "13125")
    # "The title of Executive Order 13125 is deleted and the following title is inserted in lieu
    # thereof: “...”": the title replaced
    assert title.op == REPLACE and title.location.section == "title"
    assert title.new.startswith("Increasing Opportunity and Improving Quality of Life")
    assert (found.op, found.location) == (STRIKE_INSERT, Location("9"))
    assert found.old.startswith("2 years after the date of this Executive order")
    assert found.new.startswith("on June 7, 2003")


def test_a_sentence_of_a_section():
    (found,) = instructions("EO_13167.xml", "13147")
    assert found.op == STRIKE_INSERT
    assert found.location == Location("1", (), "second")
    assert found.old == "not more than 15"


def test_items_relative_to_the_order_named_above_them():
    """EO 13471: "Section 4(b) is amended to read: ..." and "Section 4 is amended by adding at
    the end thereof the following new subsection: ..." under one lead-in."""
    found = [(i.op, i.location) for i in instructions("EO_13471.xml", "13285")]
    assert (REPLACE, Location("4", ("b",))) in found
    assert (ADD_END, Location("4")) in found


def test_inserting_in_lieu_thereof_with_commas():
    """A 2026 order: "by striking the phrase “Secretary of Commerce” and inserting, in lieu
    thereof, “Secretary of Commerce and the Secretary of Energy, ...”"."""
    require_shared()
    page = (
        CORPUS
        / "whitehouse-2021-2026"
        / "presidential-actions"
        / "2026-03"
        / "2026-03-13-adjusting-certain-delegations-under-the-defense-production-act.md"
    )
    (doc,) = parse_file(page.read_bytes())
    (found,) = [i for i in parse_instructions(doc.text) if i.target_number == "13603"]
    assert (found.op, found.location, found.old) == (
        STRIKE_INSERT,
        Location("203"),
        "Secretary of Commerce",
    )
    assert found.new.startswith("Secretary of Commerce and the Secretary of Energy, each of whom")


def test_words_struck_in_a_list_of_subsections_act_in_each_part_listed():
    """EO 13286 strikes “the Director of the Federal Emergency Management Agency” "wherever it
    appears in sections 104(c), 201(15), ..." of EO 12656 and inserts “the Secretary of
    Homeland Security”: in each part listed, never in the whole order, nor as a bare
    deletion."""
    require_shared()
    (doc,) = parse_file((FR / "EO_13286.xml").read_bytes())
    found = [i for i in parse_instructions(doc.text) if i.target_number == "12656"]
    listed = [i for i in found if "wherever it appears in sections" in i.text]
    assert len(listed) == 2
    for instruction in listed:
        assert instruction.op == STRIKE_INSERT and instruction.new.lower().startswith(
            "the secretary"
        )
        assert len(instruction.each) >= 2 and all(where.section for where, _ in instruction.each)
    assert [(w.section, w.path) for w, _ in listed[1].each][:3] == [
        ("104", ("c",)),
        ("201", ("15",)),
        ("301", ("9",)),
    ]


def test_an_order_revoked_whole_is_no_edit_of_its_text():
    """EO 13886 revokes EO 12947 in whole: a status, not an instruction."""
    assert instructions("EO_13886.xml", "12947") == []


SECTION = (
    "4",
    "",
    "(a) The Committee shall advise the President.\n\n(b) The Committee shall terminate 2 "
    "years from the date of this order unless extended by the President prior to such date.",
)


def amend(text: str, day=None):
    (instruction,) = parse_instructions(text)
    return Amendment(instruction, 1, "99999", "1", day)


@pytest.mark.parametrize(
    ("instruction", "expected"),
    [
        (
            # "two years" in the instruction, "2 years" in the order: the same words.
            "Section 4(b) of Executive Order 13035 is amended by deleting “two years from the "
            "date of this order” and inserting “February 11, 2001,”.",
            "(b) The Committee shall terminate February 11, 2001, unless",
        ),
        (
            "Section 4(b) of Executive Order 13035 is revised to read as follows: “(b) Unless "
            "further extended by the President, this order shall expire on June 30, 2009.”",
            "(b) Unless further extended by the President, this order shall expire on June 30",
        ),
        (
            "Section 4 of Executive Order 13035 is amended by adding at the end thereof the "
            "following new subsection: “(c) This order creates no right.”",
            "prior to such date.\n\n(c) This order creates no right.",
        ),
    ],
)
def test_applied_where_the_instruction_says(instruction, expected):
    (part,), not_applied = consolidate([SECTION], [amend(instruction)])
    assert not_applied == []
    assert expected in part.text
    assert part.changes[0]["number"] == "99999"


@pytest.mark.parametrize(
    ("instruction", "reason"),
    [
        (
            "Section 4(b) of Executive Order 13035 is amended by deleting “three years” and "
            "inserting “February 11, 2001,”.",
            "“three years” is not in section 4(b)",
        ),
        (
            "Section 4(d) of Executive Order 13035 is revised to read as follows: “(d) New.”",
            "section 4(d) is not in the text",
        ),
        (
            "Section 7 of Executive Order 13035 is amended by striking “a” and inserting “b”.",
            "the order has no section 7",
        ),
    ],
)
def test_never_applied_by_guess(instruction, reason):
    (part,), not_applied = consolidate([SECTION], [amend(instruction)])
    assert part.text == SECTION[2]  # left as it was
    assert [n["reason"] for n in not_applied] == [reason]


# Faults the reading of bench/as_amended_sample.md found, each on the words of the real
# instruction (quoted from the amending order) and of the section it amends.
@pytest.mark.parametrize(
    ("section", "instruction", "expected"),
    [
        (  # EO 11685 on EO 11501: the period set inside the closing mark is the sentence's
            ("1", "", "(i) That under section 42 (b) of the Act to the Secretary of Defense."),
            "Section 1(i) of Executive Order No. 11501 of December 22, 1969, is hereby amended "
            "by deleting “42 (b)” and inserting in lieu thereof “42(c).”",
            "(i) That under section 42(c) of the Act to the Secretary of Defense.",
        ),
        (  # EO 13228 on EO 12656: at the end of the fourth sentence, before its period
            ("101", "", "(a) One. Two. Three. The policy applies to the United States. Five."),
            "Section 101(a) of Executive Order 12656 is amended by adding at the end of the "
            "fourth sentence: “, except that the Homeland Security Council shall be responsible "
            "for administering such policy with respect to terrorist threats and attacks within "
            "the United States.”",
            "to the United States, except that the Homeland Security Council shall be "
            "responsible for administering such policy with respect to terrorist threats and "
            "attacks within the United States. Five.",
        ),
        (  # EO 13690 on EO 11988: a sentence of its own after the first
            ("2", "", "(a) (2) Avoid incompatible development in the floodplains. Then more."),
            "Section 2(a)(2) of Executive Order 11988 is amended by inserting the following "
            "sentence after the first sentence: “Where possible, an agency shall use natural "
            "systems.”.",
            "floodplains. Where possible, an agency shall use natural systems. Then more.",
        ),
        (  # EO 10742 on EO 10610: the section's own number is not its subsection's text
            ("103", "", "(a) The Secretary of State shall establish an agency.\n\n(b) Other."),
            "Section 103 (a) of Executive Order 10610 is amended to read as follows: “SEC. 103. "
            "(a) The Secretary of State shall establish, with the offices, an agency.”",
            "(a) The Secretary of State shall establish, with the offices, an agency.\n\n(b)",
        ),
    ],
)
def test_faults_found_by_reading(section, instruction, expected):
    (part,), not_applied = consolidate([section], [amend(instruction)])
    assert not_applied == []
    assert expected in part.text


def test_an_item_is_not_chained_to_the_one_before():
    """EO 13709 on EO 10431: "(a) Section 2 is amended to read as follows: ... (b) By inserting
    at the end: “7. ...”" — (b) names no section, so it is not added to section 2."""
    found = parse_instructions(
        "Executive Order 10431 is amended as follows:\n\n(a) Section 2 is amended to read as "
        "follows: “The National Security Medal may be awarded to any person.”\n\n(b) By "
        "inserting at the end: “7. Any individual having personal knowledge may recommend.”"
    )
    assert [(i.op, i.location.section) for i in found] == [(REPLACE, "2"), (ADD_END, None)]


def test_a_replacement_holding_only_a_heading_is_not_applied():
    """EO 14131 on EO 11926, as its web page prints it: “ Section 2. Administration. ”."""
    section = ("2", "", "The Vice Presidential Service Badge may be awarded by the Secretary.")
    amendment = amend(
        "Executive Order 11926 is amended by:\n\n(a) Amending section 2 to read as follows: "
        "“ Section 2. Administration. ”;"
    )
    (part,), not_applied = consolidate([section], [amendment])
    assert part.text == section[2]
    assert [n["reason"] for n in not_applied] == ["the new text holds a heading and no text"]


def test_the_abbreviated_section_and_its_redesignation():
    """EO 13691 on EO 12829: "Sec. 101(b) is amended to read as follows", "Sec. 201(f) is
    deleted in its entirety", "Sec. 202(d) is redesignated as Sec. 202(e)"."""
    found = parse_instructions(
        "Executive Order 12829 is amended as follows:\n\n(b) Sec. 101(b) is amended to read as "
        "follows: “The National Industrial Security Program shall provide.”\n\n(f) Sec. 201(f) is "
        "deleted in its entirety;\n\n(k) Sec. 202(d) is redesignated as Sec. 202(e);"
    )
    assert [(i.op, i.location.section, i.location.path, i.new) for i in found][1:] == [
        ("strike_place", "201", ("f",), None),
        ("redesignate", "202", ("d",), "e"),
    ]
    assert (found[0].op, found[0].location) == (REPLACE, Location("101", ("b",)))


@pytest.mark.parametrize(
    ("amending", "target", "first"),
    [
        # "Section 1. Amendments to Executive Order 13761. (a) Section 1 of Executive Order
        # 13761 is amended by striking “July 12, 2017” and inserting ...": section 1's words,
        # not the whole order's
        ("13804", "13761", Location("1")),
        # "Section 1. Amendment to Executive Order 13088. (a) Section 1(a) of Executive Order
        # 13088 of June 9, 1998, is revised to read as follows:": section 1(a), not the order
        # replaced whole
        ("13121", "13088", Location("1", ("a",))),
        ("13192", "13088", Location("1")),
        # "Section 1. Amendment of Executive Order 12981. (a) Section 5(a)(3)(B) of Executive
        # Order 12981 is amended to read as follows:"
        ("13020", "12981", Location("5", ("a", "3", "B"))),
    ],
)
def test_a_heading_naming_the_order_is_not_the_instruction(amending, target, first):
    found = instructions(f"EO_{amending}.htm", target)
    assert found[0].location == first
    # (a new section, "A new section 6 is added to Executive Order 13088", names none)
    assert not [i for i in found if i.location.section is None and i.op != ADD_SECTION]


def test_a_part_of_the_order_named_before_it_adds_its_new_section():
    """EO 12274 on EO 11157: "Section 202 of Part II ... is revoked", then "Part II of
    Executive Order No. 11157, as amended, is further revised by adding a new Section 202 as
    follows: “Sec. 202. A member of a uniformed service ...”"."""
    parts, not_applied = consolidated("11157", "12274")
    (new,) = [p for p in parts if p.number == "202" and not p.revoked]
    assert new.text.startswith("A member of a uniformed service who is entitled to career sea pay")
    assert not [n for n in not_applied if "new Section 202" in n["instruction"]]
    # "Section 201 of Part II ... is further revised to read as follows: “Sec. 201(a). The
    # following members ...”": the subsection's marker kept, the section's number not
    (replaced,) = [p for p in parts if p.number == "201"]
    assert replaced.text.startswith("(a) The following members of a uniformed service")


def test_a_section_abbreviated_without_its_period():
    """EO 12318: "Sec 1(c) of Executive Order No. 11541 of July 1, 1970, as amended, is
    amended by deleting the last phrase ..."."""
    (found,) = aimed("12318", "11541")
    assert found.location == Location("1", ("c",))


@pytest.mark.parametrize(
    ("amending", "target"),
    [
        ("EO_10822", "10610"),  # "Part II of Executive Order No. 10610 ... is hereby revoked."
        ("EO_11355", "10647"),  # "3. Part II of Executive Order No. 10647 is hereby revoked."
        ("EO_12007", "11472"),  # "(b) Part II of Executive Order No. 11472 ..., is revoked."
    ],
)
def test_a_whole_part_revoked_is_listed_with_its_reason(amending, target):
    number = amending.removeprefix("EO_")
    parts, not_applied = consolidated(target, number)
    (refused,) = [n for n in not_applied if n["instruction"].startswith("Part II of")]
    assert refused["reason"] == "a whole part of the order is revoked, which is not read"
    assert not [p for p in parts if p.revoked]  # nothing struck by a guess at the part's sections


def test_a_place_described_in_parentheses_before_the_order():
    """EO 11991 on EO 11514: "Subsection (h) of Section 3 (relating to responsibilities of the
    Council on Environmental Quality) of Executive Order No. 11514, as amended, is revised to
    read as follows: “(h) Issue regulations ...”"."""
    (found,) = [i for i in aimed("11991", "11514") if i.location.path == ("h",)]
    assert (found.op, found.location) == (REPLACE, Location("3", ("h",)))
    parts, _ = consolidated("11514", "11991")
    (section,) = [p for p in parts if p.number == "3"]
    assert "(h) Issue regulations to Federal agencies for the implementation" in section.text
