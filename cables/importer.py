"""Store `ParsedCable`s: each cable all or nothing, idempotent, references resolved both ways."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Iterator
from enum import StrEnum

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from taggit.models import Tag

from cables import anchors, fields, signals
from cables.models import (
    Cable,
    CableTag,
    CableVersion,
    Classification,
    Origin,
    Paragraph,
    Reference,
)
from cables.origins_and_tags import stored_origin, stored_origins, stored_tags
from cables.parsing import ParsedCable
from cables.search import writing


class Outcome(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


_ORIGIN_NAME_LENGTH: int = Origin._meta.get_field("name").max_length  # type: ignore[assignment]  # set on the field


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


@dataclasses.dataclass(frozen=True)
class Named:
    """What a valid cable is stored under: its reference ID and its origin's name."""

    reference_id: str
    origin: str


def validate(parsed: ParsedCable) -> Named:
    """The cable's names, when it can be stored; else CableRejected says why not."""
    missing = [
        label
        for label, value in (
            ("reference ID", parsed.reference_id),
            ("creation date", parsed.created),
            ("origin", parsed.origin),
        )
        if not value
    ]
    reference_id, origin = parsed.reference_id, parsed.origin
    if missing or not reference_id or not origin:
        raise CableRejected(f"missing {', '.join(missing)}")
    if len(reference_id) > 60 or not reference_id.isascii():
        raise CableRejected(f"implausible reference ID {reference_id!r}")
    if len(origin) > _ORIGIN_NAME_LENGTH:
        raise CableRejected(f"implausible origin {origin[:_ORIGIN_NAME_LENGTH]!r}...")
    if parsed.classification and parsed.classification not in Classification.values:
        raise CableRejected(f"unknown classification {parsed.classification!r}")
    return Named(reference_id, origin)


def store_cable(parsed: ParsedCable, *, source_text: str = "", index: bool = True) -> Outcome:
    """Create or update the cable; a parse identical to the stored one changes nothing.
    The search index takes the new text before the transaction ends, unless `index` is false
    (the caller indexes the cables it stored: import_cables, a batch at a time)."""
    named = validate(parsed)
    digest = content_digest(parsed)
    with transaction.atomic():
        cable = Cable.objects.select_for_update().filter(reference_id=named.reference_id).first()
        if cable is not None and cable.content_digest == digest:
            return Outcome.UNCHANGED
        outcome = Outcome.IMPORTED if cable is None else Outcome.UPDATED
        if cable is not None:
            _keep_earlier_text(cable, parsed)
        cable = cable or Cable(reference_id=named.reference_id)
        _fill(cable, parsed, stored_origin(named.origin, parsed.origin_number), source_text, digest)
        cable.save()
        if outcome == Outcome.UPDATED:
            earlier = list(cable.paragraphs.values_list("anchor", "text"))
            _clear_parts(cable)
        _add_parts([(cable, parsed)], stored_tags(parsed.tags))
        if outcome == Outcome.UPDATED:
            texts = [paragraph.text for paragraph in parsed.paragraphs]
            now = list(zip(_paragraph_anchors(parsed), texts, strict=True))
            if moved := anchors.moved(earlier, now):
                signals.paragraphs_moved.send(sender=Cable, cable=cable, moved=moved)
        if index:
            writing.index_cables([cable.pk])
        link_citing([cable.reference_id])
    return outcome


def store_batch(cables: list[tuple[ParsedCable, str]], *, index: bool = True) -> list[Outcome]:
    """Store (parsed cable, source text) pairs, in the same outcomes as store_cable one by
    one would give, but the new cables in a few statements for the whole batch rather than
    a dozen each. A cable already stored, or met earlier in the batch, goes through
    store_cable. All or nothing: on a DatabaseError nothing of the batch is written, and the
    caller can store its cables one by one to find the one the database refuses.

    The origins and tags the batch names are created first, each in its own transaction when
    none is open, so importers running side by side never wait on each other's."""
    if not cables:
        return []
    names = [validate(parsed) for parsed, _ in cables]
    origins = stored_origins(
        {
            named.origin: parsed.origin_number
            for named, (parsed, _) in zip(names, cables, strict=True)
        }
    )
    tags = stored_tags({name for parsed, _ in cables for name in parsed.tags})
    with transaction.atomic():
        stored = set(
            Cable.objects.select_for_update()
            .filter(reference_id__in=[named.reference_id for named in names])
            .values_list("reference_id", flat=True)
        )
        fresh: dict[str, tuple[Cable, ParsedCable]] = {}
        outcomes: list[Outcome | None] = []
        for named, (parsed, source_text) in zip(names, cables, strict=True):
            if named.reference_id in stored or named.reference_id in fresh:
                outcomes.append(None)  # stored one by one below, after the new ones
                continue
            cable = Cable(reference_id=named.reference_id)
            _fill(cable, parsed, origins[named.origin], source_text, content_digest(parsed))
            fresh[named.reference_id] = (cable, parsed)
            outcomes.append(Outcome.IMPORTED)
        Cable.objects.bulk_create(cable for cable, _ in fresh.values())
        _add_parts(list(fresh.values()), tags)
        if index:
            writing.index_cables(cable.pk for cable, _ in fresh.values())
        link_citing(fresh)
        return [
            outcome or store_cable(parsed, source_text=source_text, index=index)
            for outcome, (parsed, source_text) in zip(outcomes, cables, strict=True)
        ]


