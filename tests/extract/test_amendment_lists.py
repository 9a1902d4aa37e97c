"""Places named in lists, and places told again, read from real orders and applied to the real
sections they amend: several sections given new texts by one instruction (each quoted apart,
or a list whose plural was lost), several sections revoked by one, a list renumbered in an
item, a place followed by its citation or by the order that last amended it, an item of a
list. Pure: the files parsed, no database."""

from __future__ import annotations

import pytest

from actions.extract.amendment_wording import Location
from tests.extract.orders import aimed, consolidated, order


def _changed_by(parts, amending: str) -> dict:
    return {p.number: p for p in parts if any(c["number"] == amending for c in p.changes)}


@pytest.mark.parametrize(
    ("target", "amending", "sections", "new_words"),
    [
        # "substituting for section 2, 7, and 8 thereof the following: “SEC. 2. ... SEC. 7.
        # ... SEC. 8. ...”" (the plural lost)
        (
            "10717",
            "10979",
            {"2", "7", "8"},
            {"7": "shall not recommend a nominee for the award without the concurrence"},
        ),
        # "substituting for paragraphs 1 and 3 thereof the following:\n\n“1. ...”\n\n“3.
        # ...”": each paragraph its own quotation
        (
            "10448",
            "11265",
            {"1", "3"},
            {"3": "are also entitled to wear a bronze star on their National Defense"},
        ),
        # "substituting for sections 104, 206, and 207 the following: “SEC. 104. ... SEC. 206."
        (
            "11157",
            "11292",
            {"104", "206", "207"},
            {"206": "for periods of eight or more continuous days, including movement periods"},
        ),
        # "Paragraphs 3, 4, and 5 are amended to read as follows: “3 Any quarters ... “4 When
        # ...": numbers printed without their periods
        (
            "10204",
            "11146",
            {"3", "4", "5"},
            {"4": "designated for members without dependents without affecting his right"},
        ),
    ],
)
def test_several_sections_each_take_their_own_new_text(target, amending, sections, new_words):
    original = {s.number: s.text for s in order(target).sections}
    parts, not_applied = consolidated(target, amending)
    changed = _changed_by(parts, amending)
    assert set(changed) >= sections
    for number, words in new_words.items():
        assert words not in original[number] and words in changed[number].text
    # No section took another's text, nor the whole of the new text.
    texts = [changed[n].text for n in sections]
    assert len(set(texts)) == len(texts)
    assert not any("SEC. " in text[:12] for text in texts)
    assert not any(amending == n["number"] and "read" in n["instruction"] for n in not_applied)


@pytest.mark.parametrize(
    ("target", "amending", "sections"),
    [
        # "Sections 3 and 6 of Executive Order 12748 ... are revoked", then "Sections 4, 5, 7,
        # 8, and 9 ... are renumbered as sections 3, 4, 5, 6, and 7, respectively"
        ("12748", "13415", ("3", "6")),
        # "Sections 501 and 503 of Executive Order No. 11063 are revoked"
        ("11063", "12259", ("501", "503")),
        # "sections 1 and 2 of Executive Order 13067 of November 3, 1997, are revoked"
        ("13067", "13761", ("1", "2")),
    ],
)
def test_sections_revoked_together_are_each_revoked(target, amending, sections):
    original = {s.number: s.text for s in order(target).sections}
    parts, not_applied = consolidated(target, amending)
    revoked = [p for p in parts if p.revoked]
    # The sections themselves are struck (shown as revoked), their words kept, not replaced
    # by the word "[Revoked]".
    assert [p.text for p in revoked] == [original[n] for n in sections]
    assert not any(p.text.startswith("[Revoked]") for p in parts)
    assert not [n for n in not_applied if n["number"] == amending and "evoked" in n["instruction"]]


