"""Every read of the archive that more than one output makes, as QuerySet methods.

Views, the API and feeds ask these and never count or annotate themselves (a lint rule in
`pyproject.toml` and `tests/test_architecture.py` hold that): "actions citing a statute",
"agencies with their counts" and "the pins of a statute" are written once, so the page and the
API cannot disagree on a count or an order.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.db.models import Count, ExpressionWrapper, Max, Min, Prefetch, Q
from django.db.models.functions import ExtractYear

from actions.vocabulary import COMPUTED

# What a page shows of a row it only names (an action or a section at the other end of a
# link), and the largest columns, left unread where a page only lists a row.
ACTION_CARD = ("id", "kind", "number", "title", "signed_on", "slug", "status", "status_on")
SECTION_CARD = ("id", "action", "position", "number", "heading", "start_page")
ACTION_BULK = ("text", "preamble", "preamble_page_breaks", "corrections")
SECTION_BULK = ("text", "page_breaks")
SOURCE_BULK = ("text", "metadata")
# Whether a copy carries text, read beside the copy without its text (`has_text`).
COPY_HAS_TEXT = ExpressionWrapper(~Q(text=""), output_field=models.BooleanField())


def _model(name: str) -> type[models.Model]:
    # Resolved when called: the models module defines these QuerySets' models.
    return apps.get_model("actions", name)


class ActionQuerySet(models.QuerySet):
    def newest(self) -> ActionQuerySet:
        """Newest signing first; undated actions last, then by id for a stable order."""
        return self.order_by("-signed_on", "-id")

    def oldest(self) -> ActionQuerySet:
        return self.order_by("signed_on", "id")

    def result_rows(self) -> ActionQuerySet:
        """What a list, a feed or a CSV row shows of each action: its president joined."""
        return self.select_related("president")

    # The actions citing a statute or naming an agency, as a semi-join on the index rows.
    # Joined and made `.distinct()`, the database compared whole action rows, texts included:
    # the count of actions naming the Department of State took 1.4 s at 100k actions.

    def citing(self, statute) -> ActionQuerySet:
        citations = _model("Citation").objects.filter(statute=statute)
        return self.filter(id__in=citations.values("action_id"))

    def naming(self, agency, directed: bool = False) -> ActionQuerySet:
        mentions = _model("AgencyMention").objects.filter(agency=agency)
        if directed:
            mentions = mentions.filter(directed=True)
        return self.filter(id__in=mentions.values("action_id"))

    def for_detail(self, *, source_texts: bool = True) -> ActionQuerySet:
        """The rows of an action in full that hang off the action itself, for its page, the
        API and the export, in a fixed number of queries whatever the action's size
        (`actions.read.detail` adds the relations and the actions its text names).

        Without `source_texts` (the page), each copy is read without its text and its stored
        parse, the largest values in the archive (a long order's copies are megabytes of
        JSON to decode), and says only whether it has a text (`has_text`)."""
        Citation = _model("Citation")
        Source = _model("Source")
        related = self.select_related("president", "term", "text_source")
        sources: str | Prefetch = "sources"
        if not source_texts:
            related = related.defer(*(f"text_source__{name}" for name in SOURCE_BULK))
            sources = Prefetch(
                "sources",
                queryset=Source.objects.defer(*SOURCE_BULK).annotate(has_text=COPY_HAS_TEXT),
            )
        return related.prefetch_related(
            "signatories",
            "conflicts",
            "sections",
            sources,
            "references",
            Prefetch(
                "citations",
                queryset=Citation.objects.select_related("statute", "section")
                .defer(*(f"section__{name}" for name in SECTION_BULK))
                .order_by("start"),
            ),
            Prefetch(
                "agency_mentions",
                queryset=_model("AgencyMention")
                .objects.select_related("agency", "section")
                .defer(*(f"section__{name}" for name in SECTION_BULK)),
            ),
            Prefetch(
                "commentary_links",
                queryset=_model("CommentaryLink").objects.select_related("commentary"),
            ),
        )

    def for_page(self) -> ActionQuerySet:
        """An action for its page: its row and its page row (`ActionPage`: the document
        rendered, and the lists its own rows, president, term and copies make), in one query.
        The action's own words are left unread: the page row carries them
        (`actions.read.page`)."""
        return self.select_related("page").defer("text", "preamble", "preamble_page_breaks")

    def search(self, q: str):
        """Full-text and entity search within these actions (`actions.search`): ranked,
        counted and paged lazily, on either database."""
        from actions.search import search_actions

        return search_actions(q, self)

    # Counts ----------------------------------------------------------------------------

    def kind_counts(self) -> dict[str, int]:
        return dict(self.order_by().values_list("kind").annotate(n=Count("id")))

    def year_counts(self) -> dict[int, int]:
        return dict(
            self.exclude(signed_on=None)
            .annotate(year=ExtractYear("signed_on"))
            .order_by()
            .values_list("year")
            .annotate(n=Count("id"))
        )

    def year_kind_counts(self) -> dict[int, dict[str, int]]:
        """{year: {kind: actions}}, from the coverage counts."""
        table: dict[int, dict[str, int]] = {}
        for (kind, year), cell in self.coverage().items():
            table.setdefault(year, {})[kind] = cell["actions"]
        return table

    def coverage(self) -> dict[tuple[str, int], dict[str, int]]:
        """Per (kind, year): how many actions the archive holds and how many with text."""
        rows = (
            self.exclude(signed_on=None)
            .annotate(year=ExtractYear("signed_on"))
            .order_by()
            .values_list("kind", "year")
            .annotate(n=Count("id"), with_text=Count("id", filter=~Q(text="")))
        )
        return {(kind, year): {"actions": n, "with_text": t} for kind, year, n, t in rows}

    def year_span(self) -> tuple[int, int] | None:
        days = self.exclude(signed_on=None).aggregate(first=Min("signed_on"), last=Max("signed_on"))
        return (days["first"].year, days["last"].year) if days["first"] else None


class StatuteQuerySet(models.QuerySet):
    def cited(self) -> StatuteQuerySet:
        """Statutes some action cites, each with `actions`: how many actions cite it."""
        return (
            self.annotate(actions=Count("citations__action", distinct=True))
            .filter(actions__gt=0)
            .order_by("kind", "title", "key")
        )


class CitationQuerySet(models.QuerySet):
    def pins(self, statute) -> list[tuple[str, int]]:
        """(pin, actions citing it) for every pin cited under a statute, "" for the whole."""
        return list(
            self.filter(statute=statute)
            .order_by()
            .values_list("pin")
            .annotate(n=Count("action", distinct=True))
            .order_by("pin")
        )

    def usc_titles(self) -> list[tuple[str, int, int]]:
        """(title, sections cited, citations) for each U.S. Code title cited, by number."""
        rows = (
            self.filter(statute__kind="usc")
            .exclude(statute__key__contains="App.")
            .order_by()
            .values_list("statute__title")
            .annotate(sections=Count("statute", distinct=True), n=Count("id"))
        )
        return sorted(rows, key=lambda row: int(row[0]) if row[0].isdigit() else 999)

    def by_pin(self, statute, limit: int = 12) -> list[tuple[str, list]]:
        """Under each pin cited ("" for the section as a whole), the actions citing it, newest
        first: [(pin, [action, ...])], at most `limit` actions a pin."""
        rows = (
            self.filter(statute=statute)
            .select_related("action")
            .only(
                "pin",
                "action__id",
                "action__kind",
                "action__number",
                "action__title",
                "action__signed_on",
                "action__slug",
            )
            .order_by("pin", "-action__signed_on", "-action_id")
        )
        out: dict[str, dict[int, object]] = {}
        for cite in rows:
            actions = out.setdefault(cite.pin, {})
            if len(actions) < limit:
                actions.setdefault(cite.action_id, cite.action)
        return [(pin, list(actions.values())) for pin, actions in out.items()]


class AgencyQuerySet(models.QuerySet):
    def with_counts(self) -> AgencyQuerySet:
        """Each agency with `actions` (naming it) and `directed` (directing it), busiest
        first."""
        return self.annotate(
            actions=Count("mentions__action", distinct=True),
            directed=Count("mentions__action", filter=Q(mentions__directed=True), distinct=True),
        ).order_by("-actions", "name")


class PresidentQuerySet(models.QuerySet):
    def newest_first(self) -> PresidentQuerySet:
        """By their latest term, the latest first (as a reporter picks one)."""
        return self.annotate(last_term=Max("terms__start")).order_by("-last_term", "-id")

    def with_counts(self) -> PresidentQuerySet:
        """Each president with `action_count`, in the order of their first term."""
        return self.annotate(
            action_count=Count("actions", distinct=True), first_term=Min("terms__start")
        ).order_by("first_term", "id")


class RelationQuerySet(models.QuerySet):
    def stated(self) -> RelationQuerySet:
        """Relations some document states (text, FR notes), not the computed links."""
        return self.exclude(kind=COMPUTED)

    def involving(self, action) -> RelationQuerySet:
        """Both directions of one action (an action or its id)."""
        return self.filter(Q(source=action) | Q(target=action))

    def outgoing(self, actions) -> RelationQuerySet:
        """What these actions (one, or an iterable of actions or ids) state they do to
        others: revokes, amends ..."""
        return self.stated().filter(source__in=_many(actions))

    def incoming(self, actions) -> RelationQuerySet:
        """What others state they did to these actions."""
        return self.stated().filter(target__in=_many(actions))

    def with_ends(self, *ends: str) -> RelationQuerySet:
        """Joined to these ends (`source`, `target`, `section`), each read as a card: what a
        page or a record shows of the action or section at the other end (its name, number,
        date and address), never its words, so that an order amended seventy times is not
        seventy orders read whole."""
        own = [field.name for field in self.model._meta.concrete_fields]
        cards = {"source": ACTION_CARD, "target": ACTION_CARD, "section": SECTION_CARD}
        return self.select_related(*ends).only(
            *own, *(f"{end}__{name}" for end in ends for name in cards[end])
        )

    def best_related(self, action, limit: int = 10) -> list[dict]:
        """The actions most related to one action by computed links at either end, best
        score first (ties: links from it, then to it, each by id), each once:
        `[{"action": card, "reason", "score"}]`. One statement (each side of the OR an
        index lookup), read as tuples with both ends' cards, not as whole rows."""
        pk = action.pk if isinstance(action, models.Model) else action
        return rank_related(pk, self.related_rows(pk), limit)

    def related_rows(self, pk: int) -> models.QuerySet:
        """The computed links at either end of one action, as `rank_related` reads them:
        (id, score, evidence, the source's card, the target's card)."""
        return (
            self.filter(Q(kind=COMPUTED, source_id=pk) | Q(kind=COMPUTED, target_id=pk))
            .order_by()
            .values_list(
                "id",
                "score",
                "evidence",
                *(f"source__{name}" for name in ACTION_CARD),
                *(f"target__{name}" for name in ACTION_CARD),
            )
        )

    def related_to(self, actions) -> list:
        """The computed "related" links at either end of these actions. Two indexed lookups,
        (source, kind) and (target, kind): an OR of the two would scan."""
        rows = self.filter(kind=COMPUTED).with_ends("source", "target")
        ids = _many(actions)
        return [*rows.filter(source__in=ids), *rows.filter(target__in=ids)]


