"""An action's page from its page row (made by the store when the action is rebuilt) reads
exactly as the page made from its tables, and what the row leaves to the moment of showing
(the actions its text names, what later acted on each section) is read then."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from actions.models import Action, ActionPage
from actions.page_parts import PAGE_VERSION
from tests.conftest import CORPUS

pytestmark = pytest.mark.django_db
FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"
MARKDOWN = CORPUS / "eo-markdown-1933-2025" / "Presidential_Executive_Orders"
# Real orders whose pages carry every part a row holds: citations (EO 13780, 13224), orders
# named in the text (EO 13780 revokes EO 13769; EO 13862 revokes part of EO 13732), sections
# acted on by later orders (13732 by 13862, 11703 by 12188), the FR's page cites of a section,
# several copies of one order, and a text with no sections (a proclamation).
FILES = [
    FR / "EO_13780.xml",
    FR / "EO_13769.json",
    FR / "EO_13769.xml",
    FR / "EO_13732.xml",
    FR / "EO_13862.xml",
    FR / "EO_13224.xml",
    MARKDOWN / "richard-nixon/1973/02-February/1973-02-07-executive-order-11703-ssss.md",
    MARKDOWN / "jimmy-carter/1980/01-January/1980-01-02-executive-order-12188-s.md",
    CORPUS
    / "whitehouse-2021-2026"
    / "presidential-actions"
    / "2026-06"
    / "2026-06-12-national-homeownership-month-2026.md",
]


def ingest(*paths) -> None:
    call_command("ingest", *map(str, paths), stdout=StringIO())


def normalized(html: bytes) -> str:
    """The page with whitespace between tags ignored (the row is made without a template's
    line breaks)."""
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html.decode()))


def page(client, action: Action) -> str:
    response = client.get(action.get_absolute_url())
    assert response.status_code == 200
    return normalized(response.content)


def document(html: str) -> str:
    return re.search(r'<div class="document">(.*?)</div>', html, re.DOTALL).group(1)


def test_the_page_from_its_row_reads_as_the_page_from_its_tables(client, seeded):
    ingest(*FILES)
    actions = list(Action.objects.exclude(text_source=None))
    assert len(actions) >= 9
    assert ActionPage.objects.filter(version=PAGE_VERSION).count() == Action.objects.count()
    shown = {}
    for action in actions:
        shown[action.pk] = page(client, action)
    # Rows of another version of the code are not used: each page is made from the tables.
    ActionPage.objects.update(version=PAGE_VERSION + 1)
    for action in actions:
        assert page(client, action) == shown[action.pk], action
    pages = list(shown.values())
    # Each part the row carries was on some page compared.
    for needle in (
        'class="cite"',
        'class="ref" href="/eo/',
        'class="section-effects"',
        'class="page-cite"',
        'id="preamble"',
        'class="doc-body"',
        'class="pin"',
        "Compare the text of two copies",
    ):
        assert any(needle in html for html in pages), needle


def test_a_name_links_once_the_order_named_arrives(client, seeded):
    """EO 13780 names EO 13769: before EO 13769 is in the archive its name is words; once it
    is ingested the name links to its page, with no rebuild of EO 13780's row."""
    ingest(FR / "EO_13780.xml")
    order = Action.objects.get(kind="executive_order", number="13780")
    before = page(client, order)
    assert "Executive Order 13769" in before
    assert 'href="/eo/13769"' not in before
    row = ActionPage.objects.get(action=order)
    ingest(FR / "EO_13769.xml")
    assert ActionPage.objects.get(action=order).document == row.document
    after = page(client, order)
    assert '<a class="ref" href="/eo/13769" title="Executive Order 13769: ' in after
    # In the document, the links are the only difference.
    linked = re.sub(r'<a class="ref" href="/eo/13769" title="[^"]*">([^<]*)</a>', r"\1", after)
    assert document(linked) == document(before)


def test_a_page_without_its_row_is_made_from_the_tables_and_writes_nothing(client, seeded):
    order = Action.objects.get(kind="executive_order", number="13768")
    with_row = page(client, order)
    ActionPage.objects.all().delete()
    assert page(client, order) == with_row
    assert not ActionPage.objects.exists()  # a page never writes


LETTERS = CORPUS / "whitehouse-2021-2026" / "presidential-actions" / "2023-03"


def test_long_titles_of_one_day_each_have_their_own_page(client, seeded):
    """Three messages to the Congress of March 1, 2023 whose titles part only after eighty
    characters: each has its own address (one used to hide the other two), and the address
    they shared before leads to one of them."""
    files = sorted(LETTERS.glob("2023-03-01-*-to-the-congress-on-the-continuation-*"))
    assert len(files) == 3
    ingest(*files)
    letters = list(Action.objects.filter(kind="letter", signed_on="2023-03-01"))
    assert len(letters) == 3
    addresses = {letter.get_absolute_url() for letter in letters}
    assert len(addresses) == 3
    for letter in letters:
        response = client.get(letter.get_absolute_url())
        assert response.status_code == 200
        assert f"<h1>{letter.title}</h1>" in response.content.decode()
    shared = (
        "/letter/2023-03-01/"
        "message-to-the-congress-on-the-continuation-of-the-national-emergency-with"
    )
    moved = client.get(shared)
    assert moved.status_code == 301 and moved["Location"] in addresses
    assert client.get(shared + "-x").status_code == 404
