"""What counts as the database not answering: the errors a stopped, restarting or unreachable
database raises through Django (a refused connection, a connection terminated under a query,
a connection that is already gone)."""

from __future__ import annotations

from django.db import InterfaceError, OperationalError

DATABASE_ERRORS: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


def is_database_outage(error: BaseException | None) -> bool:
    """Whether the error, or one it was raised from or while handling, is a database error."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_ERRORS):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False
