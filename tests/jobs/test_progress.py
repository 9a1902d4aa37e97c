"""Progress on a terminal (tqdm), and none under CI or when piped."""

import io
from pathlib import Path

from actions.jobs.ingest import ingest_paths
from actions.jobs.progress import progress_for
from tests.conftest import seed_files


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_phases_counts_rate_and_time_left_on_a_terminal(monkeypatch, db):
    monkeypatch.delenv("CI", raising=False)
    screen = Terminal()
    progress = progress_for(screen)
    assert progress is not None
    files = [str(p) for p in seed_files()]
    ingest_paths(files, relate=False, progress=progress)
    shown = screen.getvalue()
    assert "files: 100%" in shown and f"{len(files)}/{len(files)}" in shown
    assert "actions rebuilt: 100%" in shown
    assert " file/s]" in shown and " action/s]" in shown  # the rates
    assert "<00:00" in shown  # the time left


def test_nothing_under_ci_or_when_piped(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert progress_for(Terminal()) is None
    monkeypatch.delenv("CI")
    assert progress_for(io.StringIO()) is None  # piped or captured


def test_the_commands_stay_quiet_when_captured(db, capsys):
    from io import StringIO

    from django.core.management import call_command

    err = StringIO()
    call_command("ingest", str(Path(seed_files()[0])), stdout=StringIO(), stderr=err)
    assert err.getvalue() == ""
    assert "%|" not in capsys.readouterr().err
