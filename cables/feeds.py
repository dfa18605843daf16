"""Atom feeds of newly released cables: the whole release, and each tag, origin and
classification list."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks

from cables.lists import CableList, resolve
from cables.models import LIST_FIELDS, Cable, CableTag

_FEED_LENGTH = 50
# The lists that have a feed: those a reader follows (a month or a day does not grow).
FEED_KINDS = ("tag", "origin", "classification")


class ReleasedFeed(Feed):
    """/feeds/released/: the cables as they were released, the latest first."""

    feed_type = Atom1Feed
    title = "Newly released cables · Cable reading room"
    subtitle = "US diplomatic cables of the Cablegate release, the latest released first."

    def link(self) -> str:
        return reverse("cables:home")

    def feed_url(self) -> str:
        return reverse("cables:released-feed")

    def cables(self, obj):
        return Cable.objects.all()

    def items(self, obj=None):
        return (
            self.cables(obj)
            .latest_released()
            .only(*LIST_FIELDS, "summary", "text_modified")
            .prefetch_related(
                Prefetch(
                    "tagged_items",
                    queryset=CableTag.objects.select_related("tag").order_by("position"),
                )
            )[:_FEED_LENGTH]
        )

    def item_title(self, item: Cable) -> str:
        return item.title

    def item_description(self, item: Cable) -> str:
        facts = escape(
            f"{item.origin.name}, {item.created.day} {item.created:%B %Y}, "
            f"{item.classification or 'classification not recorded'}."
        )
        summary = linebreaks(escape(item.summary)) if item.summary else ""
        return f"<p>{facts}</p>{summary}"

    def item_link(self, item: Cable) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Cable):
        return item.released

    def item_updateddate(self, item: Cable):
        return item.text_modified or item.released

    def item_author_name(self, item: Cable) -> str:
        return item.origin.name

    def item_categories(self, item: Cable) -> list[str]:
        return [entry.tag.name for entry in item.tagged_items.all()]


class ListFeed(ReleasedFeed):
    """/tag/PREL/feed/, /origin/embassy-moscow/feed/, /classification/secret/feed/."""

    def get_object(self, request, kind: str, key: str) -> CableList:
        listing = resolve(kind, key) if kind in FEED_KINDS else None
        if listing is None:
            raise Http404(f"No such list: {key}")
        return listing

    def cables(self, obj: CableList):
        return obj.cables

    def title(self, obj: CableList) -> str:  # type: ignore[override]  # either form
        return f"{obj.title}, newly released · Cable reading room"

    def subtitle(self, obj: CableList) -> str:  # type: ignore[override]  # either form
        return obj.description or obj.title

    def link(self, obj: CableList) -> str:  # type: ignore[override]  # either form
        return obj.path

    def feed_url(self, obj: CableList) -> str:  # type: ignore[override]  # either form
        return f"{obj.path}feed/"
