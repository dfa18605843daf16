"""Where a cable is on this site, read back from an address: the host names our addresses
are written with, and which cable and paragraph an address of ours names."""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import Resolver404, resolve

from cables.parsing import wanted_reference_id


def our_hosts(request: HttpRequest) -> set[str]:
    """The host names our cable addresses are written with: this request's, and the site's."""
    return {request.get_host(), urlsplit(settings.SITE_URL).netloc}


def same_host(netloc: str, hosts: Collection[str]) -> bool:
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
    if parts.scheme.lower() not in ("http", "https") or not same_host(parts.netloc, hosts):
        return None
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        return None
    if match.view_name in ("cables:detail", "cables:detail-any"):
        anchor = parts.fragment if parts.fragment.startswith(("par", "p")) else ""
    elif match.view_name == "comments:paragraph":
        anchor = match.kwargs["anchor"]
    else:
        return None
    return wanted_reference_id(match.kwargs["reference_id"]), anchor
