"""Merging the published copies of one order (`actions.store.merge`): pure, on real files."""

from datetime import date

import pytest

from actions.ingest.detect import parse_document
from actions.store.merge import merge_sources
from tests.conftest import CORPUS, EO_13768_JSON, seed

FR_XML_13768 = CORPUS / "fr-eo-1994-2020" / "executive_orders" / "EO_13768.xml"


def parsed(path):
    return parse_document(path.read_bytes())


@pytest.fixture
def eo_14385_copies():
    """The DCPD printing and the whitehouse.gov page of EO 14385, page first."""
    return [parsed(seed("whitehouse_markdown")), parsed(seed("dcpd_text"))]


def test_the_official_printing_gives_the_text_whatever_the_order(eo_14385_copies):
    for docs in (eo_14385_copies, eo_14385_copies[::-1]):
        merged = merge_sources(docs)
        assert docs[merged.text_source].source_format == "dcpd_text"
        assert merged.fields["number"] == "14385"
        assert merged.fields["signed_on"] == date(2026, 2, 6)
        assert merged.conflicts == {}  # "its"/"Its" and the page's date are no conflict


def test_identity_comes_from_the_fr_record_and_the_text_from_the_xml():
    docs = [parsed(seed("whitehouse_legacy_markdown")), parsed(EO_13768_JSON), parsed(FR_XML_13768)]
    merged = merge_sources(docs)
    assert docs[merged.text_source].source_format == "federal_register_xml"
    assert merged.fields["fr_document_number"] == "2017-02102"
    assert merged.fields["fr_citation"] == "82 FR 8799"
    assert merged.fields["title"] == "Enhancing Public Safety in the Interior of the United States"


def test_a_differing_number_is_a_conflict_and_the_fr_record_decides():
    record = parsed(EO_13768_JSON)
    page = parsed(seed("whitehouse_legacy_markdown"))
    page.number = "13767"  # as a page printing another order's number
    merged = merge_sources([page, record])
    assert merged.fields["number"] == "13768"
    assert {value for _, value in merged.conflicts["number"]} == {"13767", "13768"}


def test_a_correction_alone_names_only_kind_number_and_date():
    record = parsed(EO_13768_JSON)
    record.is_correction = True
    merged = merge_sources([record])
    assert merged.text_source is None
    assert (merged.fields["kind"], merged.fields["number"]) == ("executive_order", "13768")
    assert merged.fields["title"] is None
