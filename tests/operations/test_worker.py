"""The task worker (`manage.py db_worker`) through faults: a database that stops and comes
back, a worker killed while it ran a task, two workers on one reply notice.

The reply notices go to the test mail outbox (or, from a worker process of its own, to its
standard output, the console mail backend); what is asserted is the mail a reader gets and the
task results the backend reports."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.core.management import call_command
from django.db import connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments.models import Comment, Kind, Status, Verification
from comments.tasks import send_reply_notice
from tests.comments.conftest import make_comment
from tests.factories import make_cable
from tests.faults import postgresql_only
from tests.source_server import blog_post

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[2]
CONSOLE_MAIL = "django.core.mail.backends.console.EmailBackend"
SUBJECT = "New reply to your comment on 08STATE1234"


def run_worker(*options: str) -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", *options, verbosity=0)


@pytest.fixture
def ann() -> Comment:
    """Ann's comment on a cable: she asked to be told of replies."""
    cable = make_cable("08STATE1234")
    return make_comment(cable, email="ann@example.org", notify_replies=True, body="Tell me.")


def reply_to(parent: Comment, name: str) -> Comment:
    email = f"{name.lower()}@example.org"
    return make_comment(parent.cable, parent=parent, name=name, email=email, body=f"{name} says.")


def left_running(task_id: str, *, started: timedelta, workers: list[str]) -> None:
    """The task as a worker killed while running it leaves it: RUNNING, for ever."""
    DBTaskResult.objects.filter(pk=task_id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - started, worker_ids=workers
    )


def wait_until(condition: Callable[[], bool], *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.1)


# --- a worker killed while it ran a task ----------------------------------------------------


def test_a_task_whose_worker_was_killed_is_run_again_after_the_timeout(settings, ann):
    settings.TASKS_ABANDONED_AFTER_SECONDS = 10 * 60
    killed = send_reply_notice.enqueue(reply_to(ann, "Bob").pk)
    busy = send_reply_notice.enqueue(reply_to(ann, "Carol").pk)
    left_running(killed.id, started=timedelta(minutes=11), workers=["killed-worker"])
    # Started a minute ago: another worker may well be running it still.
    left_running(busy.id, started=timedelta(minutes=1), workers=["busy-worker"])

    run_worker()

    assert [message.to for message in mail.outbox] == [["ann@example.org"]]
    assert "Bob replied to your comment" in mail.outbox[0].body
    done = send_reply_notice.get_result(killed.id)
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert done.return_value.startswith("sent to the author of comment")
    assert len(done.worker_ids) == 2 and done.worker_ids[0] == "killed-worker"
    assert send_reply_notice.get_result(busy.id).status == TaskResultStatus.RUNNING


def test_a_task_whose_workers_keep_dying_is_left_failed(ann):
    task = send_reply_notice.enqueue(reply_to(ann, "Bob").pk)
    left_running(task.id, started=timedelta(hours=1), workers=[f"killed-{n}" for n in range(5)])

    run_worker()

    assert mail.outbox == []
    failed = send_reply_notice.get_result(task.id)
    assert failed.status == TaskResultStatus.FAILED
    assert [error.exception_class_path for error in failed.errors] == [
        "operations.worker.TaskAbandoned"
    ]
    assert "its worker stopped, 5 times" in failed.errors[0].traceback


class SecondWorkerWhileSending(locmem.EmailBackend):
    """The test outbox; but while the first worker is sending, a second worker, for which the
    task has been running too long, takes it as abandoned and runs it (a slow mail server and
    a short TASKS_ABANDONED_AFTER_SECONDS)."""

    second_worker_ran = False

    def send_messages(self, messages):
        if not SecondWorkerWhileSending.second_worker_ran:
            SecondWorkerWhileSending.second_worker_ran = True
            run_worker("--abandoned-after", "0")
        return super().send_messages(messages)


