"""Atom feeds of approved comments: on one cable, on one paragraph, and site-wide."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from cables.models import Cable
from comments.models import Comment

_FEED_LENGTH = 50


class CommentsFeed(Feed):
    feed_type = Atom1Feed
    title = "Comments · Cable reading room"
    subtitle = "The latest reader comments on US diplomatic cables."

    def link(self) -> str:
        # The page of the latest discussions (and the feed's <id>: no other feed links there).
        return reverse("pages:hashtag", kwargs={"name": "cablegate"})

    def items(self):
        return Comment.objects.feed_items()[:_FEED_LENGTH]

    def item_title(self, item: Comment) -> str:
        where = item.cable.reference_id
        if item.paragraph_number is not None:
            where = f"{where} ¶{item.paragraph_number}"
        return f"{item.display_name} on {where}"

    def item_description(self, item: Comment) -> str:
        # Sanitised when posted (comments.markup); the feed carries it as HTML content.
        quote = f"<blockquote>{escape(item.quote_exact)}</blockquote>" if item.quote_exact else ""
        return quote + item.body_html

    def item_link(self, item: Comment) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Comment):
        return item.created

    def item_updateddate(self, item: Comment):
        return item.edited or item.created

    def item_author_name(self, item: Comment) -> str:
        return item.display_name

    def item_author_link(self, item: Comment) -> str | None:
        return item.author_url or None


class CableCommentsFeed(CommentsFeed):
    def get_object(self, request, year: str, month: str, reference_id: str, anchor: str = ""):
        cable = get_object_or_404(Cable.objects.named(reference_id))
        if anchor and not cable.paragraphs.filter(anchor=anchor).exists():
            raise Http404(f"Cable {cable} has no paragraph {anchor}.")
        return cable, anchor

    def title(self, obj) -> str:  # type: ignore[override]  # Feed takes either form
        cable, anchor = obj
        where = (
            f"paragraph {anchor.removeprefix('par')} of {cable.reference_id}"
            if anchor
            else cable.title
        )
        return f"Comments on {where} · Cable reading room"

    def subtitle(self, obj) -> str:  # type: ignore[override]  # Feed takes either form
        cable, anchor = obj
        return f"Reader comments on cable {cable.reference_id}" + (f", #{anchor}" if anchor else "")

    def link(self, obj) -> str:  # type: ignore[override]  # Feed takes either form
        cable, anchor = obj
        return cable.get_absolute_url() + (f"#{anchor}" if anchor else "")

    def items(self, obj):  # type: ignore[override]  # Feed takes either form
        cable, anchor = obj
        comments = Comment.objects.feed_items().filter(cable=cable)
        if anchor:
            comments = comments.filter(anchor=anchor)
        return comments[:_FEED_LENGTH]
