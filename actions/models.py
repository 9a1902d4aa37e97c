"""The archive's schema: one Action per presidential action, every published copy a Source.

Portable across SQLite and PostgreSQL: the full-text index lives outside these models, in a
vendor-guarded migration (see `actions/search/`). Rows derived from an action's text (sections,
citations, agency mentions, text relations) are replaced whole by the store on each ingest.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse

from actions.links import fast_reverse
from actions.querysets import (
    ActionQuerySet,
    AgencyQuerySet,
    CitationQuerySet,
    EmergencyActQuerySet,
    EmergencyQuerySet,
    PresidentQuerySet,
    RelationQuerySet,
    StatuteQuerySet,
)
from actions.vocabulary import (
    EMERGENCY_ACT_CHOICES,
    FORMAT_LABELS,
    IN_FORCE,
    KIND_CHOICES,
    KIND_LABELS,
    KIND_PATHS,
    ORIGIN_CHOICES,
    RELATION_KINDS,
    SHORT_LABELS,
    STATUS_CHOICES,
)


class President(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)

    objects = PresidentQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actions:president", args=[self.slug])

    @property
    def feed_url(self) -> str:
        return reverse("actions:president_feed", args=[self.slug])


class Term(models.Model):
    """One term in office: a person may hold two non-consecutive terms (45th and 47th)."""

    president = models.ForeignKey(President, on_delete=models.CASCADE, related_name="terms")
    ordinal = models.PositiveSmallIntegerField(unique=True, help_text="32 for the 32nd presidency")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["start"]

    def __str__(self) -> str:
        end = self.end.year if self.end else "present"
        return f"{self.president} ({self.start.year}–{end})"


class Action(models.Model):
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, db_index=True)
    # NULL, not "", for "unknown": the partial unique constraints below rely on it.
    number = models.CharField(max_length=20, null=True, blank=True)  # noqa: DJ001
    title = models.TextField()
    title_key = models.TextField(db_index=True, help_text="normalised title used for matching")
    slug = models.SlugField(max_length=100)
    president = models.ForeignKey(
        President, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    term = models.ForeignKey(
        Term, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    signed_on = models.DateField(null=True, blank=True, db_index=True)
    published_on = models.DateField(null=True, blank=True)
    filed_on = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=100, blank=True)
    fr_citation = models.CharField(max_length=40, null=True, blank=True)  # noqa: DJ001
    fr_document_number = models.CharField(max_length=40, null=True, blank=True)  # noqa: DJ001
    fr_start_page = models.PositiveIntegerField(null=True, blank=True)
    dcpd_number = models.CharField(max_length=40, null=True, blank=True)  # noqa: DJ001
    status = models.CharField(max_length=30, choices=STATUS_CHOICES, default=IN_FORCE)
    status_on = models.DateField(null=True, blank=True)
    # The day its text says it ends ("this order shall expire on June 30, 2009"), as amended.
    expires_on = models.DateField(null=True, blank=True)
    preamble = models.TextField(blank=True)
    preamble_page_breaks = models.JSONField(default=list, blank=True)
    text = models.TextField(blank=True, help_text="the full text shown, from text_source")
    text_source = models.ForeignKey(
        "Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    not_received_for_publication = models.BooleanField(default=False)
    # FR corrections of this order: [{"fr_citation", "fr_document_number", "published_on"}].
    corrections = models.JSONField(default=list, blank=True)
    # Set with every new or changed source, cleared by the rebuild of derived rows; an ingest
    # killed in between leaves it set, and the next ingest completes the rebuild.
    needs_rebuild = models.BooleanField(default=False, db_index=True)
    # Rebuilt since the related actions were last computed for it: the next relate pass
    # updates this action and those it now outranks, not the whole archive.
    needs_relating = models.BooleanField(default=True, db_index=True)
    categories = models.JSONField(default=list, blank=True)
    subjects = models.JSONField(default=list, blank=True)
    topics = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "-id"]
        constraints = [
            # The database, not only Python, keeps one action per order (concurrent ingests).
            models.UniqueConstraint(
                fields=["kind", "number"],
                condition=Q(number__isnull=False),
                name="unique_kind_number",
            ),
            models.UniqueConstraint(
                fields=["fr_document_number"],
                condition=Q(fr_document_number__isnull=False),
                name="unique_fr_document_number",
            ),
            models.UniqueConstraint(
                fields=["dcpd_number"],
                condition=Q(dcpd_number__isnull=False),
                name="unique_dcpd_number",
            ),
        ]
        indexes = [
            models.Index(fields=["title_key", "signed_on"]),
            models.Index(fields=["kind", "signed_on"]),
            models.Index(fields=["fr_citation"]),
            models.Index(fields=["number"]),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        prefix = KIND_PATHS[self.kind]
        if self.number:
            return fast_reverse("actions:numbered", prefix, self.number)
        day = self.signed_on.isoformat() if self.signed_on else "undated"
        return fast_reverse("actions:dated", prefix, day, self.slug)

    @property
    def label(self) -> str:
        """'Executive Order 14385', or the title for actions without a number."""
        if self.number:
            return f"{KIND_LABELS[self.kind]} {self.number}"
        return self.title

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def short_label(self) -> str:
        if self.number and self.kind in SHORT_LABELS:
            return SHORT_LABELS[self.kind].format(number=self.number)
        return self.label


class Source(models.Model):
    """One published copy of an action (or of a piece of commentary), as read from a file."""

    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.CASCADE, related_name="sources"
    )
    format = models.CharField(max_length=40)
    locator = models.CharField(
        max_length=500, unique=True, help_text="where it was read: a path under the data folder"
    )
    url = models.URLField(max_length=500, blank=True)
    sha256 = models.CharField(max_length=64)
    official = models.BooleanField(default=False)
    publisher = models.CharField(max_length=100, blank=True)
    # What this copy says about the action's identity (read without loading its parse).
    kind = models.CharField(max_length=20, blank=True)
    title = models.TextField(blank=True)
    number = models.CharField(max_length=20, blank=True)
    signed_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    fr_citation = models.CharField(max_length=40, blank=True)
    fr_document_number = models.CharField(max_length=40, blank=True)
    dcpd_number = models.CharField(max_length=40, blank=True)
    is_correction = models.BooleanField(default=False)
    text = models.TextField(blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    ingested_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-official", "id"]

    def __str__(self) -> str:
        return f"{self.format}: {self.locator}"

    @property
    def format_label(self) -> str:
        return FORMAT_LABELS.get(self.format, self.format.replace("_", " "))

    @property
    def standing(self) -> str:
        """Official publication, the issuer's web page, or a third party's transcription."""
        if self.official:
            return "official publication"
        if self.format.startswith("whitehouse"):
            return "White House web page (not the official publication)"
        return "transcription (not an official publication)"


class SourceFile(models.Model):
    """A file read by ingest, with the digest of its bytes: unchanged files are skipped whole."""

    path = models.CharField(max_length=500, unique=True)
    sha256 = models.CharField(max_length=64)
    documents = models.PositiveIntegerField(default=0)
    ingested_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.path


class ArchiveVersion(models.Model):
    """One row: when the archive's content last changed (an ingest, rebuild or relate run).
    Cached pages carry it in their key, so a change retires every cached page at once.

    With a shared cache (Redis) and no replica, readers take it from the cache (one round trip
    less per page served from the cache); the writer puts the new one there when its change
    commits, and an entry lives `ARCHIVE_VERSION_CACHE_SECONDS` at most, so a writer run
    without the cache's settings delays nothing longer than that. With replicas it is read
    from the database the request reads: a page made from a lagging replica must never be
    stored under a version whose rows that replica has not replayed yet."""

    changed_at = models.DateTimeField()
    CACHE_KEY = "archive-version"

    def __str__(self) -> str:
        return f"archive changed at {self.changed_at}"

    @classmethod
    def current(cls) -> str:
        cached = _version_cache()
        if cached is not None and (found := cached.get(cls.CACHE_KEY)):
            return found
        row = cls.objects.order_by().values_list("changed_at", flat=True).first()
        version = row.isoformat() if row else "0"
        if cached is not None:
            cached.set(cls.CACHE_KEY, version, settings.ARCHIVE_VERSION_CACHE_SECONDS)
        return version

    @classmethod
    def bump(cls) -> None:
        from django.utils import timezone

        now = timezone.now()
        if not cls.objects.update(changed_at=now):
            cls.objects.create(changed_at=now)
        cached = _version_cache()
        if cached is not None:
            transaction.on_commit(
                lambda: cached.set(
                    cls.CACHE_KEY, now.isoformat(), settings.ARCHIVE_VERSION_CACHE_SECONDS
                )
            )


def _version_cache():
    """The cache the archive's version is kept in, or None where it must be read from the
    database (a per-process cache would go stale; replicas must read their own)."""
    from django.core.cache import cache

    backend = settings.CACHES["default"]["BACKEND"]
    shared = not backend.endswith(("LocMemCache", "DummyCache"))
    replicas = any(alias.startswith("replica") for alias in settings.DATABASES)
    return cache if shared and not replicas and settings.ARCHIVE_VERSION_CACHE_SECONDS else None


RELATE_TASK = "relate"  # PendingTask: related actions and commentary links are owed a rebuild


class RelatedIndex(models.Model):
    """One row: the state of the last related-actions pass, so that a new document is related
    to the archive without weighing every other action again. `features` is the profile
    matrix (`graph.related_matrix.FeatureMatrix`); `frequencies` how many actions had each
    feature (zlib-compressed JSON; words found in one action only are left out)."""

    features = models.BinaryField()
    frequencies = models.BinaryField()
    built_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"related-actions index of {self.built_at}"


class PendingTask(models.Model):
    """Whole-archive work an ingest still owes (recomputing related actions), recorded before
    it starts and removed when it is done: a run killed halfway leaves the task for the next."""

    name = models.CharField(max_length=50, unique=True)
    since = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class SyncState(models.Model):
    """How far a pull from an outside source is complete: the Federal Register sync records
    the last publication date whose window was listed, checked and ingested whole, so a run
    cut short resumes after it."""

    name = models.CharField(max_length=200, unique=True)
    complete_through = models.DateField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name}: complete through {self.complete_through}"


class Section(models.Model):
    """A numbered `Section N.`/`Sec. N.` unit; the preamble and signature are not sections."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField()
    number = models.CharField(max_length=20)
    heading = models.TextField(blank=True)
    text = models.TextField(blank=True)
    start_page = models.PositiveIntegerField(null=True, blank=True)
    page_breaks = models.JSONField(default=list, blank=True, help_text="[[offset, page], ...]")

    class Meta:
        ordering = ["action", "position"]
        constraints = [
            models.UniqueConstraint(fields=["action", "position"], name="unique_section_position")
        ]

    def __str__(self) -> str:
        return f"Sec. {self.number}. {self.heading}"

    @property
    def anchor(self) -> str:
        return f"sec-{self.number}"


