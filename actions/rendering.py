"""An action's text as safe HTML: paragraphs, with its statute citations and the orders it
names linked in place (or, for the store's copy of a page, marked for the page to link).

The source text is always escaped; the only markup is what this module adds (paragraphs and
links to the archive's statute and action pages), so nothing from a source can reach a page as
HTML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    """A span of the text to link: [start, end) -> url, with a tooltip and a class; or, with
    `mark`, a span left for the page to link when it is shown (`page_parts.finish_document`)."""

    start: int
    end: int
    url: str
    title: str
    css: str
    mark: int | None = None


def citation_links(citations) -> list[Link]:
    """Citation rows (start/end index into their unit's text) -> links to statute pages."""
    return [
        Link(
            c.start,
            c.end,
            c.statute.get_absolute_url(),
            c.display + (f" (resolved from {c.via})" if c.via else ""),
            "cite",
        )
        for c in citations
    ]


def render_text(text: str, citations=(), links: list[Link] = ()) -> str:
    """Escaped paragraphs with citation links and any other links, as HTML (to be marked safe
    where it is shown: `page_parts.finish_document`); overlaps keep the first.

    Escaped with the standard library's `html.escape`, which replaces the same five
    characters as Django's `escape` with the same entities, without its lazy-string and
    SafeString wrapping per piece: a rebuild renders every action's text."""
    pieces = []
    position = 0
    spans = sorted([*citation_links(citations), *links], key=lambda link: link.start)
    for link in spans:
        if link.start < position or link.end > len(text):
            continue
        pieces.append(escape(text[position : link.start]))
        words = escape(text[link.start : link.end])
        if link.mark is not None:
            pieces.append(f'<a class="{escape(link.css)}" data-ref="{link.mark}">{words}</a>')
        else:
            pieces.append(
                f'<a class="{escape(link.css)}" href="{escape(link.url)}" '
                f'title="{escape(link.title)}">{words}</a>'
            )
        position = link.end
    pieces.append(escape(text[position:]))
    html = "".join(pieces)
    paragraphs = [p.strip() for p in html.split("\n\n") if p.strip()]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def escape(value: str) -> str:
    """`django.utils.html.escape`'s entities, as a plain string."""
    return html.escape(value, quote=True)
