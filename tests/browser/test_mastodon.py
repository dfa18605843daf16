"""Signing in with Mastodon from the comment form, against a local server playing the
instance: the reader types it, the reading room registers there, the reader authorizes on
the instance's page and comes back to their draft, and comments under their Mastodon name."""

import pytest
from playwright.sync_api import expect

from comments.models import Comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_PATH = "/cable/2007/02/07MOSCOW601.html"
DRAFT = "The instance remembers me; the draft waited."


def test_signing_in_with_a_mastodon_instance_from_the_comment_form(
    page, live_server, seed_cable, mastodon_instance, settings, screenshot
):
    settings.COMMENTS_FORM_MIN_SECONDS = 0
    page.goto(f"{live_server.url}{SEED_PATH}")
    page.locator('a.comment-count[data-thread="thread-par2"]').first.click()
    form = page.locator("#thread-par2 form.comment-form")
    form.locator("textarea[name='body']").fill(DRAFT)
    form.get_by_label("Your Mastodon instance").fill(f"@ann@{mastodon_instance.host}")
    screenshot(page, "sign-in-mastodon-form")
    form.get_by_role("button", name="Mastodon", exact=True).click()

    expect(page.get_by_role("heading", name="Authorize Cable reading room?")).to_be_visible()
    page.get_by_role("button", name="Authorize").click()

    expect(page).to_have_url(f"{live_server.url}{SEED_PATH}#par2")
    form = page.locator("#thread-par2 form.comment-form")
    expect(form.locator("textarea[name='body']")).to_have_value(DRAFT)
    expect(form.locator(".logged-in-as")).to_have_text("Commenting as Ann Archivist.")
    form.get_by_role("button", name="Post Comment").click()

    comment = Comment.objects.get()
    assert (comment.anchor, comment.author_name) == ("par2", "Ann Archivist")
    assert comment.author_url == mastodon_instance.profile
    author = page.locator(f"#comment-{comment.pk} .comment-author a")
    expect(author).to_have_text("Ann Archivist")
    expect(author).to_have_attribute("href", mastodon_instance.profile)
    assert mastodon_instance.registrations == 1
