"""Starting a sign-in with an outside account: which providers a page offers, the hop to the
provider with allauth's state and PKCE, what is refused (an unknown provider, a foreign
`next`, a replayed hop, too many starts), and the draft kept for after it."""

import json
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialApp
from django.test import Client

from accounts.providers import choices_digest, sign_in_choices
from readingroom import settings as project_settings
from tests.accounts.conftest import onward_of
from tests.html import parse_html, squash

SEED_PATH = "/cable/2007/02/07MOSCOW601.html"


@pytest.fixture
def provider(db, oidc_provider):
    """The real provider of the browser tests (tests/oidc_provider.py), configured under
    another name, as a university's login would be."""
    return SocialApp.objects.create(
        provider="openid_connect",
        provider_id="uni",
        name="University login",
        client_id=oidc_provider.client_id,
        secret=oidc_provider.secret,
        settings={"server_url": oidc_provider.url, "oauth_pkce_enabled": True},
    )


def start(client: Client, **fields):
    data = {"provider": "uni", "next": "/cable/2007/02/07MOSCOW601.html#par3", **fields}
    return client.post("/accounts/sign-in/", data)


def test_only_configured_providers_are_offered(provider):
    assert [(choice.id, choice.name) for choice in sign_in_choices()] == [
        ("uni", "University login"),
        ("mastodon", "Mastodon"),
    ]
    before = choices_digest()
    provider.name = "The university's login"
    provider.save()
    assert [choice.name for choice in sign_in_choices()] == ["The university's login", "Mastodon"]
    assert choices_digest() != before
    provider.delete()
    assert [choice.id for choice in sign_in_choices()] == ["mastodon"]


def test_the_comment_form_offers_each_configured_provider(client, seed_cable, provider):
    page = parse_html(client.get(SEED_PATH).content)
    buttons = page.find("form", cls="comment-form").find_all("button", cls="sign-in-button")
    assert [(b.attrs["value"], b.attrs["formaction"], squash(b.text)) for b in buttons] == [
        ("uni", "/comments/sign-in/", "University login"),
        ("mastodon", "/comments/sign-in/", "Mastodon"),
    ]
    assert page.find("input", name="mastodon_instance").attrs["placeholder"]


def test_no_provider_no_button(client, seed_cable, settings):
    settings.ACCOUNTS_MASTODON = False
    page = parse_html(client.get(SEED_PATH).content)
    assert not page.find_all("button", cls="sign-in-button")


def test_the_hop_goes_to_the_provider_with_state_and_pkce(client, provider, oidc_provider):
    response = start(client)
    assert response.status_code == HTTPStatus.OK
    assert "University login" in squash(parse_html(response.content).find("h1").text)
    onward = client.get(onward_of(response))
    assert onward.status_code == HTTPStatus.FOUND
    address = urlsplit(onward["Location"])
    assert f"{address.scheme}://{address.netloc}{address.path}" == (
        f"{oidc_provider.url}/identity/o/authorize"
    )
    query = parse_qs(address.query)
    assert query["client_id"] == ["reading-room"]
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["state"][0]) >= 12 and query["code_challenge"][0]
    assert query["redirect_uri"] == ["http://testserver/accounts/oidc/uni/login/callback/"]


def test_the_hop_works_once_and_only_for_its_session(client, provider):
    onward = onward_of(start(client))
    assert Client().get(onward).status_code == HTTPStatus.BAD_REQUEST
    assert client.get(onward).status_code == HTTPStatus.FOUND
    assert client.get(onward).status_code == HTTPStatus.BAD_REQUEST


def test_an_unknown_provider_is_refused(client, provider):
    response = start(client, provider="nowhere")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "no such way to sign in" in squash(parse_html(response.content).text)


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"],
)
def test_a_next_address_off_this_site_is_replaced_by_the_home_page(client, provider, next_url):
    start(client, next=next_url)
    assert client.session["accounts:sign-in"]["next"] == "/"