def link_citing(reference_ids: Iterable[str]) -> None:
    """References to these cables that were stored before them now point at them."""
    _point_at_cited(Reference.objects.filter(reference_id__in=list(reference_ids)))


def link_all_citing() -> int:
    """Point every reference that names a stored cable at it. Importers running side by side
    cannot see each other's uncommitted cables, so they leave some for this; returns how many
    it linked."""
    return _point_at_cited(
        Reference.objects.filter(reference_id__in=Cable.objects.values("reference_id"))
    )


def _point_at_cited(references) -> int:
    """Set `cited` on those of the references that have none yet, to the cable they name."""
    named = Cable.objects.filter(reference_id=OuterRef("reference_id")).values("pk")[:1]
    return references.filter(cited__isnull=True).update(cited=Subquery(named))


def _fill(cable: Cable, parsed: ParsedCable, origin: Origin, source_text: str, digest: str) -> None:
    _copy_fields(parsed, cable)
    cable.origin = origin
    cable.source_text = source_text
    cable.content_digest = digest


def _copy_fields(parsed: ParsedCable, cable: Cable) -> None:
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


def _text_of(parsed: ParsedCable) -> dict:
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
            for paragraph, anchor in zip(parsed.paragraphs, _paragraph_anchors(parsed), strict=True)
        ],
    }


def _keep_earlier_text(cable: Cable, parsed: ParsedCable) -> None:
    """A changed text keeps the one it replaces as a CableVersion, and the cable says since
    when it reads differently: the new text's release date when it is a later release, else
    now. Metadata alone (an article link, a corrected date) makes no version."""
    earlier = cable.current_text()
    if earlier == _text_of(parsed):
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


def inline_anchors(parsed: ParsedCable, taken: list[str]) -> list[list[list] | None]:
    """Each paragraph's inline anchors ([['par2001', 123]], None for none), but for a name a
    paragraph or an earlier inline anchor has: a page has each id once."""
    seen = set(taken)
    kept: list[list[list] | None] = []
    for paragraph in parsed.paragraphs:
        inside = paragraph.inline_anchors
        kept.append([[name, offset] for name, offset in inside if name not in seen] or None)
        seen.update(name for name, _ in inside)
    return kept


def _paragraph_anchors(parsed: ParsedCable) -> list[str]:
    """'par3' for paragraph 3, as the original site linked; 'p7' for unnumbered text at 7."""
    anchors: list[str] = []
    for position, paragraph in enumerate(parsed.paragraphs, start=1):
        anchor = f"par{paragraph.number}" if paragraph.number is not None else f"p{position}"
        candidate, repeat = anchor, 2
        while candidate in anchors:
            candidate, repeat = f"{anchor}-{repeat}", repeat + 1
        anchors.append(candidate)
    return anchors


def _clear_parts(cable: Cable) -> None:
    """An updated cable gets its paragraphs, tags and references anew."""
    cable.paragraphs.all().delete()
    cable.tagged_items.all().delete()
    cable.references.all().delete()


def _add_parts(cables: list[tuple[Cable, ParsedCable]], tags: dict[str, Tag]) -> None:
    """The paragraphs, tags and references of saved cables, in one statement each."""
    Paragraph.objects.bulk_create(
        paragraph for cable, parsed in cables for paragraph in _paragraph_rows(cable, parsed)
    )
    CableTag.objects.bulk_create(
        item for cable, parsed in cables for item in tag_items(cable, parsed.tags, tags)
    )
    reference_ids = {reference_id for _, parsed in cables for reference_id in parsed.references}
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
        for cable, parsed in cables
        for position, reference_id in enumerate(parsed.references, start=1)
    )


def _paragraph_rows(cable: Cable, parsed: ParsedCable) -> Iterator[Paragraph]:
    names = _paragraph_anchors(parsed)
    inside = inline_anchors(parsed, names)
    for position, (paragraph, anchor, inline) in enumerate(
        zip(parsed.paragraphs, names, inside, strict=True), start=1
    ):
        yield Paragraph(
            cable=cable,
            position=position,
            number=paragraph.number,
            marking=fields.canonical_marking(paragraph.marking or paragraph.implied_marking) or "",
            marking_text=paragraph.marking or "",
            heading=paragraph.heading or "",
            text=paragraph.text,
            anchor=anchor,
            inline_anchors=inline,
        )


def tag_items(cable: Cable, names: list[str], tags: dict[str, Tag]) -> Iterator[CableTag]:
    """A name given twice (in any case) tags the cable once."""
    seen: set[str] = set()
    for position, name in enumerate(names, start=1):
        if name.upper() not in seen:
            seen.add(name.upper())
            yield CableTag(content_object=cable, tag=tags[name], position=position)
