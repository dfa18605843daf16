"""What the local provider says of a person besides allauth's claims: the address of their
profile page (the OpenID Connect `profile` claim), which the reading room links to."""

from typing import Any

from allauth.idp.oidc.adapter import DefaultOIDCAdapter


class ProviderAdapter(DefaultOIDCAdapter):
    def get_claims(self, purpose, user, client, scopes, email=None, **kwargs) -> dict[str, Any]:
        claims = super().get_claims(purpose, user, client, scopes, email=email, **kwargs)
        if "profile" in scopes:
            claims["profile"] = self.request.build_absolute_uri(f"/people/{user.username}/")
        return claims
