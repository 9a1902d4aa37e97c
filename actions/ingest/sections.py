"""Split an order's body into its preamble and its numbered `Section N.`/`Sec. N.` units.

Only numbered units are sections: the preamble and the signature block are not. Quoted
amendment text (`"Sec. 3. ..."`) starts with a quotation mark and is never taken for a section.
"""

from __future__ import annotations

import re

from actions.ingest.parsed import ParsedSection

# "Sec. 4.", "Section 11A.", the Carter-era "1-101.", and "Sec. 1.4." of the orders numbered
# by part and section (EO 12958, 13526, 13467, ...): "1.4" is a section of its own, not "1".
SECTION_START_RE = re.compile(
    r"^(?:(?:Section|Sec\.?|SECTION|SEC\.?)\s+(\d+(?:[-.]\d+)?[A-Za-z]?)"
    # its period, which "Sec. 3.3 Automatic Declassification." may leave out
    r"(?:\s*\.\s*|(?<=[-.]\d)\s+(?=[A-Z])|(?<=[-.]\d\d)\s+(?=[A-Z]))"
    # and the headings in capitals of a scanned order: "SEC. 103 Presidential Assistance.",
    # "SEC.1O2 Scope." (an "O" read for a "0")
    r"|(?:SECTION|SEC\.|Sec\.)\s*(\d[\dO]*\d|\d)\s+(?=[A-Z][a-z]|\([a-z1-9]\)))",
)
_HEADING_VERBS = re.compile(
    r"\b(?:shall|is|are|was|were|must|may|will|hereby|has|have)\b",
)
# Tokens whose final period does not end a heading ("U.S. Policy", "No. 2").
_ABBREVIATIONS = {
    "u.s",
    "no",
    "nos",
    "sec",
    "secs",
    "stat",
    "pub",
    "st",
    "mr",
    "mrs",
    "dr",
    "gen",
    "inc",
    "co",
    "jr",
    "sr",
    "v",
    "vs",
}


# A heading printed without its period before the first lettered part: "Establishment (a)
# There is established ...", "Management of National Security Emergency Preparedness (a) The
# National Security Council ..." (transcriptions that lost the heading's period or line).
_GLUED_HEADING_RE = re.compile(
    r"(?P<heading>[A-Z][A-Za-z'\u2019,-]*(?:[ \t]+[A-Za-z][A-Za-z'\u2019,-]*){0,9})"
    r"[ \t]+(?=\((?:a|1)\)\s+[A-Z])"
)
_SMALL_WORDS = {"of", "and", "the", "for", "on", "in", "to", "a", "an", "or", "with", "by"}


def _glued_heading(text: str) -> tuple[str, str] | None:
    match = _GLUED_HEADING_RE.match(text)
    if not match:
        return None
    heading = match.group("heading").rstrip(",")
    words = heading.split()
    # A heading has no verb and does not end on a small word: "The Secretary shall (1) ..."
    # or "In accordance with (a) ..." is a sentence; "Interim geographic adjustments" and
    # "Functions of the Committee" are headings in either case.
    if _HEADING_VERBS.search(heading.lower()) or words[-1].lower() in _SMALL_WORDS:
        return None
    return heading, text[match.end() :].strip()


def split_heading(text: str) -> tuple[str, str]:
    """('Policy', 'It is the policy...') from 'Policy. It is the policy...'; ('', text) if none."""
    glued = _glued_heading(text)
    if glued:
        return glued
    for match in re.finditer(r"[.:](?=\s|$)", text):
        end = match.start()
        before = text[:end]
        last = before.rsplit(" ", 1)[-1].strip("*_(").lower()
        if len(last) == 1 or last in _ABBREVIATIONS or "." in last:
            continue  # "U.S. Policy", "No. 2": the period belongs to an abbreviation.
        heading = before.strip().strip("*_ ")
        words = heading.split()
        if not heading or len(words) > 25 or _HEADING_VERBS.search(heading.lower()):
            return "", text.strip()
        if heading.startswith("("):
            return "", text.strip()
        return heading, text[match.end() :].strip()
    return "", text.strip()


_BARE_NUMBER_RE = re.compile(r"^(\d{1,2})\.\s+(?=[A-Z(])")


