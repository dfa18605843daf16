from django.apps import AppConfig


class MastodonConfig(AppConfig):
    name = "accounts.mastodon"
    label = "accounts_mastodon"
    verbose_name = "Mastodon sign-in"