def rank_related(pk: int, rows, limit: int = 10) -> list[dict]:
    """The best `limit` other ends of one action's computed links (`related_rows`), best
    score first (ties: links from it, then to it, each by id), each once."""
    Action = _model("Action")
    width = len(ACTION_CARD)
    found = []
    for pk_, score, evidence, *ends in rows:
        source, target = ends[:width], ends[width:]
        outgoing = source[0] == pk
        found.append((-score, not outgoing, pk_, score, evidence, target if outgoing else source))
    best: dict[int, dict] = {}
    for *_, score, evidence, card in sorted(found, key=lambda f: f[:3]):
        if card[0] is None or card[0] == pk or card[0] in best:
            continue
        other = Action(**dict(zip(ACTION_CARD, card, strict=True)))
        best[card[0]] = {"action": other, "reason": evidence, "score": score}
        if len(best) == limit:
            break
    return list(best.values())


def _many(actions) -> list:
    """One action (or id), or an iterable of them, as a list for an `__in` lookup."""
    if isinstance(actions, models.Model | int):
        return [actions]
    return list(actions)


class EmergencyQuerySet(models.QuerySet):
    def in_effect_on(self, day) -> EmergencyQuerySet:
        """Declared by `day` (or of unknown date) and not terminated by then."""
        declared = Q(declared_on__lte=day) | Q(declared_on__isnull=True)
        ended = Q(terminated_on__lte=day)
        return self.filter(declared).exclude(ended)

    def matching(self, q: str) -> EmergencyQuerySet:
        """By subject, the declaring order's number or title ("Iran", "13224", "cyber")."""
        words = q.split()
        query = self
        for word in words:
            number = word.removeprefix("EO").removeprefix("eo").strip(".- ")
            query = query.filter(
                Q(subject__icontains=word)
                | Q(declared_number=number)
                | Q(declared_by__title__icontains=word)
            )
        return query

    def with_acts(self) -> EmergencyQuerySet:
        """Each emergency with its acts, their actions, and its declaring and ending orders."""
        acts = _model("EmergencyAct").objects.select_related("action").order_by("on", "id")
        revoking = (
            _model("Relation")
            .objects.filter(kind="revokes", in_part=False, source__isnull=False)
            .select_related("source")
            .order_by("effective_on", "id")
        )
        return self.select_related("declared_by", "terminated_by").prefetch_related(
            Prefetch("acts", queryset=acts),
            Prefetch("declared_by__incoming", queryset=revoking, to_attr="revoked_by"),
        )

    def years_in_effect(self, until) -> dict[int, int]:
        """How many emergencies were in effect at some time in each year, to `until`'s year."""
        counts: dict[int, int] = {}
        for declared_on, terminated_on in self.filter(declared_on__isnull=False).values_list(
            "declared_on", "terminated_on"
        ):
            last = (terminated_on or until).year
            for year in range(declared_on.year, last + 1):
                counts[year] = counts.get(year, 0) + 1
        return counts


class EmergencyActQuerySet(models.QuerySet):
    def continued_per_year(self) -> dict[int, int]:
        """How many emergencies a notice in the archive continued, per year."""
        seen: dict[int, set] = {}
        for on, emergency_id in self.filter(kind="continues", on__isnull=False).values_list(
            "on", "emergency_id"
        ):
            seen.setdefault(on.year, set()).add(emergency_id)
        return {year: len(ids) for year, ids in seen.items()}
