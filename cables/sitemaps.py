"""sitemap.xml: every cable (in pages of CABLES_PER_PAGE), and the lists and their indexes."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.urls import reverse

from cables.addresses import classification_url, month_url, release_day_url, tag_url
from cables.models import Cable, CableTag, Classification, Origin

_CABLES_PER_PAGE = 10_000


class CableSitemap(Sitemap):
    """The cable pages, oldest imported first, so that a page's cables never move to another
    page as the archive grows."""

    limit = _CABLES_PER_PAGE

    def items(self):
        return (
            Cable.objects.annotate(changed=Coalesce("text_modified", "imported"))
            .only("reference_id", "created")
            .order_by("pk")
        )

    def lastmod(self, cable: Cable):
        return cable.changed  # type: ignore[attr-defined]  # annotated by items()

    def get_latest_lastmod(self):
        """For the index: one aggregate, where Django would load every cable to compare."""
        return Cable.objects.aggregate(latest=Max(Coalesce("text_modified", "imported")))["latest"]


class _ListSitemap(Sitemap):
    """The indexes, and the list of each tag, origin, classification, month of creation and
    day of release."""

    INDEXES = [
        "cables:home",
        "cables:tags",
        "cables:origins",
        "cables:classifications",
        "cables:months",
        "cables:release-days",
    ]

    def items(self) -> list[str]:
        tags = CableTag.objects.order_by().values_list("tag__name", flat=True).distinct()
        return [
            *(reverse(name) for name in self.INDEXES),
            *(origin.get_absolute_url() for origin in Origin.objects.order_by("name")),
            *(classification_url(value) for value in Classification.values),
            *(tag_url(name) for name in sorted(tags)),
            *(month_url(month) for month, _ in Cable.objects.created_months()),
            *(release_day_url(day) for day, _ in Cable.objects.release_days()),
        ]

    def location(self, path: str) -> str:
        return path


SITEMAPS = {"cables": CableSitemap, "lists": _ListSitemap}
