"""The one-file-per-order Markdown collection (1933-2025).

Two header styles: files converted from FR XML (2000-2025) list `Document Number`, `Executive
Order Number` and `Citation`, and mark sections as `### Section 1.` followed by a bold heading;
files from the American Presidency Project (1933-1993) say `Document Number: None` and are
plain paragraphs, often numbered `1.`, `2.` (a transcription with OCR errors, not official).
The FR-derived text splits sentences into paragraphs and italic runs onto their own lines
(`8 U.S.C. 1101 \\net seq.\\n)`); lines are rejoined where a sentence plainly continues.
"""

from __future__ import annotations

import re

from actions.ingest.dates import parse_written_date
from actions.ingest.markup import inline_text
from actions.ingest.parsed import ParsedDocument, ParseError
from actions.ingest.sections import split_sections
from actions.ingest.signature import find_signature_block
from actions.ingest.text import clean_text, squash

_TITLE_RE = re.compile(
    r"^#\s+Executive Order\s+(\d[\dA-Za-z\-]*)\s*(?::|\u2014|--|-)\s*(.+)$", re.M
)
_FIELD_RE = re.compile(r"^-\s+(Document Number|Executive Order Number|Citation):\s*(.*)$", re.M)
_DATE_RE = re.compile(r"^\*\*(?:Date|Signed):\*\*\s*(.+)$", re.M)
_LINK_RE = re.compile(r"^- \[[^\]]+\]\((https?://[^)\s]+)\)", re.M)
_SECTION_LINE_RE = re.compile(r"^###\s+(Section|Sec\.)\s+(\d+[A-Za-z]?)\.?\s*$")
_SIGNATURE_ART_RE = re.compile(r"^[\w#]+\.EPS$", re.I)
_TRAILER_RE = re.compile(r"^\[FR Doc\.|^Filed \d|^Billing code|^\*Filed by the Office", re.I)


def parse_eo_markdown(data: bytes) -> ParsedDocument:
    text = clean_text(data.decode("utf-8-sig")).replace("\r\n", "\n")
    title_match = _TITLE_RE.search(text)
    if not title_match or "**Document Details:**" not in text:
        raise ParseError("not an executive-order Markdown file (no '# Executive Order N' header)")
    fields = {name: value.strip() for name, value in _FIELD_RE.findall(text)}
    fields = {k: (None if v in {"", "None"} else v) for k, v in fields.items()}
    from_fr = fields.get("Document Number") is not None
    body_start = re.search(r"^## Executive Order[^\n]*\n", text, re.M)
    body = text[body_start.end() :] if body_start else text.split("\n---\n", 1)[-1]
    body = re.split(r"\n---\s*\n\s*\*Filed by", body)[0]
    paragraphs = _paragraphs(body)
    # The FR-derived files open with "Executive Order N of <date>" and the title again.
    while paragraphs and (
        re.match(r"^Executive Order \d", paragraphs[0])
        or squash(paragraphs[0]) == squash(title_match.group(2))
    ):
        paragraphs.pop(0)
    block = find_signature_block(paragraphs)
    preamble, sections = split_sections(paragraphs[: block.start], bare_numbers=not from_fr)
    link = _LINK_RE.search(text)
    number = fields.get("Executive Order Number") or title_match.group(1)
    if title_match.group(1).startswith(number) and len(title_match.group(1)) > len(number):
        number = title_match.group(1)  # the header keeps a suffix the field drops: 10417-A
    return ParsedDocument(
        source_format="eo_markdown_fr" if from_fr else "eo_markdown_app",
        kind="executive_order",
        number=_clean_number(number),
        title=squash(inline_text(title_match.group(2))),
        signed_on=parse_written_date(_DATE_RE.search(text).group(1))
        if _DATE_RE.search(text)
        else block.signed_on,
        signer=block.signer,
        place=block.place,
        fr_document_number=fields.get("Document Number"),
        fr_citation=fields.get("Citation"),
        url=link.group(1) if link else None,
        publisher=(
            "Federal Register text, converted to Markdown by a third party"
            if from_fr
            else "The American Presidency Project (UCSB)"
        ),
        official=False,
        text="\n\n".join(paragraphs),
        preamble=preamble,
        sections=sections,
    )


def _clean_number(number: str) -> str:
    """'10417-A' stays; junk slug suffixes never reach here (the header number is used)."""
    match = re.match(r"^(\d+)(?:-?([A-Z]))?", number)
    if not match:
        return number
    return match.group(1) + (f"-{match.group(2)}" if match.group(2) else "")


def _paragraphs(body: str) -> list[str]:
    lines = [line.rstrip() for line in body.split("\n")]
    out: list[str] = []
    pending_section = None
    for line in lines:
        stripped = line.strip()
        if (
            not stripped
            or stripped.startswith("### Authority")
            or _SIGNATURE_ART_RE.match(stripped)
        ):
            continue
        if _TRAILER_RE.match(stripped):
            break
        section = _SECTION_LINE_RE.match(stripped)
        if section:
            pending_section = f"{section.group(1)} {section.group(2)}."
            continue
        text = inline_text(stripped)
        if pending_section:
            heading = text.strip().rstrip(".")
            out.append(f"{pending_section} {heading}.")
            pending_section = None
            continue
        if out and _continues(out[-1], text):
            out[-1] = squash(f"{out[-1]} {text}").replace(" )", ")")
        else:
            out.append(text)
    return out


def _continues(previous: str, line: str) -> bool:
    """A line that starts in lower case or with closing punctuation continues the sentence."""
    if re.match(r"^[a-z)\].,;]", line) and not re.match(r"^\([a-z]{1,4}\)", line):
        return True
    return bool(re.search(r"\b(?:U\.S\.C\.|\d+)\s*$", previous)) and line.startswith("et seq")