def test_sections_revoked_then_renumbered_into_their_places():
    """EO 13415 on EO 12748: sections 3 and 6 revoked, 4, 5, 7, 8 and 9 renumbered 3 to 7."""
    original = {s.number: s.text for s in order("12748").sections}
    parts, not_applied = consolidated("12748", "13415")
    in_force = {p.number: p.text for p in parts if not p.revoked}
    assert not not_applied
    assert [in_force[n] for n in ("3", "4", "5", "6", "7")] == [
        original[n] for n in ("4", "5", "7", "8", "9")
    ]


def test_a_list_renumbered_in_an_item_pairs_each_with_its_number():
    """EO 13758 on EO 11016: "Paragraphs 4, 5, 6, 7, and 8 are redesignated as paragraphs 5,
    6, 7, 8, and 9, respectively", then "Paragraph 6, as redesignated, is amended by striking
    “paragraph 4” and inserting ... “paragraph 5”"."""
    original = {s.number: s.text for s in order("11016").sections}
    parts, _ = consolidated("11016", "13758")
    in_force = {p.number: p.text for p in parts if not p.revoked}
    assert in_force["9"] == original["8"]
    assert in_force["5"] == original["4"]
    assert "Except as authorized in paragraph 5, not more than one" in in_force["6"]


@pytest.mark.parametrize(
    ("target", "amending", "section", "new_words"),
    [
        # "substituting for section 301 thereof, as amended by Executive Order No. 10574 of
        # November 5, 1954, a new section 301 reading as follows:"
        ("10480", ("10819",), "301", "and the National Aeronautics and Space Administration"),
        # "substituting for subsection (c) of Section 2 thereof (48 CFR § 1.2(c)) the
        # following:" (after EO 11106's renumbering)
        ("11075", ("11106", "11113"), "2", "two officers, each of whom shall have the title"),
        # "section 2 ... is further amended by substituting for item (6) thereunder the
        # following: “(6) Deputy Director of Defense Research and Engineering ...”" (after EO
        # 11268 added the item)
        ("11248", ("11268", "11393"), "2", "(6) Deputy Director of Defense Research and"),
    ],
)
def test_a_place_told_again_or_an_item_replaced(target, amending, section, new_words):
    original = {s.number: s.text for s in order(target).sections}
    parts, not_applied = consolidated(target, *amending)
    changed = _changed_by(parts, amending[-1])
    assert new_words not in original[section] and new_words in changed[section].text
    assert not [n for n in not_applied if n["number"] == amending[-1]]


def test_words_inserted_after_an_anchor_each_place_it_appears():
    """EO 13293 on EO 10448 (as EO 11265 gave it): "by inserting “or service in good standing
    in the Selected Reserve of the Armed Forces” after “active military service” each place it
    appears": in both paragraphs that hold the words."""
    parts, not_applied = consolidated("10448", "11265", "13293")
    added = "active military service or service in good standing in the Selected Reserve"
    holding = [p.number for p in parts if added in p.text]
    assert holding == ["1", "3"]
    assert not [n for n in not_applied if n["number"] == "13293"]


@pytest.mark.parametrize(
    ("target", "amending", "struck", "then"),
    [
        # "by deleting Section 2 and revising Section 1 to read as follows: “In accord ...”"
        ("11830", "12106", ("2",), ("1", "In accord with Section 501 of the Rehabilitation Act")),
        # "by repealing Sections 2 and 3, and by redesignating the current Section 4 as
        # Section 2"
        ("11252", "12527", ("2", "3"), ("2", "This order shall take effect on November 1, 1965.")),
        # "is amended by deleting Section 2 thereof, and by deleting “Federal Power
        # Commission” and “Commission” wherever ... and substituting for each ..."
        ("10485", "12038", ("2",), None),
    ],
)
def test_a_part_struck_and_the_operation_chained_after_it(target, amending, struck, then):
    original = {s.number: s.text for s in order(target).sections}
    parts, not_applied = consolidated(target, amending)
    assert [p.text for p in parts if p.revoked] == [original[n] for n in struck]
    if then:
        number, words = then
        (changed,) = [p for p in parts if p.number == number and not p.revoked]
        assert changed.text.startswith(words)
        assert not [n for n in not_applied if n["number"] == amending]
    else:
        # The chained clause that is not read is listed, not dropped with the strike.
        (refused,) = [n for n in not_applied if n["number"] == amending]
        assert "Federal Power Commission" in refused["instruction"]


