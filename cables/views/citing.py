"""Citing a cable or one of its paragraphs: the reference the pages show, and the BibTeX and
CSL-JSON files a reference manager imports."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from cables import citation
from cables.models import Cable
from cables.sharing import work_of

_FORMATS = {
    # extension: (content type, writer)
    "bib": ("application/x-bibtex; charset=utf-8", citation.bibtex),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", citation.csl_json),
}


def citation_file(
    request: HttpRequest,
    year: str,
    month: str,
    reference_id: str,
    extension: str,
    anchor: str | None = None,
) -> HttpResponse:
    """/cable/2007/02/07MOSCOW601/cite.bib, .../par3/cite.json: a file to download."""
    cable = get_object_or_404(Cable.objects.select_related("origin"), reference_id=reference_id)
    paragraph = None
    if anchor is not None:
        paragraph = cable.paragraphs.filter(anchor=anchor, number__isnull=False).first()
        if paragraph is None:
            raise Http404(f"Cable {cable} has no paragraph {anchor}.")
    content_type, write = _FORMATS[extension]
    work = work_of(request, cable, paragraph)
    response = HttpResponse(write(work, timezone.localdate()), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{work.key}.{extension}"'
    return response
