"""An action's status from the relations acting on it: the most severe decides, dated by the
acting order's signing (or the date the FR's notes give)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from actions.extract.expiry import expiry_date
from actions.ingest.dates import WRITTEN_DATE_RE
from actions.models import Action, Relation
from actions.store.consolidation import as_amended
from actions.vocabulary import IN_FORCE, STATUS_PRECEDENCE, STATUS_RELATIONS


def status_from(
    incoming: list[tuple[str, bool, object]], expired_on: date | None = None
) -> tuple[str, object]:
    """(status, since) from (kind, in part, date) of the relations acting on an action, and
    the day its text says it ends, when that day has come: an order that expired and was
    revoked later is expired; one revoked before its end is revoked."""
    status, since = IN_FORCE, None
    for kind, in_part, label in STATUS_PRECEDENCE:
        hits = [day for k, part, day in incoming if k == kind and part == in_part]
        if any(k == kind and part == in_part for k, part, _ in incoming):
            status, since = label, min((day for day in hits if day), default=None)
            break
    if expired_on and (status not in FULL_STOPS or since is None or since > expired_on):
        return EXPIRED, expired_on
    return status, since


EXPIRED = "expired"


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
FULL_STOPS = frozenset({"revoked", "superseded", "suspended", "expired"})


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
    ends = expiry_on(action, day)
    status, since = status_from(
        [(r.kind, r.in_part, r.effective_on) for r in acting],
        ends if ends and ends <= day else None,
    )
    deciding = {(kind, part) for kind, part, label in STATUS_PRECEDENCE if label == status}
    by = tuple(r for r in acting if (r.kind, r.in_part) in deciding)
    return StatusOn(day, status, since, by)


def expiry_on(action: Action, day: date) -> date | None:
    """The end the order's text sets, as amended by what had taken effect by `day` ("this
    order shall expire on June 30, 2009" rewritten by each extension)."""
    if not _amended(action):
        return action.expires_on
    return _end_as_amended(action, day)


def _amended(action: Action) -> bool:
    return Relation.objects.filter(target=action, kind="amends", source__isnull=False).exists()


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
    today = date.today()
    changed = []
    fields = ("id", "kind", "number", "signed_on", "status", "status_on", "expires_on")
    for action in candidates.only(*fields):
        expires_on = action.expires_on
        if expires_on and action.kind == "executive_order" and action.number:
            # Extensions rewrite the end: read it from the text as amended today.
            expires_on = expiry_on(action, today)
        ended = expires_on if expires_on and expires_on <= today else None
        status, status_on = status_from(by_target.get(action.pk, []), ended)
        if (action.status, action.status_on, action.expires_on) != (status, status_on, expires_on):
            action.status, action.status_on, action.expires_on = status, status_on, expires_on
            changed.append(action)
    Action.objects.bulk_update(changed, ["status", "status_on", "expires_on"], batch_size=500)


# An instruction not applied that may have moved the end: it speaks of ending or names a day.
_EXTENDS_RE = re.compile(
    r"expire|terminat|extend|remain\s+in\s+effect|" + WRITTEN_DATE_RE.pattern, re.I
)


def _end_as_amended(action: Action, day: date) -> date | None:
    """The end in the text as amended on `day`; None when an instruction that may move the
    end could not be applied (the archive cannot tell, so it claims no expiry)."""
    result = as_amended(action, day)
    if any(_EXTENDS_RE.search(item["instruction"]) for item in result.not_applied):
        return None
    if not result.changed:
        return action.expires_on
    text = "\n\n".join(part.text for part in result.parts if not part.revoked)
    return expiry_date(text, action.signed_on) or action.expires_on
