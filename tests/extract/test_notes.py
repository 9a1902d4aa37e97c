"""The FR's disposition notes (`actions.extract.notes`): labels and targets as printed."""

from datetime import date

import pytest

from actions.extract.notes import note_relation, parse_target


@pytest.mark.parametrize(
    ("label", "meaning"),
    [
        ("Revoked by", ("revokes", False, False)),  # the other order acts on the holder
        ("Revokes", ("revokes", True, False)),
        ("Amended by:", ("amends", False, False)),
        ("Superseded in part by", ("supersedes", False, True)),
        ("Supplemented by", ("amends", False, False)),  # filed by the FR's editors as amends
        ("See", ("see_also", True, False)),
        ("Note", None),
        ("Distribution", None),
    ],
)
def test_note_labels(label, meaning):
    assert note_relation(label) == meaning


@pytest.mark.parametrize(
    ("text", "kind", "number", "on"),
    [
        ("EO 13225, September 28, 2001", "executive_order", "13225", date(2001, 9, 28)),
        ("EO 13138, September 30,1999", "executive_order", "13138", date(1999, 9, 30)),
        ("Proclamation 7463, September 14, 2001", "proclamation", "7463", date(2001, 9, 14)),
        ("13768, January 25, 2017", "executive_order", "13768", date(2017, 1, 25)),
        ("Memorandum of April 2, 2025", "memorandum", None, date(2025, 4, 2)),
    ],
)
def test_note_targets(text, kind, number, on):
    target = parse_target(text)
    assert (target.kind, target.number, target.on) == (kind, number, on)
