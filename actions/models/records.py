"""An action and what is read from its copies: the copies themselves (and the files
they came from), its sections, signatories, the conflicts between copies, its search row."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from actions.links import fast_reverse
from actions.models.people import President, Term
from actions.querysets import (
    ActionQuerySet,
)
from actions.vocabulary import (
    FORMAT_LABELS,
    IN_FORCE,
    KIND_CHOICES,
    KIND_LABELS,
    KIND_PATHS,
    SHORT_LABELS,
    STATUS_CHOICES,
)


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


class Conflict(models.Model):
    """Two sources of one action disagree on a field (date, title, number)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="conflicts")
    field = models.CharField(max_length=40)
    values = models.JSONField(help_text="[{source, value}]")

    class Meta:
        ordering = ["action", "field"]

    def __str__(self) -> str:
        return f"{self.field} of {self.action_id}"


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


class ActionPage(models.Model):
    """What an action's page shows of the action's own rows, made by the store whenever the
    action is rebuilt (`actions/page_parts.py`): the document as HTML, and the lists the page
    prints (statutes cited, agencies, copies, signatories, conflicts). A page reads this one
    row instead of eight tables and renders no text at request time. The two things on it that
    depend on other actions are marks in the HTML, filled from rows when the page is shown: a
    span naming another action, linked when that action is archived, and what later acted on
    each section. A row made by another `version` of the code is not used (the page is then
    made from the tables, as before the row existed) until the next rebuild."""

    action = models.OneToOneField(
        Action, primary_key=True, on_delete=models.CASCADE, related_name="page"
    )
    version = models.PositiveSmallIntegerField()
    document = models.TextField(blank=True)
    parts = models.JSONField(default=dict)
    # Made by the rebuild that follows any change to its copies: the page's Last-Modified.
    made_at = models.DateTimeField(auto_now=True, null=True)

    def __str__(self) -> str:
        return f"page of {self.action_id}"
