"""Requests no page can answer are refused before any view runs."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


class RejectNulBytesMiddleware:
    """A NUL byte in the address or a parameter is a 400, said plainly.

    No presidential document contains one, and PostgreSQL cannot compare text with it, so
    letting it reach a query would turn a malformed request into a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                "Bad request: the address contains a NUL character (%00).",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
