"""What the views of cable pages, lists and paragraph pages share: the redirect to a page's
canonical address, a query string changed, and a cable page's version."""

from __future__ import annotations

from urllib.parse import unquote

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render

from cables.models import Cable
from readingroom.caching import Version


def redirect_to_canonical(
    request: HttpRequest, canonical: str
) -> HttpResponsePermanentRedirect | None:
    """A permanent redirect to `canonical`, keeping the query string, when the request came by
    another spelling of the address; None when it came by this one. `canonical` is as
    reverse() gives it, percent-encoded ('/tag/OVIP%20(…)/'); request.path is decoded."""
    if request.path == unquote(canonical):
        return None
    query = request.META.get("QUERY_STRING")
    return HttpResponsePermanentRedirect(f"{canonical}?{query}" if query else canonical)


def query_with(request: HttpRequest, **changes: str | None) -> str:
    """The request's query string with `changes` made (None removes a parameter), as
    {% querystring %} writes it in a template: '?q=gas&page=2'."""
    params = request.GET.copy()
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return f"?{params.urlencode()}"


def cable_page_version(request: HttpRequest, reference_id: str, **address) -> Version | None:
    """A cable's pages (the cable, a paragraph's thread) and its annotations change with the
    cable, what was said of it and the archive (`Cable.objects.page_version`): their version,
    in one query. None when there is no such cable."""
    found = Cable.objects.page_version(reference_id)
    return Version(found.parts, found.changed) if found is not None else None


def cable_not_found(
    request: HttpRequest, reference_id: str, *, hashtag: bool = False
) -> HttpResponse:
    """404: no such cable (nor, for a hashtag, such tag), and the cables of similar ID."""
    similar = Cable.objects.similar_to(reference_id)[:10]
    context = {"reference_id": reference_id, "similar": similar, "hashtag": hashtag}
    return render(request, "cables/cable_not_found.html", context, status=404)