class Signatory(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=100, default="President")

    class Meta:
        verbose_name_plural = "signatories"

    def __str__(self) -> str:
        return self.name


class Statute(models.Model):
    """A citable unit under one canonical key: `6 U.S.C. 122`, `8 CFR 287.7`, `Pub. L. 115-232`."""

    kind = models.CharField(max_length=30, db_index=True)
    key = models.CharField(max_length=120, unique=True)
    title = models.CharField(max_length=20, blank=True, db_index=True)
    section = models.CharField(max_length=40, blank=True)

    objects = StatuteQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "title", "key"]

    def __str__(self) -> str:
        return self.key

    def get_absolute_url(self) -> str:
        if self.in_code_proper:
            return fast_reverse("actions:usc_section", self.title, self.section)
        return fast_reverse("actions:statute", self.key)

    @property
    def in_code_proper(self) -> bool:
        """A section of a title of the Code (`8 U.S.C. 1357`), not of a title's appendix
        (`50 U.S.C. App. 2401`, whose numbers repeat the title's own)."""
        usc = self.kind == "usc" and bool(self.title and self.section)
        return usc and "App." not in self.key

    @property
    def feed_url(self) -> str:
        if self.in_code_proper:
            return fast_reverse("actions:usc_feed", self.title, self.section)
        return fast_reverse("actions:statute_feed", self.key)

    @property
    def official_url(self) -> str | None:
        if self.kind == "usc" and self.title and self.section and "App." not in self.key:
            return (
                "https://uscode.house.gov/view.xhtml?req=granuleid:"
                f"USC-prelim-title{self.title}-section{self.section}&num=0&edition=prelim"
            )
        if self.kind == "cfr" and self.title and self.section:
            return f"https://www.ecfr.gov/current/title-{self.title}/section-{self.section}"
        return None


