"""What a page that shows a cable's discussion puts in its template: the threads as everyone
sees them, counts, the comment form (its fields rendered once per process, the time it was
served filled in for each response) and the linkback endpoints."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from urllib.parse import urlencode

from django.http import (
    HttpRequest,
)
from django.template.loader import render_to_string
from django.urls import reverse

from cables.models import Cable, Paragraph
from comments.forms import CommentForm, served_token
from comments.fragments import paragraph_thread_html, rendered_discussion, shared_discussion
from comments.http import linkback_endpoints
from comments.models import Comment


def new_comment_form(
    cable: Cable, *, anchor: str = "", parent: Comment | None = None
) -> CommentForm:
    """The form as every reader gets it on a shared page: no name remembered, and the time
    it was served left for `fresh_served_time` to fill in on every response."""
    initial = {
        "cable": cable.reference_id,
        "anchor": anchor,
        "parent": parent.pk if parent else None,
        "served": _SERVED_PLACEHOLDER,
    }
    return CommentForm(initial=initial, cable=cable)


# Where the shared pages' comment form says when it was served: filled in on every response,
# whether the page was rendered for it or came from the cache (the form is refused when sent
# too soon after, or a day after).
_SERVED_PLACEHOLDER = "served-at-placeholder"


FRESH_SERVED_TIME: dict[str, Callable[[], str]] = {_SERVED_PLACEHOLDER: served_token}


@cache
def shared_fields() -> str:
    """The comment form's fields, empty, as every shared page shows them: the same for every
    cable and reader, rendered once per process (Django's widgets cost 3 ms a form)."""
    form = CommentForm(cable=Cable())  # no cable: only its empty fields are drawn
    return render_to_string("comments/_comment_form.html#fields", {"form": form})


def discussion_context(
    request: HttpRequest, cable: Cable, paragraphs: list[Paragraph], *, whole: bool = True
) -> dict[str, object]:
    """The discussion under a cable page (`whole`: the cable's own thread too) or a paragraph
    page, as everyone sees it: threads, counts and the form. What is one reader's own comes
    from `reader_layer`."""
    shown = {paragraph.anchor for paragraph in paragraphs} | ({""} if whole else set())
    if "replytocom" in request.GET:  # the form answers one entry: the whole discussion
        discussion = rendered_discussion(request, cable, shown)
    else:
        discussion = shared_discussion(request, cable, shown)
    discussion.attach_to(paragraphs)
    for paragraph in paragraphs:
        paragraph.thread_url = cable.paragraph_page_url(paragraph.anchor)
        if whole and paragraph.number is not None:
            paragraph.thread_html = paragraph_thread_html(paragraph)
    replying_to = discussion.entry(_to_int(request.GET.get("replytocom")))
    if replying_to is not None and replying_to.placeholder:
        replying_to = None
    return {
        "discussion": discussion,
        "cable_likes": discussion.likes_of(""),
        "cable_feed_url": reverse("comments:cable-feed", kwargs=cable.address_parts),
        "reader_url": f"{reverse('comments:reader')}?{urlencode({'cable': cable.reference_id})}",
        **linkback_endpoints(request, cable),
        "replying_to": replying_to,
        "shared_fields": shared_fields(),
        "comment_form": new_comment_form(
            cable,
            anchor=replying_to.comment.anchor if replying_to else "",
            parent=replying_to.comment if replying_to else None,
        ),
    }


def _to_int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None
