"""The index's documents, read from the database (the source of truth): three queries for any
number of cables."""

from __future__ import annotations

from dataclasses import dataclass

from cables.models import Cable, CableTag, Paragraph
from cables.search.schema import CableDocument

_CABLE_FIELDS = (
    "pk",
    "reference_id",
    "subject",
    "origin_id",
    "origin__name",
    "classification",
    "created",
    "released",
    "modified",
    "signer",
)


@dataclass(frozen=True)
class Selection:
    """Which cables: these ids, or the ids from `first` to `last`, both included."""

    ids: tuple[int, ...] = ()
    first: int | None = None
    last: int | None = None

    def lookups(self, field: str) -> dict:
        if self.first is not None:
            return {f"{field}__gte": self.first, f"{field}__lte": self.last}
        return {f"{field}__in": self.ids}


def documents(selection: Selection) -> list[CableDocument]:
    """The documents of the selected cables, in id order."""
    cables = Cable.objects.filter(**selection.lookups("pk")).order_by("pk")
    found = {row[0]: CableDocument(*row) for row in cables.values_list(*_CABLE_FIELDS)}
    if not found:
        return []
    tags = CableTag.objects.filter(**selection.lookups("content_object_id"))
    for cable_id, name in tags.order_by("content_object_id", "position").values_list(
        "content_object_id", "tag__name"
    ):
        if cable_id in found:  # not a cable stored since the first query
            found[cable_id].tags.append(name)
    paragraphs = Paragraph.objects.filter(**selection.lookups("cable_id"))
    for cable_id, heading, text, marking in paragraphs.order_by("cable_id", "position").values_list(
        "cable_id", "heading", "text", "marking"
    ):
        if (document := found.get(cable_id)) is None:
            continue
        if heading:
            document.texts.append(heading)
        document.texts.append(text)
        if marking:
            document.markings.add(marking)
    return list(found.values())
