"""A local OpenID Connect provider: allauth's own provider (`allauth.idp.oidc`) in a Django
project of its own, serving on loopback. It plays an outside account provider (Google, a
university's login, any OpenID Connect issuer) for the browser tests and for trying
sign-in by hand (`make oidc-provider`, README "Signing in with outside accounts").

It is a second Django project, not an app of the reading room: `serve.py` sets it up in a
folder of its own (database, signing key) and runs it."""
