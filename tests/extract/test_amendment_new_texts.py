"""New texts of amended orders read from real orders and applied to the real sections they
amend: a new text printed without quotation marks (read only where it cannot run on into the
amending order's own words), a closing mark alone on its line, a chain of edits read on past a
clause on the preamble, new sections inserted after a named one. Pure: the files parsed, no
database."""

from __future__ import annotations

import pytest

from tests.extract.orders import amended, consolidated, order


@pytest.mark.parametrize(
    ("target", "amending", "section", "new_words"),
    [
        # "Section 902(d)(1) of Executive Order No. 10161 ... is hereby amended to read as
        # follows:\n\n(1) Each officer or agency ... by or pursuant to this Executive order
        # ...\n\nSEC. 5. ..." (no quotation marks; the amending order's next section after)
        ("10161", "10200", "902", "by or pursuant to this Executive order shall submit"),
        # "paragraph 3 of Executive Order No. 10163 ... amended to read as follows:\n\n3. The
        # Armed Forces Reserve Medal ...\n\nDWIGHT D. EISENHOWER"
        (
            "10163",
            "10439",
            "3",
            "Marine Corps Reserve Medal has been, or may be, awarded: And provided",
        ),
    ],
)
def test_a_new_text_printed_without_quotation_marks(target, amending, section, new_words):
    original = {s.number: s.text for s in order(target).sections}
    parts, _ = amended(target, amending)
    assert new_words not in original[section] and new_words in parts[section].text


@pytest.mark.parametrize(
    ("target", "amending", "needle"),
    [
        # "Section 6 is amended to read as follows:\n\nSEC. 6. As determined ...\n\n(b)
        # Section 8(a) is amended ...": the unquoted text might run on into the amending
        # order's item (b); not applied by guess
        ("10152", "11120", "Section 6 is amended to read as follows"),
        # "that part of section 303 ... which precedes paragraph (a) thereof is hereby
        # amended to read as follows:\n\nSECTION 303. Within ...:\n\n(c) In carrying out ..."
        ("10161", "10200", "which precedes paragraph (a)"),
    ],
)
def test_an_unquoted_new_text_that_might_run_on_is_not_applied(target, amending, needle):
    parts, not_applied = consolidated(target, amending)
    (refused,) = [n for n in not_applied if needle in n["instruction"]]
    assert refused["reason"] == "the new text is not quoted"
    assert not any(needle in c["instruction"] for p in parts for c in p.changes)


def test_a_closing_mark_alone_on_its_line_closes_the_new_text():
    """EO 12790 on EO 12754: "Section 3 is amended to read: "The Secretaries ... Southwest
    Asia Service Medal reg\n\n"\n\nGeorge Bush": the lone mark closes the quotation."""
    parts, not_applied = amended("12754", "12790")
    assert "the Secretary of Health and Human Services" in parts["3"].text
    assert not any(n["instruction"].startswith("Section 3") for n in not_applied)


def test_a_chain_read_on_past_a_clause_on_the_preamble():
    """EO 12106 (1978) on EO 11478: "... is further amended by deleting the preamble, by
    substituting “national origin, handicap, or age” for “or national origin” in the first
    sentence of Section 1, and revising Sections 3, 4, and 5 to read as follows: “Sec. 3.
    ...”": the preamble struck, the rest applied; then EO 13087, 13152
    (“sexual orientation, or status as a parent.” for “or sexual orientation.”, both with the
    sentence's period) and 13672 in turn."""
    parts, not_applied = consolidated("11478", "12106", "13087", "13152", "13672")
    live = {p.number: p for p in parts}
    assert (
        "because of race, color, religion, sex, national origin, handicap, age, sexual "
        "orientation, gender identity, or status as a parent, and to promote"
    ) in live["1"].text
    for number in "345":
        assert "Equal Employment Opportunity Commission" in live[number].text
    # the preamble deleted too (`test_amendment_front.py`)
    assert not [n for n in not_applied if n["number"] == "12106"]


def test_new_sections_inserted_after_one_keep_their_order():
    """EO 13152 on EO 11478: "Insert the following new sections 6 and 7 after section 5: “Sec.
    6. ... Sec. 7. ...”" and "Renumber current sections 6, 7, and 8 as sections 8, 9, and 10"
    (section 8 added by EO 11590): the two new sections in their order, each once."""
    parts, _ = consolidated("11478", "11590", "12106", "13087", "13152", "13672")
    live = [(p.number, p.key) for p in parts if not p.revoked]
    assert [number for number, _ in live] == [str(n) for n in range(1, 12)]
    assert live[5:10] == [("6", "+6"), ("7", "+7"), ("8", "6"), ("9", "7"), ("10", "+8")]
