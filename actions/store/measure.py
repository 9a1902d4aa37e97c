"""How correct the modern records are, measured on the archive itself.

- Joins: the share of whitehouse.gov order and proclamation pages that joined the action the
  Federal Register numbered, over the dates the corpus has the FR's records for; each miss
  with why.
- Schedules: the items of revocation and amendment schedules in orders of 2021 on, each its
  own relation: numbered ones linked whenever the order is archived, the rest (memoranda by
  date and title) linked or labelled.
- Kinds: a random sample of pages whose kind was decided by reading (`bench/kind_sample.md`),
  against what the parser says now.
- Twins: two actions of one kind, signed within days, with near-identical text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings

from actions.extract.likeness import same_text, text_likeness, title_likeness
from actions.ingest.detect import parse_document
from actions.models import Action, Conflict, Relation, Source
from actions.store.identity import MEMO_KINDS, TWIN_WINDOW

MODERN = date(2021, 1, 20)  # the years the whitehouse.gov pages cover
PAGE_FORMAT = "whitehouse_markdown"
# The FR's own records of an order: what numbers it.
FR_RECORDS = {
    "federal_register_json",
    "federal_register_list_json",
    "federal_register_csv",
    "federal_register_xml",
    "eo_markdown_fr",
    "fr_notes_table",
}
SAMPLE = Path(settings.BASE_DIR) / "bench" / "kind_sample.md"


@dataclass
class JoinReport:
    kind: str
    window: tuple[date, date] | None
    pages: int = 0
    joined: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (page, title, why)


def fr_window(kind: str) -> tuple[date, date] | None:
    """From the first modern day to the last day the FR's records of this kind reach."""
    last = (
        Source.objects.filter(
            format__in=FR_RECORDS, action__kind=kind, action__signed_on__gte=MODERN
        )
        .order_by("-action__signed_on")
        .values_list("action__signed_on", flat=True)
        .first()
    )
    return (MODERN, last) if last else None


def page_joins(kind: str) -> JoinReport:
    report = JoinReport(kind, fr_window(kind))
    if report.window is None:
        return report
    first, last = report.window
    pages = Source.objects.filter(
        format=PAGE_FORMAT,
        action__kind=kind,
        action__signed_on__gte=first,
        action__signed_on__lte=last,
    ).select_related("action")
    for page in pages:
        report.pages += 1
        if page.action.number:
            report.joined += 1
            continue
        report.misses.append((page.locator, page.action.title, _why(page.action)))
    return report


def _why(action: Action) -> str:
    if Conflict.objects.filter(action=action, field="identity").exists():
        return "two numbered orders read alike: a conflict for curators"
    near = Action.objects.filter(
        kind=action.kind,
        signed_on__gte=action.signed_on - TWIN_WINDOW,
        signed_on__lte=action.signed_on + TWIN_WINDOW,
    ).exclude(number=None)
    scored = sorted(
        (
            (title_likeness(action.title, other.title, action.signed_on.year), other)
            for other in near
        ),
        key=lambda pair: -pair[0],
    )
    if scored and scored[0][0] >= 0.6:
        score, other = scored[0]
        return f"closest FR record {other.label} reads too differently (title {score:.2f})"
    gaps = _gaps_near(action)
    return "no FR record in the corpus" + (f" (numbers {gaps} are missing)" if gaps else "")


def _gaps_near(action: Action) -> str:
    """The numbers the FR's records skip between the last order signed before this page's
    date and the first signed after it ("14368-14371")."""
    numbered = Action.objects.filter(kind=action.kind).exclude(number=None)
    before = numbered.filter(signed_on__lte=action.signed_on).order_by("-signed_on", "-id")
    after = numbered.filter(signed_on__gt=action.signed_on).order_by("signed_on", "id")
    low = next((int(n) for n in before.values_list("number", flat=True)[:20] if n.isdigit()), None)
    high = next((int(n) for n in after.values_list("number", flat=True)[:20] if n.isdigit()), None)
    if low is None or high is None or high - low <= 1:
        return ""
    return f"{low + 1}-{high - 1}" if high - low > 2 else str(low + 1)


