"""Schemas and paging shared by the API's modules."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Schema

from actions.models import Action

MAX_PAGE = 1_000_000  # beyond it an offset stops being a number the databases take


MAX_ID = 2**31 - 1  # ids are 32-bit or 64-bit integers; anything larger names nothing


class ActionItem(Schema):
    """An action in a list. With `fields=`, only the fields asked for are present."""

    id: int | None = None
    kind: str | None = None
    number: str | None = None
    title: str | None = None
    signed_on: date | None = None
    president: str | None = None
    status: str | None = None
    url: str | None = None
    snippet: str | None = None


class Page(Schema):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None


class ActionPage(Page):
    results: list[ActionItem]


class PageParams(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(20, ge=1, le=settings.ARCHIVE_API_MAX_PAGE_SIZE)


def page_link(request: HttpRequest, filters: dict, page: int, page_size: int) -> str:
    query = {k: v for k, v in filters.items() if k not in {"page", "page_size"}}
    query.update(page=page, page_size=page_size)
    return request.build_absolute_uri(f"{request.path}?{urlencode(query)}")


def action_item(action: Action, snippet: str | None = None) -> dict:
    return {
        "id": action.pk,
        "kind": action.kind,
        "number": action.number,
        "title": action.title,
        "signed_on": action.signed_on,
        "president": action.president.name if action.president else None,
        "status": action.status,
        "url": action.get_absolute_url(),
        "snippet": snippet,
    }


def page_fields(request: HttpRequest, filters: dict, page: int, page_size: int, count: int) -> dict:
    """count, page, page_size and the `next`/`previous` links that reach every result."""
    filters = {k: v for k, v in filters.items() if v not in (None, "")}
    offset = (page - 1) * page_size
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "next": page_link(request, filters, page + 1, page_size)
        if offset + page_size < count
        else None,
        "previous": page_link(request, filters, page - 1, page_size) if page > 1 else None,
    }


def paged(request: HttpRequest, items, paging: PageParams, params: dict) -> tuple:
    """(page of items, the paging fields) for any queryset, with an exact count."""
    page_size, page = paging.page_size, paging.page
    offset = (page - 1) * page_size
    rows = list(items[offset : offset + page_size])
    return rows, page_fields(request, params, page, page_size, items.count())
