"""A real OpenID Connect provider for the sign-in tests: devtools/oidc_provider (allauth's
provider in a Django project of its own) started in a second process on a free loopback port,
with the readers ada and grace and a client for the test run's live server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from devtools.oidc_provider.serve import CLIENT_ID, DEFAULT_SECRET, READERS

ROOT = Path(__file__).resolve().parent.parent
PROVIDER_ID = "local"
# A second configuration of the same provider, as if a reader had two outside accounts with
# one e-mail address.
OTHER_PROVIDER_ID = "other"
OTHER_CLIENT_ID = "reading-room-other"


@dataclass(frozen=True)
class Provider:
    url: str
    client_id: str
    secret: str
    readers: dict

    def social_app(
        self, provider_id: str = PROVIDER_ID, name: str = "Local provider", client_id: str = ""
    ):
        """The reading room's configuration of this provider, as the admin would save it."""
        from allauth.socialaccount.models import SocialApp

        return SocialApp.objects.create(
            provider="openid_connect",
            provider_id=provider_id,
            name=name,
            client_id=client_id or self.client_id,
            secret=self.secret,
            settings={"server_url": self.url, "oauth_pkce_enabled": True},
        )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the OpenID Connect provider stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the OpenID Connect provider did not answer at {url}")


@pytest.fixture(scope="session")
def oidc_provider(live_server, tmp_path_factory):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    callbacks = [
        f"{live_server.url}/accounts/oidc/{provider_id}/login/callback/"
        for provider_id in (PROVIDER_ID, OTHER_PROVIDER_ID)
    ]
    folder = tmp_path_factory.mktemp("oidc-provider")
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "devtools.oidc_provider.serve",
            "--folder",
            str(folder),
            "--port",
            str(port),
            *(argument for callback in callbacks for argument in ("--redirect-uri", callback)),
            "--also-client",
            OTHER_CLIENT_ID,
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=(folder / "server.log").open("w"),
    )
    try:
        _wait_for(f"{url}/.well-known/openid-configuration", process)
        yield Provider(url=url, client_id=CLIENT_ID, secret=DEFAULT_SECRET, readers=READERS)
    finally:
        process.terminate()
        process.wait(timeout=10)
