"""Opt-in reply notices: queued in the database, sent by the worker, stopped in one click."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from comments import services
from comments.models import Comment, Status
from comments.tasks import send_reply_notice, unsubscribe_token
from tests.comments.conftest import make_comment
from tests.faults import closed_port

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


def test_one_click_unsubscribes_and_the_page_offers_to_undo(client, cable, subscriber):
    url = f"/comments/unsubscribe/{unsubscribe_token(subscriber)}/"
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert "You are unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.notify_replies is False
    client.post(url, {"subscribe": "1"})
    subscriber.refresh_from_db()
    assert subscriber.notify_replies is True


def test_the_mail_clients_one_click_post_unsubscribes(cable, subscriber):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    url = f"/comments/unsubscribe/{unsubscribe_token(subscriber)}/"
    response = strict.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == HTTPStatus.OK
    subscriber.refresh_from_db()
    assert subscriber.notify_replies is False


def test_an_unsubscribed_author_gets_no_more_notices(client, cable, post_form, subscriber):
    client.get(f"/comments/unsubscribe/{unsubscribe_token(subscriber)}/")
    reply_from_bob(client, post_form, cable, subscriber)
    run_worker()
    assert mail.outbox == []


@pytest.mark.parametrize("token", ["nonsense", "MQ:forged:signature"])
def test_a_forged_unsubscribe_link_changes_nothing(client, cable, subscriber, token):
    response = client.get(f"/comments/unsubscribe/{token}/")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    subscriber.refresh_from_db()
    assert subscriber.notify_replies is True


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
