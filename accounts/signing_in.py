"""Signing in with an outside account, started from our own form.

The form (the comment form's "or sign in with" buttons, the log-in page) posts here, so the
request carries our CSRF protection and the reader's draft can be kept first. The answer is a
page that moves on by itself (a meta refresh, no script) to `continue_sign_in`, which hands
over to allauth: it stores the flow's state (state parameter, PKCE verifier, where to come
back to) in the session and sends the reader to the provider. The hop is there because the
Content-Security-Policy's form-action would stop a form's redirect chain at the provider.
"""

from __future__ import annotations

import secrets
from http import HTTPStatus

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from accounts.mastodon.instances import InstanceRefused, app_for
from accounts.providers import provider_for
from readingroom.limits import client_ip, within_limit
from readingroom.redirects import local_address

_SESSION_KEY = "accounts:sign-in"


def begin_sign_in(
    request: HttpRequest, provider_id: str, next_url: str, *, instance: str = ""
) -> HttpResponse:
    """The page that takes the reader on to `provider_id`, to come back to `next_url` (an
    address on this site; any other is replaced by the home page). For "mastodon",
    `instance` is the one the reader typed, registered with first if it is new here."""
    if not within_limit(
        "sign-in", client_ip(request), per_minute=settings.ACCOUNTS_SIGN_INS_PER_MINUTE
    ):
        return _refused(
            request,
            "Too many sign-ins from your address: wait a minute.",
            HTTPStatus.TOO_MANY_REQUESTS,
        )
    if provider_id == "mastodon" and settings.ACCOUNTS_MASTODON:
        try:
            provider_id = app_for(request, instance).provider_id
        except InstanceRefused as refusal:
            return _refused(request, str(refusal), HTTPStatus.BAD_REQUEST)
    provider = provider_for(request, provider_id)
    if provider is None:
        return _refused(request, "There is no such way to sign in here.", HTTPStatus.BAD_REQUEST)
    token = secrets.token_urlsafe(24)
    request.session[_SESSION_KEY] = {
        "provider": provider_id,
        "next": local_address(request, next_url),
        "token": token,
    }
    onward = f"{reverse('accounts:continue')}?token={token}"
    return render(request, "accounts/signing_in.html", {"provider": provider, "onward": onward})


def continue_sign_in(request: HttpRequest) -> HttpResponse:
    """To the provider, with allauth's state; only for the session that began the sign-in
    (its one-time token), so that no other site can start one for a reader."""
    started = request.session.pop(_SESSION_KEY, None)
    if not started or not secrets.compare_digest(started["token"], request.GET.get("token", "")):
        return _refused(
            request,
            "This sign-in link has been used or has expired: start again from the form.",
            HTTPStatus.BAD_REQUEST,
        )
    provider = provider_for(request, started["provider"])
    if provider is None:
        return _refused(request, "There is no such way to sign in here.", HTTPStatus.BAD_REQUEST)
    return provider.redirect(request, process="login", next_url=started["next"])


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "accounts/sign_in_refused.html", {"message": message}, status=status)
