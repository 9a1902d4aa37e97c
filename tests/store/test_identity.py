"""Which action a copy joins (`actions.store.identity`), on real documents.

The whitehouse.gov pages of 2021-2026 print no order numbers; the Federal Register's records
(CSV rows, metadata JSON, FR-derived Markdown) do. Each case is ingested in both orders: a copy
joins its numbered action whichever arrives first.
"""

import csv
import io
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from actions.extract.likeness import title_likeness
from actions.models import Action, Conflict, Relation
from tests.conftest import CORPUS, seed

pytestmark = pytest.mark.django_db

PAGES = CORPUS / "whitehouse-2021-2026" / "presidential-actions"
EO_MARKDOWN = CORPUS / "eo-markdown-1933-2025" / "Presidential_Executive_Orders"
METADATA = CORPUS / "fr-eo-metadata-2009-2026" / "what-got-signed" / "data" / "enriched"
BIDEN_PROCLAMATIONS = (
    CORPUS
    / "fr-csv-exports"
    / "WDTPOTUSSAY"
    / "documents_signed_by_joseph_r_biden_jr_of_type_presidential_document_and_of_presidential"
    "_document_type_proclamation.csv"
)


def ingest(*paths) -> None:
    call_command("ingest", *map(str, paths), stdout=StringIO(), stderr=StringIO())