@dataclass
class ScheduleReport:
    numbered: int = 0
    numbered_archived: int = 0
    numbered_linked: int = 0
    unnumbered: int = 0
    unnumbered_linked: int = 0
    unnumbered_labelled: int = 0  # not linked, the document not in the archive
    unlinked_archived: list[str] = field(default_factory=list)


def schedule_items() -> ScheduleReport:
    """Each item a modern order revokes or amends, as read from its text."""
    report = ScheduleReport()
    relations = Relation.objects.filter(
        origin="text", kind__in=["revokes", "amends"], found_in__signed_on__gte=MODERN
    ).select_related("found_in")
    archived = {
        (kind, number)
        for kind, number in Action.objects.exclude(number=None).values_list("kind", "number")
    }
    memo_days = set(
        Action.objects.filter(kind__in=MEMO_KINDS, number=None).values_list("signed_on", flat=True)
    )
    for relation in relations:
        if relation.target_number:
            report.numbered += 1
            if (relation.target_kind, relation.target_number) in archived:
                report.numbered_archived += 1
                if relation.target_id:
                    report.numbered_linked += 1
                else:
                    report.unlinked_archived.append(
                        f"{relation.found_in.short_label}: {relation.target_label}"
                    )
            continue
        if relation.target_kind not in MEMO_KINDS | {"proclamation", "notice"}:
            continue
        report.unnumbered += 1
        if relation.target_id:
            report.unnumbered_linked += 1
        elif relation.target_on and relation.target_on in memo_days:
            # A memorandum of that date is archived and was not linked: a miss to list.
            report.unlinked_archived.append(
                f"{relation.found_in.short_label}: {relation.target_label}"
            )
        elif relation.target_on:
            report.unnumbered_labelled += 1
    return report


def read_sample(path: Path = SAMPLE) -> list[tuple[str, str]]:
    rows = re.findall(r"^\| `([^`]+)` \| (\w+) \|$", path.read_text(encoding="utf-8"), re.M)
    return rows


def kind_accuracy(path: Path = SAMPLE) -> tuple[int, int, list[tuple[str, str, str]]]:
    """(right, total, [(page, read, parsed)]) for the sample kept in the repository."""
    folder = Path(settings.ARCHIVE_DATA_DIR) / "corpus" / "whitehouse-2021-2026"
    folder = folder / "presidential-actions"
    wrong = []
    rows = read_sample(path)
    for page, read in rows:
        doc = parse_document((folder / page).read_bytes())
        parsed = "commentary" if doc.is_commentary else doc.kind
        if parsed != read:
            wrong.append((page, read, parsed))
    return len(rows) - len(wrong), len(rows), wrong


def find_twins(days: int = 3) -> list[tuple[Action, Action, float]]:
    """Pairs of actions of one kind signed within `days` whose texts are two printings of one
    (`likeness.same_text`: permits of one day for different pipelines share 96% of their text
    but not their names and numbers) and whose titles are alike, at least one of them
    unnumbered (two numbered orders are two orders)."""
    by_kind: dict[str, list[Action]] = defaultdict(list)
    rows = (
        Action.objects.exclude(signed_on=None)
        .exclude(text="")
        .only("id", "kind", "number", "title", "signed_on", "slug", "text")
        .order_by("signed_on")
    )
    for action in rows:
        by_kind[action.kind].append(action)
    twins = []
    window = timedelta(days=days)
    for actions in by_kind.values():
        for i, first in enumerate(actions):
            for second in actions[i + 1 :]:
                if second.signed_on - first.signed_on > window:
                    break
                if first.number and second.number:
                    continue
                if title_likeness(first.title, second.title, first.signed_on.year) < 0.8:
                    continue
                a, b = first.text[:20000], second.text[:20000]
                if same_text(a, b):
                    twins.append((first, second, text_likeness(a, b)))
    return twins
