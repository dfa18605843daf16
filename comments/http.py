"""What the views of comments, linkbacks and cable pages share about requests: who sent one,
the linkback endpoints' absolute addresses, and the headers that advertise them."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from http import HTTPStatus

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from cables.models import Cable
from comments import services
from comments.liking import Liker
from readingroom.limits import client_ip


def client_of(request: HttpRequest) -> services.Client:
    return services.Client(
        ip=client_ip(request), user_agent=request.META.get("HTTP_USER_AGENT", "")
    )


def _discovery_urls(request: HttpRequest) -> dict[str, str]:
    """Absolute addresses of the Pingback and Webmention endpoints, the same for every cable."""
    return {
        "pingback_url": request.build_absolute_uri(reverse("comments:pingback")),
        "webmention_url": request.build_absolute_uri(reverse("comments:webmention")),
    }


def linkback_endpoints(request: HttpRequest, cable: Cable) -> dict[str, str]:
    """Absolute addresses of the linkback endpoints, for the page's links and text."""
    return {
        "trackback_url": request.build_absolute_uri(
            reverse("comments:trackback", kwargs=cable.address_parts)
        ),
        **_discovery_urls(request),
    }


def advertise_linkbacks(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Pingback's X-Pingback header and Webmention's Link header on a cable's pages."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == HTTPStatus.OK:
            urls = _discovery_urls(request)
            response["X-Pingback"] = urls["pingback_url"]
            response["Link"] = f'<{urls["webmention_url"]}>; rel="webmention"'
        return response

    return wrapper


_LIKER_SALT = "comments.liker"
_LIKER_AGE = 365 * 24 * 3600


def liker_of(request: HttpRequest) -> Liker | None:
    """Who likes, as far as the request tells: the signed-in account, or the browser of the
    liker cookie; None for a guest who has liked nothing yet."""
    if isinstance(request.user, User) and request.user.is_authenticated:
        return Liker(user=request.user)
    browser = request.get_signed_cookie(
        settings.LIKES_COOKIE, default=None, salt=_LIKER_SALT, max_age=_LIKER_AGE
    )
    return Liker(browser=browser) if browser else None


def remember_liker(response: HttpResponse, liker: Liker) -> None:
    """The guest's browser id in its signed cookie, for a year."""
    response.set_signed_cookie(
        settings.LIKES_COOKIE,
        liker.browser,
        salt=_LIKER_SALT,
        max_age=_LIKER_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