def test_a_subsection_struck_of_that_order():
    """EO 13802 on EO 13597: "is amended by deleting subsection (b)(ii) of section 2 of that
    order."."""
    original = {s.number: s.text for s in order("13597").sections}
    parts, not_applied = consolidated("13597", "13802")
    (section,) = [p for p in parts if p.number == "2"]
    assert "ensure that 80 percent of nonimmigrant visa applicants" in original["2"]
    assert "ensure that 80 percent of nonimmigrant visa applicants" not in section.text
    assert "increase nonimmigrant visa processing capacity in China" in section.text
    assert not not_applied


def test_a_memorandum_about_an_order_is_not_the_order_amended():
    """EO 11382: "The Presidential Memorandum of August 11, 1960, on the subject of Executive
    Order No. 10883 of the same date, is amended by— (1) striking out the words “Administrator
    of the Federal Aviation Agency” ...": nothing of EO 10883 changes, nothing is listed."""
    parts, not_applied = consolidated("10883", "11382")
    assert not [p for p in parts if p.changes] and not not_applied


@pytest.mark.parametrize(
    ("amending", "target", "op", "where", "anchor", "new"),
    [
        # "By inserting before the words “scientific research programs and activities” in
        # section 3 thereof the word “basic”."
        ("10807", "10521", "insert_before", Location("3"), "scientific research programs", "basic"),
        # "inserting “Department of Transportation” in the list of departments and agencies in
        # subsection (a) of section 2 thereof after “Department of Labor”"
        (
            "11382",
            "10501",
            "insert_after",
            Location("2", ("a",)),
            "Department of Labor",
            "Department of Transportation",
        ),
        # "inserting the words “Department of Health and Human Services” in the list of
        # departments and agencies in section 21 of that order after the words “Department of
        # Commerce.”"
        (
            "13232",
            "10789",
            "insert_after",
            Location("21"),
            "Department of Commerce",
            "Department of Health and Human Services",
        ),
    ],
)
def test_words_inserted_with_their_place_between(amending, target, op, where, anchor, new):
    (found,) = [i for i in aimed(amending, target) if i.new == new]
    assert (found.op, found.location) == (op, where)
    assert found.old.startswith(anchor)


@pytest.mark.parametrize(
    ("target", "amending", "sections", "words"),
    [
        # "by deleting therefrom sections 1 and 5 and by inserting in lieu thereof the following
        # sections 1 and 5, respectively: “SECTION 1. Department of Agriculture, (a) ..."
        ("10560", "10884", {"1", "5"}, "There are hereby reserved to the President the functions"),
        # "... is hereby amended\n\n(1) by changing section 7 to read as follows: “SEC 7. ...”
        # \n\n(2) by adding a new section 9 as follows: “SEC. 9. The holiday ...”"
        ("10358", "11226", {"7", "9"}, "The holiday for a full-time employee"),
    ],
)
def test_clauses_chained_replace_and_add_sections(target, amending, sections, words):
    original = {s.number: s.text for s in order(target).sections}
    parts, not_applied = consolidated(target, amending)
    changed = _changed_by(parts, amending)
    assert set(changed) == sections
    assert any(words in p.text for p in changed.values())
    assert not any(words in text for text in original.values())
    assert not [n for n in not_applied if n["number"] == amending]
    # "SECTION 1. Department of Agriculture, (a) ...": the heading set apart at its comma
    assert not any(p.text.startswith("Department of Agriculture") for p in changed.values())


