"""Progress of a long job on a terminal (tqdm): the phase, the count, the rate and the time
left. Nothing at all under CI or when standard error is piped or captured, so logs and tests
see only the summary lines."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from tqdm import tqdm


def shows_progress(stream=None) -> bool:
    stream = stream or sys.stderr
    return stream.isatty() and not os.environ.get("CI")


class PhaseProgress:
    """A callable `(phase, done, total)` for `jobs.ingest.ingest_paths` and the rebuild: one
    bar per phase, replaced when the phase changes."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.phase: str | None = None
        self.bar: tqdm | None = None

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase != self.phase:
            self.close()
            self.phase = phase
            unit = phase.split()[0].rstrip("s")  # "files" -> file/s, "actions rebuilt" -> action/s
            self.bar = tqdm(total=total, desc=phase, unit=f" {unit}", file=self.stream, leave=True)
        self.bar.total = total
        self.bar.update(done - self.bar.n)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
            self.phase = None


def progress_for(stream=None) -> Callable[[str, int, int], None] | None:
    """A progress callable on a terminal, None otherwise (the jobs then report nothing)."""
    return PhaseProgress(stream) if shows_progress(stream) else None
