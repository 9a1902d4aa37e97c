"""Links computed across the archive: related actions by content, and commentary to actions.

Run after an ingest that changed anything (`python manage.py relate` runs it alone). Both are
rebuilt whole, so they always reflect the archive as it is; each link carries its reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction

from actions.extract.references import extract_references
from actions.graph.similarity import (
    document_frequencies,
    shared_terms,
    term_counts,
    tfidf_vector,
)
from actions.ingest.text import title_key
from actions.models import (
    RELATE_TASK,
    Action,
    AgencyMention,
    ArchiveVersion,
    Citation,
    Commentary,
    CommentaryLink,
    PendingTask,
    Relation,
)

RELATED_PER_ACTION = 10
# Measured on the whole corpus against the FR's "See:" pairs (both ends archived, found in
# either's top 10): 43% with terms 0.5 / statutes 0.2 / agencies 0.2 / df cap 400 (short orders
# whose words are all common got no related action at all), 46% without the orders named in the
# text, 68% with them at 0.3, 70% at 0.5 (the values below), 73% at 1.0 (where the orders an
# action names would crowd out the ones that only say the same things).
# A feature shared by more actions than this says little about any two of them.
MAX_SHARED_DF = 1500
WEIGHTS = {"terms": 0.6, "statutes": 0.3, "agencies": 0.05, "subjects": 0.05, "references": 0.5}


@dataclass
class Profile:
    action_id: int
    vectors: dict[str, dict[str, float]]


def build_profiles() -> list[Profile]:
    """A term, statute, agency and subject vector per action."""
    actions = list(
        Action.objects.only("id", "kind", "number", "title", "text", "subjects", "topics")
    )
    counts = {a.id: term_counts(f"{a.title}\n{a.text}") for a in actions}
    statutes = defaultdict(set)
    for action_id, key in Citation.objects.values_list("action_id", "statute__key"):
        statutes[action_id].add(key)
    agencies = defaultdict(set)
    for action_id, name in AgencyMention.objects.values_list("action_id", "agency__name"):
        agencies[action_id].add(name)
    # Orders named in the text: an order shares a feature with each order it names (its own
    # label is in its set) and with the other orders naming the same ones (co-citation).
    labels = {a.id: a.short_label for a in actions}
    references = {a.id: {labels[a.id]} for a in actions}
    named = Relation.objects.filter(origin="text").exclude(target=None)
    for source_id, target_id in named.values_list("source_id", "target_id"):
        if source_id in references and target_id in labels:
            references[source_id].add(labels[target_id])
    df, total = document_frequencies(counts.values())
    families = {
        "statutes": {a.id: statutes[a.id] for a in actions},
        "agencies": {a.id: agencies[a.id] for a in actions},
        "subjects": {a.id: set(a.subjects) | set(a.topics) for a in actions},
        "references": references,
    }
    family_df = {
        name: document_frequencies({k: 1 for k in keys} for keys in sets.values())[0]
        for name, sets in families.items()
    }
    profiles = []
    for action in actions:
        vectors = {"terms": tfidf_vector(counts[action.id], df, total)}
        for name, sets in families.items():
            vectors[name] = tfidf_vector(
                {key: 1 for key in sets[action.id]}, family_df[name], total, top=40
            )
        profiles.append(Profile(action.id, vectors))
    return profiles


def rebuild_related() -> int:
    """Store each action's top related actions, with the reason; returns the count stored."""
    profiles = build_profiles()
    rows = [
        Relation(
            found_in_id=profiles[a].action_id,
            source_id=profiles[a].action_id,
            target_id=profiles[b].action_id,
            kind="related",
            origin="computed",
            score=round(score, 4),
            evidence=explain(profiles[a], profiles[b]),
        )
        for a, b, score in top_related(profiles)
    ]
    with transaction.atomic():
        Relation.objects.filter(origin="computed").delete()
        Relation.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def top_related(
    profiles: list[Profile], weights: dict[str, float] = WEIGHTS
) -> list[tuple[int, int, float]]:
    """(position, other position, score) for each profile's best matches, through an inverted
    index so only actions sharing a feature are ever compared."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position, profile in enumerate(profiles):
        for family, vector in profile.vectors.items():
            for feature in vector:
                index[(family, feature)].append(position)
    out = []
    for position, profile in enumerate(profiles):
        scores: dict[int, float] = defaultdict(float)
        for family, vector in profile.vectors.items():
            weight = weights[family]
            for feature, value in vector.items():
                postings = index[(family, feature)]
                if len(postings) > MAX_SHARED_DF:
                    continue
                for other in postings:
                    if other != position:
                        scores[other] += weight * value * profiles[other].vectors[family][feature]
        best = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:RELATED_PER_ACTION]
        out.extend((position, other, score) for other, score in best if score >= 0.05)
    return out


def explain(a: Profile, b: Profile) -> str:
    parts = []
    for family, label in (
        ("references", "orders named"),
        ("agencies", "agencies"),
        ("statutes", "statutes"),
        ("subjects", "subjects"),
    ):
        shared = shared_terms(a.vectors[family], b.vectors[family], limit=4)
        if shared:
            parts.append(f"shared {label}: {', '.join(shared)}")
    terms = shared_terms(a.vectors["terms"], b.vectors["terms"])
    if terms:
        parts.append(f"shared terms: {', '.join(terms)}")
    return "; ".join(parts)


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
    """Link each piece of commentary to the actions it discusses, with the evidence.

    Strong evidence first: the text quotes an order's title, or names it by number. Otherwise
    the commentary is linked to the action that shares the most of its distinctive names
    (each name found in few actions), when it shares at least two.
    """
    from actions.search import search_actions

    commentary = list(Commentary.objects.all())
    if not commentary:
        return 0
    titles = {
        a.id: a.title_key
        for a in Action.objects.only("id", "title_key")
        if len(a.title_key.split()) >= 5
    }
    numbered = {
        (a.kind, a.number): a.id
        for a in Action.objects.exclude(number=None).only("id", "kind", "number")
    }
    rows = []
    for item in commentary:
        strong: dict[int, list[str]] = defaultdict(list)
        text_key = title_key(item.text)
        for action_id, key in titles.items():
            if key in text_key:
                strong[action_id].append("quotes the order's title")
        for ref in extract_references(item.text):
            action_id = numbered.get((ref.kind, ref.number))
            if action_id:
                strong[action_id].append(f"names {ref.label}")
        links = {action_id: (1.0, "; ".join(reasons)) for action_id, reasons in strong.items()}
        if not links:
            shared: dict[int, list[str]] = defaultdict(list)
            for concept in commentary_concepts(item.text):
                ids = list(
                    search_actions(f'"{concept}"').matched.values_list("id", flat=True)[
                        : MAX_CONCEPT_ACTIONS + 1
                    ]
                )
                if 0 < len(ids) <= MAX_CONCEPT_ACTIONS:
                    for action_id in ids:
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
        CommentaryLink.objects.all().delete()
        CommentaryLink.objects.bulk_create(rows)
    return len(rows)


def relate_all() -> dict[str, int]:
    counts = {"related": rebuild_related(), "commentary_links": link_commentary()}
    PendingTask.objects.filter(name=RELATE_TASK).delete()
    ArchiveVersion.bump()
    return counts


def related_are_stale() -> bool:
    return PendingTask.objects.filter(name=RELATE_TASK).exists()
