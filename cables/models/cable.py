from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.db import connections, models
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.db.models.functions import TruncDate, TruncMonth
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from cables import fields
from cables.addresses import (
    address_parts,
    classification_url,
    month_url,
    release_day_url,
)
from cables.models.choices import Classification
from cables.models.parts import Paragraph
from cables.parsing import MediaArticle, wanted_reference_id
from cables.readers import media_article
from cables.times import a_time, as_datetime, day_range
from readingroom.loading import DirectLoading

# What a row of a list of cables shows; the long texts stay in the database.
LIST_FIELDS = (
    "reference_id",
    "subject",
    "created",
    "released",
    "classification",
    "origin__name",
    "origin__slug",
)


class Origin(DirectLoading, models.Model):
    """Where a cable was sent from: 'Embassy Moscow'.

    `number` answers the original site's list address, /origin/<n>_0.html, and never changes
    once given: the original site's own number when a page of it says so, else the next free
    one, given in name order at the end of an import (so that the same cables get the same
    numbers whatever order they were imported in). None until then."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    number = models.PositiveIntegerField(unique=True, null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cables:origin", kwargs={"key": self.slug})


@dataclass(frozen=True)
class PageVersion:
    """A cable's address and the times of what its pages show (`CableQuerySet.page_version`)."""

    pk: int
    reference_id: str
    created: datetime.datetime
    modified: datetime.datetime
    page_changed: datetime.datetime | None
    archive_changed: datetime.datetime

    @property
    def changed(self) -> datetime.datetime:
        times = (self.modified, self.page_changed, self.archive_changed)
        return max(time for time in times if time is not None)

    @property
    def parts(self) -> tuple:
        return (self.pk, self.modified, self.page_changed, self.archive_changed)

    def get_absolute_url(self) -> str:
        return reverse("pages:detail", kwargs=address_parts(self.reference_id, self.created))


class CableQuerySet(models.QuerySet["Cable"]):
    def created_in(self, first: datetime.date | None, last: datetime.date | None):
        """Created from the first day to the last, both included (UTC); None is open."""
        return self.filter(**day_range("created", first, last))

    def released_in(self, first: datetime.date | None, last: datetime.date | None):
        return self.filter(**day_range("released", first, last))

    def with_marking(self, marking: str):
        """Cables with at least one paragraph under this portion marking ('S', 'C/NF')."""
        return self.filter(Exists(Paragraph.objects.filter(cable=OuterRef("pk"), marking=marking)))

    def released(self) -> CableQuerySet:
        return self.filter(released__isnull=False)

    def latest_released(self) -> CableQuerySet:
        return self.released().select_related("origin").order_by("-released", "-created", "pk")

    def similar_to(self, reference_id: str) -> CableQuerySet:
        """Cables whose ID looks like this one: same year and origin, else same origin."""
        match = re.fullmatch(r"(\d{2})([A-Z]+)\d*.*", reference_id)
        if not match:
            return self.none()
        same_year = self.filter(reference_id__startswith=f"{match[1]}{match[2]}")
        if same_year.exists():
            return same_year.select_related("origin").order_by("reference_id")
        return self.filter(reference_id__contains=match[2]).select_related("origin")

    def listing(self) -> CableQuerySet:
        """Only what a row of a list shows (not the text of every cable on the page)."""
        return self.select_related("origin").only(*LIST_FIELDS)

    def tagged(self, tag: Tag) -> CableQuerySet:
        return self.filter(tagged_items__tag=tag)

    def created_months(self) -> list[tuple[datetime.date, int]]:
        rows = self.order_by().annotate(month=TruncMonth("created")).values_list("month")
        return sorted((month.date(), total) for month, total in rows.annotate(total=Count("pk")))

    def release_days(self) -> list[tuple[datetime.date, int]]:
        rows = self.released().order_by().annotate(day=TruncDate("released"))
        return sorted(rows.values_list("day").annotate(total=Count("pk")))

    def named(self, reference_id: str) -> CableQuerySet:
        """The cable an address or a form names, in whatever spelling ('07 moscow 601')."""
        return self.filter(reference_id=wanted_reference_id(reference_id))

    def page_changed(self, *pks: int) -> int:
        """Mark these cables' pages as changed: their cached copies and HTTP versions lapse."""
        return self.filter(pk__in=pks).update(page_changed=timezone.now())

    def page_version(self, reference_id: str) -> PageVersion | None:
        """What the cable's pages are a function of, in one query: the cable's row, what was
        said of it, and the newest change to the archive (the cables it cites and that cite
        it show their subjects and links). None when there is no such cable.

        Every view of a cable's pages asks this, a cached one and a 304 too, where it is most
        of the work: so it is one statement written out (the ORM would spend longer composing
        it than the database answering it, from the index on `modified`)."""

        def column(name: str) -> str:
            field = self.model._meta.get_field(name)
            assert isinstance(field, models.Field) and field.column is not None
            return field.column

        table = self.model._meta.db_table
        columns = ", ".join(
            column(name) for name in ("id", "reference_id", "created", "modified", "page_changed")
        )
        sql = (
            f"SELECT {columns}, (SELECT MAX({column('modified')}) FROM {table}) FROM {table} "
            f"WHERE {column('reference_id')} = %s"
        )
        with connections[self.db].cursor() as cursor:
            cursor.execute(sql, [wanted_reference_id(reference_id)])
            row = cursor.fetchone()
        if row is None:
            return None
        pk, found, created, modified, page_changed, newest = row
        return PageVersion(
            pk,
            found,
            a_time(created),
            a_time(modified),
            as_datetime(page_changed),
            a_time(newest),
        )

    def for_page(self) -> CableQuerySet:
        """What the cable page shows of the cable, in a fixed number of queries whatever the
        size: the cable, its paragraphs and its tags (the cables around it are
        `Reference.objects.around`); not the text it was imported from, which it does not
        show."""
        return self.for_paragraph_page().prefetch_related(
            Prefetch(
                "tagged_items",
                queryset=CableTag.objects.select_related("tag").order_by("position"),
            ),
        )

    def for_paragraph_page(self) -> CableQuerySet:
        """The cable and its paragraphs: what a paragraph's page shows of it."""
        return (
            self.select_related("origin")
            .defer("source_text")
            .prefetch_related(
                Prefetch("paragraphs", queryset=Paragraph.objects.order_by("position"))
            )
        )


