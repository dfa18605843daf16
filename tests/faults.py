"""Real faults for the tests: a database that stops answering, a port where no server listens.
`database_outage` is a fixture for every test module that imports it."""

from __future__ import annotations

import shutil
import socket
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import DatabaseError, connection, connections
from psycopg import sql

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
# SQLite's test database lives in the test process's memory: no other process or thread can
# lose it, and there is no server to stop under them.
postgresql_only = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="needs a database server that other processes or threads can lose"
)


@pytest.fixture
def database_outage(transactional_db, tmp_path) -> Callable[[], AbstractContextManager[None]]:
    """`with database_outage():` the database does not answer until the block ends.

    PostgreSQL: from a second connection, the test database stops taking connections
    (ALLOW_CONNECTIONS false) and every connection to it is terminated, the test's own and any
    worker's, as when the server stops. SQLite: the test's connection is to a database file
    whose folder was removed. Either way a query fails in the driver, as in production."""

    def outage() -> AbstractContextManager[None]:
        if connection.vendor == "postgresql":
            return postgres_refusing_connections()
        return sqlite_file_gone(tmp_path)

    return outage


@contextmanager
def postgres_refusing_connections() -> Iterator[None]:
    database = connection.settings_dict
    name = database["NAME"]
    with psycopg.connect(
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        user=database["USER"] or None,
        password=database["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        test_database = sql.Identifier(name)
        admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(test_database))
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [name],
            )
            deadline = time.monotonic() + 10
            while connected(admin, name) and time.monotonic() < deadline:
                time.sleep(0.05)  # terminating takes a moment
            yield
        finally:
            admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(test_database))
    close_connections()


def connected(admin, name: str) -> int:
    query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
    return admin.execute(query, [name]).fetchone()[0]


@contextmanager
def sqlite_file_gone(parent: Path) -> Iterator[None]:
    working = connections["default"]
    folder = Path(tempfile.mkdtemp(dir=parent))
    gone = type(working)({**working.settings_dict, "NAME": str(folder / "db.sqlite3")}, "default")
    shutil.rmtree(folder)
    connections["default"] = gone
    try:
        yield
    finally:
        gone.close()
        connections["default"] = working


def close_connections() -> None:
    """Connections broken by the outage are dropped; the next query opens a new one."""
    for each in connections.all(initialized_only=True):
        with suppress(DatabaseError):
            each.close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
