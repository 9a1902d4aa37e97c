"""News articles and analysis about presidential actions, from bare text.

Bare text carries no metadata: the title is its first line, and there is no URL or date unless
the text states one (a `Published: March 3, 2025` dateline, a `Source: https://...` line). Page
chrome (a "Read More" list of other articles at the end) is cut, not taken as content.
"""

from __future__ import annotations

import re

from actions.ingest.dates import WRITTEN_DATE_RE, parse_written_date
from actions.ingest.parsed import ParsedDocument, ParseError
from actions.ingest.text import clean_text, squash

_CHROME_START_RE = re.compile(
    r"^(?:Read More|Related (?:Articles|Posts|Content|Stories)|More from|Recent Posts|Share this)",
    re.I,
)
# A teaser in a list of other articles: "Mar 17, 2025 Workers with ..." or a short byline.
_TEASER_RE = re.compile(rf"^{WRITTEN_DATE_RE.pattern}\s+\S", re.I)
_DATELINE_RE = re.compile(
    rf"^(?:Published|Posted|Updated|Date)\s*:?\s*(?:on\s+)?({WRITTEN_DATE_RE.pattern})", re.I
)
_URL_LINE_RE = re.compile(r"^(?:Source|URL|Link)\s*:\s*(https?://\S+)\s*$", re.I)


def parse_commentary_text(data: bytes) -> ParsedDocument:
    text = clean_text(data.decode("utf-8-sig")).replace("\r\n", "\n")
    lines = [squash(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise ParseError("empty document")
    body = strip_page_chrome(lines)
    published_on = url = None
    for line in body[:5]:
        if (match := _DATELINE_RE.match(line)) and published_on is None:
            published_on = parse_written_date(match.group(1))
        if (match := _URL_LINE_RE.match(line)) and url is None:
            url = match.group(1)
    return ParsedDocument(
        source_format="commentary_text",
        is_commentary=True,
        title=body[0],
        published_on=published_on,
        url=url,
        text="\n\n".join(body),
    )


def strip_page_chrome(lines: list[str]) -> list[str]:
    """The lines before the first 'Read More'-style marker or run of dated teasers."""
    for index, line in enumerate(lines):
        if index == 0:
            continue
        if _CHROME_START_RE.match(line):
            return lines[:index]
        if _TEASER_RE.match(line) and all(
            _TEASER_RE.match(other) or len(other.split()) <= 12 for other in lines[index:]
        ):
            return lines[:index]
    return lines
