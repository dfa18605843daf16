"""Project middleware: CSRF protection that needs no token from a browser that says where a
form came from, and the cookie that tells the page's script a reader has state of their own."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware

_SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
# Not a secret and not HttpOnly: only says "ask for my own state" to the page's script.
_READER_HINT_COOKIE = "reader"


class OriginCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF protection, with the browser's word for a request's origin first.

    A browser sends `Sec-Fetch-Site` with every request, and scripts cannot set it: a form
    posted from one of our pages says `same-origin`, one posted from another site says
    `cross-site` or `same-site`. So a request that carries it is accepted or refused on it
    alone, and a request without it but with an `Origin` is judged on that (Django's check of
    trusted origins). Only a client that sends neither (an old browser, a script) still needs
    the token. That is what lets the pages with a comment form be the same for everyone: they
    carry no token, and reading them sets no cookie.
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
