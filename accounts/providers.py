"""The outside accounts a reader may sign in with: those configured in settings (from the
environment) or in the admin (allauth's social applications), each a button on the comment
form, and Mastodon, for which the reader types their instance (`accounts.mastodon`). The
list is kept in the cache, which a change in the admin empties, and its digest is part of
the version of every page that shows the form."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers import registry
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest

_KEY = "accounts:sign-in-choices"


@dataclass(frozen=True)
class SignInChoice:
    id: str  # allauth's provider id: "google", or a configured OpenID Connect provider's id
    name: str


# This process's copy, read again from the shared cache after _MEMO_SECONDS: a page rendered
# with the cache emptied asks neither the cache nor the database for the buttons.
_MEMO_SECONDS = 30
_memo: tuple[float, list[SignInChoice]] | None = None


def sign_in_choices() -> list[SignInChoice]:
    """The configured providers, in the order they are configured, cached (an admin's change
    shows in other server processes within _MEMO_SECONDS)."""
    global _memo
    now = time.monotonic()
    if _memo is not None and now - _memo[0] < _MEMO_SECONDS:
        return _memo[1]
    choices = cache.get(_KEY)
    if choices is None:
        choices = _configured()
        cache.set(_KEY, choices, None)
    _memo = (now, choices)
    return choices


def choices_digest() -> str:
    """What the form's buttons are, for a page's version."""
    text = repr([(choice.id, choice.name) for choice in sign_in_choices()])
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def provider_for(request: HttpRequest, provider_id: str):
    """allauth's provider for one of the choices, or for a Mastodon instance the site has
    registered with; None for anything else."""
    if provider_id.startswith("mastodon-"):
        registered = SocialApp.objects.filter(provider="mastodon", provider_id=provider_id)
        if not settings.ACCOUNTS_MASTODON or not registered.exists():
            return None
    elif provider_id == "mastodon" or provider_id not in {c.id for c in sign_in_choices()}:
        return None
    return get_adapter().get_provider(request, provider_id)


def _configured() -> list[SignInChoice]:
    choices = []
    # Without a request allauth lists every app, settings' and the database's (the sites
    # framework, which a request would filter by, is not installed).
    for app in get_adapter().list_apps(None):
        # A Mastodon instance's app is not a button of its own: the reader types theirs.
        if app.settings.get("hidden") or app.provider == "mastodon":
            continue
        provider_class = registry.get_class(app.provider)
        if provider_class is None:
            continue
        choices.append(
            SignInChoice(id=app.provider_id or app.provider, name=app.name or provider_class.name)
        )
    if settings.ACCOUNTS_MASTODON:
        choices.append(SignInChoice(id="mastodon", name="Mastodon"))
    return choices


def forget_choices(**kwargs) -> None:
    """Read the choices again at the next page (a social application saved or deleted)."""
    global _memo
    _memo = None
    cache.delete(_KEY)


def connect_signals() -> None:
    post_save.connect(forget_choices, sender=SocialApp, dispatch_uid="accounts-choices-saved")
    post_delete.connect(forget_choices, sender=SocialApp, dispatch_uid="accounts-choices-deleted")
