"""The admin for every model: curators correct and inspect here, behind login."""

from django.contrib import admin

from actions import models


class SectionInline(admin.TabularInline):
    model = models.Section
    extra = 0
    fields = ("position", "number", "heading")
    show_change_link = True


class SourceInline(admin.TabularInline):
    model = models.Source
    extra = 0
    fields = ("format", "locator", "official", "sha256")
    readonly_fields = fields
    show_change_link = True


@admin.register(models.Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "number", "signed_on", "president", "status")
    list_filter = ("kind", "status", "president")
    search_fields = ("title", "number", "fr_citation", "fr_document_number", "dcpd_number")
    date_hierarchy = "signed_on"
    raw_id_fields = ("text_source",)
    inlines = [SectionInline, SourceInline]


@admin.register(models.Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("locator", "format", "official", "action")
    list_filter = ("format", "official")
    search_fields = ("locator", "title", "url")
    raw_id_fields = ("action",)


@admin.register(models.Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ("__str__", "action", "section", "via", "act")
    search_fields = ("statute__key", "text")
    raw_id_fields = ("action", "section", "statute")


@admin.register(models.Relation)
class RelationAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "origin", "in_part", "score")
    list_filter = ("kind", "origin")
    raw_id_fields = ("found_in", "source", "target", "section")


@admin.register(models.Statute)
class StatuteAdmin(admin.ModelAdmin):
    list_display = ("key", "kind", "title", "section")
    list_filter = ("kind",)
    search_fields = ("key",)


@admin.register(models.Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "abbreviation", "slug")
    search_fields = ("name", "abbreviation")


@admin.register(models.Commentary)
class CommentaryAdmin(admin.ModelAdmin):
    list_display = ("title", "publisher", "published_on")
    search_fields = ("title", "text")
    raw_id_fields = ("source",)


for model in (
    models.President,
    models.Term,
    models.Section,
    models.Signatory,
    models.AgencyMention,
    models.Conflict,
    models.CommentaryLink,
    models.SearchDocument,
):
    admin.site.register(model)
