"""The parts of a cable stored beside it: its paragraphs, its references to other cables, and
the earlier texts an import replaced."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Q

from cables import fields
from cables.models.choices import PortionMarking
from readingroom.loading import DirectLoading

if TYPE_CHECKING:
    from cables.models.cable import Cable
    from cables.sharing import Share

# What a link to a cable shows of it.
_LINK_FIELDS = ("reference_id", "created", "subject")


class Paragraph(DirectLoading, models.Model):
    """One paragraph of a cable's body, in order; numbered ones are addressed as #par<number>."""

    cable = models.ForeignKey("cables.Cable", on_delete=models.CASCADE, related_name="paragraphs")
    position = models.PositiveIntegerField()
    number = models.PositiveIntegerField(null=True, blank=True)
    marking = models.CharField(max_length=10, choices=PortionMarking.choices, blank=True)
    marking_text = models.CharField(max_length=40, blank=True, help_text="As written: 'S//NF'")
    heading = models.TextField(blank=True)
    text = models.TextField(blank=True)
    anchor = models.CharField(max_length=20)
    # [['par2001', 123], ...]: the anchors the original pages put inside the paragraph, before
    # a line that opens with a number (a wrapped year), and where that line begins in `text`.
    # None for none: a column SQLite can add without rebuilding the table, which would drop
    # the triggers that keep its full-text index.
    inline_anchors = models.JSONField(null=True, blank=True)

    # Not stored: what a page that shows the paragraph sets on it for its template. Its words
    # with a search's marks, and its share text and link, where the page has them:
    highlighted: str | None = None
    share: Share | None = None
    if TYPE_CHECKING:
        # Its discussion's thread (a comments.discussion.Thread: cables knows nothing of
        # comments), count, address and HTML; its own HTML, written out.
        thread: Any
        likes: Any  # a comments.models.Likes
        comment_count: int
        thread_url: str
        thread_html: str
        html: str

    class Meta:
        ordering = ["cable", "position"]
        constraints = [
            models.UniqueConstraint(fields=["cable", "position"], name="paragraph_position"),
            models.UniqueConstraint(fields=["cable", "anchor"], name="paragraph_anchor"),
        ]

    def __str__(self) -> str:
        return f"{self.cable_id} #{self.anchor}"

    def get_absolute_url(self) -> str:
        return f"{self.cable.get_absolute_url()}#{self.anchor}"

    @property
    def marking_label(self) -> str:
        return fields.PORTION_MARKINGS.get(self.marking, "")


class ReferenceQuerySet(models.QuerySet["Reference"]):
    def linking(self, cable_field: str) -> ReferenceQuerySet:
        """References with the cable at `cable_field` ('cited' or 'from_cable') loaded with
        only what a link to it shows: not the whole text of every cable in a long list."""
        return self._linking(cable_field)

    def around(self, cable: Cable) -> Links:
        """The cables `cable`'s REF line names and those whose REF line names it, in one
        query (the two directions are one index each)."""
        found = list(
            self._linking("from_cable", "cited").filter(Q(from_cable=cable) | Q(cited=cable))
        )
        references = [reference for reference in found if reference.from_cable_id == cable.pk]
        cited_by = [reference for reference in found if reference.cited_id == cable.pk]
        references.sort(key=lambda reference: reference.position)
        cited_by.sort(
            key=lambda citing: (citing.from_cable.created, citing.from_cable.reference_id)
        )
        return Links(references, cited_by)

    def _linking(self, *cable_fields: str) -> ReferenceQuerySet:
        return self.select_related(*cable_fields).only(
            "from_cable_id",
            "position",
            "reference_id",
            "cited_id",
            *(f"{field}__{name}" for field in cable_fields for name in _LINK_FIELDS),
        )


def _oldest_citing_first(citing: Reference) -> tuple:
    return (citing.from_cable.created, citing.from_cable.reference_id)


@dataclass(frozen=True)
class Links:
    """What a cable's page lists of the cables around it: the references of its REF line, in
    its order, and the references to it, the oldest citing cable first."""

    references: list[Reference]
    cited_by: list[Reference]


class Reference(DirectLoading, models.Model):
    """A cable's REF line names another cable; `cited` is set once that cable is in the archive."""

    from_cable = models.ForeignKey(
        "cables.Cable", on_delete=models.CASCADE, related_name="references"
    )
    position = models.PositiveSmallIntegerField()
    reference_id = models.CharField(max_length=60, db_index=True)
    cited = models.ForeignKey(
        "cables.Cable", null=True, blank=True, on_delete=models.SET_NULL, related_name="cited_by"
    )

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["from_cable", "position"]
        constraints = [
            models.UniqueConstraint(fields=["from_cable", "reference_id"], name="reference_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.from_cable_id} -> {self.reference_id}"


class CableVersion(models.Model):
    """An earlier text of a cable, kept when an import brought a changed one (later releases
    redacted names as XXXXXXXXXXXX). Version 1 is the first text; the cable itself holds the
    current one, numbered after the last of these."""

    cable = models.ForeignKey("cables.Cable", on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    released = models.DateTimeField(null=True, blank=True)
    recorded = models.DateTimeField(help_text="When this text became the cable's")
    subject = models.TextField(blank=True)
    header = models.TextField(blank=True)
    preamble = models.TextField(blank=True)
    # [{"anchor", "number", "marking_text", "heading", "text"}], in order.
    paragraphs = models.JSONField(default=list)

    class Meta:
        ordering = ["cable", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cable", "number"], name="cableversion_number"),
        ]

    def __str__(self) -> str:
        return f"{self.cable_id} version {self.number}"
