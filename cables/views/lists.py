"""The lists of cables (by tag, origin, classification, month, release day) and their indexes."""

from __future__ import annotations

import calendar
import itertools
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.safestring import SafeString, mark_safe

from cables.addresses import classification_url
from cables.feeds import FEED_KINDS
from cables.http import redirect_to_canonical
from cables.lists import (
    COLUMNS,
    SORTS,
    URL_SAFE,
    addresses,
    index_version,
    page_of,
    paging_context,
    released_so_far,
    resolve,
    rows_of,
    search_unavailable,
)
from cables.models import Classification, Origin
from cables.search import SearchUnavailable, engine
from readingroom.caching import shared_page


@shared_page(index_version)
def cable_list(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    listing = resolve(kind, key)
    if listing is None:
        raise Http404(f"No such list: {key}")
    if redirect := redirect_to_canonical(request, listing.path):
        return redirect
    sort = _chosen_sort(request, listing.default_sort)
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


# In English whatever the locale, as the lists' titles ("Cables created in June 2008").
_MONTH_NAMES = list(calendar.month_name)


def _chosen_sort(request: HttpRequest, default: str) -> str:
    sort = request.GET.get("sort", "")
    return sort if sort in SORTS else default


@dataclass(frozen=True)
class IndexEntry:
    label: str
    total: int
    url: str


@dataclass(frozen=True)
class IndexGroup:
    label: str
    anchor: str
    entries: list[IndexEntry]

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


def _render_index(
    request: HttpRequest, title: str, intro: str, groups: list[IndexGroup]
) -> HttpResponse:
    released, total = released_so_far()
    context = {
        "title": title,
        "intro": intro,
        "groups": groups,
        "released_count": released,
        "cablegate_total": total,
    }
    return render(request, "cables/list_index.html", context)


def _alphabetical(entries: list[IndexEntry]) -> list[IndexGroup]:
    """Entries grouped under their initial, A to Z (digits and signs under '#')."""
    entries = sorted(entries, key=lambda entry: entry.label.casefold())
    groups = []
    for letter, items in itertools.groupby(entries, key=lambda entry: _initial(entry.label)):
        groups.append(
            IndexGroup(letter, f"letter-{letter if letter != '#' else 'other'}", list(items))
        )
    return groups


def _initial(label: str) -> str:
    first = label[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def _counted_index(build):
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


@_counted_index
def tag_index(request: HttpRequest, totals: engine.Totals) -> HttpResponse:
    tag_url = addresses("cables:tag", "PREL")
    entries = [
        IndexEntry(name, total, tag_url(quote(name, safe=URL_SAFE)))
        for name, total in totals.tags.items()
    ]
    intro = "Every tag of the TAGS lines, with the number of cables that carry it."
    return _render_index(request, "Tags A-Z", intro, _alphabetical(entries))


@_counted_index
def origin_index(request: HttpRequest, totals: engine.Totals) -> HttpResponse:
    entries = [
        IndexEntry(origin.name, totals.origins.get(origin.pk, 0), origin.get_absolute_url())
        for origin in Origin.objects.only("name", "slug")
    ]
    intro = "The embassies, consulates and offices the cables were sent from."
    return _render_index(request, "Origins A-Z", intro, _alphabetical(entries))


@_counted_index
def classification_index(request: HttpRequest, totals: engine.Totals) -> HttpResponse:
    entries = [
        IndexEntry(value, totals.classifications.get(value, 0), classification_url(value))
        for value in Classification.values
    ]
    intro = "The six classifications of the release, from the least secret."
    return _render_index(request, "Classifications", intro, [IndexGroup("", "all", entries)])


@_counted_index
def month_index(request: HttpRequest, totals: engine.Totals) -> HttpResponse:
    month_url = addresses("cables:month", "2000-01")
    groups = [
        IndexGroup(
            str(year),
            f"year-{year}",
            [
                IndexEntry(_MONTH_NAMES[month.month], total, month_url(f"{month:%Y-%m}"))
                for month, total in items
            ],
        )
        for year, items in itertools.groupby(totals.months, key=lambda row: row[0].year)
    ]
    intro = "The months the cables were written in, by year."
    return _render_index(request, "Cables by date of creation", intro, groups)


@_counted_index
def release_day_index(request: HttpRequest, totals: engine.Totals) -> HttpResponse:
    day_url = addresses("cables:release-day", "2000-01-01")
    groups = [
        IndexGroup(
            f"{first:%B %Y}",
            f"month-{first:%Y-%m}",
            [
                IndexEntry(
                    f"{day.day} {_MONTH_NAMES[day.month]}", total, day_url(f"{day:%Y-%m-%d}")
                )
                for day, total in items
            ],
        )
        for first, items in itertools.groupby(
            totals.release_days, key=lambda row: row[0].replace(day=1)
        )
    ]
    intro = "The days the cables were published, from 28 November 2010."
    return _render_index(request, "Cables by date of release", intro, groups)
