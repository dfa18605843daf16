"""Linkback checks on SQLite, the embedded default, with two writers at once: a database file
(as `make run` keeps it, not the test run's database in memory), task workers in processes of
their own, and sources on a real local web server.

The test's database, with the pings the test sent through the real endpoints, is copied to a
file; workers (`manage.py db_worker`) run on that file; the file is read back into the test's
database, and what a reader sees is asserted there."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
import xmlrpc.client
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.db import connection
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from comments.models import Comment, Kind, Status, Verification
from tests.factories import make_cable
from tests.faults import ON_POSTGRESQL
from tests.html import parse_html, squash
from tests.source_server import blog_post

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(ON_POSTGRESQL, reason="SQLite's file locks; PostgreSQL locks rows"),
]

REPO = Path(__file__).resolve().parents[2]
CABLE_PAGE = "/cable/2008/03/08STATE1234.html"
CABLE_URL = f"http://testserver{CABLE_PAGE}"

# The task worker as `make run` starts it, on the database file. The sources are on 127.0.0.1,
# which the fetcher refuses unless told otherwise, and no environment variable tells it.
WORKER = """
import sys
import django
from django.conf import settings
from django.core.management import call_command
django.setup()
settings.LINKBACKS_FETCH_ALLOW_LOOPBACK = True
call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0.1",
             "--worker-id", sys.argv[1], verbosity=1)
"""


def database_file(path: Path) -> Path:
    """The test's database as it is now, written to a file."""
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    return path


def read_back(path: Path) -> None:
    """The file, as the workers left it, becomes the test's database again."""
    kept = sqlite3.connect(path)
    kept.backup(connection.connection)
    kept.close()


def start_worker(database: Path, name: str, **environment: str) -> subprocess.Popen:
    log = database.with_name(f"{name}.log").open("w")
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, name],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{database}", **environment},
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def finish(worker: subprocess.Popen, database: Path, name: str) -> str:
    """The worker's log, once it has run every task and stopped."""
    try:
        worker.wait(timeout=90)
    finally:
        if worker.poll() is None:
            worker.kill()
    log = database.with_name(f"{name}.log").read_text()
    assert worker.returncode == 0, log
    return log


def wait_until(condition: Callable[[], bool], *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.05)


class SourcesAnsweredInPairs:
    """Citing pages on one web server that answers its requests two by two: each waits for
    the next one (at most 2 s, less than a fetch may take) and the two are answered together,
    so that the two checks fetching them go on to write what they found at the same moment."""

    def __init__(self, pages: dict[str, str]) -> None:
        self.requested: list[str] = []
        pairs: list[threading.Event] = []
        lock = threading.Lock()
        sources = self

        def pair_of(path: str) -> threading.Event:
            with lock:
                sources.requested.append(path)
                if len(sources.requested) % 2:
                    pairs.append(threading.Event())
                else:
                    pairs[-1].set()
                return pairs[-1]

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                pair_of(self.path).wait(timeout=2)
                body = pages.get(self.path, "not here").encode()
                self.send_response(200 if self.path in pages else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


PAIRS = 5


@pytest.fixture
def sources():
    pages = {}
    for number in range(PAIRS):
        pages[f"/essay-{number}"] = blog_post(links=[CABLE_URL], title=f"Essay {number}")
        pages[f"/notes-{number}"] = blog_post(links=[CABLE_URL], title=f"Notes {number}")
    server = SourcesAnsweredInPairs(pages)
    yield server
    server.stop()


def mention_titles(client) -> list[str]:
    page = parse_html(client.get(CABLE_PAGE).content)
    items = page.find("section", id="mentions").find_all("h3", cls="linkback-title")
    return sorted(squash(item.text) for item in items)


def test_webmentions_and_pingbacks_checked_at_the_same_moment_are_all_published(
    client, sources, tmp_path
):
    make_cable("08STATE1234")
    for number in range(PAIRS):
        essay, notes = sources.url(f"/essay-{number}"), sources.url(f"/notes-{number}")
        assert (
            client.post("/webmention/", {"source": essay, "target": CABLE_URL}).status_code == 202
        )
        ping = xmlrpc.client.dumps((notes, CABLE_URL), methodname="pingback.ping")
        assert b"<fault>" not in client.post("/pingback/", ping, content_type="text/xml").content
    database = database_file(tmp_path / "readingroom.sqlite3")

    # Two workers, each checking one linkback at a time: each fetch is answered together with
    # the other worker's, and both checks write at once, PAIRS times over.
    workers = {name: start_worker(database, name) for name in ("first", "second")}
    logs = {name: finish(worker, database, name) for name, worker in workers.items()}

    read_back(database)
    assert (
        sorted(
            (linkback.kind, linkback.status, linkback.verification)
            for linkback in Comment.objects.linkbacks()
        )
        == [(Kind.PINGBACK, Status.APPROVED, Verification.VERIFIED)] * PAIRS
        + [(Kind.WEBMENTION, Status.APPROVED, Verification.VERIFIED)] * PAIRS
    )
    # Each check ran once: none had to be run again after a "database is locked".
    assert sorted(sources.requested) == sorted(
        f"/{page}-{number}" for page in ("essay", "notes") for number in range(PAIRS)
    )
    tasks = DBTaskResult.objects.all()
    assert {(task.status, len(task.worker_ids)) for task in tasks} == {
        (TaskResultStatus.SUCCESSFUL, 1)
    }
    assert {task.worker_ids[0] for task in tasks} == {"first", "second"}
    assert not any("locked" in log for log in logs.values()), logs
    assert len(mention_titles(client)) == 2 * PAIRS


def test_a_check_that_meets_a_locked_database_is_run_again_by_the_worker(
    client, source_server, tmp_path
):
    make_cable("08STATE1234")
    # The page takes a second to come: time enough to lock the database under the check.
    source = source_server.page(
        "/post", blog_post(links=[CABLE_URL], title="Moscow and Beijing"), delay=1
    )
    assert client.post("/webmention/", {"source": source, "target": CABLE_URL}).status_code == 202
    database = database_file(tmp_path / "readingroom.sqlite3")

    # Writers wait a second for the lock; another process holds it for four.
    worker = start_worker(database, "worker", DATABASE_SQLITE_TIMEOUT="1")
    wait_until(lambda: source_server.requested() != [], seconds=30, what="the fetch")
    other_writer = sqlite3.connect(database, isolation_level=None)
    other_writer.execute("BEGIN IMMEDIATE")
    time.sleep(4)
    other_writer.execute("ROLLBACK")
    other_writer.close()
    log = finish(worker, database, "worker")

    assert "database is locked" in log
    read_back(database)
    stored = Comment.objects.linkbacks().get()
    assert (stored.status, stored.verification) == (Status.APPROVED, Verification.VERIFIED)
    assert source_server.requested() == ["/post", "/post"]  # fetched again when run again
    task = DBTaskResult.objects.get()
    assert (task.status, task.worker_ids) == (TaskResultStatus.SUCCESSFUL, ["worker", "worker"])
    assert mention_titles(client) == ["Moscow and Beijing"]
