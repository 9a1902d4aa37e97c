"""An action's text as safe HTML: paragraphs, with its statute citations linked in place.

The source text is always escaped; the only markup is what this module adds (paragraphs and
links to the archive's statute pages), so nothing from a source can reach a page as HTML.
"""

from __future__ import annotations

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def render_text(text: str, citations=()) -> SafeString:
    """`citations` are Citation rows whose start/end index into `text`."""
    pieces = []
    position = 0
    for cite in sorted(citations, key=lambda c: c.start):
        if cite.start < position or cite.end > len(text):
            continue
        pieces.append(escape(text[position : cite.start]))
        title = cite.display + (f" (resolved from {cite.via})" if cite.via else "")
        pieces.append(
            format_html(
                '<a class="cite" href="{}" title="{}">{}</a>',
                cite.statute.get_absolute_url(),
                title,
                text[cite.start : cite.end],
            )
        )
        position = cite.end
    pieces.append(escape(text[position:]))
    html = "".join(str(piece) for piece in pieces)
    paragraphs = [p.strip() for p in html.split("\n\n") if p.strip()]
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs))
