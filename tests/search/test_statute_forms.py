"""Statutes in every form people type and texts print: the same answer in the search box, the
Statute filter, the API and the CSV, read by the one extractor (`actions.extract.citations`)."""

import csv
import io

import pytest

from actions.extract.citations import extract_citations, parse_statute_query
from actions.ingest.detect import parse_document
from tests.conftest import CORPUS, require_shared

FORMS_OF_1357 = [
    "8 U.S.C. 1357",
    "8 USC 1357",
    "8 usc 1357",
    "8 U.S.C. § 1357",
    "8 U.S.C. §1357(g)",
    "section 1357 of title 8",
    "INA 287(g)",
    "INA § 287(g)",
    "section 287(g) of the INA",
]


@pytest.mark.parametrize("typed", FORMS_OF_1357)
def test_every_form_names_8_usc_1357(typed):
    cite = parse_statute_query(typed)
    assert cite.key == "8 U.S.C. 1357"
    assert cite.pin in {"", "(g)"}


@pytest.mark.parametrize(
    ("typed", "key"),
    [("50 U.S.C. sec. 1701", "50 U.S.C. 1701"), ("50 U.S.C.A. § 1701", "50 U.S.C. 1701")],
)
def test_older_forms(typed, key):
    assert parse_statute_query(typed).key == key


@pytest.mark.parametrize(
    ("order", "printed", "key"),
    [
        # EO 12170 (1979, Iran) cites IEEPA and the NEA as "50 U.S.C.A. sec. 1701 et seq." and
        # "50 U.S.C. sec. 1601 et seq."; EO 10596 (1955) "42 U.S.C. sec. 1805"; EO 12565
        # (1986) "5 U.S.C. sec. 552(b) (3)"
        ("1979-11-14-executive-order-12170", "50 U.S.C.A. sec. 1701 et seq.", "50 U.S.C. 1701"),
        ("1979-11-14-executive-order-12170", "50 U.S.C. sec. 1601 et seq.", "50 U.S.C. 1601"),
        ("1955-02-15-executive-order-10596", "42 U.S.C. sec. 1805", "42 U.S.C. 1805"),
        ("1986-09-25-executive-order-12565", "5 U.S.C. sec. 552(b) (3)", "5 U.S.C. 552"),
    ],
)
def test_texts_that_print_sec_are_read(order, printed, key):
    require_shared()
    (path,) = sorted((CORPUS / "eo-markdown-1933-2025").rglob(f"{order}*.md"))
    text = parse_document(path.read_bytes()).text
    assert (key, printed) in {(c.key, c.text) for c in extract_citations(text)}


def ids_from_api(client, **params) -> set[int]:
    data = client.get("/api/actions/", {**params, "page_size": 200}).json()
    return {row["id"] for row in data["results"]}


def ids_from_csv(client, **params) -> set[str]:
    response = client.get("/search/export.csv", params)
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    return {row["url"] for row in rows}


@pytest.mark.parametrize("typed", FORMS_OF_1357)
def test_the_search_box_the_filter_the_api_and_the_csv_agree(client, eo, typed):
    order = eo("13768")
    by_box = ids_from_api(client, q=typed)
    by_filter = ids_from_api(client, statute=typed)
    assert order.pk in by_box and by_box == by_filter
    csv_urls = ids_from_csv(client, statute=typed)
    assert any(url.endswith(order.get_absolute_url()) for url in csv_urls)
    assert len(csv_urls) == len(by_filter)
