"""`/eo/<number>/as-amended`: an order's text as amended on a day, each change marked, and a
word-level comparison with the original or with the text on an earlier day."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from actions.extract.amendment_wording import PREAMBLE, TITLE
from actions.extract.consolidated_parts import anchors
from actions.models import Action
from actions.store.consolidation import amendments_of, as_amended
from actions.store.status import status_on
from actions.web.caching import archive_cached
from actions.web.diff import compare

_LABELS = {TITLE: "Title", PREAMBLE: "Preamble"}


def _day(value: str, default: date | None) -> tuple[date | None, str]:
    value = (value or "").strip()
    if not value:
        return default, ""
    try:
        return date.fromisoformat(value), ""
    except ValueError:
        return (
            default,
            f"“{value}” is not a date (YYYY-MM-DD); shown as of {default or 'the original'}.",
        )


@archive_cached
def as_amended_page(request: HttpRequest, number: str) -> HttpResponse:
    action = Action.objects.filter(kind="executive_order", number=number).first()
    if action is None:
        raise Http404("No such executive order in the archive")
    today = date.today()
    day, error = _day(request.GET.get("as_of", ""), today)
    since, since_error = _day(request.GET.get("since", ""), None)
    amendments = amendments_of(action)
    result = as_amended(action, day, amendments)
    base = as_amended(action, since, amendments) if since else None
    before = {p.key: p for p in (base.front + base.parts if base else [])}
    original = {s.number: s.text for s in action.sections.all()}
    original.update({TITLE: action.title, PREAMBLE: action.preamble})
    anchor_of = anchors(result.parts)
    # The title only where an amendment changed it (it heads the page); the preamble always.
    front = [p for p in result.front if p.number == PREAMBLE or p.changes]
    sections = []
    for part in front + result.parts:
        if base is not None:
            old = before.get(part.key)
            old_text = "" if old is None or old.revoked else old.text
        else:
            old_text = original.get(part.key, "")
        new_text = "" if part.revoked else part.text
        sections.append(
            {
                "part": part,
                "anchor": anchor_of.get(id(part), part.number),
                "label": _LABELS.get(part.number, f"Sec. {part.number}."),
                "rows": compare(old_text, new_text).rows if old_text != new_text else None,
                "changes_shown": [
                    c for c in part.changes if not since or (c["date"] and c["date"] > since)
                ],
            }
        )
    return render(
        request,
        "actions/as_amended.html",
        {
            "action": action,
            "day": day,
            "since": since,
            "errors": [e for e in (error, since_error) if e],
            "result": result,
            "title": title.text if (title := result.front_part(TITLE)) else action.title,
            "sections": sections,
            "status": status_on(action, day),
            "amendment_days": sorted({a.on for a in amendments if a.on}),
        },
    )
