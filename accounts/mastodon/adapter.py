"""The OAuth 2 endpoints of the instance an app names (allauth's adapter for it)."""

from __future__ import annotations

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialToken
from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter
from allauth.utils import build_absolute_uri
from django.http import HttpRequest
from django.urls import reverse


class MastodonOAuth2Adapter(OAuth2Adapter):
    def __init__(self, request: HttpRequest, provider_id: str) -> None:
        self.provider_id = provider_id
        super().__init__(request)

    @property
    def _instance(self) -> str:
        return self.get_provider().app.settings["instance"]

    @property
    def authorize_url(self) -> str:
        return f"{self._instance}/oauth/authorize"

    @property
    def access_token_url(self) -> str:
        return f"{self._instance}/oauth/token"

    @property
    def profile_url(self) -> str:
        return f"{self._instance}/api/v1/accounts/verify_credentials"

    def complete_login(self, request: HttpRequest, app, token: SocialToken, **kwargs):
        headers = {"Authorization": f"Bearer {token.token}"}
        with get_adapter().get_requests_session() as session:
            response = session.get(self.profile_url, headers=headers)
            response.raise_for_status()
            account = response.json()
        return self.get_provider().sociallogin_from_response(request, account)

    def get_callback_url(self, request: HttpRequest, app) -> str:
        callback = reverse("mastodon_callback", kwargs={"provider_id": self.provider_id})
        return build_absolute_uri(request, callback, self.redirect_uri_protocol)