class Citation(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="citations")
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.CASCADE, related_name="citations"
    )
    statute = models.ForeignKey(Statute, on_delete=models.PROTECT, related_name="citations")
    pin = models.CharField(max_length=60, blank=True, db_index=True)
    et_seq = models.BooleanField(default=False)
    note = models.BooleanField(default=False)
    range_end = models.CharField(max_length=40, blank=True)
    via = models.CharField(max_length=60, blank=True, help_text="Act section it was resolved from")
    act = models.CharField(max_length=60, blank=True, help_text="Act form printed beside it")
    text = models.TextField()
    start = models.PositiveIntegerField(help_text="offset in its section's text (or the preamble)")
    end = models.PositiveIntegerField()
    page = models.PositiveIntegerField(null=True, blank=True, help_text="printed FR page")

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["action", "start"]
        indexes = [
            # "Which actions cite this statute, how often": read from the index alone, in
            # action order (search clauses, statute pages), with no table lookups.
            models.Index(fields=["statute", "action", "pin"], name="citation_statute_action")
        ]

    def __str__(self) -> str:
        return f"{self.statute.key}{self.pin}"

    @property
    def display(self) -> str:
        out = f"{self.statute.key}{self.pin}"
        if self.range_end:
            out += f"–{self.range_end}"
        if self.et_seq:
            out += " et seq."
        if self.note:
            out += " note"
        return out


