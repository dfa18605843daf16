"""The lists of cables the original site had, by tag, origin, classification, month of creation
and day of release: what each list holds, its title and its address.

Each list has a clean address (`/tag/PREL/`, `/origin/embassy-moscow/`, `?page=2`), which is
canonical, and the original one (`/tag/PREL_0.html`, `/origin/55_1.html`: pages numbered from
0), which answers with a permanent redirect to the clean one. `resolve` takes either kind of key
and returns None for a list that does not exist.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.conf import settings

from cables.histogram import month_end
from cables.models import (
    CLASSIFICATION_NUMBERS,
    CLASSIFICATION_SLUGS,
    Cable,
    CableQuerySet,
    Origin,
    classification_url,
    month_url,
    release_day_url,
    tag_named,
    tag_url,
)
from cables.search import Criteria, SearchUnavailable, engine

PAGE_SIZE = 50
SORTS = {
    "-created": "newest first",
    "created": "oldest first",
    "-released": "latest released first",
    "released": "earliest released first",
}
FIRST_MONTH = datetime.date(1960, 1, 1)


@dataclass(frozen=True)
class CableList:
    """A list: its pages are read from the search index (`criteria`), its feed from the
    database (`cables`, the latest few)."""

    kind: str  # 'tag', 'origin', 'classification', 'month', 'release-day'
    title: str
    path: str  # the canonical address of the first page
    cables: CableQuerySet
    criteria: Criteria
    default_sort: str = "-created"
    description: str = ""


def resolve(kind: str, key: str) -> CableList | None:
    """The list `key` names: a tag name, an origin slug or number, a classification slug or
    number, 'YYYY-MM', 'YYYY-MM-DD'."""
    return {
        "tag": tag_list,
        "origin": origin_list,
        "classification": classification_list,
        "month": month_list,
        "release-day": release_day_list,
    }[kind](key)


def tag_list(name: str) -> CableList | None:
    tag = tag_named(name)
    if tag is None:
        return None
    return CableList(
        "tag",
        f"Cables tagged {tag.name}",
        tag_url(tag),
        Cable.objects.tagged(tag),
        Criteria(tag=tag.name),
        description=f"Every cable whose TAGS line names {tag.name}.",
    )


def origin_list(key: str) -> CableList | None:
    lookup = {"number": int(key)} if key.isdigit() else {"slug": key.lower()}
    origin = Origin.objects.filter(**lookup).first()
    if origin is None:
        return None
    return CableList(
        "origin",
        f"Cables from {origin.name}",
        origin.get_absolute_url(),
        Cable.objects.filter(origin=origin),
        Criteria(origin_id=origin.pk),
        description=f"Every cable sent by {origin.name}.",
    )


def classification_list(key: str) -> CableList | None:
    by_number = {str(number): value for value, number in CLASSIFICATION_NUMBERS.items()}
    classification = by_number.get(key) or CLASSIFICATION_SLUGS.get(key.lower())
    if classification is None:
        return None
    return CableList(
        "classification",
        f"Cables classified {classification}",
        classification_url(classification),
        Cable.objects.filter(classification=classification),
        Criteria(classification=classification),
    )


def month_list(key: str) -> CableList | None:
    month = parse_day(f"{key}-01", r"\d{4}-\d{2}-01")
    if month is None:
        return None
    return CableList(
        "month",
        f"Cables created in {month:%B %Y}",
        month_url(month),
        Cable.objects.created_in(month, month_end(month)),
        Criteria(created_from=month, created_to=month_end(month)),
        default_sort="created",
    )


def release_day_list(key: str) -> CableList | None:
    day = parse_day(key, r"\d{4}-\d{2}-\d{2}")
    if day is None:
        return None
    return CableList(
        "release-day",
        f"Cables released on {day.day} {day:%B %Y}",
        release_day_url(day),
        Cable.objects.released_in(day, day),
        Criteria(released_from=day, released_to=day),
        default_sort="created",
    )


def parse_day(text: str, shape: str) -> datetime.date | None:
    if not re.fullmatch(shape, text):
        return None
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return None
    return day if FIRST_MONTH <= day <= datetime.date(2100, 1, 1) else None


def latest_released(number: int) -> list[Cable]:
    """The cables released last (then created last), from the search index; from the
    database while there is no index."""
    try:
        return engine.Results(Criteria(released_only=True), "latest-released")[0:number]
    except SearchUnavailable:
        return list(Cable.objects.latest_released().listing()[:number])


def archive_counts() -> tuple[int, int]:
    """(cables in the archive, cables released so far): counted by the search index, by the
    database while there is no index."""
    try:
        totals = engine.totals()
    except SearchUnavailable:
        return Cable.objects.count(), Cable.objects.released().count()
    return totals.cables, totals.released


def released_so_far() -> tuple[int, int]:
    """The counter of the original site: cables released so far, out of the whole release."""
    return archive_counts()[1], settings.CABLEGATE_TOTAL
