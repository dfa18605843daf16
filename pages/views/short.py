"""Short addresses for sharing: /07MOSCOW601, /07MOSCOW601/3 (a paragraph), and the hashtag
pages /hashtag/07MOSCOW601, /hashtag/PREL and /hashtag/cablegate (the latest discussed)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render

from cables.addresses import tag_url
from cables.http import cable_not_found
from cables.models import Cable, tag_named
from cables.parsing import wanted_reference_id
from comments.models import Comment

_DISCUSSED_SHOWN = 50


def short_cable(request: HttpRequest, reference_id: str, number: str | None = None) -> HttpResponse:
    """The cable, or the page of its numbered paragraph (/cable/.../par3/, whose link preview
    shows that paragraph; it leads back to the paragraph in the cable)."""
    cable = Cable.objects.named(reference_id).only("reference_id", "created").first()
    if cable is None:
        return cable_not_found(request, wanted_reference_id(reference_id))
    url = cable.get_absolute_url()
    if number is not None:
        paragraph = cable.paragraphs.filter(number=int(number)).order_by("position").first()
        if paragraph is None:
            raise Http404(f"Cable {cable} has no paragraph {number}.")
        url = cable.paragraph_page_url(paragraph.anchor)
    return HttpResponsePermanentRedirect(url)


def hashtag(request: HttpRequest, name: str) -> HttpResponse:
    """#cablegate: the cables readers discuss; #07MOSCOW601: that cable; #PREL: that tag."""
    name = name.lstrip("#")
    if name.lower() == "cablegate":
        return _latest_discussed(request)
    cable = Cable.objects.named(name).only("reference_id", "created").first()
    if cable is not None:
        return HttpResponsePermanentRedirect(cable.get_absolute_url())
    tag = tag_named(name)
    if tag is not None:
        return HttpResponsePermanentRedirect(tag_url(tag))
    return cable_not_found(request, wanted_reference_id(name), hashtag=True)


def _latest_discussed(request: HttpRequest) -> HttpResponse:
    rows = list(Comment.objects.latest_discussions()[:_DISCUSSED_SHOWN])
    cables = Cable.objects.listing().in_bulk([row["cable"] for row in rows])
    discussed = [
        (cables[row["cable"]], row["count"], row["latest"])
        for row in rows
        if row["cable"] in cables
    ]
    return render(request, "cables/hashtag_cablegate.html", {"discussed": discussed})
