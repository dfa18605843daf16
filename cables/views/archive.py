import datetime
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cables.diffing import paragraph_changes, word_diff
from cables.http import cable_not_found, redirect_to_canonical
from cables.lists import COLUMNS, archive_counts, index_version, latest_released, rows_of
from cables.models import Cable
from cables.parsing import wanted_reference_id
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
    older, newer = _chosen_pair(request, len(texts))
    context = {"cable": cable, "texts": texts}
    if older is not None and newer is not None:
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


def _chosen_pair(request: HttpRequest, count: int) -> tuple[int | None, int | None]:
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
