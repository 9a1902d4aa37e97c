"""Section-level effects: "Section 3 of Executive Order 13732 is hereby revoked" shows on the
section it names, on the page and in the API, with the acting order, its section and date."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from actions.models import Action, Relation
from tests.conftest import CORPUS

pytestmark = pytest.mark.django_db
FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"
MARKDOWN = CORPUS / "eo-markdown-1933-2025" / "Presidential_Executive_Orders"


def ingest(*paths) -> None:
    call_command("ingest", *map(str, paths), stdout=StringIO())


@pytest.mark.parametrize(
    ("target", "acting", "files", "section", "kind"),
    [
        # EO 13862 (2019) revokes section 3 of EO 13732 (2016)
        ("13732", "13862", [FR / "EO_13732.xml", FR / "EO_13862.xml"], "3", "revokes"),
        # EO 13671 (2014) amends sections 1 and 2 of EO 13413 (2006)
        (
            "13413",
            "13671",
            [
                FR / "EO_13413.xml",
                MARKDOWN / "barack-obama/2014/07-July/2014-07-08-executive-order-13671.md",
            ],
            "1",
            "amends",
        ),
        # EO 12188 (1980) amends the first sentence of section 3 of EO 11703 (1973)
        (
            "11703",
            "12188",
            [
                MARKDOWN
                / "richard-nixon/1973/02-February/1973-02-07-executive-order-11703-ssss.md",
                MARKDOWN / "jimmy-carter/1980/01-January/1980-01-02-executive-order-12188-s.md",
            ],
            "3",
            "amends",
        ),
    ],
)
def test_the_section_named_shows_what_acted_on_it(client, target, acting, files, section, kind):
    ingest(*files)
    order = Action.objects.get(kind="executive_order", number=target)
    relations = Relation.objects.filter(
        target=order, source__number=acting, kind=kind, origin="text"
    ).exclude(target_section="")
    (relation,) = [r for r in relations if r.target_section_number == section]
    assert relation.in_part
    data = client.get(f"/api/actions/{order.pk}/").json()
    by_number = {s["number"]: s["effects"] for s in data["sections"]}
    (effect,) = by_number[section]
    assert (effect["kind"], effect["number"]) == (kind, acting)
    assert effect["date"] == relation.effective_on.isoformat()
    named = {r.target_section_number for r in relations}
    assert all(not effects for number, effects in by_number.items() if number not in named)
    html = client.get(order.get_absolute_url()).content.decode()
    block = html.split(f'id="sec-{section}"', 1)[1].split("</section>", 1)[0]
    assert 'class="section-effects"' in block and f"EO {acting}" in block


def test_the_whole_order_revoked_names_no_section(client, seeded):
    """EO 13768's revocation by EO 13993 acts on the whole order: no section carries it."""
    ingest(MARKDOWN / "joe-biden/2021/01-January/2021-01-20-executive-order-13993.md")
    order = Action.objects.get(kind="executive_order", number="13768")
    data = client.get(f"/api/actions/{order.pk}/").json()
    assert all(not s["effects"] for s in data["sections"])
    assert Relation.objects.get(target=order, kind="revokes", origin="text").effective_on == date(
        2021, 1, 20
    )


def test_an_effect_at_sentence_depth_names_the_sentence(client):
    """ "The first sentence of section 3 of Executive Order 11703 ... is amended to read as
    follows": the effect sits on section 3 and says which sentence."""
    ingest(
        MARKDOWN / "richard-nixon/1973/02-February/1973-02-07-executive-order-11703-ssss.md",
        MARKDOWN / "jimmy-carter/1980/01-January/1980-01-02-executive-order-12188-s.md",
    )
    order = Action.objects.get(kind="executive_order", number="11703")
    relation = Relation.objects.get(target=order, source__number="12188", origin="text")
    assert relation.target_section == "3, first sentence"
    (effect,) = next(
        s["effects"]
        for s in client.get(f"/api/actions/{order.pk}/").json()["sections"]
        if s["number"] == "3"
    )
    assert effect["part"] == "3, first sentence" and effect["number"] == "12188"