def split_sections(
    paragraphs: list[str], bare_numbers: bool = False
) -> tuple[str, list[ParsedSection]]:
    """The preamble (text before Section 1) and the numbered sections of an order's body.

    `paragraphs` is the body without title and signature block, one paragraph per item. With
    `bare_numbers`, older orders numbered `1.`, `2.` (no "Section") are split on those numbers
    when no `Section N.` unit exists and they run 1, 2, 3 ... without a gap.
    """
    preamble, sections = _split_labelled(paragraphs)
    if sections or not bare_numbers:
        return preamble, sections
    return _split_bare(paragraphs) or (preamble, sections)


def _split_bare(paragraphs: list[str]) -> tuple[str, list[ParsedSection]] | None:
    starts = [
        (i, int(m.group(1))) for i, p in enumerate(paragraphs) if (m := _BARE_NUMBER_RE.match(p))
    ]
    sequence = []
    for index, number in starts:
        if number == len(sequence) + 1:
            sequence.append(index)
    if len(sequence) < 2:
        return None
    preamble = "\n\n".join(paragraphs[: sequence[0]]).strip()
    sections = []
    for position, start in enumerate(sequence):
        end = sequence[position + 1] if position + 1 < len(sequence) else len(paragraphs)
        first = _BARE_NUMBER_RE.sub("", paragraphs[start], count=1)
        text = "\n\n".join([first, *paragraphs[start + 1 : end]]).strip()
        sections.append(ParsedSection(number=str(position + 1), heading="", text=text))
    return preamble, sections


def _split_labelled(paragraphs: list[str]) -> tuple[str, list[ParsedSection]]:
    preamble: list[str] = []
    sections: list[ParsedSection] = []
    current: list[str] = []
    last_number = 0
    for paragraph in _run_in_sections(paragraphs):
        match = SECTION_START_RE.match(paragraph)
        if match and match.group(2) and not sections and _label(match) not in ("1", "101"):
            # the loose form ("Sec. 24 Lots 1, 2") opens no list of sections but the first's
            match = None
        label = _label(match) if match else None
        number = _section_int(label) if label else None
        if match and number is not None and number > last_number:
            if sections:
                sections[-1].text = "\n\n".join(current).strip()
            heading, rest = split_heading(paragraph[match.end() :])
            sections.append(ParsedSection(number=label, heading=heading, text=""))
            current = [rest] if rest else []
            last_number = number
        elif sections:
            current.append(paragraph)
        else:
            preamble.append(paragraph)
    if sections:
        sections[-1].text = "\n\n".join(current).strip()
    return "\n\n".join(preamble).strip(), sections


# "... by United States persons. Sec. 2. Nothing in section 1 ...": a section run in after the
# last sentence of the one before (the FR's HTML of some orders prints several in one block).
_RUN_IN_RE = re.compile(r"(?<=[.;]) (?:Sec\.|Section|SEC\.) (\d{1,3})\. (?=[A-Z(])")


def _run_in_sections(paragraphs: list[str]) -> list[str]:
    """The paragraphs with each section run in after another's sentence split off, where it
    is the next number of a run of sections that opens a paragraph ("Sec. 1." then "Sec. 2."),
    outside any quotation."""
    out: list[str] = []
    expected = None
    for paragraph in paragraphs:
        opening = SECTION_START_RE.match(paragraph)
        label = _label(opening) if opening else ""
        if label.isdigit():
            expected = int(label) + 1
        while expected is not None:
            run_in = next(
                (
                    m
                    for m in _RUN_IN_RE.finditer(paragraph)
                    if int(m.group(1)) == expected and not _inside_quotation(paragraph, m.start())
                ),
                None,
            )
            if not run_in:
                break
            out.append(paragraph[: run_in.start()].rstrip())
            paragraph = paragraph[run_in.start() + 1 :]
            expected += 1
        out.append(paragraph)
    return out


def _inside_quotation(text: str, position: int) -> bool:
    before = text[:position]
    opened = before.count("\u201c") + before.count("``")
    closed = before.count("\u201d") + before.count("''")
    return opened > closed or before.count('"') % 2 == 1


def _label(match: re.Match) -> str:
    """The section's number as printed, a scanned "O" in it read as the "0" it is."""
    return match.group(1) or match.group(2).replace("O", "0")


def _section_int(label: str) -> int | None:
    digits = re.match(r"\d+", label)
    if not digits:
        return None
    if "-" in label or "." in label:
        # Carter-era numbering ("1-101"), and part-and-section ("1.4"): by the whole label.
        part, sub = re.split(r"[-.]", label, maxsplit=1)
        return int(part) * 10000 + int(re.match(r"\d+", sub).group())
    # on the same scale: "Sec. 2." (a part's heading section), "Sec. 2.1.", ..., "Sec. 3."
    return int(digits.group()) * 10000
