"""What a signed-in reader's outside account says of them that their comments show: the
address of their profile (never their e-mail address)."""

from __future__ import annotations

from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def profile_url_of(user: AbstractBaseUser | AnonymousUser) -> str:
    """The profile page the reader's most recent outside account gives, or ""."""
    account = SocialAccount.objects.filter(user_id=user.pk).order_by("-last_login").first()
    if account is None:
        return ""
    url = account.get_profile_url() or _claim(account.extra_data, "profile")
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else ""


def _claim(extra_data: dict, name: str) -> str | None:
    """An OpenID Connect claim, from the userinfo answer or else the ID token."""
    for part in ("userinfo", "id_token"):
        value = (extra_data.get(part) or {}).get(name)
        if value:
            return value
    return extra_data.get(name)
