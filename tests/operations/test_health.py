"""/healthz, as a load balancer or a monitor reads it: 200 when the database, the cache and the
search index all answer, 503 naming what does not."""

from __future__ import annotations

import json
from http import HTTPStatus

import pytest

from tests.faults import closed_port

ALL_ANSWER = {"database": "ok", "cache": "ok", "search_index": "ok"}


def health(client) -> tuple[int, dict]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies  # no session, no CSRF cookie: nothing for a monitor to keep
    assert "Cookie" not in response.get("Vary", "")
    return response.status_code, json.loads(response.content)


@pytest.mark.django_db
def test_everything_answers(client, django_assert_num_queries):
    with django_assert_num_queries(1):  # cheap: one SELECT 1
        status, answer = health(client)
    assert status == HTTPStatus.OK
    assert answer == {"status": "ok", "checks": ALL_ANSWER}


def test_the_database_does_not_answer(reader, database_outage):
    with database_outage():
        status, answer = health(reader)
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert answer == {"status": "unavailable", "checks": {**ALL_ANSWER, "database": "unavailable"}}
    # The outage over, the same check answers again.
    assert health(reader) == (HTTPStatus.OK, {"status": "ok", "checks": ALL_ANSWER})


@pytest.mark.django_db
def test_the_cache_does_not_answer(client, settings):
    # A Redis cache on a port where no server listens: the connection is refused.
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
    status, answer = health(client)
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert answer == {"status": "unavailable", "checks": {**ALL_ANSWER, "cache": "unavailable"}}


@pytest.mark.django_db
def test_the_search_index_is_missing(client, settings, tmp_path):
    settings.SEARCH_INDEX = tmp_path / "never-built"
    status, answer = health(client)
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert answer == {
        "status": "unavailable",
        "checks": {**ALL_ANSWER, "search_index": "unavailable"},
    }
