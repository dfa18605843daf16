"""/search/: words in web-search syntax, filters, facets, a date histogram, snippets that link
to the paragraph."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cables import search as engine
from cables.forms import SORTS, SearchForm
from cables.histogram import histogram
from cables.models import CLASSIFICATION_SLUGS, classification_slug, search_rows
from cables.views.lists import COLUMNS, page_of, paging_context

# Hits a page: each comes with its best paragraph, found and cut into a snippet.
HITS_PER_PAGE = 20
ORIGIN_FACETS = 12
TAG_FACETS = 15


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    context = {"form": form, "sorts": SORTS}
    if not form.is_valid() or not form.has_criteria:
        return render(request, "cables/search.html", context)
    query, sort = form.query, form.order
    rows = form.matching(search_rows())
    with engine.through_the_index(query):
        facets = rows.facets()
        results = rows.ranked(query, sort, facets.total)
        page = page_of(request, results, HITS_PER_PAGE, count=facets.total)
    passages = engine.best_passages(query, [cable.pk for cable in page])
    hits = [(cable, passages.get(cable.pk)) for cable in page]
    context |= {
        "searched": True,
        "query": query,
        "sort": sort,
        **paging_context(page),
        "hits": hits,
        "columns": COLUMNS,
        "classification_facets": [
            (value, classification_slug(value), total)
            for value, total in facets.classifications
            if value in CLASSIFICATION_SLUGS.values()
        ],
        "origin_facets": facets.origins[:ORIGIN_FACETS],
        "tag_facets": facets.tags[:TAG_FACETS],
        "histogram": histogram(
            facets.months,
            within=(form.cleaned_data["created_from"], form.cleaned_data["created_to"]),
        ),
    }
    return render(request, "cables/search.html", context)