def csv_rows(tmp_path: Path, numbers: set[str]) -> Path:
    """The FR CSV's own header and rows for these proclamations, as a file of their own."""
    with open(BIDEN_PROCLAMATIONS, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [row for row in reader if row["proclamation_number"] in numbers]
        fields = reader.fieldnames
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "proclamations.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def number_of(page: Path) -> str | None:
    source = Action.objects.filter(sources__locator__endswith=page.name).get()
    return source.number


def test_order_of_ingest_does_not_matter():
    ingest(seed("dcpd_text"))
    ingest(seed("whitehouse_markdown"))
    assert Action.objects.count() == 1
    assert Action.objects.get().number == "14385"


@pytest.mark.parametrize("pages_first", [False, True])
def test_a_page_with_a_respelled_title_joins_the_fr_record(pages_first):
    """ "Common Sense" on whitehouse.gov, "Commonsense" in the FR: EO 14280."""
    page = PAGES / "2025-04" / "2025-04-23-reinstating-common-sense-school-discipline-policies.md"
    record = METADATA / "eo-14280.json"
    ingest(*([page, record] if pages_first else [record, page]))
    action = Action.objects.get(kind="executive_order", number="14280")
    assert sorted(action.sources.values_list("format", flat=True)) == [
        "federal_register_json",
        "whitehouse_markdown",
    ]
    assert Action.objects.count() == 1


@pytest.mark.parametrize("pages_first", [False, True])
def test_a_series_of_alike_titles_joins_each_page_to_its_own_order(pages_first):
    """Four 2025-01-03 succession orders whose titles differ in one name: each page joins the
    order whose text it prints, and no two orders are merged."""
    pages = sorted((PAGES / "2025-01").glob("2025-01-03-executive-order*succession*"))
    orders = sorted((EO_MARKDOWN / "joe-biden" / "2025" / "01-January").glob("2025-01-03-*"))
    assert len(pages) == 6 and len(orders) == 6
    ingest(*(pages + orders if pages_first else orders + pages))
    numbers = [str(n) for n in range(14134, 14140)]
    numbered = Action.objects.filter(kind="executive_order", number__in=numbers)
    assert numbered.count() == 6
    assert Action.objects.count() == 6
    for action in numbered:
        formats = sorted(action.sources.values_list("format", flat=True))
        assert formats == ["eo_markdown_fr", "whitehouse_markdown"], action.number
        page = action.sources.get(format="whitehouse_markdown")
        assert action.title_key.split()[-2:] == page.title.lower().split()[-2:]


@pytest.mark.parametrize("pages_first", [False, True])
def test_proclamation_pages_join_the_fr_csv_rows(tmp_path, pages_first):
    """A dropped year ("National Day Of Prayer" for "..., 2021"), GPO entities in the FR's title
    ("C[eacute]sar Ch[aacute]vez"), "Establishing" for "Establishment of"."""
    pages = [
        PAGES / "2021-05" / "2021-05-05-a-proclamation-on-national-day-of-prayer.md",
        *sorted((PAGES / "2022-03").glob("2022-03-30-a-proclamation-on-cesar-chavez-day*")),
        *sorted((PAGES / "2023-03").glob("2023-03-21-a-proclamation-on-*national-monument*")),
    ]
    assert len(pages) == 4
    table = csv_rows(tmp_path, {"10203", "10354", "10533", "10534"})
    ingest(*([*pages, table] if pages_first else [table, *pages]))
    assert {number_of(page) for page in pages} == {"10203", "10354", "10533", "10534"}
    assert Action.objects.count() == 4


def test_of_two_printings_alike_the_one_signed_that_day_is_joined(tmp_path):
    """Two 2022 steel proclamations share a title: the page of May 27 joins the one signed
    May 27 (10403), not the one of May 31 (10406), which its own page joins."""
    may_27 = next((PAGES / "2022-05").glob("2022-05-27-*steel*"))
    may_31 = next((PAGES / "2022-05").glob("2022-05-31-*steel*"))
    ingest(csv_rows(tmp_path, {"10403", "10406"}), may_27, may_31)
    assert (number_of(may_27), number_of(may_31)) == ("10403", "10406")


def test_a_page_printing_a_wrong_date_joins_by_its_page_date():
    """EO 14108's page prints "August 20, 2023" under the signature; the FR and the page's own
    date say September 20. The copy joins, and the dates' disagreement is a conflict."""
    page = next((PAGES / "2023-09").glob("2023-09-20-*east-palestine*"))
    ingest(METADATA / "eo-14108.json", page)
    action = Action.objects.get(kind="executive_order", number="14108")
    assert action.sources.count() == 2
    assert Conflict.objects.filter(action=action, field="signed_on").exists()


def test_an_order_the_fr_data_lacks_stays_apart_and_is_never_guessed():
    """The corpus's FR metadata has no EO 14368-14371 (2025-12-18): their pages stay unnumbered
    rather than join the nearest numbered order."""
    pages = sorted((PAGES / "2025-12").glob("2025-12-18-*"))
    records = [METADATA / f"eo-{n}.json" for n in (14365, 14366, 14367)]
    ingest(*records, *pages)
    for page in pages:
        action = Action.objects.filter(sources__locator__endswith=page.name).get()
        if action.kind == "executive_order":
            assert action.number is None, page.name
    assert Action.objects.filter(number__in=["14365", "14366", "14367"]).count() == 3


@pytest.mark.parametrize("memoranda_first", [False, True])
def test_each_memorandum_of_one_date_is_its_own_relation(memoranda_first):
    """EO 14148 revokes six memoranda of January 3, 2025 by date and title: each is linked to
    its own memorandum, whichever was ingested first."""
    order = EO_MARKDOWN / "donald-trump" / "2025" / "01-January"
    (eo,) = sorted(order.glob("*-executive-order-14148.md"))
    memoranda = sorted((PAGES / "2025-01").glob("2025-01-03-memorandum-on-the-designation-*"))
    assert len(memoranda) == 6
    if memoranda_first:
        ingest(*memoranda)
        ingest(eo)  # a later run: the relations name memoranda already archived
    else:
        ingest(eo)
        ingest(*memoranda)  # a later run: the memoranda arrive and resolve what named them
    revoker = Action.objects.get(kind="executive_order", number="14148")
    revoked = Relation.objects.filter(
        source=revoker, kind="revokes", origin="text", target__signed_on=date(2025, 1, 3)
    )
    targets = {r.target.title for r in revoked}
    assert len(targets) == 6
    for relation in revoked:
        assert title_likeness(relation.target_label.split("(", 1)[1], relation.target.title) >= 0.8
