from django.contrib import admin

from cables.models import Cable, Origin, Paragraph, Reference
from cables.search import writing


class ParagraphInline(admin.TabularInline):
    model = Paragraph
    fields = ["position", "number", "marking", "marking_text", "heading", "text", "anchor"]
    extra = 0
    ordering = ["position"]


class ReferenceInline(admin.TabularInline):
    model = Reference
    fk_name = "from_cable"
    fields = ["position", "reference_id", "cited"]
    raw_id_fields = ["cited"]
    extra = 0


@admin.register(Cable)
class CableAdmin(admin.ModelAdmin):
    list_display = ["reference_id", "subject", "created", "released", "classification", "origin"]
    list_filter = ["classification", "released", "created"]
    search_fields = ["reference_id", "subject"]
    date_hierarchy = "created"
    list_select_related = ["origin"]
    raw_id_fields = ["origin"]
    readonly_fields = ["content_digest", "imported", "modified"]
    inlines = [ParagraphInline, ReferenceInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "reference_id",
                    "subject",
                    "created",
                    "released",
                    "classification",
                    "origin",
                    "tags",
                ]
            },
        ),
        (
            "Header",
            {
                "fields": [
                    "header",
                    "transmission_id",
                    "precedence",
                    "date_time_group",
                    "sender",
                    "recipients",
                    "info_recipients",
                ]
            },
        ),
        (
            "Preamble",
            {
                "fields": [
                    "preamble",
                    "captions",
                    "declassify_on",
                    "other_references",
                    "classified_by",
                    "classification_reasons",
                    "summary",
                    "signer",
                ]
            },
        ),
        ("Appears in these articles", {"fields": ["articles"]}),
        (
            "Import",
            {
                "classes": ["collapse"],
                "fields": ["source_text", "content_digest", "imported", "modified"],
            },
        ),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The subject, tags or paragraphs may have changed: search must find the new text.
        writing.index_cables([form.instance.pk])


@admin.register(Origin)
class OriginAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "number"]
    search_fields = ["name"]
