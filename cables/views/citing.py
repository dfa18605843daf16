"""Citing a cable or one of its paragraphs: the reference the pages show, and the BibTeX and
CSL-JSON files a reference manager imports."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from cables import citation
from cables.models import Cable, Paragraph

FORMATS = {
    # extension: (content type, writer)
    "bib": ("application/x-bibtex; charset=utf-8", citation.bibtex),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", citation.csl_json),
}


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
    content_type, write = FORMATS[extension]
    work = work_of(request, cable, paragraph)
    response = HttpResponse(write(work, timezone.localdate()), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{work.key}.{extension}"'
    return response