class Reference(models.Model):
    """A place where an action's text names another action by kind and number ("Executive
    Order 13993"), found when the action is rebuilt: its page links the span to the named
    action's page without reading the text again. Resolved when shown (one query per page),
    so a reference to an order ingested later links as soon as that order arrives."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="references")
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.CASCADE, related_name="references"
    )
    kind = models.CharField(max_length=20)
    number = models.CharField(max_length=20)
    start = models.PositiveIntegerField(help_text="offset in its section's text (or the preamble)")
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["action", "start"]

    def __str__(self) -> str:
        return f"{self.kind} {self.number} in {self.action_id}"


class Agency(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    abbreviation = models.CharField(max_length=20, blank=True)
    aliases = models.JSONField(default=list, blank=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actions:agency", args=[self.slug])

    @property
    def feed_url(self) -> str:
        return reverse("actions:agency_feed", args=[self.slug])


class AgencyMention(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="agency_mentions")
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.CASCADE, related_name="agency_mentions"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="mentions")
    count = models.PositiveIntegerField(default=1)
    directed = models.BooleanField(default=False)

    class Meta:
        ordering = ["action", "agency"]
        indexes = [
            # "Which actions name this agency, how often", from the index alone (see Citation).
            models.Index(fields=["agency", "action", "count"], name="mention_agency_action")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} in {self.action_id} ({self.count})"


class Relation(models.Model):
    """A directed link between two actions (`source` revokes `target`), shown from both ends.

    Stored once, oriented from the acting action to the affected one, whichever action's data
    stated it (`found_in`): "Revoked by EO 13993" in EO 13768's notes becomes EO 13993 revokes
    EO 13768. An end not in the archive keeps what the reference printed (`*_label`, kind,
    number, date), so it can still be shown, and resolved when that action arrives.
    `origin` says where it was found: the text, the FR's notes, a NARA table, or computed.
    """

    found_in = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="stated_relations")
    source = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="outgoing"
    )
    source_label = models.CharField(max_length=300, blank=True)
    source_kind = models.CharField(max_length=20, blank=True)
    source_number = models.CharField(max_length=20, blank=True)
    source_on = models.DateField(null=True, blank=True)
    target = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="incoming"
    )
    target_label = models.CharField(max_length=300, blank=True)
    target_kind = models.CharField(max_length=20, blank=True)
    target_number = models.CharField(max_length=20, blank=True)
    target_on = models.DateField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=RELATION_KINDS, db_index=True)
    in_part = models.BooleanField(default=False)
    origin = models.CharField(max_length=20, choices=ORIGIN_CHOICES, db_index=True)
    evidence = models.TextField(blank=True)
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    score = models.FloatField(null=True, blank=True)
    # When the act takes effect: the date its text states ("effective July 1, 2025"), or the
    # acting action's signing. What an action's status was on a day follows from these.
    effective_on = models.DateField(null=True, blank=True, db_index=True)
    # The part of the target acted on, as the text names it ("3", "1(a)"); blank for the whole.
    target_section = models.CharField(max_length=40, blank=True)

    objects = RelationQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "id"]
        indexes = [
            models.Index(fields=["target", "kind"]),
            models.Index(fields=["source", "kind"]),
            models.Index(fields=["target_kind", "target_number"]),
            models.Index(fields=["source_kind", "source_number"]),
        ]

    def __str__(self) -> str:
        return f"{self.source or self.source_label} {self.kind} {self.target or self.target_label}"

    @property
    def target_section_number(self) -> str:
        """The section a part belongs to: "1(a)" -> "1", "3, first sentence" -> "3"."""
        return re.split(r"[(,]", self.target_section, maxsplit=1)[0].strip()


class Conflict(models.Model):
    """Two sources of one action disagree on a field (date, title, number)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="conflicts")
    field = models.CharField(max_length=40)
    values = models.JSONField(help_text="[{source, value}]")

    class Meta:
        ordering = ["action", "field"]

    def __str__(self) -> str:
        return f"{self.field} of {self.action_id}"


