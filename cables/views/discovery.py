"""robots.txt: what crawlers may read, and where the sitemap is."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

# Pages with no content of their own, or endless combinations of one (search, sorted lists).
_DISALLOWED = ["/admin/", "/accounts/", "/comments/", "/search/", "/share/", "/api/"]


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in _DISALLOWED)]
    # Any list sorted otherwise (?sort=, &sort=), and the citation downloads of every cable
    # and paragraph (cite.bib, cite.json): the same content over and over.
    lines += ["Disallow: /*sort=", "Disallow: /*/cite.", ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
