"""A database connection kept from an earlier request may have died since (the database
restarted): a reader's request that meets it is run again on a new one, not failed."""

from __future__ import annotations

from django.db import connections
from django.http import HttpRequest, HttpResponse

from operations.outages import is_database_outage

_SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


# In the request's META: whether a connection was kept from an earlier request.
_KEPT_CONNECTION = "readingroom.kept_connection"


class ReconnectMiddleware:
    """Django's CONN_HEALTH_CHECKS would find a dead kept connection with a query before each
    request's first: a round trip on every page view, a third of a cached page's time. This
    finds out only when it matters: when a view reading the database fails on a connection
    that was kept from an earlier request, the connections are closed and the view is run once
    more (it reads, so running it again is harmless). A request that writes is not run again:
    a comment sent then gets the 503 page with its text, to send again."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META[_KEPT_CONNECTION] = any(
            connection.connection is not None for connection in connections.all()
        )
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if (
            request.method not in _SAFE_METHODS
            or not request.META.get(_KEPT_CONNECTION, False)
            or not is_database_outage(exception)
        ):
            return None
        request.META[_KEPT_CONNECTION] = False  # once: a second failure is an outage
        for connection in connections.all(initialized_only=True):
            connection.close()
        match = request.resolver_match
        if match is None:
            return None
        return match.func(request, *match.args, **match.kwargs)
