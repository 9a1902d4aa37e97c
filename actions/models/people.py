"""Presidents and their terms of office."""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from actions.querysets import (
    PresidentQuerySet,
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
