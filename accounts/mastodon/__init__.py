"""Signing in with Mastodon: an allauth provider whose server is the instance the reader types.
Each instance is an app of its own (`instances.py` registers the reading room with it the first
time a reader names it, and remembers the registration); its login and callback addresses
carry that app's provider id, as allauth's OpenID Connect providers do."""
