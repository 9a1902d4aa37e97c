"""How alike two printings are (`actions.extract.likeness`), on titles and texts of the corpus."""

import pytest

from actions.extract.likeness import comparable_title, same_text, title_likeness
from actions.ingest.detect import parse_document
from tests.conftest import CORPUS, require_shared

PAGES = CORPUS / "whitehouse-2021-2026" / "presidential-actions"


@pytest.mark.parametrize(
    ("page", "record", "year"),
    [
        # whitehouse.gov's title, the FR's title: one document
        (
            "Reinstating Common Sense School Discipline Policies",
            "Reinstating Commonsense School Discipline Policies",
            2025,
        ),
        ("A Proclamation on National Day Of Prayer", "National Day of Prayer, 2021", 2021),
        ("A Proclamation on César Chávez Day, 2022", "C[eacute]sar Ch[aacute]vez Day, 2022", 2022),
        (
            "A Proclamation Establishing the Avi Kwa Ame National Monument",
            "Establishment of the Avi Kwa Ame National Monument",
            2023,
        ),
        (
            "Declassification of Records Concerning the Assassinations of President John F. "
            "Kennedy",
            "Declassification of Records Concerning the Assassinations of President John F. "
            "Kennedy, Senator Robert F. Kennedy, and the Reverend Dr. Martin Luther King, Jr.",
            2025,
        ),
    ],
)
def test_one_title_printed_twice(page, record, year):
    assert title_likeness(page, record, year) >= 0.95


def test_of_two_monuments_proclaimed_one_day_the_right_title_leads_by_the_margin():
    """Titles alone tell two proclamations of one series apart only by how much better one
    fits: the join takes the best only when it leads the next by the twin margin."""
    from actions.store.identity import TWIN_MARGIN

    page = "A Proclamation Establishing the Avi Kwa Ame National Monument"
    own = title_likeness(page, "Establishment of the Avi Kwa Ame National Monument", 2023)
    other = title_likeness(page, "Establishment of the Castner Range National Monument", 2023)
    assert own - other >= TWIN_MARGIN
    assert title_likeness("Hiring Freeze", "Securing Our Borders", 2025) < 0.6


def test_a_comparable_title_drops_lead_year_and_accents():
    assert comparable_title("A Proclamation on César Chávez Day, 2022", 2022) == "cesar chavez day"


def page_text(pattern: str) -> str:
    require_shared()
    (path,) = sorted(PAGES.glob(pattern))
    return parse_document(path.read_bytes()).text


def test_two_printings_of_one_text_and_two_formulaic_documents():
    """The Israel agreement proclamation was published twice (its title retyped); three permits
    of 2026-04-15 for Pembina County pipelines share 96% of their text, not their names."""
    israel = [
        page_text("2025-12/2025-12-29-to-implement-the-united-states-israel-agree" + end)
        for end in ("ment*", "nent*")
    ]
    assert same_text(*israel)
    permits = [
        page_text(
            f"2026-04/*pembina-county-north-dakota-at-the-international-boundary-between-the-un-{suffix}*"
        )
        for suffix in ("1c3", "215")
    ]
    assert not same_text(*permits)
