"""Sharing and citing a cable or a paragraph, as its pages offer them: the link preview's tags
(Open Graph, Twitter card) and the image they name, the share texts and links (#cablegate
#07MOSCOW601), the oEmbed discovery link, and the reference the "Cite" box shows. The views
that serve the image, the citation files and the Mastodon hop are in cables/views/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from cables import citation
from cables.models import Cable, Paragraph
from cables.preview import HEIGHT, WIDTH

SITE_NAME = "Cable reading room"


_DESCRIPTION_CHARACTERS = 200


CARD_CHARACTERS = 600


_SHARE_CHARACTERS = 100


# Where a reader shares: (label, address; {text} and {subject} are put in percent-encoded).
# No script of theirs is loaded: these are plain links. Mastodon has no one address, so ours
# asks for the reader's instance (remembered in a cookie) and sends them on.
_SHARE_TARGETS = [
    ("X", "https://x.com/intent/post?text={text}"),
    ("Mastodon", "/share/mastodon/?text={text}"),
    ("Bluesky", "https://bsky.app/intent/compose?text={text}"),
    ("E-mail", "mailto:?subject={subject}&body={text}"),
]


# For the page's script, which builds the same links at each ¶ (a data attribute: no inline
# script, even of data).
SHARE_TARGETS_JSON = json.dumps(_SHARE_TARGETS)


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
        return [(label, pattern.format(**values)) for label, pattern in _SHARE_TARGETS]


def _share_text(words: str, reference_id: str, url: str) -> str:
    return f"{shortened(words, _SHARE_CHARACTERS)} #cablegate #{reference_id} {url}"


def cable_share(request: HttpRequest, cable: Cable, paragraphs: list[Paragraph]) -> Share:
    url = request.build_absolute_uri(cable.get_absolute_url())
    words = cable.subject or opening(cable, paragraphs)
    return Share(url, _share_text(words, cable.reference_id, url), cable.title)


def paragraph_share(request: HttpRequest, cable: Cable, paragraph: Paragraph) -> Share:
    """The paragraph's first words with its own link: its page, whose preview shows that
    paragraph (a link ending in #par3 would show the cable's: previews drop the fragment)."""
    url = request.build_absolute_uri(cable.paragraph_page_url(paragraph.anchor))
    subject = f"¶{paragraph.number} of {cable.title}"
    return Share(url, _share_text(paragraph.text, cable.reference_id, url), subject)


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
        description=shortened(opening(cable, paragraphs), _DESCRIPTION_CHARACTERS),
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
        description=shortened(paragraph.text or cable.subject, _DESCRIPTION_CHARACTERS),
        url=request.build_absolute_uri(page_url),
        image=request.build_absolute_uri(image_path(cable, paragraph if numbered else None)),
        image_alt=f"{name} of cable {cable.reference_id}: {shortened(paragraph.text, 120)}",
    )


def work_of(
    request: HttpRequest, cable: Cable, paragraph: Paragraph | None = None
) -> citation.Work:
    """The cable (or its paragraph) as a citation names it, at its permanent address."""
    url = request.build_absolute_uri(cable.get_absolute_url())
    return citation.Work(
        reference_id=cable.reference_id,
        origin=cable.origin.name,
        subject=cable.subject,
        created=timezone.localtime(cable.created).date(),
        released=timezone.localtime(cable.released).date() if cable.released else None,
        classification=cable.classification,
        url=f"{url}#{paragraph.anchor}" if paragraph else url,
        paragraph=paragraph.number if paragraph else None,
    )


def citation_context(
    request: HttpRequest, cable: Cable, paragraph: Paragraph | None = None
) -> dict:
    """What a page's "Cite" box shows: the reference, accessed today, and the downloads."""
    work = work_of(request, cable, paragraph)
    kwargs = {**cable.address_parts, **({"anchor": paragraph.anchor} if paragraph else {})}
    name = "cables:paragraph-citation" if paragraph else "cables:citation"
    return {
        "citation": citation.reference(work, timezone.localdate()),
        "citation_downloads": [
            (label, reverse(name, kwargs={**kwargs, "extension": extension}))
            for label, extension in (("BibTeX", "bib"), ("CSL-JSON", "json"))
        ],
    }


def oembed_discovery(request: HttpRequest, page_url: str, title: str) -> str:
    """The <link> a page carries so that consumers find its oEmbed."""
    endpoint = request.build_absolute_uri(reverse("cables:oembed"))
    return format_html(
        '<link rel="alternate" type="application/json+oembed" href="{}?{}" title="{}">',
        endpoint,
        f"url={quote(page_url, safe='')}&format=json",
        title,
    )