# The stubs' plugin cannot follow taggit's base of CableTag to its related manager.
class Cable(DirectLoading, models.Model):  # type: ignore[django-manager-missing]
    reference_id = models.CharField(max_length=60, unique=True)
    created = models.DateTimeField(db_index=True)
    released = models.DateTimeField(null=True, blank=True, db_index=True)
    classification = models.CharField(
        max_length=40, choices=Classification.choices, blank=True, db_index=True
    )
    origin = models.ForeignKey(Origin, on_delete=models.PROTECT, related_name="cables")

    transmission_id = models.CharField(max_length=40, blank=True)
    precedence = models.CharField(max_length=10, blank=True)
    date_time_group = models.DateTimeField(null=True, blank=True)
    sender = models.CharField(max_length=200, blank=True)
    recipients = models.JSONField(default=list, blank=True)
    info_recipients = models.JSONField(default=list, blank=True)
    captions = models.JSONField(default=list, blank=True)
    declassify_on = models.DateField(null=True, blank=True)
    subject = models.TextField(blank=True)
    other_references = models.JSONField(default=list, blank=True)
    classified_by = models.CharField(max_length=500, blank=True)
    classification_reasons = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True)
    signer = models.CharField(max_length=200, blank=True)
    # News articles citing the cable, as its original page listed them: [{"url", "title"}].
    articles = models.JSONField(default=list, blank=True)

    header = models.TextField(blank=True)
    preamble = models.TextField(blank=True)
    # What the cable was imported from, and a digest of what was parsed out of it: an import
    # that yields the same digest changes nothing.
    source_text = models.TextField(blank=True)
    content_digest = models.CharField(max_length=64)
    imported = models.DateTimeField(auto_now_add=True)
    # Indexed: the newest change to the archive is one of every page's versions (readingroom/
    # caching.py), read from this index's last entry.
    modified = models.DateTimeField(auto_now=True, db_index=True)
    # When something else its pages show last changed: a comment or linkback published,
    # edited or moderated (the apps that show them call `Cable.objects.page_changed`).
    page_changed = models.DateTimeField(null=True, blank=True)
    # A reader has liked the cable, one of its paragraphs or a comment on it (set by the
    # comments app when a like is saved, never unset): a cable nobody ever liked is shown
    # without asking for its likes.
    liked = models.BooleanField(default=False)
    # When an import replaced the text with a changed one (the earlier is a CableVersion).
    text_modified = models.DateTimeField(null=True, blank=True)

    tags = TaggableManager(through="CableTag", blank=True)

    objects = CableQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "reference_id"]
        indexes = [
            models.Index(fields=["origin", "-created"], name="cable_origin_created"),
            models.Index(fields=["classification", "-created"], name="cable_class_created"),
        ]

    def __str__(self) -> str:
        return self.reference_id

    def get_absolute_url(self) -> str:
        # Kept: a page with a long discussion links to its cable hundreds of times.
        if self._url is None:
            self._url = reverse("pages:detail", kwargs=self.address_parts)
        return self._url

    _url: str | None = None

    @property
    def versions_url(self) -> str:
        return reverse("cables:versions", kwargs=self.address_parts)

    def paragraph_page_url(self, anchor: str) -> str:
        """/cable/2007/02/07MOSCOW601/par3/: a paragraph's own page, with its discussion."""
        if self._paragraph_urls is None:
            self._paragraph_urls = {}
        url = self._paragraph_urls.get(anchor)
        if url is None:
            url = reverse("pages:paragraph", kwargs={**self.address_parts, "anchor": anchor})
            self._paragraph_urls[anchor] = url
        return url

    _paragraph_urls: dict[str, str] | None = None

    @property
    def address_parts(self) -> dict[str, str]:
        return address_parts(self.reference_id, self.created)

    @property
    def title(self) -> str:
        return f"{self.reference_id}, {self.subject}" if self.subject else self.reference_id

    @property
    def hashtags(self) -> list[str]:
        return ["#cablegate", f"#{self.reference_id}"]

    @property
    def precedence_label(self) -> str:
        return fields.PRECEDENCES.get(self.precedence, "")

    @property
    def classification_url(self) -> str:
        return classification_url(self.classification)

    @property
    def created_month_url(self) -> str:
        return month_url(self.created)

    @property
    def released_day_url(self) -> str | None:
        return release_day_url(self.released) if self.released else None

    def ordered_tags(self) -> list:
        """Tags in the order the TAGS line gives them (prefetched by `for_page`)."""
        return [item.tag for item in self.tagged_items.all()]

    def explained_reasons(self) -> list[tuple[str, str]]:
        return [(reason, fields.explain_reason(reason)) for reason in self.classification_reasons]

    @property
    def media_articles(self) -> list[MediaArticle]:
        """The stored articles that are http(s) links: an edit in the admin cannot put a
        'javascript:' address on the page."""
        stored = self.articles if isinstance(self.articles, list) else []
        found = (
            media_article(str(item.get("url") or ""), str(item.get("title") or ""))
            for item in stored
            if isinstance(item, dict)
        )
        return [article for article in found if article is not None]

    @property
    def example_anchor(self) -> str:
        """A paragraph anchor to show in the help box (from the prefetched paragraphs)."""
        numbered = (p for p in self.paragraphs.all() if p.number is not None)
        return next((p.anchor for p in numbered), "par1")

    def current_text(self) -> dict:
        """What a reader reads, in the shape a CableVersion keeps an earlier text."""
        fields = ("anchor", "number", "marking_text", "heading", "text")
        return {
            "subject": self.subject,
            "header": self.header,
            "preamble": self.preamble,
            "paragraphs": list(self.paragraphs.order_by("position").values(*fields)),
        }

    def paragraph(self, number: int) -> Paragraph | None:
        return self.paragraphs.filter(number=number).order_by("position").first()


# As for Cable, the plugin cannot follow taggit's base to its manager.
class CableTag(DirectLoading, TaggedItemBase):  # type: ignore[django-manager-missing]
    content_object = models.ForeignKey(Cable, on_delete=models.CASCADE, related_name="tagged_items")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="cabletag_unique"),
        ]


def tag_named(name: str) -> Tag | None:
    """The tag a list address or the search form names, in any case ('prel' is PREL)."""
    return Tag.objects.filter(name__iexact=name).order_by("name").first()


def in_order(rows: models.QuerySet, sort: str, tie_breaker: str) -> models.QuerySet:
    """Sorted by `sort` ('created', '-released'...); cables never released come last."""
    field = models.F(sort.lstrip("-"))
    order = field.desc(nulls_last=True) if sort.startswith("-") else field.asc(nulls_last=True)
    return rows.order_by(order, tie_breaker)
