"""The national emergencies register."""

from __future__ import annotations

from django.db import models

from actions.links import fast_reverse
from actions.models.records import Action
from actions.querysets import (
    EmergencyActQuerySet,
    EmergencyQuerySet,
)
from actions.vocabulary import (
    EMERGENCY_ACT_CHOICES,
    KIND_LABELS,
)


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
