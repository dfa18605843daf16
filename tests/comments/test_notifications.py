"""Opt-in reply notices: queued in the database, sent by the worker, stopped in one click."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.test import Client
from django_tasks_db.models import DBTaskResult

from comments import services
from comments.models import Comment, Status
from comments.tasks import send_reply_notice, unsubscribe_token
from tests.comments.conftest import make_comment
from tests.faults import closed_port
from tests.html import Element, parse_html, squash

# The worker checks its connection the way a long-running process must (close_old_connections),
# which closes a connection held inside a test's transaction on PostgreSQL: these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.fixture
def subscriber(cable):
    return make_comment(cable, email="ann@example.org", notify_replies=True, body="Tell me.")


def reply_from_bob(client, post_form, cable, parent, **fields):
    make_comment(cable, email="bob@example.org", name="Bob", ago=timedelta(days=3))
    return post_form(
        cable, parent=str(parent.pk), name="Bob", email="bob@example.org", body="Told.", **fields
    )


def test_an_approved_reply_emails_the_subscriber_through_the_worker(
    client, cable, post_form, subscriber
):
    response = reply_from_bob(client, post_form, cable, subscriber)
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert DBTaskResult.objects.count() == 1
    assert mail.outbox == []  # nothing is sent in the request
    run_worker()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    reply = Comment.objects.latest("pk")
    assert message.to == ["ann@example.org"]
    assert message.subject == "New reply to your comment on 08STATE1234"
    assert "Bob replied to your comment on cable 08STATE1234" in message.body
    assert f"/cable/2008/03/08STATE1234.html#comment-{reply.pk}" in message.body
    token = unsubscribe_token(subscriber)
    assert f"/comments/unsubscribe/{token}/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    reply.refresh_from_db()
    assert reply.reply_notice_sent is not None
    # The worker finds nothing more to do, and a second run sends nothing.
    run_worker()
    assert len(mail.outbox) == 1


def test_no_notice_without_opt_in(client, cable, post_form):
    parent = make_comment(cable, email="ann@example.org", notify_replies=False)
    reply_from_bob(client, post_form, cable, parent)
    run_worker()
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 0


def test_no_notice_for_replying_to_oneself(client, cable, post_form, subscriber):
    post_form(cable, parent=str(subscriber.pk), body="Adding to my own point.")
    run_worker()
    assert mail.outbox == []


def test_a_held_reply_notifies_once_a_moderator_approves_it(client, cable, post_form, subscriber):
    post_form(cable, parent=str(subscriber.pk), name="New", email="new@example.org")
    reply = Comment.objects.latest("pk")
    assert reply.status == Status.PENDING
    run_worker()
    assert mail.outbox == []
    services.moderate(comments=Comment.objects.filter(pk=reply.pk), status=Status.APPROVED)
    run_worker()
    assert [message.to for message in mail.outbox] == [["ann@example.org"]]


def unsubscribe_url(comment: Comment) -> str:
    return f"/comments/unsubscribe/{unsubscribe_token(comment)}/"


def subscribed(comment: Comment) -> bool:
    comment.refresh_from_db()
    return comment.notify_replies


def submit(page: Element, button: str, *, using: Client, **headers):
    """Press the page's button labelled `button`: its form's fields, posted to its action."""
    form = next(
        form
        for form in page.find_all("form")
        if any(squash(b.text) == button for b in form.find_all("button"))
    )
    fields = {field.attrs["name"]: field.attrs["value"] for field in form.find_all("input")}
    return using.post(form.attrs["action"], fields, headers=headers)


def test_a_notice_names_its_unsubscribe_page_and_offers_one_click(
    client, cable, post_form, subscriber, settings
):
    """RFC 8058: an https address in List-Unsubscribe, and List-Unsubscribe-Post."""
    settings.SITE_URL = "https://cables.example.org"
    reply_from_bob(client, post_form, cable, subscriber)
    run_worker()
    sent = mail.outbox[0].message()
    address = f"https://cables.example.org{unsubscribe_url(subscriber)}"
    assert sent["List-Unsubscribe"] == f"<{address}>"
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"open this page and press Unsubscribe:\n{address}\n" in mail.outbox[0].body


def test_opening_the_link_changes_nothing_and_asks(client, cable, subscriber):
    """A mail scanner that opens every link unsubscribes nobody (GET and HEAD)."""
    response = client.get(unsubscribe_url(subscriber))
    assert response.status_code == HTTPStatus.OK
    assert "no-store" in response["Cache-Control"]
    page = parse_html(response.content)
    assert squash(page.find("h1").text) == "Stop e-mails about replies?"
    form = page.find("article").find("form")
    assert [squash(button.text) for button in form.find_all("button")] == ["Unsubscribe"]
    assert client.head(unsubscribe_url(subscriber)).status_code == HTTPStatus.OK
    assert subscribed(subscriber)


def test_the_pages_button_unsubscribes_and_the_page_offers_to_undo(cable, subscriber):
    # A browser that sends neither Sec-Fetch-Site nor Origin, and has no CSRF cookie: the
    # button sends the one-click POST, which needs neither.
    browser = Client(enforce_csrf_checks=True)
    asked = parse_html(browser.get(unsubscribe_url(subscriber)).content)
    response = submit(asked, "Unsubscribe", using=browser)
    assert response.status_code == HTTPStatus.OK
    assert not subscribed(subscriber)
    page = parse_html(response.content)
    assert squash(page.find("h1").text) == "You are unsubscribed"

    again = submit(
        page, "That was a mistake: subscribe me again", using=browser, sec_fetch_site="same-origin"
    )
    assert again.status_code == HTTPStatus.OK
    assert squash(parse_html(again.content).find("h1").text) == "You are subscribed again"
    assert subscribed(subscriber)


@pytest.mark.parametrize("encoding", ["urlencoded", "multipart"])
@pytest.mark.parametrize("sent_from", [{}, {"sec_fetch_site": "cross-site"}])
def test_the_mail_providers_one_click_post_unsubscribes(cable, subscriber, encoding, sent_from):
    """From the provider's servers: no cookie, no CSRF token, no origin of ours."""
    provider = Client(enforce_csrf_checks=True)
    if encoding == "urlencoded":
        response = provider.post(
            unsubscribe_url(subscriber),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
            headers=sent_from,
        )
    else:
        response = provider.post(
            unsubscribe_url(subscriber), {"List-Unsubscribe": "One-Click"}, headers=sent_from
        )
    assert response.status_code == HTTPStatus.OK
    assert not subscribed(subscriber)


