"""The read API, /api/v1/: JSON for scripts and research tools. Read-only, open to every origin
(CORS), with an ETag on every answer so that a client asks again cheaply. Documented at
/api/v1/ (an HTML page)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import wraps

from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.csrf import csrf_exempt

from cables.forms import SearchForm
from cables.http import cable_page_version
from cables.lists import SORTS, index_version
from cables.models import LIST_FIELDS, Cable, CableTag, Paragraph, Reference, in_order
from comments.annotations import annotation_collection, annotation_page, standalone_page
from comments.models import Comment, Like
from readingroom.caching import Version, shared_page

PAGE_SIZE = 100
ANNOTATIONS_PAGE_SIZE = 200
_FILTERS = (
    "tag",
    "origin",
    "classification",
    "created_from",
    "created_to",
    "released_from",
    "released_to",
    "sort",
)
_CACHE_SECONDS = 300
_PAGE_NUMBER = re.compile(r"[1-9][0-9]*")


def api(view: Callable) -> Callable:
    """GET and HEAD as JSON with an ETag (304 when the client has it), CORS open to every
    origin; OPTIONS answers a browser's preflight; other methods 405 (as JSON: nothing is
    written, so the CSRF check, which would answer first with an HTML 403, is not needed)."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in ("GET", "HEAD"):
            response = error(405, "The API is read-only: GET it.")
            response["Allow"] = "GET, HEAD, OPTIONS"
        else:
            response = view(request, *args, **kwargs)
            if response.has_header("ETag"):
                response["Cache-Control"] = f"public, max-age={_CACHE_SECONDS}"
            elif response.status_code == 200:
                # An answer without a version named beforehand (readingroom/caching.py) is
                # versioned by its content: a 304 then saves the transfer, not the work.
                etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
                response["ETag"] = etag
                patch_cache_control(response, public=True, max_age=_CACHE_SECONDS)
                response = (
                    get_conditional_response(request, etag=etag, response=response) or response
                )
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        # Accept, for the Web Annotation profile a client may ask for, which has characters
        # a browser lets through only after a preflight; the validators, to ask again cheaply.
        response["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
        response["Access-Control-Expose-Headers"] = "ETag"
        response["Access-Control-Max-Age"] = str(24 * 3600)
        return response

    return wrapper


def _cable_version(request: HttpRequest, reference_id: str, **kwargs) -> Version | None:
    """A cable's data and its paragraphs change with the cable and the archive (the cables it
    cites), not with what readers say of it; versioned before anything is built."""
    found = Cable.objects.page_version(reference_id)
    if found is None:
        return None
    changed = max(found.modified, found.archive_changed)
    return Version((found.pk, found.modified, found.archive_changed), changed)


def error(status: int, message: str, **details) -> JsonResponse:
    return JsonResponse({"error": message, **details}, status=status)


def _unknown_parameters(request: HttpRequest, known: list[str]) -> JsonResponse | None:
    """The 400 for a query string naming parameters other than `known`; None when it does not."""
    unknown = sorted(set(request.GET) - set(known))
    if unknown:
        return error(400, "Unknown parameters.", parameters=unknown, known=known)
    return None


def _asked_page(request: HttpRequest, paginator: Paginator) -> Page | JsonResponse:
    """The page ?page=N names (the first without it), or the error: 400 for what is no page
    number (a whole number from 1: not 'abc', 0, -1 or 2.5), 404 for a page past the last."""
    asked = request.GET.get("page", "1")
    if not _PAGE_NUMBER.fullmatch(asked):
        problem = {"message": f"{asked!r} is not a page number (1, 2, ...).", "code": "invalid"}
        return error(400, "Some parameters could not be used.", errors={"page": [problem]})
    try:
        return paginator.page(int(asked))
    except (EmptyPage, ValueError):  # ValueError: more digits than int() reads, past the end
        return error(404, "No such page.", pages=paginator.num_pages)


def _json_response(data: dict, content_type: str = "application/json") -> JsonResponse:
    return JsonResponse(
        data, content_type=content_type, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )


def _absolute(request: HttpRequest) -> Callable[[str], str]:
    return request.build_absolute_uri


def _cable_api_url(cable: Cable) -> str:
    return reverse("pages:api-cable", kwargs={"reference_id": cable.reference_id})


def _cable_summary(request: HttpRequest, cable: Cable) -> dict:
    """A cable as a list shows it."""
    return {
        "reference_id": cable.reference_id,
        "url": request.build_absolute_uri(cable.get_absolute_url()),
        "api_url": request.build_absolute_uri(_cable_api_url(cable)),
        "subject": cable.subject,
        "created": cable.created.isoformat(),
        "released": cable.released.isoformat() if cable.released else None,
        "classification": cable.classification,
        "origin": {"name": cable.origin.name, "slug": cable.origin.slug},
        "tags": [item.tag.name for item in cable.tagged_items.all()],
    }


def _paragraph_data(request: HttpRequest, cable: Cable, paragraph: Paragraph) -> dict:
    url = request.build_absolute_uri(f"{cable.get_absolute_url()}#{paragraph.anchor}")
    return {
        "anchor": paragraph.anchor,
        "number": paragraph.number,
        "url": url,
        "marking": paragraph.marking,
        "marking_text": paragraph.marking_text,
        "heading": paragraph.heading,
        "text": paragraph.text,
    }


def _tags_in_order() -> Prefetch:
    return Prefetch(
        "tagged_items", queryset=CableTag.objects.select_related("tag").order_by("position")
    )


@api
@shared_page(index_version)
def cables(request: HttpRequest) -> HttpResponse:
    """/api/v1/cables/?tag=&origin=&classification=&created_from=...&sort=&page=."""
    if refused := _unknown_parameters(request, [*_FILTERS, "page"]):
        return refused
    form = SearchForm({name: request.GET[name] for name in _FILTERS if name in request.GET})
    if not form.is_valid():
        return error(400, "Some parameters could not be used.", errors=form.errors.get_json_data())
    sort = form.cleaned_data.get("sort") or "-created"
    if sort not in SORTS:
        return error(400, "Unknown sort.", sorts=list(SORTS))
    rows = form.matching(Cable.objects.select_related("origin").only(*LIST_FIELDS))
    ordered = in_order(rows.prefetch_related(_tags_in_order()), sort, "reference_id")
    paginator = Paginator(ordered, PAGE_SIZE)
    if isinstance(page := _asked_page(request, paginator), JsonResponse):
        return page

    def page_url(n: int) -> str:
        params = request.GET.copy()
        params["page"] = str(n)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return _json_response(
        {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [_cable_summary(request, cable) for cable in page],
        }
    )


def _found_cable(reference_id: str) -> Cable | None:
    return (
        Cable.objects.named(reference_id)
        .select_related("origin")
        .prefetch_related(
            _tags_in_order(),
            Prefetch("paragraphs", queryset=Paragraph.objects.order_by("position")),
            Prefetch(
                "references", queryset=Reference.objects.linking("cited").order_by("position")
            ),
        )
        .first()
    )


@api
@shared_page(_cable_version)
def cable(request: HttpRequest, reference_id: str) -> HttpResponse:
    """/api/v1/cables/07MOSCOW601/: the cable, its header, paragraphs and references."""
    found = _found_cable(reference_id)
    if found is None:
        return error(404, f"No cable {reference_id} here.")
    data = _cable_summary(request, found)
    likes = Like.objects.of_cable(found)
    data |= {
        "likes": likes[""].count if "" in likes else 0,
        "header": found.header,
        "sender": found.sender,
        "recipients": found.recipients,
        "info_recipients": found.info_recipients,
        "classified_by": found.classified_by,
        "signer": found.signer,
        "classification_reasons": found.classification_reasons,
        "summary": found.summary,
        "modified": found.text_modified.isoformat() if found.text_modified else None,
        "paragraphs": [
            _paragraph_data(request, found, p)
            | {"likes": likes[p.anchor].count if p.anchor in likes else 0}
            for p in found.paragraphs.all()
        ],
        "references": [
            {
                "reference_id": reference.reference_id,
                "api_url": request.build_absolute_uri(_cable_api_url(reference.cited))
                if reference.cited
                else None,
            }
            for reference in found.references.all()
        ],
        "annotations": request.build_absolute_uri(
            reverse("pages:api-annotations", kwargs={"reference_id": found.reference_id})
        ),
    }
    return _json_response(data)


@api
@shared_page(_cable_version)
def paragraph(request: HttpRequest, reference_id: str, anchor: str) -> HttpResponse:
    """/api/v1/cables/07MOSCOW601/paragraphs/par3/."""
    found = Cable.objects.named(reference_id).select_related("origin").first()
    if found is None:
        return error(404, f"No cable {reference_id} here.")
    one = found.paragraphs.filter(anchor=anchor).first()
    if one is None:
        return error(404, f"Cable {found.reference_id} has no paragraph {anchor}.")
    data = _paragraph_data(request, found, one)
    data["likes"] = Like.objects.filter(cable=found, target=one.anchor).count()
    data["cable"] = request.build_absolute_uri(_cable_api_url(found))
    return _json_response(data)


@api
@shared_page(cable_page_version)
def cable_annotations(request: HttpRequest, reference_id: str) -> HttpResponse:
    """/api/v1/cables/07MOSCOW601/annotations/: the published comments, and the pages that
    cite the cable (linkbacks), as W3C Web Annotations (JSON-LD)."""
    found = Cable.objects.named(reference_id).first()
    if found is None:
        return error(404, f"No cable {reference_id} here.")
    comments = (
        Comment.objects.approved()
        .filter(cable=found)
        .select_related("cable", "replied_to__cable", "user")
        .order_by("created", "pk")
    )
    if refused := _unknown_parameters(request, ["page"]):
        return refused
    collection_id = request.build_absolute_uri(request.path)
    paginator = Paginator(comments, ANNOTATIONS_PAGE_SIZE)
    if isinstance(page := _asked_page(request, paginator), JsonResponse):
        return page
    items = annotation_page(
        page,
        collection_id,
        _absolute(request),
        likes=Like.objects.of_comments(found),
        number=page.number,
        pages=paginator.num_pages,
        start_index=page.start_index() - 1 if paginator.count else 0,
    )
    if "page" in request.GET:
        answer = standalone_page(items, collection_id, paginator.count)
    else:
        answer = annotation_collection(collection_id, paginator.count, paginator.num_pages, items)
    return _json_response(
        answer,
        content_type='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    )


def documentation(request: HttpRequest) -> HttpResponse:
    """/api/v1/: what the API answers, with examples that work on this archive."""
    example = Cable.objects.order_by("-released", "pk").only("reference_id").first()
    return render(
        request,
        "cables/api.html",
        {"example": example, "page_size": PAGE_SIZE, "filters": _FILTERS, "sorts": SORTS},
    )
