"""Where a cable is on this site, read back from an address: the host names our addresses
are written with, and which cable and paragraph an address of ours names."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import Resolver404, resolve, reverse
from django.utils.text import slugify
from taggit.models import Tag

from cables.parsing import wanted_reference_id

# A cable's address, /cable/2007/02/07MOSCOW601.html, and what hangs under it
# (/cable/2007/02/07MOSCOW601/par3/, .../versions/, .../trackback/): the URL patterns of every
# app that serves one are written with these.
CABLE = r"^cable/(?P<year>\d{4})/(?P<month>\d{2})/(?P<reference_id>[^/]+)"
# A numbered paragraph's anchor (par3, or par3-2 for a second paragraph 3); the paragraph
# pages and their feeds also answer to the short p3.
PARAGRAPH = r"(?P<anchor>par\d+(?:-\d+)?)"
ANY_PARAGRAPH = r"(?P<anchor>p(?:ar)?\d+(?:-\d+)?)"
# Every other spelling of a cable's address (/cable/07MOSCOW601, lower case, no .html, a wrong
# year or month), which the cable page answers with a redirect to its address.
CABLE_ANY_SPELLING = (
    r"^cable/(?:(?P<year>\d{1,4})/(?P<month>\d{1,2})/)?(?P<reference_id>[^/]+?)(?:\.html?)?/?$"
)
# A reference ID at the root of the site: /07MOSCOW601, /07moscow601/3.
SHORT_ID = r"(?P<reference_id>[0-9Oo]{2}[A-Za-z]+\d+(?:_[A-Za-z0-9]+)?)"


def our_hosts(request: HttpRequest) -> set[str]:
    """The host names our cable addresses are written with: this request's, and the site's."""
    return {request.get_host(), urlsplit(settings.SITE_URL).netloc}


def _same_host(netloc: str, hosts: Collection[str]) -> bool:
    def plain(host: str) -> str:
        host = host.lower()
        for default in (":80", ":443"):
            host = host.removesuffix(default)
        return host

    return plain(netloc) in {plain(host) for host in hosts}


def cable_address(url: str, *, hosts: Collection[str]) -> tuple[str, str] | None:
    """(reference ID, anchor) for an address of one of our cable or paragraph pages."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not _same_host(parts.netloc, hosts):
        return None
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        return None
    if match.view_name in ("pages:detail", "pages:detail-any"):
        anchor = parts.fragment if parts.fragment.startswith(("par", "p")) else ""
    elif match.view_name == "pages:paragraph":
        anchor = match.kwargs["anchor"]
    else:
        return None
    return wanted_reference_id(match.kwargs["reference_id"]), anchor


def classification_slug(classification: str) -> str:
    return slugify(classification.replace("//", " "))


def address_parts(reference_id: str, created: datetime.datetime) -> dict[str, str]:
    """The parts of every address under /cable/YYYY/MM/ID (the page, its paragraphs, feeds)."""
    return {
        "year": f"{created.year:04d}",
        "month": f"{created.month:02d}",
        "reference_id": reference_id,
    }


def tag_url(tag: Tag | str) -> str:
    return reverse("cables:tag", kwargs={"key": getattr(tag, "name", tag)})


def classification_url(classification: str) -> str:
    return reverse("cables:classification", kwargs={"key": classification_slug(classification)})


def month_url(month: datetime.date) -> str:
    return reverse("cables:month", kwargs={"key": f"{month:%Y-%m}"})


def release_day_url(day: datetime.date) -> str:
    return reverse("cables:release-day", kwargs={"key": f"{day:%Y-%m-%d}"})
