"""The cable page and a paragraph's page: a cable's text with its discussion, the same page for
every reader (readingroom.caching), the reader's own comments added by the reader layer."""

from __future__ import annotations

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
)
from django.shortcuts import get_object_or_404, render

from accounts.providers import choices_digest
from cables.fragments import paragraph_html
from cables.http import cable_not_found, cable_page_version, redirect_to_canonical
from cables.models import Cable, Reference
from cables.parsing import wanted_reference_id
from cables.query_syntax import parse_query
from cables.search import engine
from cables.sharing import (
    SHARE_TARGETS_JSON,
    cable_preview,
    cable_share,
    citation_context,
    oembed_discovery,
    paragraph_preview,
    paragraph_share,
)
from comments.contexts import FRESH_SERVED_TIME, discussion_context, new_comment_form
from comments.http import advertise_linkbacks
from readingroom.caching import Version, shared_page


def _discussed_page_version(request: HttpRequest, reference_id: str, **address) -> Version | None:
    """A page with the comment form: the cable's version, and the sign-in buttons it shows."""
    version = cable_page_version(request, reference_id, **address)
    if version is None:
        return None
    return Version((*version.parts, choices_digest()), version.changed)


@shared_page(_discussed_page_version, fresh=FRESH_SERVED_TIME)
@advertise_linkbacks
def cable_detail(
    request: HttpRequest, reference_id: str, year: str | None = None, month: str | None = None
) -> HttpResponse:
    cable = Cable.objects.for_page().named(reference_id).first()
    if cable is None:
        return cable_not_found(request, wanted_reference_id(reference_id))
    if redirect := redirect_to_canonical(request, cable.get_absolute_url()):
        return redirect
    paragraphs = list(cable.paragraphs.all())
    for paragraph in paragraphs:
        if paragraph.number is not None:
            paragraph.share = paragraph_share(request, cable, paragraph)
    context = {
        "cable": cable,
        "links": Reference.objects.around(cable),
        "executive_order_url": settings.EXECUTIVE_ORDER_URL,
        **_highlight_context(request, cable, paragraphs),
        **discussion_context(request, cable, paragraphs),
        **citation_context(request, cable),
        "preview": (preview := cable_preview(request, cable, paragraphs)),
        "oembed_link": oembed_discovery(request, preview.url, preview.title),
        "share": cable_share(request, cable, paragraphs),
        "share_targets": SHARE_TARGETS_JSON,
    }
    for paragraph in paragraphs:
        paragraph.html = paragraph_html(paragraph)
    return render(request, "cables/cable_detail.html", context)


def _highlight_context(request: HttpRequest, cable: Cable, paragraphs: list) -> dict:
    """Opened from a search (?q=...): the paragraphs with the query's words marked."""
    query = parse_query(request.GET.get("q", ""))
    if not query:
        return {}
    marked = engine.highlighted_paragraphs(query, paragraphs)
    for paragraph in paragraphs:
        paragraph.highlighted = marked.get(paragraph.pk)
    return {
        "search_text": request.GET["q"],
        "highlighted_count": len(marked),
        "first_highlighted": next((p.anchor for p in paragraphs if p.highlighted), None),
    }


@shared_page(_discussed_page_version, fresh=FRESH_SERVED_TIME)
@advertise_linkbacks
def paragraph_thread(
    request: HttpRequest, year: str, month: str, reference_id: str, anchor: str
) -> HttpResponse:
    """One paragraph and its discussion: the no-JavaScript form of the thread that opens under
    the paragraph on the cable page."""
    cable = get_object_or_404(Cable.objects.for_paragraph_page().named(reference_id))
    paragraph = next((p for p in cable.paragraphs.all() if p.anchor == anchor), None)
    if paragraph is None:
        raise Http404(f"Cable {cable} has no paragraph {anchor}.")
    page_url = cable.paragraph_page_url(anchor)
    if redirect := redirect_to_canonical(request, page_url):
        return redirect
    context = {
        "cable": cable,
        "paragraph": paragraph,
        "preview": (preview := paragraph_preview(request, cable, paragraph, page_url)),
        "oembed_link": oembed_discovery(request, preview.url, preview.title),
        **discussion_context(request, cable, [paragraph], whole=False),
    }
    if paragraph.number is not None:
        share = paragraph_share(request, cable, paragraph)
        paragraph.share = share
        context |= {
            **citation_context(request, cable, paragraph),
            "share": share,
            "share_targets": SHARE_TARGETS_JSON,
        }
    if context["replying_to"] is None:
        context["comment_form"] = new_comment_form(cable, anchor=anchor)
    paragraph.html = paragraph_html(paragraph, pilcrow_base=cable.get_absolute_url())
    return render(request, "comments/paragraph_thread.html", context)
