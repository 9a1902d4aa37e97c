"""Parsers on real files of every format in ../shared/corpus (skipped without it)."""

import re
from datetime import date

import pytest

from actions.ingest.detect import detect_format, parse_file
from actions.ingest.federal_register_html import fr_statute_links
from tests.conftest import CORPUS

FR = CORPUS / "fr-eo-1994-2020" / "executive_orders"
WH = CORPUS / "whitehouse-2021-2026" / "presidential-actions"
EOMD = CORPUS / "eo-markdown-1933-2025" / "Presidential_Executive_Orders"


def read(path):
    if not path.exists():
        pytest.skip(f"the corpus is not at {CORPUS} (set ARCHIVE_DATA_DIR)")
    return path.read_bytes()


def one(path):
    (doc,) = parse_file(read(path))
    return doc


def test_fr_xml_sections_pages_and_signature():
    doc = one(FR / "EO_13768.xml")
    assert detect_format(read(FR / "EO_13768.xml")) == "federal_register_xml"
    assert (doc.number, doc.signed_on, doc.fr_document_number) == (
        "13768",
        date(2017, 1, 25),
        "2017-02102",
    )
    assert doc.title == "Enhancing Public Safety in the Interior of the United States"
    assert len(doc.sections) == 18 and doc.sections[7].heading == "Federal-State Agreements"
    assert doc.fr_start_page == 8799
    assert doc.sections[0].start_page == 8799
    assert doc.sections[8].start_page == 8801  # Sec. 9 begins on the third page
    ((offset, page),) = doc.sections[17].page_breaks  # Sec. 18 runs onto page 8803
    assert page == 8803 and 0 < offset < len(doc.sections[17].text)
    assert doc.sections[17].text[offset:].lstrip().startswith("(c) This order is not intended")
    assert "\ue000" not in doc.text and "\ue000" not in doc.sections[7].text
    assert doc.place == "The White House" and doc.filed_on == date(2017, 1, 27)


@pytest.mark.parametrize(
    ("name", "first", "count"),
    [
        # the orders on classified information, numbered by part and section: "Sec. 1.1."
        # to "Sec. 6.4." ("Sec. 3.3 Automatic Declassification." printed without its period)
        ("EO_13526.xml", ["1.1", "1.2", "1.3"], 31),
        ("EO_13292.xml", ["1.1", "1.2", "1.3"], 29),
        # a label run into the paragraph before: "... the executive branch.<E T="04">Sec.
        # 1.3.</E> Definitions."
        ("EO_13467.xml", ["1.1", "1.2", "1.3", "2.1"], 8),
        # a part's own section and the sections under it: "Sec. 2.", "Sec. 2.1.", ... "Sec. 3."
        ("EO_13618.xml", ["1", "2", "2.1", "2.2", "2.3", "3"], 21),
    ],
)
def test_sections_numbered_by_part_and_section(name, first, count):
    doc = one(FR / name)
    numbers = [s.number for s in doc.sections]
    assert numbers[: len(first)] == first and len(numbers) == count
    assert len(set(numbers)) == len(numbers)


@pytest.mark.parametrize(
    ("glob", "first", "count"),
    [
        # a scanned order's headings: "SECTION 101 Purpose.", "SEC.1O2 Scope.", "SEC. 103
        # Presidential Assistance." (no period after the number, an "O" for a "0")
        ("*/1969/*/1969-10-28-executive-order-11490*.md", ["101", "102", "103", "104"], 80),
        # "Sec. 3 The exterior boundaries ...", "SEC. 4 Except as to ...", among land
        # descriptions ("Sec. 2, S½", "Secs. 8 and 17.") that are no sections
        ("*/1952/*/1952-07-15-executive-order-10374*.md", ["1", "2", "3", "4", "5"], 5),
    ],
)
def test_sections_headed_without_a_period(glob, first, count):
    (path,) = list(EOMD.glob(glob)) or [EOMD / "missing"]
    doc = one(path)
    numbers = [s.number for s in doc.sections]
    assert numbers[: len(first)] == first and len(numbers) == count


