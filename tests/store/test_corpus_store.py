"""The store on real corpus slices: counts against the FR, relations from notes, merging."""

import csv
import io
from io import StringIO

import pytest
from django.core.management import call_command

from actions.models import Action, Relation
from actions.store.audit import compare_with_fr_csv
from tests.conftest import CORPUS

pytestmark = pytest.mark.django_db

FR_CSV = next(iter((CORPUS / "fr-csv-exports" / "QMSS_IBM_Practicum").glob("*.csv")), CORPUS / "x")
EOMD = CORPUS / "eo-markdown-1933-2025" / "Presidential_Executive_Orders"
FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"


def csv_slice(tmp_path, start: str, end: str):
    """The real FR CSV rows signed between two dates, as a CSV file of its own."""
    if not FR_CSV.exists():
        pytest.skip(f"the corpus is not at {CORPUS}")
    text = FR_CSV.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=reader.fieldnames, lineterminator="\n")
    writer.writeheader()
    for row in reader:
        if start <= row["signing_date"] < end:
            writer.writerow(row)
    path = tmp_path / "fr-slice.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def ingest(*paths):
    call_command("ingest", "--no-relate", *map(str, paths), stdout=StringIO(), stderr=StringIO())


def test_ford_orders_match_the_federal_register_count(tmp_path):
    fr_rows = csv_slice(tmp_path, "1974-08-09", "1977-01-20")
    ingest(fr_rows, EOMD / "gerald-r-ford", CORPUS / "nara-disposition-tables/eo/data/1975.txt")
    (ford,) = [row for row in compare_with_fr_csv(fr_rows.read_bytes()) if row["term"] == 38]
    assert ford["fr_csv"] > 150
    assert (ford["archive"], ford["missing"], ford["extra"]) == (ford["fr_csv"], [], [])
    # Three copies of one order are one action.
    eo = Action.objects.get(kind="executive_order", number="11850")
    assert {s.format for s in eo.sources.all()} >= {"federal_register_csv", "eo_markdown_app"}


def test_notes_become_relations_both_ways_with_status(tmp_path):
    fr_rows = csv_slice(tmp_path, "2017-01-20", "2021-01-21")
    ingest(fr_rows, FR / "EO_13768.xml", FR / "EO_13768.json")
    eo = Action.objects.get(kind="executive_order", number="13768")
    assert eo.text_source.format == "federal_register_xml"
    assert eo.sources.count() == 3
    revoked = Relation.objects.get(target=eo, kind="revokes", origin="fr_notes", found_in=eo)
    assert revoked.source.number == "13993" and revoked.source_number == "13993"
    assert eo.status == "revoked"
    # Amendments between orders of the same term: both ends resolved, the target's status set.
    amended = Relation.objects.filter(kind="amends").exclude(source=None).exclude(target=None)
    assert amended.exists()
    for relation in amended[:20]:
        assert relation.target.status != "in_force"


def test_corrections_attach_to_their_order(tmp_path):
    fr_rows = csv_slice(tmp_path, "2009-12-29", "2009-12-30")
    ingest(fr_rows)
    eo = Action.objects.get(kind="executive_order", number="13526")
    assert eo.title == "Classified National Security Information"
    assert eo.corrections and eo.corrections[0]["fr_citation"] == "75 FR 1013"
    assert Action.objects.filter(title="Correction").count() == 0


def test_not_received_for_publication_is_labelled(tmp_path):
    fr_rows = csv_slice(tmp_path, "1940-07-26", "1940-07-27")
    ingest(fr_rows)
    assert Action.objects.get(number="8497").not_received_for_publication


def test_relations_read_from_the_text_agree_with_the_fr_notes(client):
    """EO 13831 amends four orders by the FR's notes; its text states three of them (the
    fourth, EO 13359, is never printed in it) and the pages say text and notes agree."""
    from actions.graph.quality import relation_recall

    names = ["EO_13831.xml", "EO_13831.json", "EO_13198.json", "EO_13342.json", "EO_13397.json"]
    ingest(*(FR / name for name in names), FR / "EO_13359.json")
    report = relation_recall()
    assert report["by_kind"]["amends"] == {"expected": 3, "found": 3, "lenient": 3, "recall": 1.0}
    assert report["unnamed"] == 1 and report["misses"] == []
    page = client.get("/eo/13198")
    row = next(r for r in page.context["incoming"] if r.other and r.other.number == "13831")
    assert (row.kind, row.agreement) == ("amends", "agree")
    assert "text and notes agree" in page.content.decode()


def test_orders_named_in_the_text_link_to_their_pages(client):
    """EO 13780 revokes EO 13769 in its text: the name links to EO 13769's page, and EO
    13769's page says it was revoked by EO 13780, with the sentence."""
    ingest(FR / "EO_13780.xml", FR / "EO_13769.json")
    html = client.get("/eo/13780").content.decode()
    assert '<a class="ref" href="/eo/13769"' in html
    revoked = client.get("/eo/13769")
    row = next(r for r in revoked.context["incoming"] if r.kind == "revokes")
    assert row.other.number == "13780" and "is revoked" in row.text_evidence
    assert "Revoked by" in revoked.content.decode()
