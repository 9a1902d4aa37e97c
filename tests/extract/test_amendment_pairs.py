"""Words replaced in pairs ("deleting “A” and “B” ... substituting “C” and “D”,
respectively"), read from real orders and applied to the real sections they amend; the lists
the reader refuses, with their reason. Pure: the files parsed, no database."""

from __future__ import annotations

import re

import pytest

from actions.extract.amendment_wording import STRIKE_INSERT
from tests.extract.orders import aimed, amended, order


@pytest.mark.parametrize(
    ("amending", "target", "pairs"),
    [
        # EO 12038 (1978), the Department of Energy's order, on the Columbia River Treaty's
        (
            "12038",
            "11177",
            [
                ("Secretary of the Interior", "Secretary of Energy"),
                ("Department of the Interior", "Department of Energy"),
            ],
        ),
        # EO 12510 (1985) on the allowances of EO 10000
        (
            "12510",
            "10000",
            [("Territorial", "non-foreign area"), ("Territories", "non-foreign areas")],
        ),
    ],
)
def test_words_replaced_in_pairs_wherever_they_appear(amending, target, pairs):
    """ "deleting “A” and “B” wherever those terms appear and substituting therefor “C” and
    “D”, respectively": every one of each pair's words replaced, in every section."""
    (instruction,) = [i for i in aimed(amending, target) if i.pairs]
    assert instruction.op == STRIKE_INSERT and instruction.each_place
    assert [(instruction.old, instruction.new), *instruction.pairs] == pairs
    before = {s.number: s.text for s in order(target).sections}
    parts, not_applied = amended(target, amending)
    assert instruction.text not in {n["instruction"] for n in not_applied}
    text = " ".join(p.text for p in parts.values())
    for old, new in pairs:
        assert any(old in body for body in before.values())
        assert re.search(rf"\b{re.escape(old)}\b", text) is None
        assert new in text


def test_the_longer_words_of_the_pairs_first():
    """EO 12038 on EO 11905: “Energy Research and Development Administration” and
    “Administrator of the Energy Research and Development Administration”, each replaced as a
    whole (the shorter one first would leave “Administrator of the Department of Energy”)."""
    (instruction,) = [i for i in aimed("12038", "11905") if i.pairs]
    assert len(instruction.pairs) == 2
    parts, not_applied = amended("11905", "12038")
    text = " ".join(p.text for p in parts.values())
    assert "Energy Research and Development Administration" not in text
    assert "ERDA" not in re.sub(r"\W", " ", text).split()


@pytest.mark.parametrize(
    ("amending", "target", "reason"),
    [
        # "... and “Administrator” (when used in reference to the Federal Energy
        # Administration) wherever those terms appear": which “Administrator” is not read
        ("12038", "11912", "words replaced only where a condition holds"),
        # "... wherever they appear in Sections I through 6 ..."
        ("12038", "11790", "the places of the words are not read"),
    ],
)
def test_pairs_not_applied_by_guess(amending, target, reason):
    (instruction,) = [i for i in aimed(amending, target) if i.problem == reason]
    assert instruction.op is None and "respectively" in instruction.text