def test_a_notice_run_by_two_workers_at_once_is_sent_once(settings, ann):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.SecondWorkerWhileSending"}}
    SecondWorkerWhileSending.second_worker_ran = False
    task = send_reply_notice.enqueue(reply_to(ann, "Bob").pk)

    run_worker()

    assert SecondWorkerWhileSending.second_worker_ran
    assert [message.subject for message in mail.outbox] == [SUBJECT]
    result = send_reply_notice.get_result(task.id)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert len(result.worker_ids) == 2


# --- a database that stops and comes back ---------------------------------------------------


@postgresql_only
def test_the_worker_waits_out_a_database_restart_and_does_the_queued_task(
    database_outage, tmp_path, ann
):
    first, second = reply_to(ann, "Bob"), reply_to(ann, "Carol")
    send_reply_notice.enqueue(first.pk)
    database = connection.settings_dict
    address = (
        f"postgres://{quote(database['USER'])}@{database['HOST']}:{database['PORT']}"
        f"/{quote(database['NAME'])}"
    )
    stdout, stderr = tmp_path / "worker.out", tmp_path / "worker.err"
    with stdout.open("w") as out, stderr.open("w") as err:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay",
             "--interval", "0.2"],
            cwd=REPO,
            env={**os.environ, "DATABASE_URL": address, "DJANGO_EMAIL_BACKEND": CONSOLE_MAIL},
            stdout=out,
            stderr=err,
        )  # fmt: skip
    try:
        wait_until(lambda: notice_sent(first), seconds=30, what="the worker's first notice")
        # Queued now, due in 2 s: while the database is down.
        queued = send_reply_notice.using(run_after=timezone.now() + timedelta(seconds=2))
        carol = queued.enqueue(second.pk)
        with database_outage():
            time.sleep(5)  # PostgreSQL refuses every connection for 5 s
            assert worker.poll() is None, stderr.read_text()
        wait_until(
            lambda: send_reply_notice.get_result(carol.id).status == TaskResultStatus.SUCCESSFUL,
            seconds=60,
            what="the notice queued during the outage",
        )
        assert worker.poll() is None  # the same process, never restarted
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    sent = stdout.read_text()
    assert sent.count(f"Subject: {SUBJECT}") == 2
    assert "Carol replied to your comment" in sent
    log = stderr.read_text()
    assert "The database does not answer" in log
    assert "The database answers again" in log


def notice_sent(reply: Comment) -> bool:
    return Comment.objects.filter(pk=reply.pk, reply_notice_sent__isnull=False).exists()


@postgresql_only
def test_a_linkback_check_the_outage_cut_short_is_run_again(
    client, settings, database_outage, source_server
):
    settings.LINKBACKS_FETCH_ALLOW_LOOPBACK = True
    cable = make_cable("08STATE1234")
    # The source answers in 2 s; the database stops while the worker waits for it.
    source = source_server.page(
        "/post", blog_post(links=[f"http://testserver{cable.get_absolute_url()}"]), delay=2
    )
    client.post(
        "/cable/2008/03/08STATE1234/trackback/",
        {"url": source, "title": "Moscow and Beijing", "blog_name": "Cable Watch"},
    )
    stopped: list[BaseException] = []

    def stop_the_database_during_the_fetch() -> None:
        try:
            wait_until(lambda: source_server.requested(), seconds=30, what="the fetch")
            with database_outage():
                time.sleep(4)
        except BaseException as error:  # reported in the test's thread
            stopped.append(error)

    outage = threading.Thread(target=stop_the_database_during_the_fetch)
    outage.start()
    run_worker()  # returns when no task is left
    outage.join()
    assert not stopped, stopped

    assert source_server.requested() == ["/post", "/post"]  # fetched again after the outage
    linkback = Comment.objects.get(kind=Kind.TRACKBACK)
    assert (linkback.status, linkback.verification) == (Status.APPROVED, Verification.VERIFIED)
    task = DBTaskResult.objects.get()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert len(task.worker_ids) == 2
    page = client.get(cable.get_absolute_url()).content.decode()
    assert "Moscow and Beijing" in page
