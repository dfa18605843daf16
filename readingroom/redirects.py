"""Where a request may send the reader on to: only back to this site, never an open redirect."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def is_ours(request: HttpRequest, address: str) -> bool:
    """`address` (a path or a full URL) is on this site, over https when the request is."""
    return bool(address) and url_has_allowed_host_and_scheme(
        address, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def local_address(request: HttpRequest, address: str) -> str:
    """`address` when it is a path on this site, else the home page."""
    return (
        address if address.startswith("/") and is_ours(request, address) else reverse("cables:home")
    )
