"""Comments as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): what the read API
exports, so that annotation tools can show the discussion beside the text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from comments.models import Comment

_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def _annotation(comment: Comment, absolute: Callable[[str], str], likes: int) -> dict:
    """One published comment, or linkback (see `linking`). The target is the cable's
    address, or its paragraph's (#par3); a comment on a passage names the words with a
    TextQuoteSelector; a reply targets the comment it answers. `absolute` turns a path into
    a full URL; `likes`, how many readers like the comment."""
    cable_url = absolute(comment.cable.get_absolute_url())
    source = f"{cable_url}#{comment.anchor}" if comment.anchor else cable_url
    if comment.is_linkback:
        return linking(comment, source, absolute)
    answered = comment.replied_to if comment.replied_to_id else None
    if answered is not None:
        target: dict | str = absolute(answered.get_absolute_url())
        motivation = "replying"
    elif comment.quote_exact:
        target = {
            "source": source,
            "selector": {
                "type": "TextQuoteSelector",
                "exact": comment.quote_exact,
                # The words around it, where there are any (none at the start or end).
                **({"prefix": comment.quote_prefix} if comment.quote_prefix else {}),
                **({"suffix": comment.quote_suffix} if comment.quote_suffix else {}),
            },
        }
        motivation = "commenting"
    else:
        target = source
        motivation = "commenting"
    creator = {"type": "Person", "name": comment.display_name}
    if comment.author_url:
        creator["homepage"] = comment.author_url
    item = {
        "id": absolute(comment.get_absolute_url()),
        "type": "Annotation",
        "motivation": motivation,
        "created": comment.created.isoformat(),
        "creator": creator,
        "body": {
            "type": "TextualBody",
            "value": comment.body_html,
            "format": "text/html",
            "language": "en",
        },
        "target": target,
        "likes": likes,
    }
    if comment.edited:
        item["modified"] = comment.edited.isoformat()
    return item


def linking(comment: Comment, target: str, absolute: Callable[[str], str]) -> dict:
    """A page that cites the cable (a trackback, pingback or webmention): an annotation
    linking the cable to that page."""
    page = {"id": comment.source_url, "type": "Text", "format": "text/html"}
    if comment.source_title:
        page["title"] = comment.source_title
    # What the page says of the cable, when it said it, as a second, describing body.
    excerpt = {"type": "TextualBody", "value": comment.source_excerpt, "purpose": "describing"}
    body = [page, excerpt] if comment.source_excerpt else page
    item = {
        "id": absolute(comment.get_absolute_url()),
        "type": "Annotation",
        "motivation": "linking",
        "created": comment.created.isoformat(),
        "creator": {"type": "Organization", "name": comment.site_label},
        "body": body,
        "target": target,
    }
    return item


def _page_address(collection_id: str, number: int) -> str:
    return f"{collection_id}?page={number}"


def annotation_page(
    comments: Iterable[Comment],
    collection_id: str,
    absolute: Callable[[str], str],
    *,
    likes: Mapping[int, int],
    number: int,
    pages: int,
    start_index: int,
) -> dict:
    """One page of the collection's annotations (AnnotationPage), linked to its neighbours;
    `likes`, the count of each comment's likes by its id."""
    page = {
        "id": _page_address(collection_id, number),
        "type": "AnnotationPage",
        "startIndex": start_index,
        "items": [_annotation(comment, absolute, likes.get(comment.pk, 0)) for comment in comments],
    }
    if number > 1:
        page["prev"] = _page_address(collection_id, number - 1)
    if number < pages:
        page["next"] = _page_address(collection_id, number + 1)
    return page


def annotation_collection(collection_id: str, total: int, pages: int, first: dict) -> dict:
    """The AnnotationCollection: how many there are, its first page in full, its last."""
    return {
        "@context": _CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "total": total,
        "first": first,
        "last": _page_address(collection_id, pages),
    }


def standalone_page(page: dict, collection_id: str, total: int) -> dict:
    """A page asked for by itself (?page=2): it says which collection it is part of."""
    return {
        "@context": _CONTEXT,
        **page,
        "partOf": {"id": collection_id, "type": "AnnotationCollection", "total": total},
    }
