"""Signing in with an outside account from the comment form, through a real OpenID Connect
provider (tests/oidc_provider.py): the draft kept across the round trip, the reader back at
their paragraph, the comment under the provider's name; consent refused; a stale state."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from comments.models import Comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_PATH = "/cable/2007/02/07MOSCOW601.html"
DRAFT = "Paragraph 3 reads differently once you know who sent it."


@pytest.fixture
def configured(oidc_provider, seed_cable, settings):
    settings.COMMENTS_FORM_MIN_SECONDS = 0
    oidc_provider.social_app()
    return oidc_provider


def write_on_paragraph_3(page, live_server):
    page.goto(f"{live_server.url}{SEED_PATH}")
    page.locator('a.comment-count[data-thread="thread-par3"]').first.click()
    form = page.locator("#thread-par3 form.comment-form")
    expect(form).to_be_visible()
    form.locator("textarea[name='body']").fill(DRAFT)
    return form


def sign_in_at_provider(page, provider, username="ada"):
    expect(page).to_have_url(re.compile("^" + re.escape(provider.url)))
    page.fill("input[name='login']", username)
    page.fill("input[name='password']", provider.readers[username][3])
    page.locator("button[type='submit']").first.click()
    expect(page.get_by_role("heading", name="Authorize Cable reading room")).to_be_visible()


def test_signing_in_keeps_the_draft_and_comments_under_the_providers_name(
    page, live_server, configured, screenshot
):
    form = write_on_paragraph_3(page, live_server)
    screenshot(page, "sign-in-comment-form")
    form.get_by_role("button", name="Local provider").click()

    sign_in_at_provider(page, configured)
    screenshot(page, "sign-in-provider-consent")
    page.get_by_role("button", name="Authorize").click()

    # Back on the cable page, at paragraph 3, the draft in the form under it.
    expect(page).to_have_url(f"{live_server.url}{SEED_PATH}#par3")
    form = page.locator("#thread-par3 form.comment-form")
    expect(form.locator("textarea[name='body']")).to_have_value(DRAFT)
    expect(form.locator(".logged-in-as")).to_have_text("Commenting as Ada Lovelace.")
    expect(page.locator("nav.account-nav")).to_contain_text("Signed in as")
    screenshot(page, "sign-in-back-with-draft")
    form.get_by_role("button", name="Post Comment").click()

    comment = Comment.objects.get()
    assert (comment.anchor, comment.body, comment.author_name) == ("par3", DRAFT, "Ada Lovelace")
    assert comment.author_url == f"{configured.url}/people/ada/"
    shown = page.locator(f"#comment-{comment.pk}")
    expect(shown).to_be_visible()
    author = shown.locator(".comment-author a")
    expect(author).to_have_text("Ada Lovelace")
    expect(author).to_have_attribute("href", f"{configured.url}/people/ada/")
    expect(page.locator("body")).not_to_contain_text("ada@example.org")
    screenshot(page, "sign-in-comment-posted")
    user = User.objects.get()
    assert user.socialaccount_set.get().provider == "local"


def test_refused_consent_signs_nobody_in_and_keeps_the_draft(
    page, live_server, configured, screenshot
):
    form = write_on_paragraph_3(page, live_server)
    form.get_by_role("button", name="Local provider").click()
    sign_in_at_provider(page, configured)
    page.get_by_role("button", name="Cancel").click()

    expect(page).to_have_url(re.compile("^" + re.escape(live_server.url)))
    expect(page.locator("main")).to_contain_text("cancel")
    screenshot(page, "sign-in-consent-refused")
    assert not User.objects.exists()
    # Back at the cable, the draft waits in the form under its paragraph.
    page.goto(f"{live_server.url}{SEED_PATH}")
    form = page.locator("#thread-par3 form.comment-form")
    expect(form.locator("textarea[name='body']")).to_have_value(DRAFT)
    expect(form.locator(".guest-fields")).to_be_visible()


def test_a_sign_in_whose_state_the_reading_room_no_longer_holds_is_refused(
    page, live_server, configured, screenshot
):
    form = write_on_paragraph_3(page, live_server)
    form.get_by_role("button", name="Local provider").click()
    sign_in_at_provider(page, configured)
    # The reading room's session (and the sign-in state in it) is gone by the time the reader
    # comes back: an expired session, or a callback forged for another browser.
    host = live_server.url.split("//")[1].split(":")[0]
    page.context.clear_cookies(domain=host)
    page.get_by_role("button", name="Authorize").click()

    expect(page).to_have_url(re.compile("^" + re.escape(live_server.url)))
    expect(page.locator("main")).to_contain_text("error")
    screenshot(page, "sign-in-stale-state")
    assert not User.objects.exists()


def test_a_second_outside_account_with_the_same_email_is_not_joined_to_the_first(
    page, live_server, configured, screenshot
):
    configured.social_app(
        provider_id="other", name="Other provider", client_id="reading-room-other"
    )
    form = write_on_paragraph_3(page, live_server)
    form.get_by_role("button", name="Local provider").click()
    sign_in_at_provider(page, configured)
    page.get_by_role("button", name="Authorize").click()
    expect(page.locator("nav.account-nav")).to_contain_text("Signed in as")
    first = User.objects.get()

    # Signed out here, signed in still at the provider: the same person, the same verified
    # address, through another configured provider.
    host = live_server.url.split("//")[1].split(":")[0]
    page.context.clear_cookies(domain=host)
    form = write_on_paragraph_3(page, live_server)
    form.get_by_role("button", name="Other provider").click()
    expect(page.get_by_role("heading", name="Authorize Cable reading room")).to_be_visible()
    page.get_by_role("button", name="Authorize").click()

    # Not signed in as the first account: asked to make a separate one instead.
    expect(page).to_have_url(re.compile(re.escape(f"{live_server.url}/accounts/3rdparty/signup/")))
    expect(page.locator("main h1")).to_have_text("Sign Up")
    expect(page.locator("main")).to_contain_text("Other provider")
    screenshot(page, "sign-in-same-email-asked")
    assert list(User.objects.all()) == [first]
    assert first.socialaccount_set.get().provider == "local"
    page.goto(f"{live_server.url}{SEED_PATH}")
    expect(page.locator("nav.account-nav")).not_to_contain_text("Signed in as")
