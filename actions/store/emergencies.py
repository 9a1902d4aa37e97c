"""The register of national emergencies, rebuilt from the acts the archive's texts perform.

Every action whose text speaks of a national emergency is read (`extract/emergencies.py`);
its acts are grouped by the order each names as the declaring one, and each group becomes an
`Emergency` with its `EmergencyAct` rows. The whole register is rewritten at once (it is a few
hundred rows), so an emergency first known from a continuation notice is joined to its
declaring order the moment that order arrives.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Q

from actions.extract.emergencies import (
    CONTINUES,
    DECLARES,
    TERMINATES,
    declaring_orders,
    emergency_acts,
    subject_from_title,
)
from actions.extract.emergencies import (
    EmergencyAct as Act,
)
from actions.extract.references import effective_date
from actions.models import Action, Emergency, EmergencyAct
from actions.vocabulary import KIND_LABELS, KIND_PATHS

EMERGENCY_KINDS = ("executive_order", "proclamation")
# The National Emergencies Act took effect on this day; emergencies declared before it (1933,
# 1950, 1970, 1971) were ended by the Act itself two years later, not by a text held here.
NEA_ENACTED = date(1976, 9, 14)
_SPEAKS_OF = Q(text__icontains="national emergenc")


@dataclass
class _Group:
    kind: str
    number: str
    printed_on: Counter = field(default_factory=Counter)
    acts: list[tuple[int, Act]] = field(default_factory=list)  # (action id, act)


def touches_emergencies(actions: Iterable[Action]) -> bool:
    """Whether rebuilding these actions may change the register."""
    actions = list(actions)
    if any("national emergenc" in (a.text or "").lower() for a in actions):
        return True
    keys = Q()
    for action in actions:
        if action.number:
            keys |= Q(declared_kind=action.kind, declared_number=action.number)
    ids = [a.pk for a in actions]
    acted = EmergencyAct.objects.filter(action_id__in=ids).exists()
    return acted or (bool(keys) and Emergency.objects.filter(keys).exists())


def refresh_emergencies() -> int:
    """Rewrite the register from the archive's texts; returns the number of emergencies."""
    rows = list(
        Action.objects.filter(_SPEAKS_OF, kind__in=EMERGENCY_KINDS + ("notice",))
        .order_by("signed_on", "id")
        .values_list("id", "kind", "number", "signed_on", "title", "text")
    )
    actions = {
        pk: (kind, number, signed_on, title) for pk, kind, number, signed_on, title, _ in rows
    }
    groups: dict[tuple[str, str], _Group] = {}
    printed: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for pk, kind, number, signed_on, _, text in rows:
        if signed_on and signed_on < NEA_ENACTED:
            continue  # written before the Act: not an act under it
        for told in declaring_orders(text):
            if told.on:  # "On March 1, 1996, by Proclamation 6867, ...": its day, when printed
                printed[(told.kind, told.number)][told.on] += 1
        for act in emergency_acts(text):
            if act.declared_in is None:
                if kind not in EMERGENCY_KINDS:
                    continue
                # An order held without its number waits to be matched by date (below).
                key = (kind, number) if number else (kind, f"#{pk}")
            else:
                key = (act.declared_in.kind, act.declared_in.number)
                if key == (kind, number):
                    continue  # an order naming its own declaration
            group = groups.setdefault(key, _Group(*key))
            group.acts.append((pk, act))
    for key, group in groups.items():
        group.printed_on.update(printed.get(key, {}))
    declaring = _declaring_actions(groups)
    _join_unnumbered(groups, declaring, actions)
    with transaction.atomic():
        # Rows are kept by slug (their ids are the API's), acts rewritten whole.
        EmergencyAct.objects.all().delete()
        kept = [
            slug
            for key, group in sorted(groups.items())
            if (slug := _write(group, declaring.get(key), actions))
        ]
        Emergency.objects.exclude(slug__in=kept).delete()
    return len(kept)


