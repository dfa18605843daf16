"""A reader sends a comment while the database is down: the page says so and keeps the text,
and one button sends it once the database is back. On PostgreSQL only: the live server's
thread loses its connection as the site's processes would (tests/faults.py)."""

import re

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.faults import postgresql_only

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), postgresql_only]

SEED_PATH = "/cable/2007/02/07MOSCOW601.html"
TEXT = "The MFA's line, word for word: <quote> & all.\n\nA second paragraph."


def test_a_comment_sent_during_an_outage_is_sent_again_with_one_button(
    page, live_server, seed_cable, database_outage, screenshot, settings
):
    settings.COMMENTS_FORM_MIN_SECONDS = 0  # the reader writes quickly; the rule has its tests
    page.goto(f"{live_server.url}{SEED_PATH}")
    form = page.locator("#respond form.comment-form")
    form.locator("[name=name]").fill("Ann Reader")
    form.locator("[name=email]").fill("ann@example.org")
    form.locator("[name=body]").fill(TEXT)

    with database_outage():
        form.get_by_role("button", name="Post Comment").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "The reading room is unavailable for a moment"
        )
        expect(page.get_by_role("alert")).to_contain_text("Your comment was not saved.")
        expect(page.get_by_label("Your comment")).to_have_value(TEXT)
        screenshot(page, "outage-comment-kept")
    assert not Comment.objects.filter(author_email="ann@example.org").exists()

    page.get_by_role("button", name="Send the comment again").click()
    # Ann's first comment: saved, and held for moderation on a page of its own.
    expect(page).to_have_url(re.compile(r"/comments/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your comment awaits moderation")
    comment = Comment.objects.get(author_email="ann@example.org")
    # As the browser sent it the first time: a form sends its line breaks as CR LF.
    assert (comment.author_name, comment.body) == ("Ann Reader", TEXT.replace("\n", "\r\n"))
    expect(page.locator(f"#comment-{comment.pk}")).to_be_visible()
