"""Each parser on each seed, and the FR JSON record: pure functions, no database."""

from datetime import date

import pytest

from actions.ingest.detect import detect_format, parse_document
from actions.ingest.parsed import ParseError
from tests.conftest import EO_13768_JSON, require_shared, seed, seed_files

EO_14385_HEADINGS = [
    "Policy",
    "Providing CHRI to DHS",
    "Exchanging Felony Conviction Records with Visa Waiver Program and Other Countries for "
    "Border Security and Immigration Purposes",
    "General Provisions",
]


def test_every_seed_has_a_detected_format():
    formats = sorted(detect_format(p.read_bytes()) for p in seed_files())
    assert formats == [
        "commentary_text",
        "commentary_text",
        "dcpd_text",
        "whitehouse_legacy_markdown",
        "whitehouse_markdown",
    ]


def test_whitehouse_markdown_with_span_underlining():
    doc = parse_document(seed("whitehouse_markdown").read_bytes())
    assert doc.kind == "executive_order"
    assert doc.number is None  # 2025-2026 pages do not print it
    assert doc.title.startswith("Protecting the National Security and Welfare")
    assert doc.signed_on == date(2026, 2, 6)
    assert [s.heading for s in doc.sections] == EO_14385_HEADINGS
    assert [s.number for s in doc.sections] == ["1", "2", "3", "4"]
    assert doc.preamble.startswith("By the authority vested in me")
    assert "6 U.S.C. 122(a)(2)" in doc.preamble
    assert "<span" not in doc.text and "\\(" not in doc.text
    assert doc.sections[2].text.startswith("(a) The Secretary of Homeland Security may exchange")
    assert doc.url.startswith("https://www.whitehouse.gov/presidential-actions/2026/02/")
    assert doc.place == "The White House"


def test_dcpd_text():
    doc = parse_document(seed("dcpd_text").read_bytes())
    assert (doc.kind, doc.number) == ("executive_order", "14385")
    assert doc.title.endswith("From Criminal Actors and Other Public Safety Threats")
    assert doc.signed_on == date(2026, 2, 6)
    assert doc.filed_on == date(2026, 2, 10)
    assert doc.published_on == date(2026, 2, 11)
    assert doc.signer == "DONALD J. TRUMP"
    assert doc.dcpd_number == "DCPD202600090"
    assert doc.subjects == [
        "Attorney General",
        "Counterterrorism and homeland security",
        "Secretary of Homeland Security",
    ]
    assert doc.categories[0].startswith("Executive Orders : Criminal actors")
    assert [s.heading for s in doc.sections] == EO_14385_HEADINGS
    # The signature block and the trailer are not part of the last section.
    assert "DONALD J. TRUMP" not in doc.sections[-1].text
    assert "DCPD Number" not in doc.sections[-1].text
    assert doc.official


def test_whitehouse_2017_markdown_with_signature_image():
    doc = parse_document(seed("whitehouse_legacy_markdown").read_bytes())
    assert doc.kind == "executive_order"
    assert doc.title == "Enhancing Public Safety in the Interior of the United States"
    assert doc.signed_on == date(2017, 1, 25)
    assert doc.signer == "DONALD J. TRUMP"
    assert len(doc.sections) == 18
    assert doc.sections[7].heading == "Federal-State Agreements"
    assert doc.sections[17].heading == "General Provisions"
    # The preamble is not a section; the signature is not in the last section.
    assert doc.preamble.startswith("I declare the policy of the executive branch")
    assert "THE WHITE HOUSE" not in doc.sections[-1].text
    assert "signature" not in doc.sections[-1].text


def test_federal_register_json():
    require_shared()
    doc = parse_document(EO_13768_JSON.read_bytes())
    assert doc.source_format == "federal_register_json"
    assert (doc.kind, doc.number) == ("executive_order", "13768")
    assert doc.fr_document_number == "2017-02102"
    assert doc.fr_citation == "82 FR 8799"
    assert doc.fr_start_page == 8799
    assert doc.signed_on == date(2017, 1, 25)
    assert doc.published_on == date(2017, 1, 30)
    assert doc.official and doc.sections == []


def test_news_article_is_commentary_titled_by_its_first_line():
    doc = parse_document(seed("commentary_text", "titled").read_bytes())
    assert doc.is_commentary
    assert doc.title.startswith("On Friday, President Trump signed a new executive order")
    assert doc.url is None and doc.published_on is None  # the text states neither


def test_advocacy_page_loses_its_page_chrome():
    doc = parse_document(seed("commentary_text", "287(g)").read_bytes())
    assert doc.is_commentary
    assert doc.title.startswith("Immigrants are caught in a complex and opaque web")
    assert "287(g)" in doc.text
    assert "Read More" not in doc.text
    assert "DALEros" not in doc.text  # the list of other articles at the end
    assert doc.text.rstrip().endswith("protect immigrants more effectively.")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00" * 10, "binary"),
        ("Caf\u00e9 du Monde, Latin-1 text, not UTF-8 ".encode("latin-1") * 20, "Latin-1"),
        (b'{"title": "x"', "JSON"),
        (b'{"title": "no document number"}', "document_number"),
        (b"---\ntitle: [unclosed\n---\nbody", "YAML"),
        (b"too short", "unknown format"),
    ],
)
def test_bad_input_is_a_clear_parse_error(data, reason):
    with pytest.raises(ParseError, match=reason):
        parse_document(data)
