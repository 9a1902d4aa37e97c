"""Act sections to the U.S. Code, from the crosswalk kept as data in `actions/data/`.

`acts.csv` names each Act (with its aliases) and the U.S. Code range it is classified to;
`act_sections.csv` maps an Act's section to a U.S. Code section. Every row names its evidence:
a file of the shared corpus that prints both forms (paths are relative to ARCHIVE_DATA_DIR).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Act:
    code: str  # short identifier: INA, IEEPA
    names: tuple[str, ...]
    usc_title: str | None
    usc_section: str | None
    evidence: str

    @property
    def label(self) -> str:
        return self.names[-1] if len(self.names[-1]) <= 6 else self.code


@cache
def acts() -> dict[str, Act]:
    with open(DATA_DIR / "acts.csv", newline="", encoding="utf-8") as handle:
        return {
            row["act"]: Act(
                code=row["act"],
                names=tuple(row["names"].split("|")),
                usc_title=row["usc_title"] or None,
                usc_section=row["usc_section"] or None,
                evidence=row["evidence"],
            )
            for row in csv.DictReader(handle)
        }


@cache
def act_sections() -> dict[tuple[str, str], tuple[str, str]]:
    """(act code, act section) -> (U.S.C. title, U.S.C. section)."""
    with open(DATA_DIR / "act_sections.csv", newline="", encoding="utf-8") as handle:
        return {
            (row["act"], row["act_section"]): (row["usc_title"], row["usc_section"])
            for row in csv.DictReader(handle)
        }


@cache
def act_by_name() -> dict[str, Act]:
    """Every name and alias, lower-cased, to its Act."""
    return {name.lower(): act for act in acts().values() for name in act.names}


def resolve_act_section(act_code: str, section: str) -> tuple[str, str] | None:
    return act_sections().get((act_code, section))
