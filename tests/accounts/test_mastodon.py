"""Signing in with Mastodon: the instance the reader types (checked before anything is asked of
it), the reading room registered there once and remembered, the hop to its consent page with
PKCE; against a local server playing the instance (tests/mastodon_server.py)."""

from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialApp
from django.test import Client

from accounts.mastodon.instances import InstanceRefused, _instance_address
from accounts.providers import sign_in_choices
from tests.accounts.conftest import onward_of
from tests.html import parse_html, squash


def start(client: Client, instance: str):
    data = {"provider": "mastodon", "mastodon_instance": instance, "next": "/"}
    return client.post("/accounts/sign-in/", data)


@pytest.mark.parametrize(
    "typed",
    [
        "mastodon.social",
        "@ann@mastodon.social",
        "https://mastodon.social/@ann",
        " Mastodon.Social ",
    ],
)
def test_the_instance_is_read_however_the_reader_writes_it(typed, monkeypatch):
    monkeypatch.setattr("accounts.mastodon.instances._check_public", lambda host: None)
    assert _instance_address(typed) == "https://mastodon.social"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "http://mastodon.social",
        "localhost",
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.10",
        "[::1]",
        "user:pass@mastodon.social",
        "exa mple.org",
    ],
)
def test_an_address_that_is_no_public_instance_is_refused(typed):
    with pytest.raises(InstanceRefused):
        _instance_address(typed)


def test_mastodon_is_offered_beside_the_configured_providers(db):
    assert [choice.id for choice in sign_in_choices()] == ["mastodon"]


def test_the_reading_room_registers_once_with_an_instance(db, mastodon_instance):
    client = Client()
    for _ in range(2):
        assert start(client, mastodon_instance.host).status_code == HTTPStatus.OK
    assert mastodon_instance.registrations == 1
    app = SocialApp.objects.get(provider="mastodon")
    (registration,) = mastodon_instance.apps.values()
    assert registration["scopes"] == "read:accounts"
    assert registration["redirect_uris"] == (
        f"http://testserver/accounts/mastodon/{app.provider_id}/login/callback/"
    )
    assert app.settings["instance"] == mastodon_instance.url
    # Each instance's app is not a button of its own.
    assert [choice.id for choice in sign_in_choices()] == ["mastodon"]


def test_the_hop_goes_to_the_instances_consent_page_with_pkce(db, mastodon_instance):
    client = Client()
    answer = client.get(onward_of(start(client, f"@ann@{mastodon_instance.host}")))
    assert answer.status_code == HTTPStatus.FOUND
    address = urlsplit(answer["Location"])
    assert f"{address.scheme}://{address.netloc}{address.path}" == (
        f"{mastodon_instance.url}/oauth/authorize"
    )
    query = parse_qs(address.query)
    assert query["scope"] == ["read:accounts"]
    assert query["code_challenge_method"] == ["S256"]
    assert query["client_id"] == [next(iter(mastodon_instance.apps))]


def test_a_server_that_is_no_mastodon_instance_is_refused_and_nothing_kept(
    db, settings, source_server
):
    host = f"127.0.0.1:{source_server.port}"
    settings.ACCOUNTS_MASTODON_LOCAL_HOSTS = [host]
    response = start(Client(), host)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "did not let the reading room register" in squash(parse_html(response.content).text)
    assert not SocialApp.objects.exists()


def test_a_private_address_is_never_asked(db, mastodon_instance, settings):
    settings.ACCOUNTS_MASTODON_LOCAL_HOSTS = []
    response = start(Client(), mastodon_instance.host)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert mastodon_instance.registrations == 0
