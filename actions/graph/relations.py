"""Links computed across the archive: related actions by content (`related`) and
commentary to the actions it discusses (`commentary_links`).

Owed after an ingest that changed anything (`PendingTask` RELATE_TASK, set in the same
transaction as the change). A few changed actions are related incrementally; many, or an
archive without the state of a previous pass, get the whole pass (`python manage.py relate`
runs the whole pass alone).
"""

from __future__ import annotations

from actions.graph.commentary_links import link_changed, link_commentary
from actions.graph.related import incremental_is_possible, rebuild_related, relate_changed
from actions.models import RELATE_TASK, Action, ArchiveVersion, Commentary, PendingTask


def relate_all() -> dict[str, int]:
    """The whole pass: every action weighed against every other, every piece linked."""
    counts = {"related": rebuild_related(), "commentary_links": link_commentary()}
    _done()
    return counts


def relate_pending() -> dict[str, int]:
    """What an ingest owes: the changed actions and pieces, or the whole pass when that is as
    cheap. The counts say which ran (`incremental` 1 or 0)."""
    changed = Action.objects.filter(needs_relating=True).count()
    if not incremental_is_possible(changed):
        return {**relate_all(), "incremental": 0}
    # Commentary first: it reads which actions changed, which relating clears.
    links = link_changed()
    counts = {"related": relate_changed(), "commentary_links": links, "incremental": 1}
    _done()
    return counts


def _done() -> None:
    PendingTask.objects.filter(name=RELATE_TASK).delete()
    Commentary.objects.filter(needs_linking=True).update(needs_linking=False)
    ArchiveVersion.bump()


def related_are_stale() -> bool:
    return PendingTask.objects.filter(name=RELATE_TASK).exists()
