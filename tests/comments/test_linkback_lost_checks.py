"""A linkback whose check never ended is not left "Waiting to be checked" for good: its check
failed (the worker gave up on it after database errors) or its worker was killed, and the
sender's repeat queues a new one, which the worker runs.

The lost check is the state the task worker leaves in the queue (the task's row FAILED, or
RUNNING under a worker that is gone); the pings go through the real endpoints and the worker
(`manage.py db_worker`) fetches the sources from a real local web server."""

from __future__ import annotations

import xmlrpc.client
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments.models import Comment, Status, Verification
from tests.html import parse_html, squash
from tests.source_server import blog_post

pytestmark = pytest.mark.django_db(transaction=True)

CABLE_PAGE = "/cable/2008/03/08STATE1234.html"
CABLE_URL = f"http://testserver{CABLE_PAGE}"


@pytest.fixture(autouse=True)
def fetch_local(settings):
    """The sources live on 127.0.0.1, which the fetcher refuses unless told otherwise."""
    settings.LINKBACKS_FETCH_ALLOW_LOOPBACK = True


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def lose_the_check(how: str) -> None:
    """The queued check as the worker leaves one that will not end on its own."""
    if how == "failed":  # run MAX_ATTEMPTS times, each meeting a locked database
        DBTaskResult.objects.update(
            status=TaskResultStatus.FAILED,
            started_at=timezone.now(),
            finished_at=timezone.now(),
            worker_ids=["worker"] * 5,
            exception_class_path="django.db.utils.OperationalError",
            traceback="OperationalError: database is locked\n",
        )
    else:  # its worker was killed while running it, a moment ago
        DBTaskResult.objects.update(
            status=TaskResultStatus.RUNNING,
            started_at=timezone.now() - timedelta(seconds=30),
            worker_ids=["killed-worker"],
        )


def waiting_checks() -> int:
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()


def mention_titles(client) -> list[str]:
    page = parse_html(client.get(CABLE_PAGE).content)
    items = page.find("section", id="mentions").find_all("h3", cls="linkback-title")
    return [squash(item.text) for item in items]


def check_shown(client, location: str) -> str:
    """'Check of the source' on the webmention's status page."""
    page = parse_html(client.get(urlsplit(location).path).content)
    return squash(page.find("dl", cls="status-list").find_all("dd")[2].text)


@pytest.mark.parametrize("how", ["failed", "worker-killed"])
def test_a_webmention_whose_check_was_lost_is_checked_when_it_is_sent_again(
    client, cable, source_server, how
):
    source = source_server.page("/post", blog_post(links=[CABLE_URL], title="Moscow and Beijing"))
    location = client.post("/webmention/", {"source": source, "target": CABLE_URL})["Location"]
    lose_the_check(how)
    assert check_shown(client, location) == "Waiting to be checked"

    again = client.post("/webmention/", {"source": source, "target": CABLE_URL})

    assert again.status_code == 202
    assert waiting_checks() == 1
    run_worker()
    assert check_shown(client, location).startswith("Links to the cable")
    assert mention_titles(client) == ["Moscow and Beijing"]


def test_a_repeat_while_a_check_waits_to_start_queues_no_other(client, cable, source_server):
    source = source_server.page("/post", blog_post(links=[CABLE_URL]))
    for _ in range(3):
        assert (
            client.post("/webmention/", {"source": source, "target": CABLE_URL}).status_code == 202
        )
    assert waiting_checks() == 1
    run_worker()
    assert source_server.requested() == ["/post"]


def test_a_repeated_pingback_is_still_48_but_queues_its_lost_check_again(
    client, cable, source_server
):
    source = source_server.page("/post", blog_post(links=[CABLE_URL], title="Moscow and Beijing"))
    ping = xmlrpc.client.dumps((source, CABLE_URL), methodname="pingback.ping")
    client.post("/pingback/", ping, content_type="text/xml")
    lose_the_check("failed")

    answer = client.post("/pingback/", ping, content_type="text/xml")

    with pytest.raises(xmlrpc.client.Fault) as fault:
        xmlrpc.client.loads(answer.content)
    assert fault.value.faultCode == 48
    assert waiting_checks() == 1
    run_worker()
    stored = Comment.objects.linkbacks().get()
    assert (stored.status, stored.verification) == (Status.APPROVED, Verification.VERIFIED)
    assert mention_titles(client) == ["Moscow and Beijing"]


def test_a_repeated_trackback_queues_its_lost_check_again(client, cable, source_server):
    source = source_server.page("/post", blog_post(links=[CABLE_URL]))
    fields = {"url": source, "title": "Moscow and Beijing", "blog_name": "Cable Watch"}
    client.post("/cable/2008/03/08STATE1234/trackback/", fields)
    lose_the_check("worker-killed")

    reply = client.post("/cable/2008/03/08STATE1234/trackback/", fields)

    assert b"<error>1</error>" in reply.content
    assert b"already registered" in reply.content
    assert waiting_checks() == 1
    run_worker()
    assert Comment.objects.linkbacks().get().status == Status.APPROVED
    assert mention_titles(client) == ["Moscow and Beijing"]


def test_a_repeat_of_a_linkback_already_checked_queues_nothing(client, cable, source_server):
    source = source_server.page("/post", blog_post(links=[CABLE_URL]))
    ping = xmlrpc.client.dumps((source, CABLE_URL), methodname="pingback.ping")
    client.post("/pingback/", ping, content_type="text/xml")
    run_worker()
    client.post("/pingback/", ping, content_type="text/xml")
    assert waiting_checks() == 0
    assert source_server.requested() == ["/post"]