@pytest.mark.parametrize(
    ("glob", "section", "heading", "opens"),
    [
        # "### Section 1. Establishment (a) There is established the President's Commission
        # on Housing." (the heading's period lost in transcription)
        ("*/1981/*/1981-06-16-executive-order-12310*.md", "1", "Establishment", "(a) There is"),
        (
            "*/1988/*/1988-11-18-executive-order-12656*.md",
            "104",
            "Management of National Security Emergency Preparedness",
            "(a) The National Security",
        ),
        # in sentence case, ending in a comma: "Sec. 109. Allocation, advance, and transfer of
        # funds, (a) ..."
        (
            "*/1960/*/1960-11-08-executive-order-10893*.md",
            "109",
            "Allocation, advance, and transfer of funds",
            "(a) ",
        ),
    ],
)
def test_a_heading_run_into_the_first_lettered_part(glob, section, heading, opens):
    (path,) = list(EOMD.glob(glob)) or [EOMD / "missing"]
    (found,) = [s for s in one(path).sections if s.number == section]
    assert (found.heading, found.text[: len(opens)]) == (heading, opens)


def test_a_sentence_before_a_lettered_part_is_no_heading():
    """EO 11234 section 5, "Personnel and, (a) The Commission is authorized ...": a heading
    cut short (it ends on "and") is left in the text, not taken for the section's heading."""
    (path,) = EOMD.glob("*/1965/*/1965-*-executive-order-11234*.md")
    (found,) = [s for s in one(path).sections if s.number == "5"]
    assert found.heading == "" and found.text.startswith("Personnel and, (a) The Commission")


@pytest.mark.parametrize(
    ("path", "numbers", "section", "opens"),
    [
        # the FR's HTML: "... by United States persons. Sec. 2. Nothing in section 1 of this
        # order shall prohibit ..." in one block with section 1
        (FR / "EO_13088.htm", [str(n) for n in range(1, 10)], "2", "Nothing in section 1"),
        (FR / "EO_12950.htm", ["1", "2", "3", "4", "5"], "2", None),
        # a White House page: "... Sec. 3. Priorities. ..." run on after section 2
        (
            WH / "2025-01" / "2025-01-27-the-iron-dome-for-america.md",
            ["1", "2", "3", "4", "5"],
            "3",
            None,
        ),
    ],
)
def test_a_section_run_in_after_the_one_before_is_its_own(path, numbers, section, opens):
    doc = one(path)
    assert [s.number for s in doc.sections] == numbers
    (found,) = [s for s in doc.sections if s.number == section]
    before = doc.sections[numbers.index(section) - 1]
    assert not re.search(rf"\bSec\. {section}\. ", before.text)  # cut off the one before
    assert found.text and (opens is None or found.text.startswith(opens))


def test_a_loose_heading_opens_no_list_of_sections_but_the_first():
    """EO 9933's land description "Sec. 12 ..." is not its section 12 (nor its only one)."""
    (path,) = EOMD.glob("*/1948/*/1948-*-executive-order-9933*.md")
    assert [s.number for s in one(path).sections] == []


def test_fr_issue_xml_yields_its_proclamation():
    docs = parse_file(read(CORPUS / "fr-api-core" / "spec" / "fixtures" / "2016-04-15.xml"))
    assert [(d.kind, d.number, d.fr_citation, d.signed_on) for d in docs] == [
        ("proclamation", "9423", "81 FR 22505", date(2016, 4, 12))
    ]
    assert docs[0].title.startswith("Establishment of the Belmont-Paul")


def test_govinfo_htm_unwraps_lines_and_reads_pages():
    doc = one(FR / "EO_12944.htm")
    assert (doc.number, doc.signed_on, doc.fr_citation) == (
        "12944",
        date(1994, 12, 28),
        "60 FR 309",
    )
    assert doc.title == "Adjustments of Certain Rates of Pay and Allowances"
    assert doc.sections and doc.sections[0].heading == "Statutory pay systems"
    assert "\x00" not in doc.text and "\n                " not in doc.text


def test_govinfo_htm_entity_codes_and_missing_of():
    doc = one(FR / "EO_13739.htm")
    assert doc.number == "13739" and "Côte d'Ivoire" in doc.title


def test_fr_html_fallback_and_its_statute_links():
    doc = one(FR / "EO_13768.html")
    assert (doc.number, doc.fr_document_number, len(doc.sections)) == ("13768", "2017-02102", 18)
    assert ("8", "1357") in fr_statute_links(read(FR / "EO_13768.html"))


def test_fr_json_metadata_record_drops_enrichment():
    path = (
        CORPUS
        / "fr-eo-metadata-2009-2026"
        / "what-got-signed"
        / "data"
        / "enriched"
        / "eo-14381.json"
    )
    doc = one(path)
    assert doc.number == "14381" and doc.kind == "executive_order"
    assert "enrichment" not in doc.metadata and "summary" not in str(doc.to_json()).lower()[:0]


