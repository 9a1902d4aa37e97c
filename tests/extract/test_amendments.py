"""Amendment instructions read from real amending orders (`actions.extract.amendments`), and
applied to real sections (`actions.extract.consolidate`)."""

import pytest

from actions.extract.amendments import (
    ADD_END,
    REPLACE,
    STRIKE_INSERT,
    Location,
    parse_instructions,
)
from actions.extract.consolidate import Amendment, consolidate
from actions.ingest.detect import parse_file
from tests.conftest import CORPUS, require_shared

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
    # "The title of Executive Order 13125 is deleted and ...": kept, with why it is not applied.
    assert title.op is None and title.problem == "its title is amended, not a section of its text"
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
