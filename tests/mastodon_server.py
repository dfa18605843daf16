"""A real HTTP server on 127.0.0.1 that plays a Mastodon instance's side of signing in: it
registers apps (POST /api/v1/apps), shows its consent page (/oauth/authorize), hands out a
token for a code whose PKCE verifier matches (/oauth/token), and tells who the token is
(/api/v1/accounts/verify_credentials). One reader, Ann Archivist (@ann). Runs in a thread for
the length of one test, and remembers what was asked of it."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

ACCOUNT = {"id": "109348123", "username": "ann", "acct": "ann", "display_name": "Ann Archivist"}


@dataclass
class MastodonInstance:
    host: str = ""
    apps: dict[str, dict] = field(default_factory=dict)  # client_id: registration
    codes: dict[str, dict] = field(default_factory=dict)
    tokens: set[str] = field(default_factory=set)
    registrations: int = 0

    @property
    def url(self) -> str:
        return f"http://{self.host}"

    @property
    def profile(self) -> str:
        return f"{self.url}/@ann"


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _handler(instance: MastodonInstance) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _answer(self, status: int, body: str | dict, content_type: str = "application/json"):
            data = json.dumps(body) if isinstance(body, dict) else body
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data.encode())))
            self.end_headers()
            self.wfile.write(data.encode())

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.end_headers()

        def _form(self) -> dict[str, str]:
            length = int(self.headers.get("Content-Length") or 0)
            fields = parse_qs(self.rfile.read(length).decode())
            return {name: values[0] for name, values in fields.items()}

        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            address = urlsplit(self.path)
            query = {name: values[0] for name, values in parse_qs(address.query).items()}
            if address.path == "/oauth/authorize":
                self._consent(query)
            elif address.path == "/api/v1/accounts/verify_credentials":
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                if token not in instance.tokens:
                    self._answer(401, {"error": "The access token is invalid"})
                else:
                    self._answer(200, {**ACCOUNT, "url": instance.profile})
            else:
                self._answer(404, {"error": "Record not found"})

        def _consent(self, query: dict[str, str]) -> None:
            app = instance.apps.get(query.get("client_id", ""))
            if (
                app is None
                or query.get("redirect_uri") != app["redirect_uris"]
                or query.get("code_challenge_method") != "S256"
                or not query.get("code_challenge")
            ):
                self._answer(400, "<h1>Client authentication failed</h1>", "text/html")
                return
            hidden = "".join(
                f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                for k, v in query.items()
            )
            page = (
                "<!DOCTYPE html><title>Authorization required</title>"
                f"<h1>Authorize {html.escape(app['client_name'])}?</h1>"
                f'<form method="post" action="/oauth/authorize">{hidden}'
                '<button name="decision" value="allow">Authorize</button>'
                '<button name="decision" value="deny">Deny</button></form>'
            )
            self._answer(200, page, "text/html; charset=utf-8")

        def do_POST(self) -> None:  # noqa: N802
            path = urlsplit(self.path).path
            form = self._form()
            if path == "/api/v1/apps":
                instance.registrations += 1
                client_id, secret = secrets.token_urlsafe(16), secrets.token_urlsafe(24)
                instance.apps[client_id] = {**form, "client_secret": secret}
                self._answer(200, {"client_id": client_id, "client_secret": secret, **form})
            elif path == "/oauth/authorize":
                target = form["redirect_uri"]
                if form.get("decision") != "allow":
                    params = {"error": "access_denied", "state": form.get("state", "")}
                    self._redirect(f"{target}?{urlencode(params)}")
                    return
                code = secrets.token_urlsafe(16)
                instance.codes[code] = form
                self._redirect(f"{target}?{urlencode({'code': code, 'state': form['state']})}")
            elif path == "/oauth/token":
                self._token(form)
            else:
                self._answer(404, {"error": "Record not found"})

        def _token(self, form: dict[str, str]) -> None:
            asked = instance.codes.pop(form.get("code", ""), None)
            app = instance.apps.get(form.get("client_id", ""))
            if (
                asked is None
                or app is None
                or form.get("client_secret") != app["client_secret"]
                or form.get("redirect_uri") != asked["redirect_uri"]
                or _challenge(form.get("code_verifier", "")) != asked["code_challenge"]
            ):
                self._answer(400, {"error": "invalid_grant"})
                return
            token = secrets.token_urlsafe(24)
            instance.tokens.add(token)
            self._answer(
                200, {"access_token": token, "token_type": "Bearer", "scope": "read:accounts"}
            )

    return Handler


@pytest.fixture
def mastodon_instance(settings):
    instance = MastodonInstance()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(instance))
    instance.host = f"127.0.0.1:{server.server_address[1]}"
    settings.ACCOUNTS_MASTODON_LOCAL_HOSTS = [instance.host]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield instance
    server.shutdown()
    server.server_close()
