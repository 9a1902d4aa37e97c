"""Coverage stated: a page per kind and year, and a note wherever a count crosses a gap."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.conftest import CORPUS

pytestmark = pytest.mark.django_db
METADATA = CORPUS / "fr-eo-metadata-2009-2026" / "what-got-signed" / "data" / "enriched"


@pytest.fixture
def archive_with_a_gap(seeded):
    """The seeds (orders of 2017 and 2026 with text) and five FR records of 2025 orders
    without their texts: 2025 is a year the archive knows only from metadata."""
    records = [METADATA / f"eo-{n}.json" for n in range(14280, 14285)]
    call_command("ingest", *map(str, records), stdout=StringIO())


def test_the_coverage_page_counts_actions_and_texts_per_kind_and_year(client, archive_with_a_gap):
    page = client.get("/coverage/")
    assert page.status_code == 200
    rows = dict(page.context["rows"])
    kinds = [k for k, _ in page.context["kinds"]]
    cell_2025 = rows[2025][kinds.index("executive_order")]
    assert cell_2025 == {"actions": 5, "with_text": 0}
    notes = [gap.note() for gap in page.context["gaps"]]
    assert any("No text in the archive for the executive orders of 2025" in n for n in notes)


@pytest.mark.parametrize(
    ("params", "noted"),
    [
        ({"kind": "executive_order", "year": "2025"}, True),
        ({"kind": "executive_order", "signed_after": "2017-01-01"}, True),
        ({"kind": "executive_order", "year": "2017"}, False),
        ({"kind": "executive_order", "signed_before": "2018-12-31"}, False),
    ],
)
def test_a_results_page_whose_range_crosses_the_gap_says_so(
    client, archive_with_a_gap, params, noted
):
    html = client.get("/actions/", params).content.decode()
    assert ("No text in the archive for the executive orders of 2025" in html) is noted


def test_charts_over_a_gap_say_so(client, archive_with_a_gap):
    note = "No text in the archive for the executive orders of 2025"
    assert note in client.get("/timeline/").content.decode()
    assert note in client.get("/presidents/donald-j-trump/").content.decode()
