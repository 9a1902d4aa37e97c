"""What a text names: statutes it cites, other actions it refers to, agencies it mentions."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from actions.links import fast_reverse
from actions.models.records import Action, Section
from actions.querysets import (
    AgencyQuerySet,
    CitationQuerySet,
    StatuteQuerySet,
)


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