def _join_unnumbered(groups: dict, declaring: dict, actions: dict) -> None:
    """An unnumbered order that declares ("Declaring a National Emergency at the Southern
    Border", held as a web page only) is the emergency later orders name by number and date
    ("Proclamation 10886 of January 20, 2025") when it is the one such order of that kind and
    day; otherwise it stays apart, under its own entry."""
    waiting = defaultdict(list)
    for key in [k for k in groups if k[1].startswith("#")]:
        pk = int(key[1][1:])
        waiting[(key[0], actions[pk][2])].append(key)
    for key, group in list(groups.items()):
        if key[1].startswith("#") or key in declaring or not group.printed_on:
            continue
        day = group.printed_on.most_common(1)[0][0]
        candidates = waiting.get((key[0], day), [])
        if len(candidates) == 1 and candidates[0] in groups:
            unnumbered = groups.pop(candidates[0])
            group.acts[:0] = unnumbered.acts
            declaring[key] = Action.objects.only("id", "kind", "number", "signed_on", "title").get(
                pk=int(candidates[0][1][1:])
            )


def _declaring_actions(groups: dict[tuple[str, str], _Group]) -> dict[tuple[str, str], Action]:
    numbers = {number for _, number in groups}
    found = Action.objects.filter(kind__in=EMERGENCY_KINDS, number__in=numbers).only(
        "id", "kind", "number", "signed_on", "title"
    )
    return {(a.kind, a.number): a for a in found}


def _write(group: _Group, declared_by: Action | None, actions: dict) -> str | None:
    declared_on = (
        declared_by.signed_on
        if declared_by and declared_by.signed_on
        else (group.printed_on.most_common(1)[0][0] if group.printed_on else None)
    )
    if declared_on and declared_on < NEA_ENACTED:
        return None
    acts = [(pk, act, _act_date(actions[pk][2], act)) for pk, act in group.acts]
    if declared_by and not any(act.kind == DECLARES for _, act, _ in acts):
        # The declaring order is held without its text (metadata only), or words it otherwise:
        # the orders naming it say it declared.
        acts.insert(0, (declared_by.pk, Act(DECLARES, None, "", 0), declared_by.signed_on))
    ended = sorted((day or date.max, pk) for pk, act, day in acts if act.kind == TERMINATES)
    ended_on = ended[0][0] if ended and ended[0][0] != date.max else None
    emergency, _ = Emergency.objects.update_or_create(
        slug=_slug(group, declared_by),
        defaults={
            "subject": _subject(group, declared_by, actions),
            "declared_kind": group.kind,
            "declared_number": "" if group.number.startswith("#") else group.number,
            "declared_by": declared_by,
            "declared_on": declared_on,
            "terminated_by_id": ended[0][1] if ended else None,
            "terminated_on": ended_on,
        },
    )
    seen = set()
    rows = []
    for pk, act, day in acts:
        if (pk, act.kind) in seen:
            continue
        seen.add((pk, act.kind))
        rows.append(
            EmergencyAct(
                emergency=emergency, action_id=pk, kind=act.kind, on=day, evidence=act.evidence
            )
        )
    EmergencyAct.objects.bulk_create(rows)
    return emergency.slug


def _slug(group: _Group, declared_by: Action | None) -> str:
    """ "eo-12170"; an order held without its number by its day: "proclamation-of-2025-01-20"."""
    path = KIND_PATHS[group.kind]
    if not group.number.startswith("#"):
        return f"{path}-{group.number}"
    day = declared_by.signed_on.isoformat() if declared_by and declared_by.signed_on else "undated"
    return f"{path}-of-{day}-{group.number[1:]}"


def _act_date(signed_on: date | None, act: Act) -> date | None:
    """When an act took effect: the date its sentence states, or its action's signing."""
    if act.kind == TERMINATES and act.evidence:
        return effective_date(act.evidence) or signed_on
    return signed_on


def _subject(group: _Group, declared_by: Action | None, actions: dict) -> str:
    """What the emergency is about, as the yearly notices name it ("Iran"), else the
    declaring order's title, else the name of its order."""
    notices = [actions[pk][3] for pk, act in reversed(group.acts) if act.kind == CONTINUES]
    titles = notices + ([declared_by.title] if declared_by else [])
    for title in titles:
        if subject := subject_from_title(title or ""):
            return subject
    if declared_by and declared_by.title:
        return declared_by.title
    return f"National emergency declared in {KIND_LABELS[group.kind]} {group.number}"
