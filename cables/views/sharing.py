"""What a link to a cable or a paragraph shows where it is shared: the Open Graph and Twitter
card tags of the pages, and the PNG preview image they name (drawn once, then cached)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.core.cache import caches
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override

from cables.models import Cable, Paragraph
from cables.preview import CARD_VERSION, HEIGHT, WIDTH, Card, draw_card

SITE_NAME = "Cable reading room"
DESCRIPTION_CHARACTERS = 200
CARD_CHARACTERS = 600
IMAGE_CACHE_SECONDS = 7 * 24 * 3600
SHARE_CHARACTERS = 100
# Where a reader shares: (label, address; {text} and {subject} are put in percent-encoded).
# No script of theirs is loaded: these are plain links. Mastodon has no one address, so ours
# asks for the reader's instance (remembered in a cookie) and sends them on.
SHARE_TARGETS = [
    ("X", "https://x.com/intent/post?text={text}"),
    ("Mastodon", "/share/mastodon/?text={text}"),
    ("Bluesky", "https://bsky.app/intent/compose?text={text}"),
    ("E-mail", "mailto:?subject={subject}&body={text}"),
]
# For the page's script, which builds the same links at each ¶ (a data attribute: no inline
# script, even of data).
SHARE_TARGETS_JSON = json.dumps(SHARE_TARGETS)
MASTODON_COOKIE = "mastodon_instance"
MOST_SHARED_CHARACTERS = 2000
HOST_NAME = re.compile(r"(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


@dataclass(frozen=True)
class Preview:
    """The tags of a page a link preview reads."""

    title: str
    description: str
    url: str  # the page's canonical address, absolute
    image: str  # absolute
    image_alt: str
    image_width: int = WIDTH
    image_height: int = HEIGHT
    site_name: str = SITE_NAME


def shortened(text: str, limit: int) -> str:
    """The text on one line, cut at a word before `limit` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:.") + "…"


@dataclass(frozen=True)
class Share:
    """What sharing a cable or a paragraph posts: its words, the hashtags, its link."""

    url: str
    text: str  # '<subject or first words> #cablegate #07MOSCOW601 <url>'
    subject: str  # of an e-mail

    @property
    def links(self) -> list[tuple[str, str]]:
        values = {"text": quote(self.text, safe=""), "subject": quote(self.subject, safe="")}
        return [(label, pattern.format(**values)) for label, pattern in SHARE_TARGETS]


def share_text(words: str, reference_id: str, url: str) -> str:
    return f"{shortened(words, SHARE_CHARACTERS)} #cablegate #{reference_id} {url}"


def cable_share(request: HttpRequest, cable: Cable, paragraphs: list[Paragraph]) -> Share:
    url = request.build_absolute_uri(cable.get_absolute_url())
    words = cable.subject or opening(cable, paragraphs)
    return Share(url, share_text(words, cable.reference_id, url), cable.title)


def paragraph_share(request: HttpRequest, cable: Cable, paragraph: Paragraph) -> Share:
    """The paragraph's first words with its own link: its page, whose preview shows that
    paragraph (a link ending in #par3 would show the cable's: previews drop the fragment)."""
    url = request.build_absolute_uri(cable.paragraph_page_url(paragraph.anchor))
    subject = f"¶{paragraph.number} of {cable.title}"
    return Share(url, share_text(paragraph.text, cable.reference_id, url), subject)


def mastodon_instance(value: str) -> str | None:
    """The host name in what a reader typed: 'mastodon.social', 'https://mastodon.social/',
    '@ann@mastodon.social', a profile's address 'https://mastodon.social/@ann'; None when
    there is none."""
    value = value.strip().lower().removeprefix("https://").removeprefix("http://")
    value = value.split("/", 1)[0].rsplit("@", 1)[-1]
    return value if HOST_NAME.fullmatch(value) else None


# The instance form goes on to another site: the page's policy lets its form lead there.
@csp_override({**settings.SECURE_CSP, "form-action": [CSP.SELF, "https:"]})
def share_on_mastodon(request: HttpRequest) -> HttpResponse:
    """/share/mastodon/?text=...: a form asks for the reader's instance (filled in with the
    last one they gave); posted, it goes on to that instance's share page. Only the reader's
    own post leads away: a link to this page cannot send anyone elsewhere."""
    data = request.POST if request.method == "POST" else request.GET
    text = data.get("text", "")[:MOST_SHARED_CHARACTERS]
    typed = data.get("instance", "")
    instance = mastodon_instance(typed)
    if request.method == "POST" and instance and text:
        response = HttpResponseRedirect(f"https://{instance}/share?text={quote(text, safe='')}")
        response.set_cookie(
            MASTODON_COOKIE,
            instance,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
        return response
    context = {
        "text": text,
        "instance": typed or request.COOKIES.get(MASTODON_COOKIE, ""),
        "error": request.method == "POST" and instance is None,
    }
    return render(request, "cables/share_mastodon.html", context)


def opening(cable: Cable, paragraphs: list[Paragraph]) -> str:
    """What a cable says first: its summary, else its first paragraph with text."""
    if cable.summary:
        return cable.summary
    return next((p.text for p in paragraphs if p.text.strip()), cable.subject)


def byline(cable: Cable, paragraph: Paragraph | None = None) -> str:
    created = timezone.localtime(cable.created)
    line = f"{cable.origin.name}, {created.day} {created:%B %Y}"
    return f"{line} · paragraph {paragraph.number}" if paragraph else line


def image_path(cable: Cable, paragraph: Paragraph | None = None) -> str:
    if paragraph:
        return reverse(
            "cables:paragraph-preview", kwargs={**cable.address_parts, "anchor": paragraph.anchor}
        )
    return reverse("cables:preview", kwargs=cable.address_parts)


def cable_preview(request: HttpRequest, cable: Cable, paragraphs: list[Paragraph]) -> Preview:
    return Preview(
        title=cable.title,
        description=shortened(opening(cable, paragraphs), DESCRIPTION_CHARACTERS),
        url=request.build_absolute_uri(cable.get_absolute_url()),
        image=request.build_absolute_uri(image_path(cable)),
        image_alt=f"Cable {cable.reference_id}, "
        f"{cable.classification or 'classification not recorded'}: "
        f"{cable.subject or byline(cable)}",
    )


def paragraph_preview(
    request: HttpRequest, cable: Cable, paragraph: Paragraph, page_url: str
) -> Preview:
    """A numbered paragraph has a card of its own; an unnumbered one shows the cable's."""
    numbered = paragraph.number is not None
    name = f"Paragraph {paragraph.number}" if numbered else "A paragraph"
    return Preview(
        title=f"¶{paragraph.number} of {cable.title}" if numbered else cable.title,
        description=shortened(paragraph.text or cable.subject, DESCRIPTION_CHARACTERS),
        url=request.build_absolute_uri(page_url),
        image=request.build_absolute_uri(image_path(cable, paragraph if numbered else None)),
        image_alt=f"{name} of cable {cable.reference_id}: {shortened(paragraph.text, 120)}",
    )


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
    if conditional is not response:
        return conditional
    previews = caches["previews"]
    key = f"cable-preview:{digest}"
    png = previews.get(key)
    if png is None:
        png = draw_card(card)
        previews.set(key, png, IMAGE_CACHE_SECONDS)
    response.content = png
    return response
