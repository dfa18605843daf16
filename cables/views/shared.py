"""What the cable pages, the lists and the paragraph pages share."""

from __future__ import annotations

from urllib.parse import unquote

from django.http import HttpRequest, HttpResponsePermanentRedirect


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
