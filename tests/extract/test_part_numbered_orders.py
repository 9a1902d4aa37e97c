"""Orders numbered by parts, as in 1978-1980 ("1-1. Transfer ... 1-101. The functions ..."):
an instruction names "Section 4-203" or "Subsection 3-303(o)", a numbered paragraph of the
archive's section 4 or 3, read from real orders and applied to the real sections they amend.
Pure: the files parsed, no database."""

from __future__ import annotations

import re

from tests.extract.orders import amended


def _paragraph(text: str, number: str) -> str:
    """One "4-203." paragraph of a section's text, up to the next such number."""
    found = re.search(rf"(?m)^{re.escape(number)}\. .*?(?=^\d+-\d+\.|\Z)", text, re.S)
    assert found, f"{number} is not in the text"
    return found.group(0).strip()


def test_a_numbered_paragraph_given_new_text_keeps_its_number_and_its_neighbours() -> None:
    # EO 12381: "Section 4-203 of Executive Order No 12148 is amended to read as follows: “The
    # functions vested in the President by the Disaster Belief Act ...”"; 4-204 likewise.
    parts, _ = amended("12148", "12381")
    section = parts["4"]
    replaced = _paragraph(section.text, "4-203")
    assert "as amended (42 U.S.C. 5121 et seq.)" in replaced
    assert "88 Stat. 143" not in replaced  # the old text is gone
    assert "Earthquake" not in replaced  # 4-204 is a paragraph of its own still
    assert "as amended (42 U.S.C. 7701 et seq.)" in _paragraph(section.text, "4-204")
    # the paragraph before is untouched
    assert "hurricane and tropical storm Agnes" in _paragraph(section.text, "4-202")
    assert {c["number"] for c in section.changes} == {"12381"}


def test_a_sentence_of_a_numbered_paragraph_is_counted_after_its_number() -> None:
    # EO 13296 on EO 13045: "Subsection 3-303(o) is amended by striking “Assistant to the
    # President and”", "(d) in section 3-306: ... striking the second sentence"; "inserting
    # the following new language after the second sentence" of 3-305. The "3-306." that opens
    # the paragraph is no sentence of it.
    parts, not_applied = amended("13045", "13229", "13296")
    text = parts["3"].text
    lasting = _paragraph(text, "3-306")
    assert lasting.startswith("3-306. The Task Force shall exist for 8 years")
    assert "At least 6 months prior" not in lasting  # the second sentence struck, not the first
    report = _paragraph(text, "3-305")
    second = "key data needs related to environmental health risks and safety risks to children"
    inserted = "Each report shall also detail the accomplishments of the Task Force"
    assert report.index(second) < report.index(inserted) < report.index("shall incorporate")
    assert "executive departments, the Environmental Protection Agency" in report
    assert "Assistant to the President and" not in _paragraph(text, "3-303")
    assert not [n for n in not_applied if n["number"] == "13296"]


def test_a_name_added_after_one_in_a_list_printed_one_to_a_line_has_its_own_line() -> None:
    # EO 12148 on EO 12065: "Section 1-201 ... is amended by adding “The Director of the
    # Federal Emergency Management Agency” after “The Administrator, National Aeronautics and
    # Space Administration” and by deleting “Director, Federal Preparedness Agency and to the”"
    parts, not_applied = amended("12065", "12148")
    top_secret = _paragraph(parts["1"].text, "1-201")
    lines = [line.strip() for line in top_secret.splitlines() if line.strip()]
    added = lines.index("The Director of the Federal Emergency Management Agency")
    assert lines[added - 1] == "The Administrator, National Aeronautics and Space Administration"
    assert "Federal Preparedness Agency" not in top_secret
    assert "(delegable only to the Director, Information Security Oversight Office)" in top_secret
    assert not not_applied
