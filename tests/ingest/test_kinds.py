"""Kinds told from whitehouse.gov pages, which carry no type field (`actions.ingest.kinds`).

Each case is a real page of the corpus, found by the start of its file name; the kind is what
the page is, checked by reading it."""

import pytest

from actions.ingest.detect import parse_document
from actions.ingest.kinds import is_commentary_title, kind_from_label
from tests.conftest import CORPUS, require_shared

PAGES = CORPUS / "whitehouse-2021-2026" / "presidential-actions"

# (page, kind, number); "commentary" for pages about actions that are not one
CASES = [
    # memoranda filed as executive orders until they were read for "this memorandum"
    ("2025-01/2025-01-20-hiring-freeze", "memorandum", None),
    ("2025-01/2025-01-20-regulatory-freeze-pending-review", "memorandum", None),
    ("2025-01/2025-01-20-return-to-in-person-work", "memorandum", None),
    # orders under the President's authority that say "hereby determine and order", or
    # call themselves "this order" without the formula
    ("2025-02/2025-02-01-imposing-duties-to-address-the-flow", "executive_order", None),
    ("2025-04/2025-04-02-regulating-imports-with-a-reciprocal", "executive_order", None),
    ("2021-05/2021-05-28-sequestration-order", "order", None),
    ("2025-01/2025-01-03-order-regarding-the-proposed-acquisition", "order", None),
    ("2023-07/2023-07-06-presidential-permit", "permit", None),
    ("2022-11/2022-11-10-national-security-memorandum", "nsm", "16"),
    ("2025-02/2025-02-04-national-security-presidential-memorandum-nspm-2", "nspm", "2"),
    (
        "2021-09/2021-09-15-a-memorandum-for-the-secretary-of-state-on-presidential-determination",
        "determination",
        None,
    ),
    (
        "2023-01/2023-01-16-president-joseph-r-biden-jr-approves-georgia-disaster",
        "disaster_declaration",
        None,
    ),
    ("2024-06/2024-06-04-press-release-nominations-sent-to-the-senate", "nomination", None),
    ("2024-02/2024-02-06-bill-signed-s-3427", "bill_action", None),
    ("2025-01/2025-01-22-executive-grant-of-clemency-for-andrew", "clemency", None),
    # a notice published under a "Press Release:" title is the notice
    ("2024-03/2024-03-12-press-release-notice-on-the-continuation", "notice", None),
    ("2021-04/2021-04-27-readout-of-jake-sullivan", "commentary", None),
    ("2022-12/2022-12-13-press-briefing-by-press-secretary", "commentary", None),
]


def page(prefix: str):
    require_shared()
    folder, start = prefix.split("/")
    found = sorted((PAGES / folder).glob(f"{start}*"))
    assert found, prefix
    return parse_document(found[0].read_bytes())


@pytest.mark.parametrize(("prefix", "kind", "number"), CASES, ids=[c[0] for c in CASES])
def test_kind_and_number_from_the_page(prefix, kind, number):
    doc = page(prefix)
    if kind == "commentary":
        assert doc.is_commentary
        return
    assert not doc.is_commentary
    assert (doc.kind, doc.number) == (kind, number)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Executive Order on Tackling the Climate Crisis at Home and Abroad", "executive_order"),
        ("A Proclamation on National Day of Prayer", "proclamation"),
        ("Memorandum on Presidential Determination on Refugee Admissions", "determination"),
        ("National Security Presidential Memorandum/NSPM-5", "nspm"),
        ("Press Release: Letter to the Speaker of the House", "letter"),
        ("Message to the Congress on the Continuation of the National Emergency", "letter"),
        ("Nominations and Withdrawal Sent to the Senate", "nomination"),
        ("The Trump Declaration for Enduring Peace and Prosperity", None),
    ],
)
def test_kind_from_a_title(title, kind):
    assert kind_from_label(title) == kind


@pytest.mark.parametrize(
    ("title", "commentary"),
    [
        ("Statement from President Biden on House Passage of the America COMPETES Act", True),
        ("FACT SHEET: President Donald J. Trump Re-designates the Houthis", True),
        ("President Biden Names Forty-First Round of Judicial Nominees", True),
        ("President Joseph R. Biden, Jr. Approves Florida Disaster Declaration", False),
        ("Press Release: Notice on the Continuation of the National Emergency", False),
    ],
)
def test_statements_and_announcements_are_commentary(title, commentary):
    assert is_commentary_title(title) is commentary
