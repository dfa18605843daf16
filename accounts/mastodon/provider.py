"""allauth's view of a Mastodon instance: OAuth 2 with PKCE, the account from
/api/v1/accounts/verify_credentials (no e-mail address: Mastodon gives none)."""

from __future__ import annotations

from allauth.socialaccount.providers.base import ProviderAccount
from allauth.socialaccount.providers.oauth2.provider import OAuth2Provider
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode

from accounts.mastodon.adapter import MastodonOAuth2Adapter


class MastodonAccount(ProviderAccount):
    def get_profile_url(self) -> str | None:
        return self.account.extra_data.get("url")

    def to_str(self) -> str:
        return self.account.extra_data.get("acct") or super().to_str()


class MastodonProvider(OAuth2Provider):
    id = "mastodon"
    name = "Mastodon"
    account_class = MastodonAccount
    oauth2_adapter_class = MastodonOAuth2Adapter
    pkce_enabled_default = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.app is not None:
            self.name = self.app.name

    def get_login_url(self, request: HttpRequest, **kwargs) -> str:
        url = reverse("mastodon_login", kwargs={"provider_id": self.app.provider_id})
        return f"{url}?{urlencode(kwargs)}" if kwargs else url

    def get_callback_url(self) -> str:
        return reverse("mastodon_callback", kwargs={"provider_id": self.app.provider_id})

    def get_oauth2_adapter(self, request: HttpRequest):
        return self.oauth2_adapter_class(request, self.app.provider_id)

    def get_default_scope(self) -> list[str]:
        return ["read:accounts"]

    def extract_uid(self, data: dict) -> str:
        return str(data["id"])

    def extract_common_fields(self, data: dict) -> dict:
        username = data.get("username")
        return {"username": username, "name": data.get("display_name") or username}

    def extract_email_addresses(self, data: dict) -> list:
        return []


provider_classes = [MastodonProvider]
