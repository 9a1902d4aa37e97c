"""What a consolidation is made of: an amendment (an instruction, who gave it and when it took
effect) and a part of the amended order (a section, or its title or preamble) with the changes
made to it; and each part's anchor on a page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from actions.extract.amendment_wording import Instruction


@dataclass(frozen=True)
class Amendment:
    """An instruction with who gave it and when it took effect."""

    instruction: Instruction
    action_id: int
    number: str | None  # the amending order's number
    section: str | None  # the amending order's section holding the instruction
    on: date | None

    def change(self) -> dict:
        return {
            "action_id": self.action_id,
            "number": self.number,
            "section": self.section,
            "date": self.on,
            "instruction": self.instruction.text,
        }


@dataclass
class Part:
    number: str
    heading: str
    text: str
    revoked: bool = False
    added: bool = False  # a section an amendment added
    changes: list[dict] = field(default_factory=list)
    key: str = ""  # the same part on any date: its first number ("+11" for one added)

    def __post_init__(self) -> None:
        self.key = self.key or (f"+{self.number}" if self.added else self.number)

    @property
    def renumbered(self) -> bool:
        """Whether the part stands under another number than the one it was first given."""
        return not self.added and self.key != self.number


def anchors(parts: list[Part]) -> dict[int, str]:
    """Each part's anchor, unique on a page: its number; a struck section whose number the
    one renumbered into its place now holds is "5-struck" (the live one keeps "5")."""
    live = {p.number for p in parts if not p.revoked}
    out, taken = {}, set()
    for part in parts:
        anchor = (
            part.number if not (part.revoked and part.number in live) else f"{part.number}-struck"
        )
        while anchor in taken:
            anchor += "-"  # two struck alike: never one id twice
        taken.add(anchor)
        out[id(part)] = anchor
    return out
