"""Links between actions (stated or computed), and commentary linked to the actions it discusses."""

from __future__ import annotations

import re

from django.db import models

from actions.models.records import Action, Section, Source
from actions.querysets import (
    RelationQuerySet,
)
from actions.vocabulary import (
    ORIGIN_CHOICES,
    RELATION_KINDS,
)


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
