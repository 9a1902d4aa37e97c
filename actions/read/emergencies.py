"""The register of national emergencies as the pages, the API, CSV and feeds read it.

One serializer (`record`) for the API and CSV; one account of an emergency's years
(`years`) for its page, which says "no continuation notice in the archive" for a year the
archive holds no notice of, never that the emergency lapsed: the corpus holds few notices
before 2021, and an emergency ends only by a text that ends it (or by Congress).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms

from actions.models import Action, Emergency, EmergencyAct
from actions.vocabulary import EMERGENCY_STATUS_LABELS, KIND_LABELS


def order_ref(action: Action | None) -> dict | None:
    if action is None:
        return None
    return {"id": action.pk, "kind": action.kind, "number": action.number}


def _dated_ref(act: EmergencyAct) -> dict:
    return {**order_ref(act.action), "signed_on": act.on}


def declaring_order_revoked(emergency: Emergency) -> dict | None:
    """The order that revoked the declaring order in whole (its text or the FR's notes), when
    no text in the archive terminates the emergency: the page and the API say so, and leave
    the status to the texts (an emergency ends by a termination, or lapses uncontinued)."""
    if emergency.terminated_on or emergency.declared_by is None:
        return None
    relations = getattr(emergency.declared_by, "revoked_by", None)
    if relations is None:
        relations = list(
            emergency.declared_by.incoming.filter(
                kind="revokes", in_part=False, source__isnull=False
            )
            .select_related("source")
            .order_by("effective_on", "id")
        )
    if not relations:
        return None
    first = relations[0]
    return {**order_ref(first.source), "signed_on": first.effective_on or first.source.signed_on}


def record(emergency: Emergency) -> dict:
    """An emergency as the API and CSV give it (its acts prefetched: `with_acts()`)."""
    acts = list(emergency.acts.all())
    declared_by = order_ref(emergency.declared_by) or {
        "id": None,
        "kind": emergency.declared_kind,
        "number": emergency.declared_number or None,
    }
    return {
        "id": emergency.pk,
        "slug": emergency.slug,
        "subject": emergency.subject,
        "declared_by": declared_by,
        "declared_on": emergency.declared_on,
        "status": emergency.status,
        "terminated_by": order_ref(emergency.terminated_by),
        "terminated_on": emergency.terminated_on,
        "expanded_by": [_dated_ref(a) for a in acts if a.kind in ("expands", "modifies")],
        "continued_by": [_dated_ref(a) for a in acts if a.kind == "continues"],
        "declaring_order_revoked_by": declaring_order_revoked(emergency),
        "url": emergency.get_absolute_url(),
    }


def declared_label(emergency: Emergency) -> str:
    if emergency.declared_number:
        noun = KIND_LABELS.get(emergency.declared_kind, emergency.declared_kind)
        return f"{noun} {emergency.declared_number}"
    return emergency.declared_by.label if emergency.declared_by else "an order not in the archive"


@dataclass(frozen=True)
class Year:
    year: int  # the newest year of a run of years without acts
    acts: list[EmergencyAct]
    note: str  # what the archive can say of a year without an act
    through: int | None = None  # the oldest year of such a run


def years(emergency: Emergency, today: date, notices: dict[int, int] | None = None) -> list[Year]:
    """Each year from the declaration to the end (or today), newest first, with its acts; a
    run of years the archive holds no act for is one row ("2002–2020"). `notices` (emergencies
    continued per year, `EmergencyAct.objects.continued_per_year()`) lets a year without a
    notice say how many other emergencies' notices the archive holds for it: a gap of the
    archive reads differently from a year it covers."""
    notices = notices or {}
    acts = list(emergency.acts.all())
    dated = [a.on for a in acts if a.on]
    first = (emergency.declared_on or min(dated, default=today)).year
    last = (emergency.terminated_on or today).year
    out: list[Year] = []
    for year in range(last, first - 1, -1):
        in_year = [a for a in acts if a.on and a.on.year == year]
        answered = any(a.kind in ("continues", "terminates") for a in in_year)
        note = "" if year == first or answered else _gap_note(emergency, year, today, notices)
        if not in_year and out and not out[-1].acts and out[-1].note == note:
            out[-1] = Year(out[-1].year, [], note, through=year)
        else:
            out.append(Year(year, in_year, note))
    return out


def _gap_note(emergency: Emergency, year: int, today: date, notices: dict[int, int]) -> str:
    declared = emergency.declared_on
    if (
        declared
        and year == today.year
        and (declared.month, declared.day) > (today.month, today.day)
    ):
        return f"The yearly notice is due by {declared.strftime('%B')} {declared.day}, {year}."
    others = notices.get(year, 0)
    if others >= 5:
        held = f"notices continuing {others} other emergencies that year"
        return f"{GAP_NOTE[:-1]}, though it holds {held}."
    return GAP_NOTE


GAP_NOTE = "No continuation notice in the archive."


def last_continued(emergency: Emergency) -> date | None:
    return max((a.on for a in emergency.acts.all() if a.kind == "continues" and a.on), default=None)


class RegisterForm(forms.Form):
    """The register's filters; a bad value is shown as an error and left out."""

    q = forms.CharField(required=False, max_length=200, label="Subject or order")
    in_effect_on = forms.DateField(required=False, label="In effect on")
    status = forms.ChoiceField(
        required=False, choices=[("", "Any status"), *EMERGENCY_STATUS_LABELS.items()]
    )


def register(params) -> tuple:
    """(emergencies, form) for a request's filters: the one read of the list, CSV and API."""
    form = RegisterForm(params)
    form.is_valid()
    data = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    emergencies = Emergency.objects.with_acts()
    if data.get("q"):
        emergencies = emergencies.matching(data["q"])
    if data.get("in_effect_on"):
        emergencies = emergencies.in_effect_on(data["in_effect_on"])
    if data.get("status") == "terminated":
        emergencies = emergencies.filter(terminated_on__isnull=False)
    elif data.get("status") == "in_effect":
        emergencies = emergencies.filter(terminated_on__isnull=True)
    return emergencies, form
