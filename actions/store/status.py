"""An action's status from the relations acting on it: the most severe decides, dated by the
acting order's signing (or the date the FR's notes give)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from actions.models import Action, Relation
from actions.vocabulary import IN_FORCE, STATUS_PRECEDENCE, STATUS_RELATIONS


def status_from(incoming: list[tuple[str, bool, object]]) -> tuple[str, object]:
    """(status, since) from (kind, in part, date) of the relations acting on an action."""
    for kind, in_part, label in STATUS_PRECEDENCE:
        hits = [day for k, part, day in incoming if k == kind and part == in_part]
        if any(k == kind and part == in_part for k, part, _ in incoming):
            return label, min((day for day in hits if day), default=None)
    return IN_FORCE, None


@dataclass(frozen=True)
class StatusOn:
    """An action's state on a day, and the relations that made it so."""

    day: date
    status: str  # a STATUS_CHOICES value, or "not_yet_signed"
    since: date | None
    by: tuple  # the relations in effect on that day that decide it

    @property
    def in_force(self) -> bool:
        return self.status not in FULL_STOPS and self.status != NOT_YET_SIGNED


NOT_YET_SIGNED = "not_yet_signed"
# Statuses under which an action no longer has force (in part, or amended, it still has).
FULL_STOPS = frozenset({"revoked", "superseded", "suspended"})


def status_on(action: Action, day: date) -> StatusOn:
    """What the action's status was on `day`: from the relations acting on it that had taken
    effect by then. Revoking the order that revoked it brings nothing back: only the
    relations aimed at this action count."""
    if action.signed_on and day < action.signed_on:
        return StatusOn(day, NOT_YET_SIGNED, None, ())
    acting = [
        relation
        for relation in Relation.objects.filter(
            target=action, kind__in=STATUS_RELATIONS, effective_on__lte=day
        ).select_related("source")
    ]
    status, since = status_from([(r.kind, r.in_part, r.effective_on) for r in acting])
    deciding = {(kind, part) for kind, part, label in STATUS_PRECEDENCE if label == status}
    by = tuple(r for r in acting if (r.kind, r.in_part) in deciding)
    return StatusOn(day, status, since, by)


def refresh_statuses(action_ids: Iterable[int] | None = None) -> None:
    """Recompute the status of the given actions, or of every action when None."""
    relations = Relation.objects.filter(
        kind__in=STATUS_RELATIONS, target__isnull=False
    ).values_list("target_id", "kind", "in_part", "effective_on", "source_on")
    candidates = Action.objects.all()
    if action_ids is not None:
        action_ids = list(action_ids)
        relations = relations.filter(target_id__in=action_ids)
        candidates = candidates.filter(pk__in=action_ids)
    by_target: dict[int, list] = defaultdict(list)
    for target_id, kind, in_part, signed_on, noted_on in relations:
        by_target[target_id].append((kind, in_part, signed_on or noted_on))
    changed = []
    for action in candidates.only("id", "status", "status_on"):
        status, status_on = status_from(by_target.get(action.pk, []))
        if (action.status, action.status_on) != (status, status_on):
            action.status, action.status_on = status, status_on
            changed.append(action)
    Action.objects.bulk_update(changed, ["status", "status_on"], batch_size=500)
