"""oEmbed (https://oembed.com/): a cable or paragraph URL pasted into a site that speaks
oEmbed becomes a quote card that links back. JSON only; no script in the card."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse

from cables.addresses import cable_address, our_hosts
from cables.models import Cable
from cables.sharing import (
    HEIGHT,
    SITE_NAME,
    WIDTH,
    byline,
    image_path,
    opening,
    shortened,
)

_CARD_WIDTH = 550
_CARD_HEIGHT = 260
_QUOTE_CHARACTERS = 400
# The card's measures (its style below): the text at 16px/1.5 (24 px a line; about 9 px a
# character once lines wrap at word ends, measured in Chromium with the serif fallback, a
# little wider than Georgia), the border and padding at each side, the footer with the
# padding.
_LINE_HEIGHT = 24
_CHARACTER_WIDTH = 9
_SIDES = 4 + 2 * 16
_FOOTER_HEIGHT = 64
_FEWEST_CHARACTERS = 20


def _bounded(asked: str | None, most: int) -> int:
    """The size a consumer allows (maxwidth, maxheight), within ours; ours when what it
    sent is no size."""
    try:
        allowed = int(asked or most)
    except ValueError:
        return most
    return min(most, allowed) if allowed > 0 else most


def _quote_length(width: int, height: int) -> int:
    """About as many characters as fit the card's text within `width` x `height` (the card
    also hides what would overflow); 0 when no useful part of a quote fits."""
    lines = max(0, (height - _FOOTER_HEIGHT) // _LINE_HEIGHT)
    characters = min(_QUOTE_CHARACTERS, int(lines * (width - _SIDES) / _CHARACTER_WIDTH))
    return characters if characters >= _FEWEST_CHARACTERS else 0


def oembed(request: HttpRequest) -> HttpResponse:
    """/oembed/?url=...&format=json[&maxwidth=&maxheight=]."""
    if request.GET.get("format", "json") != "json":
        return HttpResponse("Only the json format is served.", status=501)
    url = request.GET.get("url", "")
    address = cable_address(url, hosts=our_hosts(request))
    if address is None:
        return HttpResponse("Not a cable or paragraph address of this site.", status=404)
    reference_id, anchor = address
    cable = Cable.objects.select_related("origin").filter(reference_id=reference_id).first()
    if cable is None:
        return HttpResponse(f"No cable {reference_id} here.", status=404)
    paragraphs = list(cable.paragraphs.order_by("position"))
    paragraph = next(
        (p for p in paragraphs if anchor and p.anchor == anchor and p.number is not None), None
    )
    link = request.build_absolute_uri(cable.get_absolute_url())
    if paragraph:
        link += f"#{paragraph.anchor}"
        title = f"¶{paragraph.number} of {cable.title}"
        words = paragraph.text
    else:
        title = cable.title
        words = opening(cable, paragraphs)
    width = _bounded(request.GET.get("maxwidth"), _CARD_WIDTH)
    height = _bounded(request.GET.get("maxheight"), _CARD_HEIGHT)
    length = _quote_length(width, height)
    card = render_to_string(
        "cables/oembed_card.html",
        {
            "link": link,
            "width": width,
            "height": height,
            "quote": shortened(words, length) if length else "",
            "label": cable.reference_id + (f" ¶{paragraph.number}" if paragraph else ""),
            "byline": byline(cable),
            "site_name": SITE_NAME,
        },
    )
    data = {
        "version": "1.0",
        "type": "rich",
        "provider_name": SITE_NAME,
        "provider_url": request.build_absolute_uri(reverse("cables:home")),
        "title": title,
        "author_name": cable.origin.name,
        "author_url": request.build_absolute_uri(cable.origin.get_absolute_url()),
        "html": card,
        "width": width,
        "height": height,
        "thumbnail_url": request.build_absolute_uri(image_path(cable, paragraph)),
        "thumbnail_width": WIDTH,
        "thumbnail_height": HEIGHT,
        "cache_age": 86400,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
