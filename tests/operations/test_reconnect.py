"""A connection kept from an earlier request that died since (the database restarted) costs a
reader nothing: the page is read again on a new connection. On PostgreSQL only: there is no
server under SQLite to lose a connection to."""

from __future__ import annotations

from http import HTTPStatus

import psycopg
import pytest
from django.db import close_old_connections, connection
from django.test import Client

from comments.models import Comment
from tests.comments.conftest import form_data, make_comment
from tests.factories import make_cable
from tests.faults import postgresql_only

pytestmark = [postgresql_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def fresh_connection_afterwards():
    yield
    connection.close()  # the database's flush after the test needs a live one


def kill_the_kept_connection() -> None:
    """From a second connection, end the server process behind Django's own, as a restart
    of the database would: Django still holds it, and finds out only at its next query."""
    assert connection.connection is not None
    pid = connection.connection.info.backend_pid
    database = connection.settings_dict
    with psycopg.connect(
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        user=database["USER"] or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_page_read_on_a_dead_kept_connection_is_read_again():
    cable = make_cable("08STATE1234", paragraphs=3)
    reader = Client(raise_request_exception=False)
    assert reader.get(cable.get_absolute_url()).status_code == HTTPStatus.OK
    kill_the_kept_connection()
    response = reader.get(cable.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    assert b"08STATE1234" in response.content


def test_a_comment_sent_on_a_dead_kept_connection_comes_back_to_send_again():
    cable = make_cable("08STATE1234", paragraphs=3)
    make_comment(cable, body="Ann has commented before.")
    reader = Client(raise_request_exception=False)
    reader.get(cable.get_absolute_url())
    kill_the_kept_connection()
    response = reader.post("/comments/post/", form_data(cable, body="Sent after a restart."))
    # Not run twice behind the reader's back: the 503 form, with the text, to send again.
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert "Sent after a restart." in response.content.decode()
    # At the end of that request the server drops the failed connection (the test client
    # leaves that to the test), so the reader's second try goes through.
    close_old_connections()
    assert (
        reader.post("/comments/post/", form_data(cable, body="Sent after a restart.")).status_code
        == HTTPStatus.SEE_OTHER
    )
    assert Comment.objects.filter(body="Sent after a restart.").count() == 1
