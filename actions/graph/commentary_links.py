"""Commentary linked to the actions it discusses, each link with its evidence.

Strong evidence first: the text quotes an order's title, or names it by number. Otherwise a
piece is linked to the action that shares the most of its distinctive names (each found in few
actions), when it shares at least two. `link_commentary` links every piece again;
`link_changed` only the pieces saved since and those that quote or name an action rebuilt
since, so a new document does not search for every piece's names again.
"""

from __future__ import annotations

import re
from collections import defaultdict

from django.db import transaction

from actions.extract.references import extract_references
from actions.ingest.text import title_key
from actions.models import Action, Commentary, CommentaryLink

# Names a piece of commentary may share with the order it discusses: Title Case phrases
# ("Secure Communities", "National Crime Information Center") and legal tokens ("287(g)").
_CONCEPT_RE = re.compile(
    r"\b(?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:of\s+|and\s+|the\s+|for\s+)*(?:[A-Z][a-z]+|[A-Z]{2,}))+"
    r"|\b\d{1,4}\([a-z0-9]{1,3}\)"
)
# A concept found in more actions than this is too common to tell which order is discussed.
MAX_CONCEPT_ACTIONS = 25


def commentary_concepts(text: str) -> list[str]:
    found = []
    for match in _CONCEPT_RE.finditer(text):
        concept = match.group(0)
        if concept not in found and len(concept) > 3:
            found.append(concept)
    return found


def link_commentary() -> int:
    """Link each piece of commentary to the actions it discusses; returns the links stored."""
    return _relink(Commentary.objects.all(), everything=True)


def link_changed() -> int:
    """Link the pieces saved since the last pass, and again those whose text quotes the title
    of, or names, an action rebuilt since (or linked to one)."""
    changed = Action.objects.filter(needs_relating=True)
    titles, numbered = _names(changed)
    pieces = set(Commentary.objects.filter(needs_linking=True).values_list("id", flat=True))
    pieces |= set(
        CommentaryLink.objects.filter(action__in=changed).values_list("commentary_id", flat=True)
    )
    for item in Commentary.objects.exclude(pk__in=pieces).only("id", "text"):
        if _strong(item.text, titles, numbered):
            pieces.add(item.pk)
    return _relink(Commentary.objects.filter(pk__in=pieces))


def _names(actions) -> tuple[dict[int, str], dict[tuple, int]]:
    """The titles long enough to be quoted, and the numbers, commentary may name actions by."""
    titles = {
        a.id: a.title_key for a in actions.only("id", "title_key") if len(a.title_key.split()) >= 5
    }
    numbered = {
        (a.kind, a.number): a.id for a in actions.exclude(number=None).only("id", "kind", "number")
    }
    return titles, numbered


def _strong(text: str, titles: dict[int, str], numbered: dict[tuple, int]) -> dict[int, list]:
    strong: dict[int, list[str]] = defaultdict(list)
    text_key = title_key(text)
    for action_id, key in titles.items():
        if key in text_key:
            strong[action_id].append("quotes the order's title")
    for ref in extract_references(text):
        action_id = numbered.get((ref.kind, ref.number))
        if action_id:
            strong[action_id].append(f"names {ref.label}")
    return strong


def _few_naming(concept: str) -> list[int]:
    """The actions whose text names the concept, newest first, when few do (none when more
    than MAX_CONCEPT_ACTIONS do). The search's id list is read first: on PostgreSQL, its
    matches read as a queryset in date order cost 30 ms a concept, the ids 4 ms."""
    from actions.search import search_actions

    found = search_actions(f'"{concept}"').ids()
    if not 0 < len(found) <= MAX_CONCEPT_ACTIONS:
        return []
    return list(Action.objects.filter(pk__in=found.tolist()).values_list("id", flat=True))


def _relink(pieces, everything: bool = False) -> int:
    commentary = list(pieces)
    if not commentary:
        return 0
    titles, numbered = _names(Action.objects.all())
    naming: dict[str, list[int]] = {}  # a concept several pieces name is searched once
    rows = []
    for item in commentary:
        strong = _strong(item.text, titles, numbered)
        links = {action_id: (1.0, "; ".join(reasons)) for action_id, reasons in strong.items()}
        if not links:
            shared: dict[int, list[str]] = defaultdict(list)
            for concept in commentary_concepts(item.text):
                if concept not in naming:
                    naming[concept] = _few_naming(concept)
                for action_id in naming[concept]:
                    shared[action_id].append(concept)
            ranked = sorted(shared.items(), key=lambda pair: len(pair[1]), reverse=True)
            if ranked and len(ranked[0][1]) >= 2:
                best = len(ranked[0][1])
                for action_id, concepts in ranked:
                    if len(concepts) < best:
                        break
                    evidence = "discusses what this order names: " + ", ".join(concepts)
                    links[action_id] = (round(best / (best + 1), 4), evidence)
        for action_id, (score, evidence) in links.items():
            rows.append(
                CommentaryLink(commentary=item, action_id=action_id, evidence=evidence, score=score)
            )
    with transaction.atomic():
        stale = CommentaryLink.objects.all()
        if not everything:
            stale = stale.filter(commentary__in=commentary)
        stale.delete()
        CommentaryLink.objects.bulk_create(rows)
        Commentary.objects.filter(pk__in=[c.pk for c in commentary]).update(needs_linking=False)
    return len(rows)
