"""Set up and run the local OpenID Connect provider.

    python -m devtools.oidc_provider.serve --folder DIR --port 8001 \
        --redirect-uri http://127.0.0.1:8000/accounts/oidc/local/login/callback/

The first run in a folder makes its database, signing key and secret key; every run makes
sure of the readers who may sign in (README: ada / ada-reads-cables, grace /
grace-reads-cables) and of the reading room's client (id `reading-room`, the secret given),
allowed to come back to each --redirect-uri. Then it serves on 127.0.0.1 until stopped.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

CLIENT_ID = "reading-room"
DEFAULT_SECRET = "reading-room-local-secret"
# username: (first name, last name, e-mail, password)
READERS = {
    "ada": ("Ada", "Lovelace", "ada@example.org", "ada-reads-cables"),
    "grace": ("Grace", "Hopper", "grace@example.org", "grace-reads-cables"),
}


def _prepare_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    secret_key = folder / "secret_key.txt"
    if not secret_key.exists():
        secret_key.write_text(secrets.token_urlsafe(50))
    private_key = folder / "private_key.pem"
    if not private_key.exists():
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        private_key.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )


def _set_up(*, redirect_uris: list[str], client_secret: str, client_ids: list[str]) -> None:
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import User
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    for username, (first, last, email, password) in READERS.items():
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.email = first, last, email
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    for client_id in client_ids:
        _register(client_id, redirect_uris=redirect_uris, client_secret=client_secret)


def _register(client_id: str, *, redirect_uris: list[str], client_secret: str) -> None:
    from allauth.idp.oidc.models import Client

    client, _ = Client.objects.get_or_create(id=client_id, defaults={"name": "Cable reading room"})
    client.name = "Cable reading room"
    client.type = Client.Type.CONFIDENTIAL
    client.set_secret(client_secret)
    client.set_redirect_uris(redirect_uris)
    client.set_scopes(["openid", "profile", "email"])
    client.set_default_scopes(["openid", "profile", "email"])
    client.set_grant_types([Client.GrantType.AUTHORIZATION_CODE])
    client.set_response_types(["code"])
    client.skip_consent = False
    client.save()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, required=True, help="its database and keys")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--redirect-uri", action="append", required=True, dest="redirect_uris")
    parser.add_argument("--client-secret", default=DEFAULT_SECRET)
    parser.add_argument(
        "--also-client",
        action="append",
        default=[],
        dest="other_clients",
        help="another client id with the same secret (a second configuration of the provider)",
    )
    arguments = parser.parse_args(argv)

    _prepare_folder(arguments.folder)
    os.environ["OIDC_PROVIDER_FOLDER"] = str(arguments.folder.resolve())
    os.environ["DJANGO_SETTINGS_MODULE"] = "devtools.oidc_provider.settings"
    import django
    from django.core.management import call_command

    django.setup()
    _set_up(
        redirect_uris=arguments.redirect_uris,
        client_secret=arguments.client_secret,
        client_ids=[CLIENT_ID, *arguments.other_clients],
    )
    print(
        f"OpenID Connect provider on http://{arguments.host}:{arguments.port} "
        f"(client {CLIENT_ID}; readers: {', '.join(READERS)})",
        file=sys.stderr,
        flush=True,
    )
    call_command(
        "runserver",
        f"{arguments.host}:{arguments.port}",
        use_reloader=False,
        use_threading=True,
        skip_checks=True,
    )


if __name__ == "__main__":
    main()
