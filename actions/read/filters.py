"""The filters shared by the HTML pages, the API and CSV exports (one FilterSet)."""

from __future__ import annotations

import re

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from actions.extract.agencies import agency_named
from actions.models import Action, President, Relation
from actions.vocabulary import KIND_CHOICES, STATUS_CHOICES

TRUE_VALUES = {"true", "True", "1", "on"}
SORT_CHOICES = [("relevance", "Relevance"), ("newest", "Newest first"), ("oldest", "Oldest first")]


class AgencyField(forms.CharField):
    """An agency by any name the archive knows; a name it does not know is an error the page
    shows (the filter is then left out), never an empty result that looks like an answer."""

    def clean(self, value):
        value = super().clean(value)
        if value and agency_named(value) is None:
            raise forms.ValidationError(
                f"no agency is known as “{value}” (try its name, acronym or a title like "
                "“the Secretary of Homeland Security”)"
            )
        return value


class AgencyFilter(django_filters.CharFilter):
    field_class = AgencyField


class ActionFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=KIND_CHOICES, empty_label="Any kind")
    president = django_filters.ModelChoiceFilter(
        queryset=President.objects.newest_first(), to_field_name="slug", empty_label="Any president"
    )
    signed_after = django_filters.DateFilter(field_name="signed_on", lookup_expr="gte")
    signed_before = django_filters.DateFilter(field_name="signed_on", lookup_expr="lte")
    term = django_filters.NumberFilter(
        field_name="term__ordinal", min_value=1, max_value=99, label="Presidency (e.g. 45)"
    )
    year = django_filters.NumberFilter(
        field_name="signed_on", lookup_expr="year", min_value=1, max_value=9999
    )
    agency = AgencyFilter(method="filter_agency")
    directed = django_filters.BooleanFilter(method="filter_directed")
    statute = django_filters.CharFilter(method="filter_statute")
    topic = django_filters.CharFilter(method="filter_topic")
    status = django_filters.ChoiceFilter(choices=STATUS_CHOICES, empty_label="Any status")
    in_force_on = django_filters.DateFilter(method="filter_in_force_on", label="In force on")

    class Meta:
        model = Action
        fields: list[str] = []

    def filter_agency(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Any name of an agency (`DHS`, `Department of Homeland Security`, `the Secretary of
        Homeland Security`); with `directed`, only the actions directing it."""
        slug = agency_named(value)
        if slug is None:
            return queryset.none()
        lookup = Q(agency_mentions__agency__slug=slug)
        if self.data.get("directed") in TRUE_VALUES:
            lookup &= Q(agency_mentions__directed=True)
        return queryset.filter(id__in=Action.objects.filter(lookup).values("id"))

    def filter_in_force_on(self, queryset: QuerySet, name: str, day) -> QuerySet:
        """Signed by that day, not revoked, superseded or suspended in whole by an act that had
        taken effect by then (`Relation.effective_on`), and not past the end its text sets."""
        stopped = Relation.objects.filter(
            kind__in=["revokes", "supersedes", "suspends"],
            in_part=False,
            effective_on__lte=day,
            target__isnull=False,
        ).values("target_id")
        expired = Q(expires_on__lte=day)  # its text (as amended) said it ended by then
        return queryset.filter(signed_on__lte=day).exclude(id__in=stopped).exclude(expired)

    def filter_directed(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset  # read by filter_agency: "directed" qualifies the agency filter

    def filter_statute(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """`8 U.S.C. 1357` includes every pin under it; `8 U.S.C. 1357(g)` only (g) and below;
        `8 U.S.C.` every section of title 8."""
        from actions.extract.citations import parse_statute_query

        title = re.fullmatch(r"\s*(\d{1,2})\s*U\.?\s?S\.?\s?C\.?\s*", value)
        if title:  # "8 U.S.C.": every section of the title
            lookup = Q(citations__statute__kind="usc", citations__statute__title=title.group(1))
            return queryset.filter(id__in=Action.objects.filter(lookup).values("id"))
        cite = parse_statute_query(value)
        if cite is None:
            key, pin = value.strip(), ""
        else:
            key, pin = cite.key, cite.pin
        lookup = Q(citations__statute__key=key)
        if pin:
            lookup &= Q(citations__pin__startswith=pin)
        return queryset.filter(id__in=Action.objects.filter(lookup).values("id"))

    def filter_topic(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Topics and DCPD subjects are JSON lists; a containment test works on both databases
        # through the text of the list.
        return queryset.filter(Q(topics__icontains=value) | Q(subjects__icontains=value))
