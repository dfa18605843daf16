"""Liking a cable, a paragraph or a comment: the small form beside each posts here. Without
JavaScript the reader comes back to where they were (a comment's form, which names neither
its cable nor its page, comes back to the comment on the cable's page); the script asks for
JSON and updates the count in place."""

from __future__ import annotations

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from comments.http import liker_of, remember_liker
from comments.liking import Liker, LikeRefused, liked_cable, toggle_like
from comments.models import Like
from readingroom.limits import client_ip
from readingroom.redirects import local_address


@require_POST
def like(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("target", "")
    cable = liked_cable(request.POST.get("cable", ""), target)
    wants_json = "application/json" in request.headers.get("Accept", "")
    known = liker_of(request)
    liker = known or Liker.new_browser()
    try:
        if cable is None:
            raise LikeRefused("There is no such cable to like.")
        liked = toggle_like(
            cable=cable,
            target=target,
            liker=liker,
            ip=client_ip(request),
            undo=request.POST.get("undo") == "1",
        )
    except LikeRefused as refusal:
        return _refused(request, refusal, wants_json=wants_json)
    if wants_json:
        count = Like.objects.filter(cable=cable, target=target).count()
        response: HttpResponse = JsonResponse({"target": target, "liked": liked, "count": count})
    else:
        back = request.POST.get("next") or cable.get_absolute_url()
        page = local_address(request, back.split("#")[0])
        response = HttpResponseRedirect(f"{page}#{target or 'likes'}")
        response.status_code = HTTPStatus.SEE_OTHER
    if known is None:
        remember_liker(response, liker)
    return response


def _refused(request: HttpRequest, refusal: LikeRefused, *, wants_json: bool) -> HttpResponse:
    """Why the like was refused; a 429 gets its Retry-After from readingroom.middleware."""
    if wants_json:
        return JsonResponse({"error": refusal.message}, status=refusal.status)
    context = {"message": refusal.message}
    return render(request, "comments/comment_rejected.html", context, status=refusal.status)