def test_a_section_revoked_and_another_substituted_takes_the_new_text():
    """EO 11959 on EO 10973: "Section 105 is revoked and the following new section is
    substituted therefor: “SEC. 105. ALLOCATION OF FOREIGN ASSISTANCE. “In carrying out ...”":
    the section's new text, never the section left revoked."""
    parts, _ = consolidated("10973", "11959")
    (section,) = [p for p in parts if p.number == "105"]
    assert not section.revoked
    assert section.text.startswith("In carrying out the functions conferred upon the President")
    assert "section 653 of the Act" in section.text


@pytest.mark.parametrize(
    ("amending", "target", "section", "op", "problem"),
    [
        # "(b) Section 2 of Executive Order 13088, as replaced by ..., is revoked and a new
        # section 2 is added to read as follows: “Sec. 2. Further, ...”": a replacement
        ("13192", "13088", "2", "replace", None),
        # "Section 4-101 of Executive Order No. 12148 is revoked and the following new Sections
        # 4-205 and 4-206 are added thereto:": other sections added; not a bare revocation
        ("12155", "12148", "4-101", None, "a part revoked and another put in its place"),
    ],
)
def test_a_part_revoked_with_something_in_its_place(amending, target, section, op, problem):
    (found,) = [i for i in aimed(amending, target) if i.location.section == section]
    assert found.op == op
    assert (found.problem or "").startswith(problem or "")


@pytest.mark.parametrize(
    ("amending", "target", "location", "old"),
    [
        # "Section 101 is amended by striking out "and (6) " and inserting in lieu thereof
        # "(6) sections 413 (b) and 607 ...": the mark after "(6) " closes, it opens nothing
        ("11959", "10973", Location("101"), "and (6) "),
        # "... (1) by substituting "Policy (35 F.R. 6421)" for "Management (OEP) " in section
        # 401 (27), and (2) by substituting ..."
        ("11556", "11490", Location("401", ("27",)), "Management (OEP) "),
    ],
)
def test_a_closing_mark_typed_after_a_space(amending, target, location, old):
    found = [i for i in aimed(amending, target) if i.old == old]
    assert [(i.op, i.location) for i in found] == [("strike_insert", location)]


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("11880", "Under Secretary of Commerce"),  # "Executive Order No 11880 is amended by ..."
        ("12328", "(25 CFR 251.5 and 252.31)"),  # "Executive Order No 12328 is amended by ..."
        ("11644", "Atomic Energy Commission"),  # "Section 7 of Executive Order No 11644, ..."
    ],
)
def test_an_order_numbered_without_the_period_of_no(target, words):
    """EO 12608 names the orders it amends "Executive Order No 11880": each instruction is
    aimed at the order it names, not at the one named before it."""
    found = [i for i in aimed("12608", target) if i.old and words in i.old]
    assert found and all(i.target_number == target for i in found)


def test_words_edited_alike_in_parts_listed_before_the_order():
    """EO 12608: "Sections 2(a) and 2(b) of Executive Order No 10841, as amended, are further
    amended by deleting the words “Atomic Energy Commission” and inserting in lieu thereof
    “Secretary of Energy”": both subsections; and EO 13869's "Sections 2.4(b) and 2.5(e)(vi)
    of Executive Order 13467 are further amended by striking ... each place it appears" read
    as one edit of each part named."""
    parts, not_applied = consolidated("10841", "12608")
    (section,) = [p for p in parts if p.number == "2"]
    assert (
        "Atomic Energy Commission"
        in [s for s in order("10841").sections if s.number == "2"][0].text
    )
    assert "Atomic Energy Commission" not in section.text
    assert section.text.count("Secretary of Energy") == 2
    assert not [n for n in not_applied if "10841" in n["instruction"]]
    (found,) = [i for i in aimed("13869", "13467") if i.each]
    assert [place for place, _ in found.each] == [
        Location("2.4", ("b",)),
        Location("2.5", ("e", "vi")),
    ]
    assert found.each_place
