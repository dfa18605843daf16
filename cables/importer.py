"""Store `ParsedCable`s: each cable all or nothing, idempotent, references resolved both ways."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from enum import StrEnum

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from cables import fields, search
from cables.models import (
    Cable,
    CableTag,
    CableVersion,
    Classification,
    Origin,
    Paragraph,
    Reference,
)
from cables.parser import ParsedCable


class Outcome(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class CableRejected(ValueError):
    """The parsed cable lacks something the archive needs; nothing was written."""


def content_digest(parsed: ParsedCable) -> str:
    content = dataclasses.asdict(parsed)
    # A cable without articles keeps the digest it had before cables had articles, so a
    # re-import of text and CSV cables stays 'unchanged'.
    if not content["articles"]:
        del content["articles"]
    payload = json.dumps(content, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def validate(parsed: ParsedCable) -> None:
    missing = [
        label
        for label, value in (
            ("reference ID", parsed.reference_id),
            ("creation date", parsed.created),
            ("origin", parsed.origin),
        )
        if not value
    ]
    if missing:
        raise CableRejected(f"missing {', '.join(missing)}")
    if len(parsed.reference_id) > 60 or not parsed.reference_id.isascii():
        raise CableRejected(f"implausible reference ID {parsed.reference_id!r}")
    if parsed.classification and parsed.classification not in Classification.values:
        raise CableRejected(f"unknown classification {parsed.classification!r}")


def store_cable(parsed: ParsedCable, *, source_text: str = "") -> Outcome:
    """Create or update the cable; a parse identical to the stored one changes nothing."""
    validate(parsed)
    digest = content_digest(parsed)
    with transaction.atomic():
        cable = Cable.objects.select_for_update().filter(reference_id=parsed.reference_id).first()
        if cable is not None and cable.content_digest == digest:
            return Outcome.UNCHANGED
        outcome = Outcome.IMPORTED if cable is None else Outcome.UPDATED
        if cable is not None:
            keep_earlier_text(cable, parsed)
        cable = cable or Cable(reference_id=parsed.reference_id)
        copy_fields(parsed, cable)
        cable.origin = origin_named(parsed.origin)
        cable.source_text = source_text
        cable.content_digest = digest
        cable.save()
        if outcome == Outcome.UPDATED:
            clear_parts(cable)
        add_paragraphs(cable, parsed)
        add_tags(cable, parsed.tags)
        add_references(cable, parsed.references)
        search.index_cables([cable.pk])
        # Cables that cited this one before it arrived now point at it.
        Reference.objects.filter(reference_id=cable.reference_id, cited__isnull=True).update(
            cited=cable
        )
    return outcome


def copy_fields(parsed: ParsedCable, cable: Cable) -> None:
    for name in (
        "created",
        "released",
        "date_time_group",
        "declassify_on",
        "recipients",
        "info_recipients",
        "captions",
        "other_references",
        "classification_reasons",
    ):
        setattr(cable, name, getattr(parsed, name))
    for name in (
        "classification",
        "transmission_id",
        "precedence",
        "sender",
        "subject",
        "classified_by",
        "summary",
        "signer",
        "header",
        "preamble",
    ):
        setattr(cable, name, getattr(parsed, name) or "")
    cable.articles = [dataclasses.asdict(article) for article in parsed.articles]


def text_of(parsed: ParsedCable) -> dict:
    """What a reader reads of the cable, in the shape a CableVersion keeps it."""
    return {
        "subject": parsed.subject or "",
        "header": parsed.header or "",
        "preamble": parsed.preamble or "",
        "paragraphs": [
            {
                "anchor": anchor,
                "number": paragraph.number,
                "marking_text": paragraph.marking or "",
                "heading": paragraph.heading or "",
                "text": paragraph.text,
            }
            for paragraph, anchor in zip(parsed.paragraphs, paragraph_anchors(parsed), strict=True)
        ],
    }


def keep_earlier_text(cable: Cable, parsed: ParsedCable) -> None:
    """A changed text keeps the one it replaces as a CableVersion, and the cable says since
    when it reads differently: the new text's release date when it is a later release, else
    now. Metadata alone (an article link, a corrected date) makes no version."""
    earlier = cable.current_text()
    if earlier == text_of(parsed):
        return
    CableVersion.objects.create(
        cable=cable,
        number=cable.versions.count() + 1,
        released=cable.released,
        recorded=cable.text_modified or cable.imported,
        **earlier,
    )
    later_release = parsed.released and cable.released and parsed.released > cable.released
    cable.text_modified = parsed.released if later_release else timezone.now()


def origin_named(name: str) -> Origin:
    origin = Origin.objects.filter(name=name).first()
    if origin is not None:
        return origin
    slug = base = slugify(name)[:110] or "origin"
    suffix = 2
    while Origin.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    number = (Origin.objects.aggregate(highest=Max("number"))["highest"] or 0) + 1
    return Origin.objects.create(name=name, slug=slug, number=number)


def paragraph_anchors(parsed: ParsedCable) -> list[str]:
    """'par3' for paragraph 3, as the original site linked; 'p7' for unnumbered text at 7."""
    anchors: list[str] = []
    for position, paragraph in enumerate(parsed.paragraphs, start=1):
        anchor = f"par{paragraph.number}" if paragraph.number is not None else f"p{position}"
        candidate, repeat = anchor, 2
        while candidate in anchors:
            candidate, repeat = f"{anchor}-{repeat}", repeat + 1
        anchors.append(candidate)
    return anchors


def clear_parts(cable: Cable) -> None:
    """An updated cable gets its paragraphs, tags and references anew."""
    cable.paragraphs.all().delete()
    cable.tagged_items.all().delete()
    cable.references.all().delete()


def add_paragraphs(cable: Cable, parsed: ParsedCable) -> None:
    Paragraph.objects.bulk_create(
        Paragraph(
            cable=cable,
            position=position,
            number=paragraph.number,
            marking=fields.canonical_marking(paragraph.marking) or "",
            marking_text=paragraph.marking or "",
            heading=paragraph.heading or "",
            text=paragraph.text,
            anchor=anchor,
        )
        for position, (paragraph, anchor) in enumerate(
            zip(parsed.paragraphs, paragraph_anchors(parsed), strict=True), start=1
        )
    )


def add_tags(cable: Cable, names: list[str]) -> None:
    if not names:
        return
    existing = {tag.name.upper(): tag for tag in Tag.objects.filter(name__in=names)}
    items = []
    for position, name in enumerate(names, start=1):
        tag = existing.get(name.upper())
        if tag is None:
            tag = Tag(name=name[:100])
            tag.save()  # taggit picks a free slug
            existing[name.upper()] = tag
        items.append(CableTag(content_object=cable, tag=tag, position=position))
    CableTag.objects.bulk_create(items)


def add_references(cable: Cable, reference_ids: list[str]) -> None:
    if not reference_ids:
        return
    cited = dict(
        Cable.objects.filter(reference_id__in=reference_ids).values_list("reference_id", "pk")
    )
    Reference.objects.bulk_create(
        Reference(
            from_cable=cable,
            position=position,
            reference_id=reference_id,
            cited_id=cited.get(reference_id),
        )
        for position, reference_id in enumerate(reference_ids, start=1)
    )
