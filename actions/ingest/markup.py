"""Markdown and inline HTML to plain paragraphs, as the whitehouse.gov pages need.

The pages are pandoc-style Markdown with inline `<span>` underlining, Markdown escapes (`\\(b\\)`),
emphasis runs and hard-wrapped lines. Only the text matters to the archive; markup is dropped
by nh3 (scripts and styles with their content), never interpreted, so nothing from a source
can reach a page as HTML.
"""

from __future__ import annotations

import html
import re

import nh3

from actions.ingest.text import clean_text, squash

IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK_RE = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|\"'<>$~])")
_EMPHASIS_RE = re.compile(r"(\*{1,3}|_{2,3})")
_BLOCK_TAG_RE = re.compile(r"</?(?:p|div|br|tr|table|li|ul|ol|h\d)[^>]*>", re.IGNORECASE)
_SETEXT_RE = re.compile(r"^\s*(?:-{2,}|={2,})\s*$")


def strip_markup(text: str) -> str:
    """Every HTML tag removed by nh3 (a kept sanitizer, not a regular expression), with the
    content of `<script>` and `<style>` elements. Entities stay encoded either way: the caller
    decodes them once, at the end."""
    if "<" not in text:
        return text
    return nh3.clean(text, tags=set(), clean_content_tags={"script", "style"})


def markdown_blocks(markdown: str) -> list[str]:
    """Blank-line separated blocks of raw Markdown (line breaks inside a block kept)."""
    text = clean_text(markdown).replace("\r\n", "\n").replace("\r", "\n")
    text = _BLOCK_TAG_RE.sub("\n\n", text)
    blocks = re.split(r"\n\s*\n", text)
    return [block for block in blocks if block.strip()]


def inline_text(block: str) -> str:
    """One block of Markdown with inline HTML as plain text on one line."""
    text = IMAGE_RE.sub(lambda m: m.group(1), block)
    text = LINK_RE.sub(lambda m: m.group(1), text)
    text = strip_markup(text)
    text = "\n".join(line for line in text.split("\n") if not _SETEXT_RE.match(line))
    text = re.sub(r"^\s{0,3}#{1,6}\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.MULTILINE)
    # Escaped characters are parked in the private-use area so emphasis removal spares them.
    text = _ESCAPE_RE.sub(lambda m: chr(0xF000 + ord(m.group(1))), text)
    text = _EMPHASIS_RE.sub("", text)
    text = re.sub("[\uf000-\uf07f]", lambda m: chr(ord(m.group()) - 0xF000), text)
    text = html.unescape(text)
    # A space left before punctuation by removed markup ("Sec</span>. 2") goes.
    text = squash(text)
    return re.sub(r"\s+([.,;:])(?=\s|$)", r"\1", text)


def markdown_paragraphs(markdown: str) -> list[str]:
    """The plain-text paragraphs of a Markdown body."""
    paragraphs = (inline_text(block) for block in markdown_blocks(markdown))
    return [p for p in paragraphs if p]
