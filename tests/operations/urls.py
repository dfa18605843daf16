"""The site's addresses plus two views that fail where no view of the site does: one that
only writes to the session (saved by the sessions' middleware after the view returned) and
one with a bug."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from readingroom.urls import handler404, handler500  # noqa: F401 (Django reads them here)
from readingroom.urls import urlpatterns as site_urlpatterns


def remember_choice(request: HttpRequest) -> HttpResponse:
    request.session["choice"] = "kept"
    return HttpResponse("Remembered.")


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug in a view, with a secret detail")


urlpatterns = [
    path("test/remember/", remember_choice),
    path("test/broken/", broken),
    *site_urlpatterns,
]
