"""An action's page: its page row, its relations both ways and the actions its text names.

The page row (`ActionPage`, made by the store when the action is rebuilt) carries what the
action's own rows make; what other actions make is read here from the relations and the
actions named, a fixed handful of queries whatever the size of the order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from actions.models import Action, ActionPage, CommentaryLink, EmergencyAct, Relation
from actions.page_parts import PAGE_VERSION, page_from_tables
from actions.read.detail import Detail, complete, named_actions


@dataclass
class PageRead:
    detail: Detail
    page: ActionPage
    named: dict[tuple[str, str], Action]  # the archived actions its text names
    related: list[dict]  # computed: [{action, reason, score}], best first
    commentary: list[CommentaryLink]
    emergency_acts: list[EmergencyAct]

    @property
    def last_modified(self) -> datetime:
        """When the page last changed: the action's row, or its page row (made again after
        any change to its copies)."""
        action = self.detail.action
        return max(t for t in (action.updated_at, self.page.made_at) if t is not None)


def read_page(action: Action) -> PageRead:
    """Everything an action's page shows, for an action read with `for_page()`."""
    page = current_page(action)
    detail = complete({action.pk: action}, computed=False)[action.pk]
    named = named_actions(tuple(ref) for ref in page.parts["refs"])
    named.pop((action.kind, action.number), None)  # an order naming itself links nowhere
    commentary = list(action.commentary_links.select_related("commentary"))
    acts = (
        list(action.emergency_acts.select_related("emergency"))
        if page.parts["speaks_of_emergency"]
        else []
    )
    related = Relation.objects.best_related(action)
    return PageRead(detail, page, named, related, commentary, acts)


def current_page(action: Action) -> ActionPage:
    """The action's page row, or, when it has none made by this version of the code, one made
    from its tables now (not saved: pages never write)."""
    try:
        page = action.page
    except ActionPage.DoesNotExist:
        page = None
    if page is not None and page.version == PAGE_VERSION:
        return page
    return page_from_tables(Action.objects.for_detail(source_texts=False).get(pk=action.pk))
