"""Atom feeds (django.contrib.syndication): any search, each statute, agency and president.

"Tell me when a new order cites 8 U.S.C. 1357": each feed lists the newest matching actions by
signing date, each entry linking to the action's canonical page.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from actions.models import Action, Agency, Emergency, EmergencyAct, President, Statute
from actions.read.selection import select
from actions.vocabulary import EMERGENCY_ACT_LABELS
from actions.web.chips import active_filters

FEED_SIZE = 50
# XML 1.0 cannot carry control characters: a query or a source text holding one is cleaned.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _CONTROL_RE.sub("", text)


# The address the feed was asked at (scheme and host), for entry ids: RFC 4287 wants each
# `atom:id` an absolute IRI. A context variable, as one Feed instance serves every request.
_BASE: ContextVar[str] = ContextVar("feed_base", default="")


class _ActionFeed(Feed):
    feed_type = Atom1Feed

    def __call__(self, request: HttpRequest, *args, **kwargs):
        token = _BASE.set(request.build_absolute_uri("/").rstrip("/"))
        try:
            return super().__call__(request, *args, **kwargs)
        finally:
            _BASE.reset(token)

    def item_title(self, action: Action) -> str:
        return xml_safe(f"{action.label}: {action.title}" if action.number else action.title)

    def item_description(self, action: Action) -> str:
        signed = action.signed_on.strftime("%B %-d, %Y") if action.signed_on else "undated"
        lead = f"{action.kind_label} signed {signed}"
        if action.president_id:
            lead += f" by {action.president.name}"
        body = Truncator(" ".join((action.preamble or action.text).split())).chars(400)
        return xml_safe(f"{lead}. {body}")

    def item_link(self, action: Action) -> str:
        return action.get_absolute_url()

    def item_guid(self, action: Action) -> str:
        return _BASE.get() + action.get_absolute_url()

    def item_pubdate(self, action: Action) -> datetime | None:
        day = action.published_on or action.signed_on
        return timezone.make_aware(datetime.combine(day, time())) if day else None

    def item_updateddate(self, action: Action) -> datetime | None:
        return self.item_pubdate(action)

    def _newest(self, actions):
        return list(actions.result_rows().newest()[:FEED_SIZE])


class SearchFeed(_ActionFeed):
    def get_object(self, request: HttpRequest):
        selection = select(request.GET)
        return selection, request.GET.urlencode(), active_filters(request.GET, selection.errors)

    def title(self, obj) -> str:
        """After what it follows: "Presidential actions: “tariff” · Agency: Department of
        Homeland Security, directed"."""
        selection, _, chips = obj
        parts = [f"“{selection.query}”"] if selection.query else []
        parts += [f"{chip.label}: {chip.value}" for chip in chips]
        return xml_safe("Presidential actions: " + (" · ".join(parts) or "all"))

    def link(self, obj) -> str:
        _, query, _ = obj
        return xml_safe(f"{reverse('actions:search')}?{query}")

    def feed_url(self, obj) -> str:
        """`rel="self"` with the query: a reader subscribing through it gets this search."""
        _, query, _ = obj
        return xml_safe(
            f"{reverse('actions:search_feed')}?{query}" if query else reverse("actions:search_feed")
        )

    def subtitle(self, obj) -> str:
        return "The newest actions matching this search and its filters."

    def items(self, obj):
        selection, _, _ = obj
        return self._newest(selection.matched)


class StatuteFeed(_ActionFeed):
    def get_object(self, request: HttpRequest, title="", section="", key="") -> Statute:
        if key:
            return get_object_or_404(Statute, key=key)
        return get_object_or_404(Statute, kind="usc", key=f"{title} U.S.C. {section}")

    def title(self, statute: Statute) -> str:
        return f"Presidential actions citing {statute.key}"

    def link(self, statute: Statute) -> str:
        return statute.get_absolute_url()

    def subtitle(self, statute: Statute) -> str:
        return f"New executive orders and other actions citing {statute.key} or a subsection."

    def items(self, statute: Statute):
        return self._newest(Action.objects.citing(statute))


class AgencyFeed(_ActionFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Agency:
        return get_object_or_404(Agency, slug=slug)

    def title(self, agency: Agency) -> str:
        return f"Presidential actions naming the {agency.name}"

    def link(self, agency: Agency) -> str:
        return agency.get_absolute_url()

    def subtitle(self, agency: Agency) -> str:
        return f"New actions that name or direct the {agency.name}."

    def items(self, agency: Agency):
        return self._newest(Action.objects.naming(agency))


class PresidentFeed(_ActionFeed):
    def get_object(self, request: HttpRequest, slug: str) -> President:
        president = President.objects.filter(slug=slug).first()
        if president is None:
            raise Http404("No such president")
        return president

    def title(self, president: President) -> str:
        return f"Presidential actions of {president.name}"

    def link(self, president: President) -> str:
        return president.get_absolute_url()

    def subtitle(self, president: President) -> str:
        return f"The newest actions of {president.name}."

    def items(self, president: President):
        return self._newest(president.actions.all())


class EmergencyFeed(_ActionFeed):
    """ "Tell me when this emergency is continued or ended": its acts, newest first. Without a
    slug, the acts on every emergency in the register."""

    def get_object(self, request: HttpRequest, slug: str | None = None) -> Emergency | None:
        if slug is None:
            return None
        return get_object_or_404(Emergency, slug=slug)

    def title(self, emergency: Emergency | None) -> str:
        if emergency is None:
            return "National emergencies: declared, expanded, continued, terminated"
        return xml_safe(f"National emergency: {emergency.subject}")

    def link(self, emergency: Emergency | None) -> str:
        return emergency.get_absolute_url() if emergency else reverse("actions:emergencies")

    def subtitle(self, emergency: Emergency | None) -> str:
        return "Each order or notice that declares, expands, continues or ends it, newest first."

    def items(self, emergency: Emergency | None):
        acts = EmergencyAct.objects.select_related("action", "action__president", "emergency")
        if emergency is not None:
            acts = acts.filter(emergency=emergency)
        return list(acts.order_by("-on", "-id")[:FEED_SIZE])

    def item_title(self, act: EmergencyAct) -> str:
        verb = EMERGENCY_ACT_LABELS[act.kind]
        return xml_safe(f"{verb}: {act.emergency.subject} ({act.action.label})")

    def item_description(self, act: EmergencyAct) -> str:
        return xml_safe(act.evidence or super().item_description(act.action))

    def item_link(self, act: EmergencyAct) -> str:
        return act.action.get_absolute_url()

    def item_guid(self, act: EmergencyAct) -> str:
        return f"{_BASE.get()}{act.emergency.get_absolute_url()}#act-{act.action_id}-{act.kind}"

    def item_pubdate(self, act: EmergencyAct) -> datetime | None:
        return timezone.make_aware(datetime.combine(act.on, time())) if act.on else None
