"""The lists of cables the original site had, by tag, origin, classification, month of creation
and day of release: what each list holds, its title and its address.

Each list has a clean address (`/tag/PREL/`, `/origin/embassy-moscow/`, `?page=2`), which is
canonical, and the original one (`/tag/PREL_0.html`, `/origin/55_1.html`: pages numbered from
0), which answers with a permanent redirect to the clean one. `resolve` takes either kind of key
and returns None for a list that does not exist. Also what the list views and search share: a
list's rows and columns, its pages, and its version (the search index's last commit).
"""

from __future__ import annotations

import calendar
import datetime
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import EmptyPage, Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from cables.addresses import classification_url, month_url, release_day_url, tag_url
from cables.histogram import month_end
from cables.models import (
    CLASSIFICATION_NUMBERS,
    CLASSIFICATION_SLUGS,
    Cable,
    CableQuerySet,
    Origin,
    tag_named,
)
from cables.search import Criteria, SearchUnavailable, engine
from readingroom.caching import Version

logger = logging.getLogger(__name__)

PAGE_SIZE = 50
SORTS = {
    "-created": "newest first",
    "created": "oldest first",
    "-released": "latest released first",
    "released": "earliest released first",
}
_FIRST_MONTH = datetime.date(1960, 1, 1)


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
        "tag": _tag_list,
        "origin": _origin_list,
        "classification": _classification_list,
        "month": _month_list,
        "release-day": _release_day_list,
    }[kind](key)


def _tag_list(name: str) -> CableList | None:
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


def _origin_list(key: str) -> CableList | None:
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


def _classification_list(key: str) -> CableList | None:
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


def _month_list(key: str) -> CableList | None:
    month = _parse_day(f"{key}-01", r"\d{4}-\d{2}-01")
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


def _release_day_list(key: str) -> CableList | None:
    day = _parse_day(key, r"\d{4}-\d{2}-\d{2}")
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


def _parse_day(text: str, shape: str) -> datetime.date | None:
    if not re.fullmatch(shape, text):
        return None
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return None
    return day if _FIRST_MONTH <= day <= datetime.date(2100, 1, 1) else None


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


def index_version(request: HttpRequest, *args, **kwargs) -> Version | None:
    """The lists, their indexes, search and the home page show what the search index holds:
    their version is its last commit (no query at all). None without an index."""
    try:
        folder, nanoseconds = engine.commit_stamp()
    except SearchUnavailable:
        return None
    changed = datetime.datetime.fromtimestamp(nanoseconds / 1e9, tz=datetime.UTC)
    return Version(("index", folder, nanoseconds), changed)


@dataclass(frozen=True)
class Moment:
    """A date and time as the pages show it ('9 Feb 2007', '2007-02-09 15:54'), and in ISO
    8601 for <time datetime>: written once here rather than by a template filter for each
    of the 20 results or 50 rows of a page."""

    iso: str
    day: str
    minute: str

    @classmethod
    def of(cls, moment: datetime.datetime) -> Moment:
        moment = timezone.localtime(moment)
        day = f"{moment.day} {_MONTH_ABBREVIATIONS[moment.month]} {moment.year}"
        return cls(moment.isoformat(), day, f"{moment:%Y-%m-%d %H:%M}")


@dataclass(frozen=True)
class Row:
    """A cable as a row of a list shows it."""

    cable: Cable
    origin_url: str
    created: Moment
    released: Moment | None


def rows_of(cables: Iterable[Cable]) -> list[Row]:
    """The rows of a list of cables (loaded with CableQuerySet.listing)."""
    origin_url = addresses("cables:origin", "embassy-moscow")
    return [
        Row(
            cable,
            origin_url(cable.origin.slug),
            Moment.of(cable.created),
            Moment.of(cable.released) if cable.released else None,
        )
        for cable in cables
    ]


# The sortable columns of a list, with their headings.
COLUMNS = [("created", "Created"), ("released", "Released")]


_MONTH_ABBREVIATIONS = list(calendar.month_abbr)


# What `reverse` leaves unquoted in an address.
URL_SAFE = "!$&'()*+,;=/~:@"


def addresses(name: str, example: str) -> Callable[[str], str]:
    """The address of each list of one kind, by key ('2008-06', quoted as `reverse` would
    quote it): `reverse` once, for an example key, rather than once for each of thousands."""
    pattern = reverse(name, kwargs={"key": example})
    head, _, tail = pattern.rpartition(example)
    return lambda key: f"{head}{key}{tail}"


def search_unavailable(
    request: HttpRequest, template: str = "cables/unavailable.html", context: dict | None = None
) -> HttpResponse:
    """503: the search index, which search and the lists read, is missing (the operators
    are told in the log and by `manage.py check`)."""
    logger.error("Search is unavailable: run manage.py rebuild_search_index (manage.py check)")
    return render(request, template, {**(context or {}), "unavailable": True}, status=503)


def page_of(
    request: HttpRequest,
    items: Sequence | engine.Results,
    size: int = PAGE_SIZE,
    count: int | None = None,
) -> Page:
    """The page ?page=N asks for; a page past the end, or not a number, is not found.
    `count`, when known, saves counting the items again."""
    paginator = Paginator(items, size)  # type: ignore[arg-type]  # Results: sliced only
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(asked_page(request))
    except EmptyPage as error:
        raise Http404("No such page") from error


def asked_page(request: HttpRequest) -> int:
    """The number ?page= asks for (1 when it does not); not a number is not found."""
    number = request.GET.get("page", "1")
    if not _PAGE_NUMBER.fullmatch(number):
        raise Http404("No such page")
    return int(number)


def paging_context(page: Page) -> dict:
    """What _pagination.html needs: the page and the numbers to link, elided in the middle."""
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return {"page": page, "page_range": list(numbers)}


_PAGE_NUMBER = re.compile(r"[0-9]{1,9}")
