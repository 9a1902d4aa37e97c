"""An action's page as far as the action's own rows make it: made by the store whenever the
action is rebuilt, and by the page itself when no such row is at hand.

Most of what an action's page shows changes only when the action is rebuilt: its text with
the statute citations linked, its sections, the statutes it cites, the agencies it names, its
copies, signatories and conflicts. `make_page` turns those rows into one `ActionPage` (the
document as HTML and the lists as JSON), so that a page reads one row instead of eight tables
and renders no text when it is asked for. Two things on it depend on other actions and are
left as marks in the HTML: a span naming another action (`<a class="ref" data-ref="N">`, N
indexing `parts["refs"]`), and where each section lists what later acted on it (`<!--effects
N-->`, N indexing `parts["toc"]`). `finish_document` fills both from rows when the page is
shown, so a reference to an order ingested later links as soon as that order arrives.

The source text is escaped (`actions.rendering`); nothing from a source becomes markup, so the
marks cannot be forged by a text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from django.utils.safestring import SafeString, mark_safe

from actions.models import Action, ActionPage
from actions.rendering import Link, escape, render_text

# Raised whenever what `make_page` writes changes shape: rows of another version are not used.
PAGE_VERSION = 1
REF_MARK = re.compile(r'<a class="ref" data-ref="(\d+)">(.*?)</a>', re.DOTALL)
EFFECTS_MARK = re.compile(r"<!--effects (\d+)-->")


def make_page(
    action: Action,
    *,
    sections: Iterable,
    citations: Iterable,
    references: Iterable,
    mentions: Iterable,
    sources: Iterable,
    signatories: Iterable,
    conflicts: Iterable,
) -> ActionPage:
    """The page row of an action from its saved rows (each row's `section_id` set), its
    president and term, and its copies, each read with whether it carries text (`has_text`:
    `querysets.COPY_HAS_TEXT`)."""
    sections = sorted(sections, key=lambda s: s.position)
    # One order on every database: a tie in offset (two units' spans) by creation, which is
    # the order they are given in (and of their ids, written in that order after the page is
    # made, `store/rebuild.py`): a stable sort keeps it.
    citations = sorted(citations, key=lambda c: c.start)
    references = sorted(references, key=lambda r: r.start)
    sources = sorted(sources, key=lambda s: (not s.official, s.pk))
    refs: list[list[str]] = []
    links: dict[int | None, list[Link]] = {}
    for reference in references:
        links.setdefault(reference.section_id, []).append(
            Link(reference.start, reference.end, "", "", "ref", mark=len(refs))
        )
        refs.append([reference.kind, reference.number])
    cites: dict[int | None, list] = {}
    for cite in citations:
        cites.setdefault(cite.section_id, []).append(cite)
    document = _document(action, sections, cites, links)
    copies = [_copy(source, shown=source.pk == action.text_source_id) for source in sources]
    parts = {
        "toc": [{"anchor": s.anchor, "number": s.number, "heading": s.heading} for s in sections],
        "has_preamble": document.startswith('<section id="preamble"'),
        "refs": refs,
        "statutes": _statutes(citations, {s.pk: s.number for s in sections}),
        "agencies": agency_summary(mentions),
        "sources": copies,
        "comparable_sources": sum(1 for copy in copies if copy["has_text"]),
        "signatories": [s.name for s in signatories],
        "conflicts": [
            {"field": c.field, "values": c.values} for c in sorted(conflicts, key=lambda c: c.field)
        ],
        "president": (
            {"name": action.president.name, "url": action.president.get_absolute_url()}
            if action.president
            else None
        ),
        "term_ordinal": action.term.ordinal if action.term else None,
        "text_source": next((copy for copy in copies if copy["shown"]), None),
        # The register is built from the texts that speak of one: other pages ask nothing.
        "speaks_of_emergency": "national emergenc" in action.text.lower(),
    }
    return ActionPage(action=action, version=PAGE_VERSION, document=document, parts=parts)


def page_from_tables(action: Action) -> ActionPage:
    """The page row made from the tables, not saved: for an action read with
    `for_detail(source_texts=False)` that has no current row (an archive rebuilt before the row
    existed, or by another version of the code). Made as its newest copy was read."""
    page = make_page(
        action,
        sections=action.sections.all(),
        citations=action.citations.all(),
        references=action.references.all(),
        mentions=action.agency_mentions.all(),
        sources=action.sources.all(),
        signatories=action.signatories.all(),
        conflicts=action.conflicts.all(),
    )
    page.made_at = max((s.ingested_at for s in action.sources.all()), default=None)
    return page


def finish_document(
    page: ActionPage,
    targets: dict[tuple[str, str], Action],
    effects: Callable[[int, str], str],
) -> SafeString:
    """The stored document with its marks filled: a span naming an archived action (in
    `targets`, by kind and number) linked to its page, any other left as its words; after each
    section's heading, `effects(position, number)` (HTML, often empty)."""
    refs = page.parts["refs"]
    toc = page.parts["toc"]

    def link(match: re.Match) -> str:
        target = targets.get(tuple(refs[int(match.group(1))]))
        if target is None:
            return match.group(2)
        title = escape(f"{target.label}: {target.title}")
        url = escape(target.get_absolute_url())
        return f'<a class="ref" href="{url}" title="{title}">{match.group(2)}</a>'

    html = REF_MARK.sub(link, page.document) if refs else page.document

    def effects_of(match: re.Match) -> str:
        position = int(match.group(1))
        return effects(position, toc[position]["number"])

    html = EFFECTS_MARK.sub(effects_of, html)
    return mark_safe(html)  # escaped when made; the only markup is the page's own


def agency_summary(mentions: Iterable) -> list[dict]:
    """Per agency the action names: its sections naming (`total`) and directing
    (`directed_sections`) it, those directed first."""
    rows: dict[str, dict] = {}
    for mention in mentions:
        row = rows.setdefault(
            mention.agency.slug,
            {
                "agency__slug": mention.agency.slug,
                "agency__name": mention.agency.name,
                "total": 0,
                "directed_sections": 0,
            },
        )
        row["total"] += 1
        row["directed_sections"] += mention.directed
    return sorted(rows.values(), key=lambda r: (-r["directed_sections"], r["agency__name"]))


def page_cite(action: Action, page: int | None) -> str | None:
    """'82 FR 8799, 8801': the order's FR citation pinned to the page a section is on."""
    if not action.fr_citation or not page:
        return None
    if action.fr_start_page and page != action.fr_start_page:
        return f"{action.fr_citation}, {page}"
    return action.fr_citation


def _document(action: Action, sections: list, cites: dict, links: dict) -> str:
    """The preamble and sections (or the text whole, when it has no sections) as HTML."""
    lead = action.preamble if sections else (action.preamble or action.text)
    lead_html = render_text(lead, cites.get(None, []), links.get(None, []))
    if not sections:
        return f'<section class="doc-body">{lead_html}</section>' if lead_html else ""
    out = [f'<section id="preamble" class="preamble">{lead_html}</section>'] if lead_html else []
    for position, section in enumerate(sections):
        anchor = escape(section.anchor)
        cite = page_cite(action, section.start_page)
        cite_html = f' <span class="page-cite">{escape(cite)}</span>' if cite else ""
        body = render_text(section.text, cites.get(section.pk, []), links.get(section.pk, []))
        out.append(
            f'<section id="{anchor}" class="doc-section" aria-labelledby="{anchor}-h">'
            f'<h2 id="{anchor}-h"><a class="anchor" href="#{anchor}">'
            f"Sec. {escape(section.number)}.</a> {escape(section.heading)}{cite_html}</h2>"
            f"<!--effects {position}-->{body}</section>"
        )
    return "".join(out)


def _statutes(citations: list, section_numbers: dict[int, str]) -> list[dict]:
    """Each statute cited, in the order first cited, with the pins of its citations."""
    out: dict[str, dict] = {}
    for cite in citations:
        statute = cite.statute
        row = out.get(statute.key)
        if row is None:
            row = out[statute.key] = {
                "key": statute.key,
                "url": statute.get_absolute_url(),
                "official_url": statute.official_url,
                "pins": [],
            }
        if cite.pin or cite.et_seq or cite.via or cite.act:
            row["pins"].append(
                {
                    "pin": cite.pin,
                    "et_seq": cite.et_seq,
                    "via": cite.via,
                    "act": cite.act,
                    "section": section_numbers.get(cite.section_id),
                    "page": cite.page,
                }
            )
    return list(out.values())


def _copy(source, *, shown: bool) -> dict:
    return {
        "shown": shown,  # the copy the text is shown from
        "url": source.url,
        "publisher": source.publisher,
        "format_label": source.format_label,
        "standing": source.standing,
        "title": source.title,
        "sha256": source.sha256,
        "has_text": bool(source.has_text),
    }
