import datetime
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cables.diffing import paragraph_changes, word_diff
from cables.fragments import paragraph_html
from cables.http import cable_page_version, redirect_to_canonical
from cables.lists import COLUMNS, archive_counts, index_version, latest_released, rows_of
from cables.models import Cable
from cables.parsing import wanted_reference_id
from cables.query_syntax import parse_query
from cables.search import engine
from cables.sharing import (
    SHARE_TARGETS_JSON,
    cable_preview,
    cable_share,
    citation_context,
    oembed_discovery,
    paragraph_share,
)
from comments.contexts import FRESH_SERVED_TIME, discussion_context
from comments.http import advertise_linkbacks
from readingroom.caching import shared_page


@shared_page(index_version)
def home(request: HttpRequest) -> HttpResponse:
    latest = rows_of(latest_released(25))
    cable_count, released_count = archive_counts()
    context = {
        "latest": latest,
        "columns": COLUMNS,
        "cable_count": cable_count,
        "released_count": released_count,
        "cablegate_total": settings.CABLEGATE_TOTAL,
    }
    return render(request, "cables/home.html", context)


@shared_page(cable_page_version, fresh=FRESH_SERVED_TIME)
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
        "executive_order_url": settings.EXECUTIVE_ORDER_URL,
        **highlight_context(request, cable, paragraphs),
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


def highlight_context(request: HttpRequest, cable: Cable, paragraphs: list) -> dict:
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


def cable_not_found(
    request: HttpRequest, reference_id: str, *, hashtag: bool = False
) -> HttpResponse:
    """404: no such cable (nor, for a hashtag, such tag), and the cables of similar ID."""
    similar = Cable.objects.similar_to(reference_id)[:10]
    context = {"reference_id": reference_id, "similar": similar, "hashtag": hashtag}
    return render(request, "cables/cable_not_found.html", context, status=404)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


@dataclass(frozen=True)
class Text:
    """One version of a cable's text: an earlier one kept, or the current one."""

    number: int
    released: datetime.datetime | None
    since: datetime.datetime
    subject: str
    preamble: str
    paragraphs: list[dict]
    current: bool = False


def cable_versions(request: HttpRequest, year: str, month: str, reference_id: str) -> HttpResponse:
    """The texts a cable has had, and the words that changed between two of them."""
    cable = Cable.objects.select_related("origin").named(reference_id).first()
    if cable is None:
        return cable_not_found(request, wanted_reference_id(reference_id))
    if redirect := redirect_to_canonical(request, cable.versions_url):
        return redirect
    texts = [
        Text(v.number, v.released, v.recorded, v.subject, v.preamble, v.paragraphs)
        for v in cable.versions.all()
    ]
    current = cable.current_text()
    texts.append(
        Text(
            len(texts) + 1,
            cable.released,
            cable.text_modified or cable.imported,
            current["subject"],
            current["preamble"],
            current["paragraphs"],
            current=True,
        )
    )
    older, newer = chosen_pair(request, len(texts))
    context = {"cable": cable, "texts": texts}
    if older is not None:
        before, after = texts[older - 1], texts[newer - 1]
        changes = paragraph_changes(before.paragraphs, after.paragraphs)
        context |= {
            "before": before,
            "after": after,
            "subject_diff": word_diff(before.subject, after.subject),
            "preamble_diff": word_diff(before.preamble, after.preamble),
            "changes": [change for change in changes if change.changed],
            "unchanged_count": sum(not change.changed for change in changes),
        }
    return render(request, "cables/cable_versions.html", context)


def chosen_pair(request: HttpRequest, count: int) -> tuple[int | None, int | None]:
    """?from=N&to=M (version numbers, older first); by default the last change."""
    if count < 2:
        return None, None
    try:
        older = int(request.GET.get("from", count - 1))
        newer = int(request.GET.get("to", count))
    except ValueError:
        older, newer = count - 1, count
    if not 1 <= older < newer <= count:
        older, newer = count - 1, count
    return older, newer
