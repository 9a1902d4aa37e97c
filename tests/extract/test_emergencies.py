"""Acts on national emergencies read from real texts (`actions.extract.emergencies`)."""

from datetime import date

import pytest

from actions.extract.emergencies import (
    Declaring,
    declaring_orders,
    emergency_acts,
    subject_from_title,
)
from actions.ingest.detect import parse_file
from tests.conftest import CORPUS, require_shared

FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"
WH = CORPUS / "whitehouse-2021-2026" / "presidential-actions"


def acts_of(path):
    require_shared()
    (doc,) = parse_file(path.read_bytes())
    return [(a.kind, a.declared_in and a.declared_in.number) for a in emergency_acts(doc.text)]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # A declaration, and an expansion that names the declaring order.
        (FR / "EO_13660.xml", [("declares", None)]),
        (FR / "EO_13661.xml", [("expands", "13660")]),
        # Terminations: named; "declared in those orders" (the orders the sentence before
        # named); "declared in that order" after "the declaration ... in Executive Order 13129".
        (FR / "EO_13886.xml", [("terminates", "12947")]),
        (FR / "EO_13304.xml", [("terminates", "12808"), ("terminates", "13088")]),
        (FR / "EO_13268.xml", [("terminates", "13129")]),
        # A yearly notice continues the emergency of the order it names.
        (
            WH / "2023-11" / "2023-11-07-notice-on-the-continuation-of-the-national-emergency"
            "-with-respect-to-iran-6.md",
            [("continues", "12170")],
        ),
        # "Effective July 1, 2025, I hereby terminate the national emergency declared in ...",
        # and "(a) I hereby expand the scope of the national emergency declared in ... 13894".
        (
            WH / "2025-06" / "2025-06-30-providing-for-the-revocation-of-syria-sanctions.md",
            [("terminates", "13338"), ("expands", "13894")],
        ),
    ],
    ids=lambda value: value.name if hasattr(value, "name") else None,
)
def test_acts_read_from_real_orders_and_notices(path, expected):
    assert acts_of(path) == expected


def test_past_tense_tells_history_not_an_act():
    """A notice retells the declaration ("the President declared a national emergency"); only
    its continuation is an act."""
    require_shared()
    (doc,) = parse_file(
        (
            WH / "2023-11" / "2023-11-07-notice-on-the-continuation-of-the-national-emergency"
            "-with-respect-to-iran-6.md"
        ).read_bytes()
    )
    assert [a.kind for a in emergency_acts(doc.text)] == ["continues"]
    assert Declaring("executive_order", "12170", date(1979, 11, 14)) in declaring_orders(doc.text)


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Continuation of the National Emergency With Respect to Iran", "Iran"),
        (
            "Notice on the Continuation of the National Emergency with Respect to the Western "
            "Balkans",
            "Western Balkans",
        ),
        ("Blocking Property of Certain Persons Contributing to the Situation in Ukraine", None),
    ],
)
def test_subject_from_a_notice_title(title, subject):
    assert subject_from_title(title) == subject
