"""The lists of cables (by tag, origin, classification, month, release day) and their indexes."""

from __future__ import annotations

import calendar
import datetime
import itertools
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from django.core.paginator import EmptyPage, Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from cables.feeds import FEED_KINDS
from cables.lists import PAGE_SIZE, SORTS, released_so_far, resolve
from cables.models import (
    Cable,
    Classification,
    Origin,
    classification_url,
)
from cables.search import SearchUnavailable, engine
from cables.views.shared import redirect_to_canonical
from readingroom.caching import Version, shared_page

logger = logging.getLogger(__name__)


def index_version(request: HttpRequest, *args, **kwargs) -> Version | None:
    """The lists, their indexes, search and the home page show what the search index holds:
    their version is its last commit (no query at all). None without an index."""
    try:
        folder, nanoseconds = engine.commit_stamp()
    except SearchUnavailable:
        return None
    changed = datetime.datetime.fromtimestamp(nanoseconds / 1e9, tz=datetime.UTC)
    return Version(("index", folder, nanoseconds), changed)


def search_unavailable(
    request: HttpRequest, template: str = "cables/unavailable.html", context: dict | None = None
) -> HttpResponse:
    """503: the search index, which search and the lists read, is missing (the operators
    are told in the log and by `manage.py check`)."""
    logger.error("Search is unavailable: run manage.py rebuild_search_index (manage.py check)")
    return render(request, template, {**(context or {}), "unavailable": True}, status=503)


