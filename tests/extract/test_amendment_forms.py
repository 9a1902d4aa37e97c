"""Forms of amendment instruction read from real orders of 1950-2025 and applied to the real
sections they amend, each form on several orders: items under an uppercase "SECTION 1." or
under a place that is itself a lead-in, edits told in the passive, parts struck whole, a
sentence replaced, "the second time it appears". Pure: the files parsed, no database."""

from __future__ import annotations

from functools import cache

import pytest

from actions.extract.amendment_wording import (
    ADD_END,
    ADD_SECTION,
    REDESIGNATE,
    REPLACE,
    STRIKE_INSERT,
    STRIKE_PLACE,
    Location,
)
from actions.extract.amendments import parse_instructions
from actions.extract.consolidate import Amendment, consolidate
from actions.ingest.detect import parse_file
from tests.conftest import CORPUS, require_shared

FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"
MARKDOWN = CORPUS / "eo-markdown-1933-2025" / "Presidential_Executive_Orders"


@cache
def order(number: str):
    """The order as the archive reads its text: the Federal Register's XML (1994-2020), else
    its transcription in the Markdown collection."""
    require_shared()
    xml = FR / f"EO_{number}.xml"
    (path,) = [xml] if xml.exists() else MARKDOWN.glob(f"*/*/*/*-executive-order-{number}*.md")
    (doc,) = parse_file(path.read_bytes())
    return doc


def aimed(amending: str, target: str):
    return [i for i in parse_instructions(order(amending).text) if i.target_number == target]


def amended(target: str, *amending: str):
    """The target's sections with the amending orders' instructions applied, in date order."""
    sections = [(s.number, s.heading, s.text) for s in order(target).sections]
    amendments = [
        Amendment(instruction, index, number, None, order(number).signed_on)
        for index, number in enumerate(amending)
        for instruction in aimed(number, target)
    ]
    parts, not_applied = consolidate(sections, amendments)
    return {p.number: p for p in parts}, not_applied


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
