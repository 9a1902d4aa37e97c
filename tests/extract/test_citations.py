"""Statute citations: a table of forms printed in real presidential documents."""

import pytest

from actions.extract.citations import extract_citations, merge_pins


def keys(text):
    return [(c.key, c.pin) for c in extract_citations(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # EO 14385
        ("including 6 U.S.C. 122(a)(2), it is hereby ordered", [("6 U.S.C. 122", "(a)(2)")]),
        ("50 U.S.C. § 1701", [("50 U.S.C. 1701", "")]),
        ("50 U.S.C. §§ 1701-1706", [("50 U.S.C. 1701", "")]),
        ("18 U.S.C. 2339B", [("18 U.S.C. 2339B", "")]),
        ("42 U.S.C. 2000e-2", [("42 U.S.C. 2000e-2", "")]),
        ("50 U.S.C. App. 2401 et seq.", [("50 U.S.C. App. 2401", "")]),
        (
            "50 U.S.C. 1701 et seq. and 1601 et seq.",
            [("50 U.S.C. 1701", ""), ("50 U.S.C. 1601", "")],
        ),
        # EO 13768, section 5
        (
            "(8 U.S.C. 1182(a)(2), (a)(3), and (a)(6)(C), 1225, and 1227(a)(2) and (4))",
            [
                ("8 U.S.C. 1182", "(a)(2)"),
                ("8 U.S.C. 1182", "(a)(3)"),
                ("8 U.S.C. 1182", "(a)(6)(C)"),
                ("8 U.S.C. 1225", ""),
                ("8 U.S.C. 1227", "(a)(2)"),
                ("8 U.S.C. 1227", "(a)(4)"),
            ],
        ),
        ("section 3331 of title 5, United States Code", [("5 U.S.C. 3331", "")]),
        ("section 301 of title 3, United States Code", [("3 U.S.C. 301", "")]),
        ("8 CFR 287.7", [("8 CFR 287.7", "")]),
        ("28 C.F.R. § 0.85", [("28 CFR 0.85", "")]),
        ("Public Law 115-232", [("Pub. L. 115-232", "")]),
        ("Pub. L. 107-296", [("Pub. L. 107-296", "")]),
        ("132 Stat. 1636", [("132 Stat. 1636", "")]),
        ("published at 82 FR 8799", [("82 FR 8799", "")]),
        (
            "consistent with Article II, Section 3 of the United States Constitution",
            [("U.S. Const. art. II, § 3", "")],
        ),
        ("rights under the First Amendment", [("U.S. Const. amend. I", "")]),
        # Forms found wrong or incomplete in the precision sample (bench/citation_precision.md).
        ("Kennedy, 82 FR 50,307-08 (Oct. 31, 2017)", [("82 FR 50307", "")]),
        ("(37 U.S.C. 235, 301 (d)), and", [("37 U.S.C. 235", ""), ("37 U.S.C. 301", "(d)")]),
        (
            "section 101(a) (15) (J) of the Immigration and Nationality Act.",
            [("8 U.S.C. 1101", "(a)(15)(J)")],
        ),
        ("Clean Air Act (42 U.S.C. 7401-7671q)", [("42 U.S.C. 7401", "")]),
        # A number after a list separator that is followed by a word is not a section.
        ("under 5 U.S.C. 3331, 2 percent of", [("5 U.S.C. 3331", "")]),
        (
            "42 U.S.C. 2000e-2 and 50 U.S.C. 1701",
            [("42 U.S.C. 2000e-2", ""), ("50 U.S.C. 1701", "")],
        ),
    ],
)
def test_citation_forms(text, expected):
    assert keys(text) == expected


def test_et_seq_note_and_range_are_fields_not_part_of_the_key():
    (cite,) = extract_citations("the INA (8 U.S.C. 1101 et seq.)")
    assert (cite.key, cite.pin, cite.et_seq) == ("8 U.S.C. 1101", "", True)
    (cite,) = extract_citations("50 U.S.C. 1701 note")
    assert cite.note and cite.key == "50 U.S.C. 1701"
    (cite,) = extract_citations("50 U.S.C. 1701-1706")
    assert (cite.key, cite.range_end) == ("50 U.S.C. 1701", "1706")