def test_sign_in_starts_are_limited_per_address(client, provider, settings):
    settings.ACCOUNTS_SIGN_INS_PER_MINUTE = 3
    for _ in range(3):
        assert start(client).status_code == HTTPStatus.OK
    refused = start(client)
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert refused["Retry-After"] == "60"


def test_log_in_attempts_are_limited_per_address(client, db, settings):
    settings.ACCOUNTS_SIGN_INS_PER_MINUTE = 2
    for _ in range(2):
        response = client.post("/accounts/login/", {"username": "x", "password": "y"})
        assert response.status_code == HTTPStatus.OK
    refused = client.post("/accounts/login/", {"username": "x", "password": "y"})
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert refused["Retry-After"] == "60"
    assert "Too many attempts" in squash(parse_html(refused.content).text)


def test_the_comment_forms_draft_is_kept_for_the_reader_layer(client, seed_cable, provider):
    draft = {
        "cable": "07MOSCOW601",
        "anchor": "par3",
        "parent": "",
        "quote_exact": "territorial dispute",
        "body": "Kept while I sign in.",
        "notify": "on",
        "name": "Ann",
        "email": "ann@example.org",
        "next": SEED_PATH,
        "provider": "uni",
    }
    response = client.post("/comments/sign-in/", draft)
    assert response.status_code == HTTPStatus.OK
    assert client.session["accounts:sign-in"]["next"] == f"{SEED_PATH}#par3"
    layer = client.get("/comments/reader/?cable=07MOSCOW601").json()
    assert layer["draft"]["body"] == "Kept while I sign in."
    assert layer["draft"]["anchor"] == "par3"
    assert layer["draft"]["quote_exact"] == "territorial dispute"
    assert layer["draft"]["notify"] is True
    assert "email" not in layer["draft"]
    # Given back once, and only on its cable's pages.
    assert client.get("/comments/reader/?cable=07MOSCOW601").json()["draft"] is None


def test_providers_come_from_the_environment(monkeypatch):
    monkeypatch.setenv(
        "READINGROOM_OIDC_PROVIDERS",
        json.dumps(
            [{"id": "uni", "name": "Uni", "server_url": "https://u.example", "client_id": "c"}]
        ),
    )
    monkeypatch.setenv("GITHUB_CLIENT_ID", "gh-id")
    monkeypatch.setenv("GITHUB_SECRET", "gh-secret")
    providers = project_settings.social_providers()
    assert providers["openid_connect"]["APPS"] == [
        {
            "provider_id": "uni",
            "name": "Uni",
            "client_id": "c",
            "secret": "",
            "settings": {"server_url": "https://u.example", "oauth_pkce_enabled": True},
        }
    ]
    assert providers["github"]["APPS"] == [{"client_id": "gh-id", "secret": "gh-secret"}]
    assert providers["google"]["APPS"] == []
    assert all(provider["OAUTH_PKCE_ENABLED"] for provider in providers.values())


@pytest.mark.parametrize(
    ("provider", "authorize"),
    [
        ("google", "https://accounts.google.com/o/oauth2/v2/auth"),
        ("github", "https://github.com/login/oauth/authorize"),
        ("facebook", "https://www.facebook.com/"),
        ("twitter_oauth2", "https://x.com/i/oauth2/authorize"),
    ],
)
def test_each_configured_provider_of_the_seed_page_is_offered_and_reached_with_pkce(
    client, seed_cable, provider, authorize
):
    SocialApp.objects.create(provider=provider, name="", client_id="id-1", secret="s")
    page = parse_html(client.get(SEED_PATH).content)
    values = [b.attrs["value"] for b in page.find_all("button", cls="sign-in-button")]
    assert values == [provider, "mastodon"]
    answer = client.get(onward_of(start(client, provider=provider)))
    assert answer.status_code == HTTPStatus.FOUND
    assert answer["Location"].startswith(authorize)
    query = parse_qs(urlsplit(answer["Location"]).query)
    assert query["client_id"] == ["id-1"]
    assert query["code_challenge_method"] == ["S256"]
