"""The PNG preview image a shared link shows (drawn once, then cached), and the hop to a
reader's Mastodon instance. What the pages' tags and share links say is cables.sharing."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from django.conf import settings
from django.core.cache import caches
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override

from cables.models import Cable
from cables.preview import CARD_VERSION, Card, draw_card
from cables.sharing import CARD_CHARACTERS, SITE_NAME, byline, opening, shortened

_IMAGE_CACHE_SECONDS = 7 * 24 * 3600
_MASTODON_COOKIE = "mastodon_instance"
_MOST_SHARED_CHARACTERS = 2000
_HOST_NAME = re.compile(r"(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


def mastodon_instance(value: str) -> str | None:
    """The host name in what a reader typed: 'mastodon.social', 'https://mastodon.social/',
    '@ann@mastodon.social', a profile's address 'https://mastodon.social/@ann'; None when
    there is none."""
    value = value.strip().lower().removeprefix("https://").removeprefix("http://")
    value = value.split("/", 1)[0].rsplit("@", 1)[-1]
    return value if _HOST_NAME.fullmatch(value) else None


# The instance form goes on to another site: the page's policy lets its form lead there.
@csp_override({**settings.SECURE_CSP, "form-action": [CSP.SELF, "https:"]})
def share_on_mastodon(request: HttpRequest) -> HttpResponse:
    """/share/mastodon/?text=...: a form asks for the reader's instance (filled in with the
    last one they gave); posted, it goes on to that instance's share page. Only the reader's
    own post leads away: a link to this page cannot send anyone elsewhere."""
    data = request.POST if request.method == "POST" else request.GET
    text = data.get("text", "")[:_MOST_SHARED_CHARACTERS]
    typed = data.get("instance", "")
    instance = mastodon_instance(typed)
    if request.method == "POST" and instance and text:
        response = HttpResponseRedirect(f"https://{instance}/share?text={quote(text, safe='')}")
        response.set_cookie(
            _MASTODON_COOKIE,
            instance,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
        return response
    context = {
        "text": text,
        "instance": typed or request.COOKIES.get(_MASTODON_COOKIE, ""),
        "error": request.method == "POST" and instance is None,
    }
    return render(request, "cables/share_mastodon.html", context)


def preview_image(
    request: HttpRequest, year: str, month: str, reference_id: str, anchor: str | None = None
) -> HttpResponse:
    """/cable/2007/02/07MOSCOW601/preview.png, .../par3/preview.png: the card, drawn when its
    text first is asked for (or changed), from the cache after that."""
    cable = get_object_or_404(Cable.objects.select_related("origin"), reference_id=reference_id)
    if anchor is None:
        paragraph = None
        text = opening(cable, list(cable.paragraphs.order_by("position")[:3]))
    else:
        paragraph = cable.paragraphs.filter(anchor=anchor, number__isnull=False).first()
        if paragraph is None:
            raise Http404(f"Cable {cable} has no paragraph {anchor}.")
        text = paragraph.text
    card = Card(
        reference_id=cable.reference_id,
        classification=cable.classification,
        subject=cable.subject,
        byline=byline(cable, paragraph),
        text=shortened(text, CARD_CHARACTERS),
        site=SITE_NAME,
    )
    # The drawing's version is in the digest: a new drawing is a new image, not a stale one.
    digest = hashlib.sha256(f"{CARD_VERSION}:{card!r}".encode()).hexdigest()[:32]
    response = HttpResponse(content_type="image/png")
    response["ETag"] = f'"{digest}"'
    patch_cache_control(response, public=True, max_age=24 * 3600)
    # Given the response, Django answers with it unless a condition holds, then with a 304
    # (or 412) that carries the same ETag and Cache-Control as the image would.
    conditional = get_conditional_response(request, etag=response["ETag"], response=response)
    if conditional is not None and conditional is not response:
        return conditional
    previews = caches["previews"]
    key = f"cable-preview:{digest}"
    png = previews.get(key)
    if png is None:
        png = draw_card(card)
        previews.set(key, png, _IMAGE_CACHE_SECONDS)
    response.content = png
    return response
