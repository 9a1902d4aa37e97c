"""The API's register of national emergencies (`/api/emergencies/`)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError

from actions.api.common import MAX_ID, Page, PageParams, paged
from actions.models import Emergency
from actions.read.emergencies import record, register

router = Router()


class OrderRef(Schema):
    id: int | None
    kind: str
    number: str | None


class DatedRef(OrderRef):
    signed_on: date | None


class EmergencyItem(Schema):
    id: int
    slug: str
    subject: str
    declared_by: OrderRef
    declared_on: date | None
    status: str  # in_effect or terminated
    terminated_by: OrderRef | None
    terminated_on: date | None
    expanded_by: list[DatedRef]
    continued_by: list[DatedRef]
    # The declaring order revoked in whole while no archived text terminates the emergency.
    declaring_order_revoked_by: DatedRef | None
    url: str


class EmergencyPage(Page):
    results: list[EmergencyItem]


class EmergencyRef(Schema):
    emergency_id: int = Field(..., ge=1, le=MAX_ID)


class RegisterParams(Schema):
    q: str | None = None
    in_effect_on: date | None = None
    status: str | None = None


@router.get("/emergencies/", response=EmergencyPage, summary="National emergencies")
def list_emergencies(
    request: HttpRequest, filters: Query[RegisterParams], paging: Query[PageParams]
):
    """Every national emergency the archive's texts declare, expand, continue or terminate,
    newest declaration first. `in_effect_on=YYYY-MM-DD`: those in effect that day; `q=`: by
    subject or declaring order ("Iran", "13224"); `status=in_effect` or `terminated`."""
    params = {k: v for k, v in filters.dict().items() if v not in (None, "")}
    emergencies, form = register(params)
    if form.errors:
        raise HttpError(422, "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
    rows, page = paged(request, emergencies, paging, params)
    return {**page, "results": [record(e) for e in rows]}


@router.get("/emergencies/{emergency_id}/", response=EmergencyItem, summary="One emergency")
def get_emergency(request: HttpRequest, ref: Path[EmergencyRef]):
    """One emergency by its `id`."""
    return record(get_object_or_404(Emergency.objects.with_acts(), pk=ref.emergency_id))
