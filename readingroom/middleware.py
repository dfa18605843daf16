"""Project middleware: CSRF protection that needs no token from a browser that says where a
form came from (and lets a mail provider's one-click unsubscribe through), the cookie that
tells the page's script a reader has state of their own, and the Retry-After of every 429."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware

from readingroom.limits import RETRY_AFTER_SECONDS

_SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
# The whole body of a one-click unsubscribe (RFC 8058, section 3.1).
_ONE_CLICK = [("List-Unsubscribe", ["One-Click"])]
# Not a secret and not HttpOnly: only says "ask for my own state" to the page's script.
_READER_HINT_COOKIE = "reader"


def one_click_unsubscribe(view: Callable) -> Callable:
    """Marks a view whose address a mail's `List-Unsubscribe` header names: the mail
    provider's one-click POST (RFC 8058) passes the CSRF check. It comes from the provider's
    servers, with no cookie, token or origin of ours, and its body is exactly
    `List-Unsubscribe=One-Click`; any other POST to the view is checked as usual. The view
    must do nothing with that POST but unsubscribe, by the secret in its address."""
    view.one_click_unsubscribe = True  # type: ignore[attr-defined]
    return view


class OriginCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF protection, with the browser's word for a request's origin first.

    A browser sends `Sec-Fetch-Site` with every request, and scripts cannot set it: a form
    posted from one of our pages says `same-origin`, one posted from another site says
    `cross-site` or `same-site`. So a request that carries it is accepted or refused on it
    alone, and a request without it but with an `Origin` is judged on that (Django's check of
    trusted origins). Only a client that sends neither (an old browser, a script) still needs
    the token. That is what lets the pages with a comment form be the same for everyone: they
    carry no token, and reading them sets no cookie.

    A view marked `one_click_unsubscribe` takes a one-click unsubscribe from anywhere.
    """

    # Django's own steps of the check, private and so left out of its stubs.
    _accept: Callable[[HttpRequest], None]
    _reject: Callable[[HttpRequest, str], HttpResponse]
    _origin_verified: Callable[[HttpRequest], bool]

    def process_view(self, request: HttpRequest, callback, callback_args, callback_kwargs):
        if (
            request.method in _SAFE_METHODS
            or getattr(callback, "csrf_exempt", False)
            or getattr(request, "_dont_enforce_csrf_checks", False)
        ):
            return super().process_view(request, callback, callback_args, callback_kwargs)
        if getattr(callback, "one_click_unsubscribe", False) and _is_one_click(request):
            return self._accept(request)
        site = request.META.get("HTTP_SEC_FETCH_SITE")
        if site is not None:
            if site != "same-origin":
                return self._reject(request, f"Sec-Fetch-Site is {site!r}, not same-origin.")
            if "HTTP_ORIGIN" in request.META and not self._origin_verified(request):
                return self._reject(request, f"Origin {request.META['HTTP_ORIGIN']} is not ours.")
            return self._accept(request)
        if request.META.get("HTTP_ORIGIN", "null") != "null":
            if not self._origin_verified(request):
                return self._reject(request, f"Origin {request.META['HTTP_ORIGIN']} is not ours.")
            return self._accept(request)
        return super().process_view(request, callback, callback_args, callback_kwargs)


def _is_one_click(request: HttpRequest) -> bool:
    """A POST whose form (urlencoded or multipart, as RFC 8058 allows) is exactly
    `List-Unsubscribe=One-Click`, without a file."""
    return not request.FILES and list(request.POST.lists()) == _ONE_CLICK


class ReaderHintMiddleware:
    """Keeps a `reader=1` cookie beside the session, the comment author and the liker cookies,
    for as long as they last, so that a shared page's script asks for the reader's own layer
    only when there is one to ask for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        stateful = (
            settings.SESSION_COOKIE_NAME,
            settings.COMMENTS_AUTHOR_COOKIE,
            settings.LIKES_COOKIE,
        )
        set_now = [response.cookies[name] for name in stateful if name in response.cookies]
        if not set_now:
            return response
        if any(cookie.value for cookie in set_now):
            longest = max(int(cookie["max-age"] or 0) for cookie in set_now)
            response.set_cookie(
                _READER_HINT_COOKIE,
                "1",
                max_age=longest or None,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        elif not any(name in request.COOKIES for name in stateful if name not in response.cookies):
            response.delete_cookie(_READER_HINT_COOKIE, samesite="Lax")
        return response


class RetryAfterMiddleware:
    """Every 429 (too many requests) says when to ask again (RFC 6585): a Retry-After in
    seconds, RETRY_AFTER_SECONDS unless the view set its own (a comment's flood rule). One
    place for all of them: the limits of readingroom.limits, the linkback endpoints, allauth's
    own limits, and any refusal added later."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == HTTPStatus.TOO_MANY_REQUESTS and not response.has_header(
            "Retry-After"
        ):
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
