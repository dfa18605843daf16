"""Likes in the browser: liked in place, shown as the reader's own after a reload, undone;
the names and drawn initials of the readers who like a cable."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from comments.models import Like
from tests.comments.conftest import make_comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_PATH = "/cable/2007/02/07MOSCOW601.html"


def test_a_reader_likes_a_paragraph_in_place_and_takes_it_back(
    page, live_server, seed_cable, screenshot
):
    page.goto(f"{live_server.url}{SEED_PATH}")
    page.locator('a.comment-count[data-thread="thread-par3"]').first.click()
    form = page.locator('#thread-par3 form.like-form[data-target="par3"]')
    expect(form).to_be_visible()
    form.get_by_role("button", name="Like paragraph 3").click()
    expect(form.locator(".like-count")).to_have_text("1 reader likes this")
    expect(form.locator(".like-button")).to_have_text("Liked")
    assert page.url == f"{live_server.url}{SEED_PATH}"  # no new page
    screenshot(page, "likes-paragraph-liked")

    page.reload()
    page.locator('a.comment-count[data-thread="thread-par3"]').first.click()
    form = page.locator('#thread-par3 form.like-form[data-target="par3"]')
    expect(form.locator(".like-button")).to_have_attribute("aria-pressed", "true")
    expect(form.locator(".like-count")).to_have_text("1 reader likes this")
    form.locator(".like-button").click()
    expect(form.locator(".like-count")).to_have_text("")
    expect(form.locator(".like-button")).to_have_text("Like")
    assert not Like.objects.exists()


def test_a_reader_likes_a_comment_in_place_and_takes_it_back(page, live_server, seed_cable):
    comment = make_comment(seed_cable, body="Worth reading twice.", name="Ann Reader")
    page.goto(f"{live_server.url}{SEED_PATH}#{comment.html_id}")
    form = page.locator(f"#{comment.html_id} form.like-form")
    form.get_by_role("button", name="Like the comment by Ann Reader").click()
    expect(form.locator(".like-count")).to_have_text("1 like")
    expect(form.locator(".like-button")).to_have_attribute("aria-pressed", "true")
    assert page.url == f"{live_server.url}{SEED_PATH}#{comment.html_id}"  # no new page
    assert Like.objects.get().comment == comment
    form.locator(".like-button").click()
    expect(form.locator(".like-count")).to_have_text("")
    expect(form.locator(".like-button")).to_have_text("Like")
    assert not Like.objects.exists()


def test_the_cable_shows_who_likes_it(page, live_server, seed_cable, screenshot):
    for username, first, last in [
        ("ada", "Ada", "Lovelace"),
        ("grace", "Grace", "Hopper"),
        ("alan", "Alan", "Turing"),
    ]:
        user = User.objects.create_user(username, first_name=first, last_name=last)
        Like.objects.create(cable=seed_cable, target="", user=user)
    for number in range(4):
        Like.objects.create(cable=seed_cable, target="", browser=f"guest-{number}")
    page.goto(f"{live_server.url}{SEED_PATH}#likes")
    likes = page.locator("section.cable-likes")
    expect(likes).to_contain_text("Alan Turing and 4 others like this")
    expect(likes.locator(".avatar")).to_have_text(["AL", "GH", "AT"])
    for name in ("Ada Lovelace", "Grace Hopper", "Alan Turing"):
        expect(likes.locator(".liker", has_text=name)).to_have_count(1)
    likes.scroll_into_view_if_needed()
    page.mouse.wheel(0, -250)
    page.wait_for_timeout(100)
    screenshot(page, "likes-cable")
