"""An action's page: its page row, its relations both ways and the actions its text names.

The page row (`ActionPage`, made by the store when the action is rebuilt) carries what the
action's own rows make; what other actions make is read here from the relations and the
actions named, a fixed handful of queries whatever the size of the order. The reads of fixed
shape are compiled once per process (`read.prepared`): compiling them cost more than running
them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from actions.models import Action, ActionPage, CommentaryLink, EmergencyAct, Relation
from actions.page_parts import PAGE_VERSION, page_from_tables
from actions.querysets import rank_related
from actions.read.detail import Detail, named_actions
from actions.read.prepared import Prepared

# The action at its canonical address, with its page row (`Action.objects.for_page()`).
PAGE_ACTION = Prepared(
    lambda kind, number: Action.objects.for_page().filter(kind=kind, number=number).order_by()[:1]
)
# What it states it does to others, and what others state they did to it, each with the card
# of the other end and the section named (`read.detail.complete`, for one action).
_OUTGOING = Prepared(
    lambda pk: Relation.objects.outgoing(pk).with_ends("target", "section").order_by()
)
_INCOMING = Prepared(
    lambda pk: Relation.objects.incoming(pk).with_ends("source", "section").order_by()
)
_RELATED = Prepared(lambda pk: Relation.objects.related_rows(pk))
_COMMENTARY = Prepared(
    lambda pk: CommentaryLink.objects.filter(action_id=pk).select_related("commentary")
)
_EMERGENCY_ACTS = Prepared(
    lambda pk: EmergencyAct.objects.filter(action_id=pk).select_related("emergency")
)


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
    # In the models' order (kind, id), sorted here: as `read.detail.complete` reads them.
    detail = Detail(
        action,
        outgoing=sorted(_OUTGOING.all(action.pk), key=_stored_order),
        incoming=sorted(_INCOMING.all(action.pk), key=_stored_order),
    )
    named = named_actions(tuple(ref) for ref in page.parts["refs"])
    named.pop((action.kind, action.number), None)  # an order naming itself links nowhere
    commentary = _COMMENTARY.all(action.pk)
    acts = _EMERGENCY_ACTS.all(action.pk) if page.parts["speaks_of_emergency"] else []
    related = rank_related(action.pk, _RELATED.all(action.pk))
    return PageRead(detail, page, named, related, commentary, acts)


def _stored_order(relation: Relation) -> tuple[str, int]:
    return relation.kind, relation.pk


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