class Commentary(models.Model):
    """News or analysis about actions; linked to the actions it discusses, with evidence."""

    title = models.TextField()
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    published_on = models.DateField(null=True, blank=True)
    text = models.TextField()
    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="commentary")
    actions = models.ManyToManyField(Action, through="CommentaryLink", related_name="commentary")
    # Saved since it was last linked to the actions it discusses (the next relate pass links it).
    needs_linking = models.BooleanField(default=True)

    class Meta:
        ordering = ["-published_on", "id"]
        verbose_name_plural = "commentary"

    def __str__(self) -> str:
        return self.title[:80]


class CommentaryLink(models.Model):
    commentary = models.ForeignKey(Commentary, on_delete=models.CASCADE, related_name="links")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="commentary_links")
    evidence = models.TextField()
    score = models.FloatField(default=0)

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(
                fields=["commentary", "action"], name="unique_commentary_action"
            )
        ]

    def __str__(self) -> str:
        return f"{self.commentary_id} -> {self.action_id}"


class SearchDocument(models.Model):
    """What full-text search reads for one action: written by the store, never edited.

    Title, section headings, body and `terms` (citation keys and agency names, so that
    `8 U.S.C. 1357` also matches a text that printed `section 287 of the INA`) are separate
    columns so each can be weighted. The full-text index over this table is created per
    database in migration 0002: an FTS5 table with triggers on SQLite, a generated tsvector
    column with a GIN index on PostgreSQL.
    """

    action = models.OneToOneField(
        Action, primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    title = models.TextField(blank=True)
    headings = models.TextField(blank=True)
    body = models.TextField(blank=True)
    terms = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.title[:80]


class Emergency(models.Model):
    """A national emergency under the National Emergencies Act, known by the order that
    declared it. Built from every archived text that declares, expands, continues or ends it
    (`store/emergencies.py`), so an emergency whose declaring order is held only as metadata
    (or not at all) still has its entry, from the orders that name it."""

    slug = models.SlugField(max_length=40, unique=True, help_text="eo-12170, proclamation-7463")
    subject = models.TextField()
    declared_kind = models.CharField(max_length=20)
    declared_number = models.CharField(max_length=20)
    declared_by = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declared_on = models.DateField(null=True, blank=True)
    terminated_by = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    terminated_on = models.DateField(null=True, blank=True, db_index=True)

    objects = EmergencyQuerySet.as_manager()

    class Meta:
        ordering = ["-declared_on", "slug"]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return fast_reverse("actions:emergency", self.slug)

    @property
    def declared_label(self) -> str:
        return f"{KIND_LABELS.get(self.declared_kind, self.declared_kind)} {self.declared_number}"

    @property
    def status(self) -> str:
        return "terminated" if self.terminated_on else "in_effect"

    def in_effect_on(self, day) -> bool:
        started = self.declared_on is None or self.declared_on <= day
        return started and not (self.terminated_on and self.terminated_on <= day)


class EmergencyAct(models.Model):
    """One action's act on an emergency: declares, expands, modifies, continues, terminates."""

    emergency = models.ForeignKey(Emergency, on_delete=models.CASCADE, related_name="acts")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="emergency_acts")
    kind = models.CharField(max_length=20, choices=EMERGENCY_ACT_CHOICES)
    on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True)

    objects = EmergencyActQuerySet.as_manager()

    class Meta:
        ordering = ["on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["emergency", "action", "kind"], name="unique_emergency_act"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action_id} {self.kind} {self.emergency_id}"
