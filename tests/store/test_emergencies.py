"""The national emergencies register, built from real orders and notices, on both databases:
declared, expanded, continued and terminated; an entry before its declaring order arrives;
the page, the API, CSV and Atom."""

from __future__ import annotations

from datetime import date
from io import StringIO
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.db import transaction

from actions.models import Action, Emergency
from actions.read.emergencies import years
from tests.conftest import CORPUS, require_shared

FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"
WH = CORPUS / "whitehouse-2021-2026" / "presidential-actions"
EO_12170 = (
    CORPUS
    / "eo-markdown-1933-2025"
    / "Presidential_Executive_Orders"
    / "jimmy-carter/1979/11-November/1979-11-14-executive-order-12170-.md"
)
IRAN_NOTICE = (
    WH / "2023-11/2023-11-07-notice-on-the-continuation-of-the-national-emergency"
    "-with-respect-to-iran-6.md"
)
FILES = [
    FR / "EO_13660.xml",
    FR / "EO_13661.xml",
    FR / "EO_12947.htm",
    FR / "EO_13886.xml",
    FR / "EO_13338.xml",
    WH / "2025-06/2025-06-30-providing-for-the-revocation-of-syria-sanctions.md",
    IRAN_NOTICE,
    WH / "2025-01/2025-01-20-declaring-a-national-emergency-at-the-southern-border-of-the"
    "-united-states.md",
    WH / "2025-02/2025-02-01-imposing-duties-to-address-the-flow-of-illicit-drugs-across-our"
    "-national-border.md",
]


def ingest(*paths) -> None:
    call_command("ingest", *map(str, paths), stdout=StringIO())


@pytest.fixture(scope="module")
def _register(django_db_setup, django_db_blocker):
    require_shared()
    with django_db_blocker.unblock(), transaction.atomic():
        ingest(*FILES)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def register(_register, db):
    return {e.slug: e for e in Emergency.objects.all()}


def test_declared_expanded_and_terminated(register):
    ukraine = register["eo-13660"]
    assert ukraine.declared_on == date(2014, 3, 6)
    assert ukraine.status == "in_effect"
    assert list(ukraine.acts.values_list("kind", "action__number")) == [
        ("declares", "13660"),
        ("expands", "13661"),
    ]
    ended = register["eo-12947"]
    assert (ended.terminated_by.number, ended.terminated_on) == ("13886", date(2019, 9, 9))


def test_a_termination_dated_by_the_day_its_text_says(register):
    """EO 14312 (its web page, without its number here) was signed June 30, 2025: "Effective
    July 1, 2025, I hereby terminate ..."."""
    syria = register["eo-13338"]
    assert syria.terminated_by.title == "Providing for the Revocation of Syria Sanctions"
    assert syria.terminated_by.signed_on == date(2025, 6, 30)
    assert syria.terminated_on == date(2025, 7, 1)
    assert Emergency.objects.in_effect_on(date(2025, 6, 30)).filter(pk=syria.pk).exists()
    assert not Emergency.objects.in_effect_on(date(2025, 7, 1)).filter(pk=syria.pk).exists()


def test_an_entry_from_the_notices_until_its_order_arrives(register):
    iran = register["eo-12170"]
    assert iran.declared_by is None  # EO 12170 is not ingested yet
    assert iran.subject == "Iran"
    assert iran.declared_on == date(1979, 11, 14)  # as the notice prints it
    assert list(iran.acts.values_list("kind", flat=True)) == ["continues"]
    ingest(EO_12170)
    joined = Emergency.objects.get(slug="eo-12170")
    assert joined.pk == iran.pk  # the register's ids hold across rebuilds
    assert joined.declared_by == Action.objects.get(kind="executive_order", number="12170")
    assert sorted(joined.acts.values_list("kind", flat=True)) == ["continues", "declares"]


def test_an_unnumbered_declaration_joins_the_number_later_orders_cite(register):
    """The southern-border proclamation is held as a web page without its number; EO 14193
    expands "the national emergency declared in" Proclamation 10886 of that day."""
    border = register["proclamation-10886"]
    assert border.declared_by.kind == "proclamation" and border.declared_by.number is None
    assert border.declared_on == date(2025, 1, 20)
    expanded = border.acts.filter(kind="expands").values_list("action__title", flat=True)
    assert "Flow of Illicit Drugs Across Our Northern Border" in " ".join(expanded)


def test_the_api_register(client, register):
    data = client.get("/api/emergencies/", {"q": "Iran"}).json()
    (item,) = data["results"]
    assert item["declared_by"] == {"id": None, "kind": "executive_order", "number": "12170"}
    assert item["status"] == "in_effect" and item["terminated_by"] is None
    assert [c["signed_on"] for c in item["continued_by"]] == ["2023-11-07"]
    on_day = client.get("/api/emergencies/", {"in_effect_on": "2019-01-01"}).json()
    slugs = {r["slug"] for r in on_day["results"]}
    assert {"eo-12947", "eo-13660", "eo-13338"} <= slugs
    assert "proclamation-10886" not in slugs  # not yet declared
    ended = client.get("/api/emergencies/", {"in_effect_on": "2020-01-01"}).json()
    assert "eo-12947" not in {r["slug"] for r in ended["results"]}
    one = client.get(f"/api/emergencies/{register['eo-12947'].pk}/").json()
    assert one["terminated_by"]["number"] == "13886"


@pytest.mark.parametrize("params", [{"in_effect_on": "2019-02-30"}, {"status": "lapsed"}])
def test_bad_filters_are_clear_errors(client, register, params):
    assert client.get("/api/emergencies/", params).status_code == 422
    page = client.get("/emergencies/", params)
    assert page.status_code == 200
    assert "Left out of this list" in page.content.decode()


def test_the_pages_csv_and_feed(client, register):
    listing = client.get("/emergencies/").content.decode()
    assert "/emergencies/eo-12947/" in listing and "Terminated" in listing
    page = client.get("/emergencies/eo-13224/")
    assert page.status_code == 404  # not declared in these files
    detail = client.get("/emergencies/eo-12170/").content.decode()
    assert "<svg" in detail and "No continuation notice in the archive." in detail
    rows = b"".join(client.get("/emergencies/export.csv").streaming_content).decode()
    assert rows.splitlines()[0].startswith("id,subject,declared_by,declared_on,status")
    assert len(rows.splitlines()) == 1 + len(register)
    feed = ElementTree.fromstring(client.get("/feeds/emergencies/eo-12947/").content)
    titles = [
        e.findtext("{http://www.w3.org/2005/Atom}title")
        for e in feed.iter("{http://www.w3.org/2005/Atom}entry")
    ]
    assert titles[0].startswith("Terminated:") and titles[-1].startswith("Declared:")


def test_a_year_without_a_notice_says_what_the_archive_holds(register):
    """A gap of the archive (few notices before 2021) reads differently from a year whose
    notices for other emergencies it holds, and a notice not yet due is said so."""
    iran = Emergency.objects.with_acts().get(slug="eo-12170")
    rows = {
        year: row
        for row in years(iran, date(2026, 12, 3), {2024: 38, 2025: 2})
        for year in range(row.through or row.year, row.year + 1)
    }
    assert rows[2024].note.endswith("holds notices continuing 38 other emergencies that year.")
    assert rows[2025].note == "No continuation notice in the archive."
    assert rows[2023].acts and not rows[2023].note  # the 2023 notice
    early = years(iran, date(2026, 10, 1), {})
    assert early[0].note == "The yearly notice is due by November 14, 2026."