def test_eo_markdown_fr_derived_rejoins_split_lines():
    doc = one(EOMD / "donald-trump" / "2017" / "01-January" / "2017-01-25-executive-order-13768.md")
    assert doc.source_format == "eo_markdown_fr" and not doc.official
    assert len(doc.sections) == 18
    assert "8 U.S.C. 1101 et seq.)" in doc.preamble


def test_eo_markdown_presidency_project_numbered_paragraphs_and_suffix():
    path = next(
        (EOMD / "harry-s-truman" / "1950" / "01-January").glob("1950-01-03-executive-order-10095*")
    )
    doc = one(path)
    assert doc.source_format == "eo_markdown_app" and doc.signer == "HARRY S. TRUMAN"
    assert [s.number for s in doc.sections] == ["1", "2", "3", "4", "5", "6"]
    suffixed = one(
        next((EOMD / "harry-s-truman" / "1952" / "12-December").glob("1952-12-06-*10417*"))
    )
    assert suffixed.number == "10417-A"


def test_whitehouse_proclamation_signed_on_from_the_witness_clause():
    path = next(WH.glob("2021-03/*red-cross-month*"))
    doc = one(path)
    assert doc.kind == "proclamation"
    assert doc.signed_on.month in (2, 3) and doc.signed_on.year == 2021


def test_fr_csv_rows_corrections_and_suffixes():
    path = CORPUS / "fr-csv-exports" / "QMSS_IBM_Practicum"
    docs = parse_file(read(next(path.glob("*.csv"))))
    assert len(docs) == 6631
    by = {(d.number, d.is_correction): d for d in docs}
    assert by[("13526", True)].title == "Correction"
    assert by[("13526", False)].title == "Classified National Security Information"
    assert by[("10571-A", False)].title.startswith("Assignment of Frequencies")
    assert sum(d.not_received_for_publication for d in docs) == 436
    notes = by[("13768", False)].disposition_notes
    assert ("Revoked by", "EO 13993 of January 20, 2021") in notes


def test_nara_table_entries_with_in_part_notes():
    docs = parse_file(read(CORPUS / "nara-disposition-tables" / "eo" / "data" / "1950.txt"))
    entry = next(d for d in docs if d.number == "10096")
    assert entry.fr_citation == "15 FR 389" and entry.signed_on == date(1950, 1, 23)
    assert ("Revoked by", "EO 10695, January 16, 1957 (in part)") in entry.disposition_notes


def test_fr_list_json_and_notes_table():
    listing = parse_file(
        read(CORPUS / "nara-disposition-tables" / "eo" / "data" / "fr" / "barack-obama.json")
    )
    assert len(listing) == 276 and all(d.part for d in listing)
    notes = parse_file(read(CORPUS / "fr-api-core" / "data" / "executive_orders.csv"))
    assert len(notes) == 733


def _as_dataclasses_gave(doc) -> dict:
    """The JSON form as `dataclasses.asdict` made it before `to_json` was written by hand."""
    from dataclasses import asdict

    data = asdict(doc)
    for key in ("signed_on", "published_on", "filed_on"):
        value = getattr(doc, key)
        data[key] = value.isoformat() if value else None
    for section, parsed in zip(data["sections"], doc.sections, strict=True):
        section["anchor"] = parsed.anchor
    return data


@pytest.mark.parametrize(
    "path",
    [
        FR / "EO_13768.xml",
        WH / "2025-06" / "2025-06-06-sustaining-select-efforts-to-strengthen-the-nations-"
        "cybersecurity-and-amending-executive-order-13694-and-executive-order-14144.md",
        *sorted(EOMD.glob("*/*/*/*-executive-order-10340*.md"))[:1],
        CORPUS
        / "fr-eo-metadata-2009-2026"
        / "what-got-signed"
        / "data"
        / "enriched"
        / "eo-14278.json",
        CORPUS / "fr-api-core" / "spec" / "fixtures" / "2016-04-15.xml",
    ],
    ids=lambda p: p.name[-24:],
)
def test_the_stored_parse_is_the_same_json_text_and_reads_back(path):
    import json

    from actions.ingest.parsed import parsed_from_json

    for doc in parse_file(read(path)):
        data = doc.to_json()
        assert json.dumps(data) == json.dumps(_as_dataclasses_gave(doc))
        assert parsed_from_json(data) == doc
        if doc.sections:  # a later change to the parse does not reach what was stored
            doc.sections[0].page_breaks.append([1, 2])
            assert data["sections"][0]["page_breaks"] != doc.sections[0].page_breaks
