"""What readers and monitors get when something the site depends on fails: the server error
pages (handler500) and /healthz."""

from __future__ import annotations

import sys
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from operations import health
from operations.outages import is_database_outage

# What a reader is told to wait, and the Retry-After header: a restart or a failover.
_RETRY_AFTER_SECONDS = 30
_COMMENT_ENDPOINT = "comments:post"
# Posted fields the form on the 503 page does not carry over as they came: the text has its
# own box, a fresh CSRF token is written, and "preview" would make the button preview again.
_NOT_CARRIED_OVER = {"body", "csrfmiddlewaretoken", "preview"}


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500, for any exception a view or a middleware let out (with DEBUG off).

    When the database does not answer (a view's query, or the sessions' and accounts'
    middleware reading or saving a session), a 503 with Retry-After; a comment sent meanwhile
    comes back in a form to send again. Anything else, a plain 500. Neither page reads the
    database: they extend base_error.html, which shows no account and uses no session."""
    if not is_database_outage(sys.exc_info()[1]):
        response = render(request, "500.html", status=HTTPStatus.INTERNAL_SERVER_ERROR)
        add_never_cache_headers(response)
        return response
    context: dict[str, object] = {"retry_after": _RETRY_AFTER_SECONDS}
    if request.method == "POST" and _view_name(request) == _COMMENT_ENDPOINT:
        context["comment"] = _kept_comment(request)
    response = render(request, "503.html", context, status=HTTPStatus.SERVICE_UNAVAILABLE)
    response["Retry-After"] = str(_RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def _kept_comment(request: HttpRequest) -> dict[str, object]:
    """The comment a POST carried, for a form that sends it again (_comment_kept.html)."""
    return {
        "fields": [
            (name, value)
            for name, values in request.POST.lists()
            if name not in _NOT_CARRIED_OVER
            for value in values
        ],
        "body": request.POST.get("body", ""),
    }


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW. A comment refused by the CSRF protection (a browser that sends
    neither Sec-Fetch-Site nor Origin, and no token: the shared pages carry none) comes back
    in a form that sends it again, now with a token; anything else gets Django's page."""
    if request.method == "POST" and _view_name(request) == _COMMENT_ENDPOINT:
        context = {"comment": _kept_comment(request)}
        response = render(request, "403_csrf.html", context, status=HTTPStatus.FORBIDDEN)
        add_never_cache_headers(response)
        return response
    return django_csrf_failure(request, reason=reason)


def _view_name(request: HttpRequest) -> str | None:
    """The view the request was for; resolved again when the error came before resolving."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return None
    return match.view_name


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """{"status": "ok", "checks": {"database": "ok", "cache": "ok", "search_index": "ok"}}:
    200 when everything answers, 503 (and "unavailable" beside what does not) otherwise. For
    load balancers and monitors: no session, no cookie, never cached."""
    answers = health.check_all()
    healthy = all(answers.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "checks": {name: "ok" if up else "unavailable" for name, up in answers.items()},
        },
        status=HTTPStatus.OK if healthy else HTTPStatus.SERVICE_UNAVAILABLE,
    )
