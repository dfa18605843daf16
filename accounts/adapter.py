"""How allauth makes an account of an outside one here: named as the provider names the
reader, never by their e-mail address."""

from allauth.socialaccount.adapter import DefaultSocialAccountAdapter


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        name = (data.get("name") or "").strip()
        if name and not (user.first_name or user.last_name):
            first, _, last = name.partition(" ")
            user.first_name, user.last_name = first[:150], last[:150]
        return user
