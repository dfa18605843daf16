"""Readers' accounts beyond Django's own: signing in with an outside account (django-allauth:
OpenID Connect providers, Google, GitHub, Facebook, X), the providers a page offers, and
what a reader's account says of them (their name, the link to their profile)."""
