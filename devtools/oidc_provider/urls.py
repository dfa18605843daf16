"""The provider's addresses: allauth's sign-in pages, its OpenID Connect endpoints, and a
page for each person (the address the `profile` claim gives)."""

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import include, path
from django.utils.html import format_html


def person(request: HttpRequest, username: str) -> HttpResponse:
    user = get_object_or_404(User, username=username)
    return HttpResponse(
        format_html("<!DOCTYPE html><title>{0}</title><h1>{0}</h1>", user.get_full_name())
    )


urlpatterns = [
    path("accounts/", include("allauth.urls")),
    path("people/<str:username>/", person, name="person"),
    path("", include("allauth.idp.urls")),
]
