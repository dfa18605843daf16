"""Origins and tags by name, created when new: safely when several importers run side by side
(each creation in a transaction of its own, under an advisory lock on PostgreSQL), so that
none of them waits on another's batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import connection, transaction
from django.db.models import Max
from django.utils.text import slugify
from taggit.models import Tag

from cables.models import Origin

_TAG_NAME_LENGTH = Tag._meta.get_field("name").max_length


# The PostgreSQL advisory lock importers take turns under to create origins and tags.
_CREATION_LOCK = 0x6361626C  # 'cabl'


def stored_origins(numbers: dict[str, int | None]) -> dict[str, Origin]:
    """The origins of these names, created when new; `numbers` gives each name the number
    an original page gave it, or None."""
    found = {origin.name: origin for origin in Origin.objects.filter(name__in=numbers)}
    return {
        name: found.get(name) or stored_origin(name, number) for name, number in numbers.items()
    }


def stored_origin(name: str, number: int | None = None) -> Origin:
    """The origin of this name, created when new: with `number`, the original site's, when
    no other origin has it; else without one, until `number_new_origins`."""
    return _existing_or_created(
        lambda: Origin.objects.filter(name=name).first(), lambda: _create_origin(name, number)
    )


def _create_origin(name: str, number: int | None) -> Origin:
    slug = base = slugify(name)[:110] or "origin"
    suffix = 2
    while Origin.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    if number is not None and Origin.objects.filter(number=number).exists():
        number = None
    return Origin.objects.create(name=name, slug=slug, number=number)


def number_new_origins() -> int:
    """Give the origins without a number the next free ones, in name order; returns how many.

    Run at the end of an import, not as each origin comes: importers side by side meet the
    origins in no fixed order, and the same cables must give the same numbers."""
    with transaction.atomic():
        _lock_creation()
        waiting = list(Origin.objects.filter(number__isnull=True).order_by("name"))
        highest = Origin.objects.aggregate(highest=Max("number"))["highest"] or 0
        for offset, origin in enumerate(waiting, start=1):
            origin.number = highest + offset
        Origin.objects.bulk_update(waiting, ["number"])
    return len(waiting)


def stored_tags(names: Iterable[str]) -> dict[str, Tag]:
    """Tags by the names a cable gives, created when new (a name is cut to the 100
    characters a tag holds)."""
    wanted = {name: name[:_TAG_NAME_LENGTH] for name in names}
    found = {tag.name: tag for tag in Tag.objects.filter(name__in=wanted.values())}
    return {name: found.get(short) or _stored_tag(short) for name, short in wanted.items()}


def _stored_tag(name: str) -> Tag:
    def create() -> Tag:
        tag = Tag(name=name)
        tag.save()  # taggit picks a free slug
        return tag

    return _existing_or_created(lambda: Tag.objects.filter(name=name).first(), create)


def _existing_or_created[T](find: Callable[[], T | None], create: Callable[[], T]) -> T:
    """find(), or else create() while no other importer is creating an origin or tag: two
    importers side by side could otherwise both create the same name, or take the same
    number or slug. On PostgreSQL a transaction-level advisory lock makes them take turns;
    SQLite has one writer at a time anyway."""
    if (existing := find()) is not None:
        return existing
    with transaction.atomic():
        _lock_creation()
        return find() or create()


def _lock_creation() -> None:
    """Take the transaction-level lock under which origins and tags are created or numbered
    (PostgreSQL; SQLite has one writer at a time anyway)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CREATION_LOCK])
