"""The error pages readers get when something fails (DEBUG is off in the tests, as in
production): a database that does not answer gives a 503 that says so, with Retry-After, and
keeps a comment being sent; anything else a plain 500. Never a traceback."""

from __future__ import annotations

import time
from http import HTTPStatus

import pytest
from django.test import Client

from comments.forms import served_token
from comments.models import Comment, Status
from tests.comments.conftest import form_data
from tests.factories import make_cable
from tests.html import parse_html, squash

UNAVAILABLE = "The reading room is unavailable for a moment"


def assert_outage_page(response) -> None:
    """What a reader gets while the database does not answer."""
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    retry_after = response["Retry-After"]
    assert retry_after.isdigit() and int(retry_after) > 0
    assert "no-store" in response["Cache-Control"]
    page = parse_html(response.content)
    assert squash(page.find("h1").text) == UNAVAILABLE
    alert = squash(page.find("p", role="alert").text)
    assert "The database that holds the cables and the discussion does not answer" in alert
    assert f"try again in {retry_after} seconds" in alert
    # Styled as the site is, and nothing of the error itself.
    assert page.find("link", rel="stylesheet").attrs["href"].endswith("css/site.css")
    assert page.find("header", cls="site-header")
    text = response.content.decode()
    for leak in ("Traceback", "OperationalError", "InterfaceError", "Server Error (500)"):
        assert leak not in text


def test_a_cable_page_during_a_database_outage_is_a_503_and_then_recovers(reader, database_outage):
    cable = make_cable("08STATE1234")
    with database_outage():
        during = reader.get(cable.get_absolute_url())
        assert_outage_page(during)
        assert squash(parse_html(during.content).find("main").find("a").text) == (
            "Try this page again"
        )
        # Pages that need no database still answer.
        assert reader.get("/robots.txt").status_code == HTTPStatus.OK
    after = reader.get(cable.get_absolute_url())
    assert after.status_code == HTTPStatus.OK
    assert "08STATE1234" in after.content.decode()


def test_a_signed_in_reader_whose_session_cannot_be_read_gets_the_503(
    reader, database_outage, django_user_model
):
    """The reader's own layer reads no table for a reader without a session, but for a
    signed-in reader the session and the account are read from the database."""
    reader.force_login(django_user_model.objects.create_user("ann", password="x" * 12))
    guest = Client(raise_request_exception=False)
    with database_outage():
        signed_in = reader.get("/comments/reader/")
        anonymous = guest.get("/comments/reader/")
    assert_outage_page(signed_in)
    assert "ann" not in squash(parse_html(signed_in.content).find("header").text)
    assert anonymous.status_code == HTTPStatus.OK


@pytest.mark.urls("tests.operations.urls")
def test_an_outage_met_by_the_session_middleware_after_the_view_gets_the_503(
    reader, database_outage
):
    # The view answers without the database; the sessions' middleware then saves the session.
    with database_outage():
        response = reader.get("/test/remember/")
    assert_outage_page(response)
    assert "sessionid" not in response.cookies


@pytest.mark.urls("tests.operations.urls")
def test_any_other_error_is_a_plain_500_page(reader, db):
    response = reader.get("/test/broken/")
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Retry-After" not in response
    assert "no-store" in response["Cache-Control"]
    page = parse_html(response.content)
    assert squash(page.find("h1").text) == "Something went wrong on our side"
    assert page.find("link", rel="stylesheet").attrs["href"].endswith("css/site.css")
    text = response.content.decode()
    assert "secret detail" not in text and "Traceback" not in text


def test_a_comment_sent_during_an_outage_comes_back_in_a_form_that_sends_it_again(
    database_outage,
):
    browser = Client(enforce_csrf_checks=True, raise_request_exception=False)
    cable = make_cable("08STATE1234", paragraphs=5)
    body = 'Paragraph 2 says "went well" <b>&amp;</b> means less.\n\n  Indented second thought.'
    sent = form_data(
        cable,
        anchor="par2",
        body=body,
        notify="on",
        quote_exact="The minister said",
        next=cable.get_absolute_url(),
        served=served_token(time.time() - 60),  # the reader took a minute to write
    )
    # Sent from the cable's page, which carries no CSRF token: the browser says where from.
    with database_outage():
        response = browser.post("/comments/post/", sent, headers={"Sec-Fetch-Site": "same-origin"})
    assert_outage_page(response)
    page = parse_html(response.content)
    assert "Your comment was not saved." in squash(page.find("p", role="alert").text)
    form = page.find("form", cls="comment-form")
    assert (form.attrs["method"], form.attrs["action"]) == ("post", "/comments/post/")
    hidden = hidden_fields(form)
    assert hidden.pop("csrfmiddlewaretoken")  # a token of its own, for any browser
    assert hidden == {name: value for name, value in sent.items() if name != "body"}
    # The text in a box of its own, as written (a browser drops the newline after <textarea>).
    shown = form.find("textarea", name="body").text.removeprefix("\n")
    assert shown == body
    assert [squash(button.text) for button in form.find_all("button")] == ["Send the comment again"]
    assert not Comment.objects.exists()

    # The database is back: the reader presses the one button (an old browser: the token).
    response = browser.post(form.attrs["action"], {**hidden_fields(form), "body": shown})
    assert response.status_code == HTTPStatus.SEE_OTHER
    comment = Comment.objects.get()
    assert (comment.body, comment.anchor, comment.notify_replies) == (body, "par2", True)
    assert comment.quote_exact == "The minister said"
    # A first comment awaits moderation: its author is shown it on its own page.
    assert comment.status == Status.PENDING
    assert response["Location"] == f"/comments/{comment.pk}/"


def hidden_fields(form) -> dict[str, str]:
    return {
        field.attrs["name"]: field.attrs["value"] for field in form.find_all("input", type="hidden")
    }
