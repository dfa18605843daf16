"""The Mastodon instance a reader names, and the reading room's registration with it.

A reader types their instance ("mastodon.social", "@ann@mastodon.social" or its address).
The first time anyone names an instance the reading room registers itself there
(POST /api/v1/apps: its name, its callback address, the read:accounts scope) and keeps the
client id and secret it gets as an allauth app; every later sign-in there uses that app.

The address is the reader's to choose, so it is checked before the server asks anything of
it: https only, a host name, and not one that resolves to a loopback, private or otherwise
internal address (ACCOUNTS_MASTODON_LOCAL_HOSTS lists the exceptions, for the tests)."""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

import requests
from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

_HOST = re.compile(
    r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::\d{1,5})?$"
)
_TIMEOUT_SECONDS = 10


class InstanceRefused(Exception):
    """The instance cannot be used: the reader is told why."""


def app_for(request: HttpRequest, typed: str) -> SocialApp:
    """The app of the instance the reader typed, registered there now if it is new here."""
    address = _instance_address(typed)
    host = urlsplit(address).netloc
    provider_id = "mastodon-" + re.sub(r"[^a-z0-9]+", "-", host).strip("-")
    found = SocialApp.objects.filter(provider="mastodon", provider_id=provider_id).first()
    if found is not None:
        return found
    client_id, secret = _register(request, address, provider_id)
    app, _ = SocialApp.objects.get_or_create(
        provider="mastodon",
        provider_id=provider_id,
        defaults={
            "name": host,
            "client_id": client_id,
            "secret": secret,
            "settings": {"instance": address, "oauth_pkce_enabled": True},
        },
    )
    return app


def _instance_address(typed: str) -> str:
    """'https://mastodon.social' for 'mastodon.social', '@ann@mastodon.social' or
    'https://mastodon.social/@ann'."""
    text = typed.strip().lower()
    if not text:
        raise InstanceRefused("Type the address of your Mastodon instance, e.g. mastodon.social.")
    if text.startswith("@") or ("@" in text and "//" not in text):
        text = text.rsplit("@", 1)[1]
    parts = urlsplit(text if "//" in text else f"//{text}")
    host = parts.netloc
    if not _HOST.match(host) or parts.username or parts.password:
        raise InstanceRefused(f"“{typed.strip()[:100]}” is not the address of an instance.")
    local = host in settings.ACCOUNTS_MASTODON_LOCAL_HOSTS
    scheme = parts.scheme or ("http" if local else "https")
    if scheme != "https" and not local:
        raise InstanceRefused("A Mastodon instance is reached over https only.")
    if not local:
        _check_public(host)
    return f"{scheme}://{host}"


def _check_public(host: str) -> None:
    name = host.rsplit(":", 1)[0] if re.search(r":\d+$", host) else host
    try:
        found = socket.getaddrinfo(name, 443, proto=socket.IPPROTO_TCP)
    except OSError:
        raise InstanceRefused(
            f"There is no instance at {host}: the name does not resolve."
        ) from None
    for *_, address in found:
        ip = ipaddress.ip_address(address[0])
        if not ip.is_global:
            raise InstanceRefused(f"{host} is not an instance on the internet.")


def _register(request: HttpRequest, address: str, provider_id: str) -> tuple[str, str]:
    callback = request.build_absolute_uri(
        reverse("mastodon_callback", kwargs={"provider_id": provider_id})
    )
    try:
        answer = requests.post(
            f"{address}/api/v1/apps",
            data={
                "client_name": "Cable reading room",
                "redirect_uris": callback,
                "scopes": "read:accounts",
                "website": settings.SITE_URL,
            },
            timeout=_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
        answer.raise_for_status()
        registered = answer.json()
        return str(registered["client_id"]), str(registered["client_secret"])
    except (requests.RequestException, ValueError, KeyError, TypeError):
        raise InstanceRefused(
            f"{urlsplit(address).netloc} did not let the reading room register with it: "
            "is it a Mastodon instance?"
        ) from None