@shared_page(index_version)
def cable_list(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    listing = resolve(kind, key)
    if listing is None:
        raise Http404(f"No such list: {key}")
    if redirect := redirect_to_canonical(request, listing.path):
        return redirect
    sort = chosen_sort(request, listing.default_sort)
    try:
        page = page_of(request, engine.Results(listing.criteria, sort))
    except SearchUnavailable:
        return search_unavailable(request)
    context = {
        "listing": listing,
        "rows": rows_of(page),
        **paging_context(page),
        "sort": sort,
        "sort_label": SORTS[sort],
        "sorts": SORTS,
        "columns": COLUMNS,
        "feed_url": f"{listing.path}feed/" if kind in FEED_KINDS else None,
    }
    return render(request, "cables/cable_list.html", context)


def original_list(request: HttpRequest, kind: str, key: str, page: str) -> HttpResponse:
    """/tag/PREL_0.html and the like, as the original site numbered its pages (from 0)."""
    listing = resolve(kind, key)
    if listing is None:
        raise Http404(f"No such list: {key}")
    number = int(page) + 1
    return HttpResponsePermanentRedirect(listing.path + (f"?page={number}" if number > 1 else ""))


PAGE_NUMBER = re.compile(r"[0-9]{1,9}")

# In English whatever the locale, as the lists' titles ("Cables created in June 2008").
MONTH_NAMES = list(calendar.month_name)
MONTH_ABBREVIATIONS = list(calendar.month_abbr)


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
        day = f"{moment.day} {MONTH_ABBREVIATIONS[moment.month]} {moment.year}"
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


def chosen_sort(request: HttpRequest, default: str) -> str:
    sort = request.GET.get("sort", "")
    return sort if sort in SORTS else default


def page_of(
    request: HttpRequest, items: Sequence, size: int = PAGE_SIZE, count: int | None = None
) -> Page:
    """The page ?page=N asks for; a page past the end, or not a number, is not found.
    `count`, when known, saves counting the items again."""
    paginator = Paginator(items, size)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(asked_page(request))
    except EmptyPage as error:
        raise Http404("No such page") from error


def asked_page(request: HttpRequest) -> int:
    """The number ?page= asks for (1 when it does not); not a number is not found."""
    number = request.GET.get("page", "1")
    if not PAGE_NUMBER.fullmatch(number):
        raise Http404("No such page")
    return int(number)


def paging_context(page: Page) -> dict:
    """What _pagination.html needs: the page and the numbers to link, elided in the middle."""
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return {"page": page, "page_range": list(numbers)}


@dataclass(frozen=True)
class Entry:
    label: str
    total: int
    url: str


@dataclass(frozen=True)
class Group:
    label: str
    anchor: str
    entries: list[Entry]

    @property
    def total(self) -> int:
        return sum(entry.total for entry in self.entries)

    @property
    def items_html(self) -> SafeString:
        """The entries as <li>s, written here: an index has hundreds or thousands of them,
        which Django's template language would take tens of milliseconds to draw."""
        return mark_safe(
            "".join(
                (
                    f'<li><a href="{escape(entry.url)}">{escape(entry.label)}</a>'
                    if entry.total
                    else f"<li>{escape(entry.label)}"
                )
                + f' <span class="count">{entry.total:,}</span></li>'
                for entry in self.entries
            )
        )


# What `reverse` leaves unquoted in an address.
URL_SAFE = "!$&'()*+,;=/~:@"


def addresses(name: str, example: str) -> Callable[[str], str]:
    """The address of each list of one kind, by key ('2008-06', quoted as `reverse` would
    quote it): `reverse` once, for an example key, rather than once for each of thousands."""
    pattern = reverse(name, kwargs={"key": example})
    head, _, tail = pattern.rpartition(example)
    return lambda key: f"{head}{key}{tail}"


def render_index(request: HttpRequest, title: str, intro: str, groups: list[Group]) -> HttpResponse:
    released, total = released_so_far()
    context = {
        "title": title,
        "intro": intro,
        "groups": groups,
        "released_count": released,
        "cablegate_total": total,
    }
    return render(request, "cables/list_index.html", context)


def alphabetical(entries: list[Entry]) -> list[Group]:
    """Entries grouped under their initial, A to Z (digits and signs under '#')."""
    entries = sorted(entries, key=lambda entry: entry.label.casefold())
    groups = []
    for letter, items in itertools.groupby(entries, key=lambda entry: initial(entry.label)):
        groups.append(Group(letter, f"letter-{letter if letter != '#' else 'other'}", list(items)))
    return groups


def initial(label: str) -> str:
    first = label[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def counted_index(build):
    """An index page drawn from the counts the search index keeps (a 503 without one)."""

    def view(request: HttpRequest) -> HttpResponse:
        try:
            totals = engine.totals()
        except SearchUnavailable:
            return search_unavailable(request)
        return build(request, totals)

    view.__name__ = view.__qualname__ = build.__name__
    view.__doc__ = build.__doc__
    return shared_page(index_version)(view)


@counted_index
def tag_index(request: HttpRequest, totals: engine.Totals) -> HttpResponse:
    tag_url = addresses("cables:tag", "PREL")
    entries = [
        Entry(name, total, tag_url(quote(name, safe=URL_SAFE)))
        for name, total in totals.tags.items()
    ]
    intro = "Every tag of the TAGS lines, with the number of cables that carry it."
    return render_index(request, "Tags A-Z", intro, alphabetical(entries))


@counted_index
def origin_index(request: HttpRequest, totals: engine.Totals) -> HttpResponse:
    entries = [
        Entry(origin.name, totals.origins.get(origin.pk, 0), origin.get_absolute_url())
        for origin in Origin.objects.only("name", "slug")
    ]
    intro = "The embassies, consulates and offices the cables were sent from."
    return render_index(request, "Origins A-Z", intro, alphabetical(entries))


@counted_index
def classification_index(request: HttpRequest, totals: engine.Totals) -> HttpResponse:
    entries = [
        Entry(value, totals.classifications.get(value, 0), classification_url(value))
        for value in Classification.values
    ]
    intro = "The six classifications of the release, from the least secret."
    return render_index(request, "Classifications", intro, [Group("", "all", entries)])


@counted_index
def month_index(request: HttpRequest, totals: engine.Totals) -> HttpResponse:
    month_url = addresses("cables:month", "2000-01")
    groups = [
        Group(
            str(year),
            f"year-{year}",
            [
                Entry(MONTH_NAMES[month.month], total, month_url(f"{month:%Y-%m}"))
                for month, total in items
            ],
        )
        for year, items in itertools.groupby(totals.months, key=lambda row: row[0].year)
    ]
    intro = "The months the cables were written in, by year."
    return render_index(request, "Cables by date of creation", intro, groups)


@counted_index
def release_day_index(request: HttpRequest, totals: engine.Totals) -> HttpResponse:
    day_url = addresses("cables:release-day", "2000-01-01")
    groups = [
        Group(
            f"{first:%B %Y}",
            f"month-{first:%Y-%m}",
            [
                Entry(f"{day.day} {MONTH_NAMES[day.month]}", total, day_url(f"{day:%Y-%m-%d}"))
                for day, total in items
            ],
        )
        for first, items in itertools.groupby(
            totals.release_days, key=lambda row: row[0].replace(day=1)
        )
    ]
    intro = "The days the cables were published, from 28 November 2010."
    return render_index(request, "Cables by date of release", intro, groups)