def test_act_section_with_printed_parallel_is_one_citation_recording_the_act():
    cites = extract_citations("agreements under section 287(g) of the INA (8 U.S.C. 1357(g)).")
    assert [(c.key, c.pin, c.act, c.via) for c in cites] == [
        ("8 U.S.C. 1357", "(g)", "INA 287(g)", None)
    ]


def test_et_period_seq_and_an_act_section_without_a_crosswalk_row():
    (cite,) = extract_citations("(50 U.S.C. 1701 et. seq.) (the Act)")
    assert cite.et_seq
    (cite,) = extract_citations("Section 305(f) (1) of the Defense Production Act of 1950")
    assert (cite.key, cite.et_seq, cite.via) == ("50 U.S.C. 4501", True, "DPA 305(f)(1)")


def test_act_section_alone_is_resolved_through_the_crosswalk_with_via():
    cites = extract_citations("through agreements under section 287(g) of the INA, or otherwise")
    assert [(c.key, c.pin, c.via) for c in cites] == [("8 U.S.C. 1357", "(g)", "INA 287(g)")]


def test_act_section_lists_pair_with_their_printed_parallels():
    text = (
        "sections 212(a)(2), (a)(3), and (a)(6)(C), 235, and 237(a)(2) and (4) of the INA "
        "(8 U.S.C. 1182(a)(2), (a)(3), and (a)(6)(C), 1225, and 1227(a)(2) and (4))"
    )
    acts = [c.act for c in extract_citations(text)]
    assert acts == [
        "INA 212(a)(2)",
        "INA 212(a)(3)",
        "INA 212(a)(6)(C)",
        "INA 235",
        "INA 237(a)(2)",
        "INA 237(a)(4)",
    ]


def test_spans_point_at_the_printed_text():
    text = "including 6 U.S.C. 122(a)(2), it is hereby ordered"
    (cite,) = extract_citations(text)
    assert text[cite.start : cite.end] == "6 U.S.C. 122(a)(2)" == cite.text


@pytest.mark.parametrize(
    "previous, new, merged",
    [
        (["(a)", "(2)"], ["(4)"], ["(a)", "(4)"]),
        (["(a)", "(2)"], ["(a)", "(3)"], ["(a)", "(3)"]),
        (["(a)"], ["(b)"], ["(b)"]),
    ],
)
def test_pin_lists_replace_their_own_level(previous, new, merged):
    assert merge_pins(previous, new) == merged


def test_every_crosswalk_row_is_printed_by_its_evidence_file():
    """Each Act and Act-section row names a corpus file that prints both forms."""
    import html
    import re

    from actions.extract.crosswalk import act_sections, acts
    from tests.conftest import SHARED, require_shared

    require_shared()

    def text_of(relative: str) -> str:
        # The file as a reader sees it: markup dropped ("1701 <E>et seq</E>."), spaces folded.
        raw = (SHARED / relative).read_bytes().decode("utf-8", "replace")
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", raw)).split())

    for act in acts().values():
        if not act.evidence.startswith("corpus/"):
            continue
        text = text_of(act.evidence)
        assert any(name in text for name in act.names), act.code
        if act.usc_title:
            assert f"{act.usc_title} U.S.C. {act.usc_section}" in text, act.code
    for (code, section), (title, usc_section) in act_sections().items():
        assert f"{title} U.S.C. {usc_section}" in text_of(_section_evidence(code, section)), (
            code,
            section,
        )


def _section_evidence(code: str, section: str) -> str:
    import csv

    from actions.extract.crosswalk import DATA_DIR

    with open(DATA_DIR / "act_sections.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if (row["act"], row["act_section"]) == (code, section):
                return row["evidence"]
    raise LookupError(code)