@pytest.mark.parametrize(
    "data",
    [
        {"subscribe": "1"},
        {"List-Unsubscribe": "One-Click", "subscribe": "1"},
        {"List-Unsubscribe": "Yes"},
        {},
    ],
)
def test_any_other_post_from_another_site_is_refused(cable, subscriber, data):
    """Only the one-click body passes without the CSRF check: another site cannot subscribe
    anybody again."""
    subscriber.notify_replies = False
    subscriber.save()
    forger = Client(enforce_csrf_checks=True)
    response = forger.post(
        unsubscribe_url(subscriber), data, headers={"sec_fetch_site": "cross-site"}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not subscribed(subscriber)


def test_an_unsubscribed_author_gets_no_more_notices(client, cable, post_form, subscriber):
    client.post(unsubscribe_url(subscriber), {"List-Unsubscribe": "One-Click"})
    reply_from_bob(client, post_form, cable, subscriber)
    run_worker()
    assert mail.outbox == []


@pytest.mark.parametrize("token", ["nonsense", "MQ:forged:signature"])
def test_a_forged_unsubscribe_link_changes_nothing(client, cable, subscriber, token):
    response = client.get(f"/comments/unsubscribe/{token}/")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    one_click = client.post(f"/comments/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == HTTPStatus.BAD_REQUEST
    assert subscribed(subscriber)


def test_a_notice_the_mail_server_refused_is_not_sent_again(
    client, cable, post_form, subscriber, settings
):
    """At most once: the notice is claimed before the e-mail goes out, and a failure to send
    leaves it claimed (a dropped connection may have delivered it)."""
    outbox = settings.MAILERS
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            # A mail server that is down: the connection is refused.
            "OPTIONS": {"host": "127.0.0.1", "port": closed_port(), "timeout": 2},
        }
    }
    reply_from_bob(client, post_form, cable, subscriber)
    run_worker()
    failed = DBTaskResult.objects.get()
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"

    # Run again (by hand, or by a worker after an interruption), it sends nothing.
    settings.MAILERS = outbox
    again = send_reply_notice.enqueue(Comment.objects.latest("pk").pk)
    run_worker()
    assert mail.outbox == []
    assert send_reply_notice.get_result(again.id).return_value.startswith("skipped")
