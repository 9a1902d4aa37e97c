"""Small server-rendered SVG pictures: actions per year, and an action's lineage.

Pure functions returning SVG markup built only from numbers and escaped labels, so a page can
include them with `|safe` and they read without JavaScript. Each picture carries a `<title>`
and `<desc>` for screen readers, and every bar or node its own `<title>` (a tooltip on hover).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

BAR_COLOUR = "#1f3a68"
MUTED = "#59606b"


LABEL_CHAR_W = 6.0  # px per character of a 9 px label, generous for capitals


def year_bars(
    counts: dict[int, int],
    label: str,
    link: str | None = None,
    ident: str = "years",
    bands: list[tuple[int, int, str]] | None = None,
    span: tuple[int, int] | None = None,
    unit: str = "actions",
) -> str:
    """A bar per year from the first to the last year with actions (empty years included).

    `link`, when given, is a URL template with `{year}` where each bar should lead. `bands`
    (first year, last year, label) shade spans behind the bars, e.g. presidencies on a timeline.
    `span` fixes the years shown, so two charts of one page line up.
    """
    if not counts:
        return ""
    first, last = span or (min(counts), max(counts))
    years = list(range(first, last + 1))
    counts = {year: n for year, n in counts.items() if first <= year <= last}
    peak = max(counts.values())
    width, height, top, bottom, left = 640, 150, 14, 22, 34
    plot_h = height - top - bottom
    step = (width - left - 4) / len(years)
    bar_w = min(max(1.0, step * 0.8), 36.0)  # a few years must not make slabs
    total = sum(counts.values())
    parts = [
        # A picture with links inside is a group of links for assistive technology, not an image.
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="{"group" if link else "img"}" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-t">{escape(label)}</title>',
        f'<desc id="{ident}-d">{total} {unit} from {first} to {last}; '
        f"most in one year: {peak}.</desc>"
        if unit == "actions"
        else f'<desc id="{ident}-d">{unit.capitalize()} per year from {first} to {last}; '
        f"most in one year: {peak}.</desc>",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 2}" y2="{top + plot_h}" '
        f'stroke="{MUTED}" stroke-width="1"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" font-size="10" '
        f'fill="{MUTED}">{peak}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" font-size="10" '
        f'fill="{MUTED}">0</text>',
    ]
    label_right = float("-inf")
    for index, (band_start, band_end, band_label) in enumerate(bands or []):
        lo, hi = max(band_start, first), min(band_end, last)
        if lo > hi:
            continue
        x0 = left + (lo - first) * step
        x1 = left + (hi - first + 1) * step
        shade = "#eef1f6" if index % 2 == 0 else "#ffffff"
        parts.append(
            f'<rect x="{x0:.1f}" y="{top}" width="{x1 - x0:.1f}" height="{plot_h}" '
            f'fill="{shade}"><title>{escape(band_label)}</title></rect>'
        )
        short = _surname(band_label)
        # A label that does not fit its band, or would run into the previous label (two terms
        # share the year one ends and the next begins), is left to the tooltip.
        text_w = len(short) * LABEL_CHAR_W
        centre = (x0 + x1) / 2
        if text_w <= x1 - x0 - 4 and centre - text_w / 2 >= label_right + 3:
            label_right = centre + text_w / 2
            parts.append(
                f'<text x="{centre:.1f}" y="{top + 10}" text-anchor="middle" '
                f'font-size="9" fill="{MUTED}">{escape(short)}</text>'
            )
    tick_every = _tick_every(len(years))
    for index, year in enumerate(years):
        n = counts.get(year, 0)
        x = left + index * step + (step - bar_w) / 2
        h = plot_h * n / peak if peak else 0
        bar = (
            f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w:.1f}" '
            f'height="{h:.1f}" fill="{BAR_COLOUR}"><title>{year}: {n}</title></rect>'
        )
        if link and n:
            href = escape(link.format(year=year))
            bar = (
                f'<a href="{href}" aria-label="{year}: {n} action{"s" if n != 1 else ""}">{bar}</a>'
            )
        parts.append(bar)
        if year % tick_every == 0 or len(years) == 1:
            parts.append(
                f'<text x="{x + bar_w / 2:.1f}" y="{height - 6}" text-anchor="middle" '
                f'font-size="10" fill="{MUTED}">{year}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _tick_every(count: int) -> int:
    for every in (1, 2, 5, 10, 20, 25, 50):
        if count / every <= 12:
            return every
    return 100


@dataclass(frozen=True)
class LineageNode:
    label: str
    title: str
    url: str | None
    relation: str  # what the edge says: 'revokes', 'amended by', ...


LINEAGE_SHOWN = 12  # boxes a column draws; the rest are counted in a last box


def lineage(earlier: list[LineageNode], current: str, later: list[LineageNode]) -> str:
    """Three columns: what this action acts on, the action, and what later acted on it. A
    column of more than LINEAGE_SHOWN draws that many and says how many more there are: an
    order of 2025 acts on 72."""
    if not earlier and not later:
        return ""
    totals = (len(earlier), len(later))
    earlier, later = _shown(earlier), _shown(later)
    row_h, width = 34, 660
    rows = max(len(earlier), len(later), 1)
    height = rows * row_h + 16
    col_w = 212
    mid_x, mid_y = (width - col_w) / 2, height / 2
    parts = [
        f'<svg class="lineage" viewBox="0 0 {width} {height}" '
        f'role="{"group" if any(n.url for n in earlier + later) else "img"}" '
        f'aria-labelledby="lineage-t" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="lineage-t">Lineage of {escape(current)}: acts on {totals[0]}, '
        f"acted on by {totals[1]}{_shown_note(totals)}</title>",
    ]

    def column(nodes: list[LineageNode], x: float, edge_x: float) -> None:
        offset = (height - len(nodes) * row_h) / 2
        for index, node in enumerate(nodes):
            y = offset + index * row_h + 4
            cy = y + (row_h - 8) / 2
            end_x = mid_x if edge_x > x else mid_x + col_w
            parts.append(
                f'<line x1="{edge_x:.1f}" y1="{cy:.1f}" x2="{end_x:.1f}" '
                f'y2="{mid_y:.1f}" stroke="#9aa3b0" stroke-width="1.2"/>'
            )
            box = (
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{col_w}" height="{row_h - 8}" rx="4" '
                f'fill="#f4f5f7" stroke="#9aa3b0"/>'
                f'<text x="{x + 8:.1f}" y="{cy + 4:.1f}" font-size="12" fill="#1b1f24">'
                f"{escape(_clip(node.relation + ' ' + node.label, 32))}</text>"
                f"<title>{escape(node.relation)} {escape(node.label)}: {escape(node.title)}</title>"
            )
            if node.url:
                described = escape(f"{node.relation} {node.label}: {node.title}")
                box = f'<a href="{escape(node.url)}" aria-label="{described}">{box}</a>'
            parts.append(f"<g>{box}</g>")

    column(earlier, 4, 4 + col_w)
    column(later, width - col_w - 4, width - col_w - 4)
    parts.append(
        f'<rect x="{mid_x:.1f}" y="{mid_y - 15:.1f}" width="{col_w}" height="30" rx="4" '
        f'fill="{BAR_COLOUR}"/><text x="{mid_x + col_w / 2:.1f}" y="{mid_y + 5:.1f}" '
        f'text-anchor="middle" font-size="13" font-weight="700" fill="#ffffff">'
        f"{escape(_clip(current, 26))}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def _shown(nodes: list[LineageNode]) -> list[LineageNode]:
    if len(nodes) <= LINEAGE_SHOWN:
        return nodes
    more = len(nodes) - (LINEAGE_SHOWN - 1)
    rest = LineageNode(
        label=f"{more} more", title="listed under Relations below", url="#relations", relation="and"
    )
    return [*nodes[: LINEAGE_SHOWN - 1], rest]


def _shown_note(totals: tuple[int, int]) -> str:
    if max(totals) <= LINEAGE_SHOWN:
        return ""
    return f" ({LINEAGE_SHOWN - 1} of each side drawn, every one listed under Relations)"


def _surname(name: str) -> str:
    """'Joseph R. Biden Jr.' -> 'Biden'; 'Franklin D. Roosevelt' -> 'Roosevelt'."""
    words = [w for w in name.split() if w.rstrip(".,") not in {"Jr", "Sr", "II", "III"}]
    return words[-1] if words else name


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# An emergency's timeline ------------------------------------------------------------------

ACT_MARKS = {
    # kind: (colour, what the mark is called in the legend)
    "declares": ("#1f3a68", "declared"),
    "expands": ("#8a5a00", "expanded or modified"),
    "modifies": ("#8a5a00", "expanded or modified"),
    "continues": ("#2f6f3e", "continued"),
    "terminates": ("#a12a2a", "terminated"),
}


@dataclass(frozen=True)
class TimelineMark:
    day: date
    kind: str  # an ACT_MARKS key
    label: str  # "Continued by Notice of November 7, 2024"


def emergency_timeline(
    start: date | None, end: date | None, today: date, marks: list[TimelineMark], ident: str
) -> str:
    """The span an emergency was in effect, a mark per act on it, years along the bottom.

    Each mark has its own `<title>`; the page lists the same acts in a table, so the picture
    adds the shape of the years and nothing only it can tell.
    """
    dated = [m.day for m in marks]
    first_day = start or min(dated, default=today)
    last_day = end or today
    first, last = first_day.year, max(last_day.year, first_day.year)
    width, height, left, right, axis = 640, 64, 12, 12, 36
    span_days = max((date(last + 1, 1, 1) - date(first, 1, 1)).days, 1)

    def x(day: date) -> float:
        return left + (width - left - right) * (day - date(first, 1, 1)).days / span_days

    state = "terminated" if end else "in effect"
    band = max(x(last_day) - x(first_day), 2)
    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-t">Timeline of the emergency, {first} to {last}</title>',
        f'<desc id="{ident}-d">{len(marks)} acts from {first_day.isoformat()}; {state} '
        f"{'since ' + end.isoformat() if end else 'as of ' + today.isoformat()}.</desc>",
        f'<rect x="{x(first_day):.1f}" y="{axis - 14}" width="{band:.1f}" '
        f'height="10" fill="#dfe6f1"><title>In effect {first_day.isoformat()} to '
        f"{end.isoformat() if end else 'today'}</title></rect>",
        f'<line x1="{left}" y1="{axis}" x2="{width - right}" y2="{axis}" stroke="{MUTED}"/>',
    ]
    every = _tick_every(last - first + 1)
    for year in range(first, last + 1):
        if year % every == 0 or year == first:
            tx = x(date(year, 1, 1))
            parts.append(
                f'<line x1="{tx:.1f}" y1="{axis}" x2="{tx:.1f}" y2="{axis + 4}" stroke="{MUTED}"/>'
                f'<text x="{tx:.1f}" y="{axis + 16}" font-size="10" fill="{MUTED}">{year}</text>'
            )
    for mark in marks:
        colour, _ = ACT_MARKS.get(mark.kind, (MUTED, ""))
        mx = x(mark.day)
        title = f"<title>{escape(mark.label)} ({mark.day.isoformat()})</title>"
        if mark.kind == "continues":
            shape = (
                f'<circle cx="{mx:.1f}" cy="{axis - 9}" r="3.5" fill="{colour}">{title}</circle>'
            )
        elif mark.kind == "terminates":
            shape = (
                f'<rect x="{mx - 1.5:.1f}" y="{axis - 26}" width="3" height="24" '
                f'fill="{colour}">{title}</rect>'
            )
        elif mark.kind == "declares":
            shape = (
                f'<rect x="{mx - 4:.1f}" y="{axis - 13}" width="8" height="8" '
                f'fill="{colour}">{title}</rect>'
            )
        else:
            shape = f'<path d="M{mx:.1f},{axis - 28} l5,9 h-10 z" fill="{colour}">{title}</path>'
        parts.append(shape)
    parts.append("</svg>")
    return "".join(parts)
