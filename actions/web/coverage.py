"""What the archive holds, per kind and year, and the gaps a count or a chart may cross.

A count "since 2017" or a chart per year is wrong where the sources are missing: the corpus has
no text for the executive orders of 2020, no proclamations before 2016, no memoranda before
2021. The coverage page says what is there; results pages whose range crosses a gap say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from actions.models import Action, ArchiveVersion
from actions.vocabulary import KIND_LABELS

# The kinds whose record is kept year after year: a year without them is a gap in the sources.
TRACKED = ("executive_order", "proclamation", "memorandum")


@dataclass(frozen=True)
class Gap:
    kind: str
    years: tuple[int, ...]
    what: str  # "no text", "no records" (years inside the run), "no records before"

    def note(self) -> str:
        label = KIND_LABELS[self.kind].lower() + "s"
        label = "memoranda" if self.kind == "memorandum" else label
        span = _span(self.years)
        if self.what == "no text":
            return (
                f"No text in the archive for the {label} of {span}: counts there come from "
                "metadata (FR records), without their texts."
            )
        if self.what == "no records before":
            return (
                f"The archive holds no {label} before {self.years[-1] + 1}: counts of earlier "
                "years are not the real ones."
            )
        return f"The archive holds no {label} of {span}: counts there are not the real ones."


def _span(years: tuple[int, ...]) -> str:
    if len(years) == 1:
        return str(years[0])
    return f"{years[0]}-{years[-1]}"


def _runs(years: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Consecutive years as runs: (1937, 1938, 1944, 2020) -> [(1937, 1938), (1944,), (2020,)]."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return [tuple(run) for run in runs]


def table() -> dict[tuple[str, int], dict[str, int]]:
    return Action.objects.coverage()


@lru_cache(maxsize=4)
def _gaps_at(version: str) -> tuple[Gap, ...]:
    cells = table()
    years = sorted({year for _, year in cells})
    if not years:
        return ()
    last = years[-1]
    gaps = []
    for kind in TRACKED:
        held = sorted(year for k, year in cells if k == kind)
        if not held:
            continue
        no_text = tuple(
            year
            for year in held
            if cells[(kind, year)]["actions"] >= 5 and cells[(kind, year)]["with_text"] == 0
        )
        gaps += [Gap(kind, run, "no text") for run in _runs(no_text)]
        start = max(held[0], years[0])
        missing = tuple(y for y in range(start, last + 1) if (kind, y) not in cells)
        gaps += [Gap(kind, run, "no records") for run in _runs(missing)]
        if held[0] > years[0]:
            gaps.append(Gap(kind, (years[0], held[0] - 1), "no records before"))
    return tuple(gaps)


def gaps() -> tuple[Gap, ...]:
    """The gaps of the archive as it is now (recomputed when the archive changes)."""
    return _gaps_at(ArchiveVersion.current())


def gaps_crossed(kind: str | None, first_year: int | None, last_year: int | None) -> list[Gap]:
    """The gaps a count of `kind` (any tracked kind when None) over these years crosses."""
    found = []
    for gap in gaps():
        if kind and gap.kind != kind:
            continue
        low, high = gap.years[0], gap.years[-1]
        if (first_year is None or high >= first_year) and (last_year is None or low <= last_year):
            found.append(gap)
    return found
