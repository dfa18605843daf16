"""/search/: words in web-search syntax, filters, facets, a date histogram, snippets that link
to the paragraph."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from cables.addresses import classification_slug
from cables.forms import SORTS, SearchForm
from cables.histogram import histogram, svg
from cables.http import query_with
from cables.lists import (
    COLUMNS,
    Moment,
    addresses,
    asked_page,
    index_version,
    page_of,
    paging_context,
    search_unavailable,
)
from cables.models import CLASSIFICATION_SLUGS, Cable
from cables.search import Passage, SearchUnavailable, engine
from readingroom.caching import shared_page

# Hits a page: each comes with its best paragraph, found and cut into a snippet.
HITS_PER_PAGE = 20
ORIGIN_FACETS = 12
TAG_FACETS = 15


@dataclass(frozen=True)
class Hit:
    """A result: the cable, its best paragraph (None when only its subject, ID, origin or
    tags match), and where the result links: the cable with the words marked, opened at
    that paragraph. What the result shows is written out here, once, rather than through
    a dozen template filters for each of 20 results."""

    cable: Cable
    passage: Passage | None
    url: str
    paragraph_url: str | None
    origin_url: str
    created: Moment
    released: Moment | None

    @classmethod
    def of(
        cls, cable: Cable, passage: Passage | None, words: str, origin_url: Callable[[str], str]
    ) -> Hit:
        page = cable.get_absolute_url() + (f"?q={quote(words, safe='')}" if words else "")
        at = f"{page}#{passage.anchor}" if passage else None
        released = Moment.of(cable.released) if cable.released else None
        return cls(
            cable,
            passage,
            at or page,
            at,
            origin_url(cable.origin.slug),
            Moment.of(cable.created),
            released,
        )


@shared_page(index_version)
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    form.is_valid()  # what cannot be used is named on the page (form.ignored) and left out
    context = {"form": form, "sorts": SORTS, "ignored": form.ignored()}
    if not form.searchable or not form.has_criteria:
        return render(request, "cables/search.html", context)
    query, sort, criteria = form.query, form.order, form.criteria()
    offset = (asked_page(request) - 1) * HITS_PER_PAGE
    try:
        facets, ids = engine.search(
            criteria, sort, max(offset, 0), HITS_PER_PAGE, origins=ORIGIN_FACETS, tags=TAG_FACETS
        )
    except SearchUnavailable:
        return search_unavailable(request, "cables/search.html", context)
    results = engine.Results(criteria, sort, facets.total, found=(offset, ids))
    page = page_of(request, results, HITS_PER_PAGE, count=facets.total)
    passages = engine.best_passages(query, [cable.pk for cable in page])
    data = form.cleaned_data
    words = data.get("q", "")
    origin_url = addresses("cables:origin", "embassy-moscow")
    hits = [Hit.of(cable, passages.get(cable.pk), words, origin_url) for cable in page]
    chart = histogram(
        facets.months,
        within=(data.get("created_from"), data.get("created_to")),
    )
    context |= {
        "searched": True,
        "query": query,
        "sort": sort,
        **paging_context(page),
        "hits": hits,
        "columns": COLUMNS,
        "classification_facets": _facet_items(
            request,
            "classification",
            [
                (classification_slug(value), value, total)
                for value, total in facets.classifications
                if value in CLASSIFICATION_SLUGS.values()
            ],
            chosen=data.get("classification") or "",
        ),
        "origin_facets": _facet_items(
            request,
            "origin",
            facets.origins,
            chosen=data["origin"].slug if data.get("origin") else "",
        ),
        "tag_facets": _facet_items(
            request,
            "tag",
            [(name, name, total) for name, total in facets.tags],
            chosen=data["tag"].name if data.get("tag") else "",
        ),
        "histogram": chart,
        "histogram_svg": chart and mark_safe(svg(chart, _bar_link(request), "histogram-caption")),
    }
    return render(request, "cables/search.html", context)


@dataclass(frozen=True)
class FacetItem:
    label: str
    link: str | None  # None for the value in use
    total: int


def _facet_items(
    request: HttpRequest, name: str, rows: list[tuple[str, str, int]], *, chosen: str
) -> list[FacetItem]:
    """The facet's (value, label, count) rows, each linking to these results narrowed to
    its value (as {% querystring name=value page=None %} would write it), but the one in
    use."""
    params = request.GET.copy()
    params.pop("page", None)
    items = []
    for value, label, total in rows:
        link = None
        if value != chosen:
            params[name] = value
            link = f"?{params.urlencode()}"
        items.append(FacetItem(label, link, total))
    return items


def _bar_link(request: HttpRequest):
    """A histogram bar's link: these results within the bar's dates, from their first page.
    The rest of the query is written once for all the bars (up to 50 of them)."""
    rest = query_with(request, created_from=None, created_to=None, page=None)[1:]
    before = f"?{rest}&" if rest else "?"
    return lambda bar: f"{before}created_from={bar.first_day}&created_to={bar.last_day}"
