"""Reader comments on a cable, on one of its paragraphs, or on a quoted passage.

A comment is attached to its paragraph by the paragraph's anchor ('par3'), not by a foreign key
to the Paragraph row: anchors are the permanent addresses readers cite, and they survive a
re-import that rewrites the paragraphs. When the anchor no longer exists the comment stays in
the cable's own thread, with its quote.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Count, Max, Q
from django.utils import timezone

from cables.models import Cable
from comments.source_pages import names_a_site, readable_host, readable_name
from readingroom.loading import DirectLoading


def display_name_of(user) -> str:
    """How a signed-in reader is named under their comments."""
    return user.get_full_name() or user.get_username()


class Status(models.TextChoices):
    PENDING = "pending", "Awaiting moderation"
    APPROVED = "approved", "Approved"
    SPAM = "spam", "Spam"
    REMOVED = "removed", "Removed"


class Kind(models.TextChoices):
    COMMENT = "comment", "Comment"
    TRACKBACK = "trackback", "Trackback"
    PINGBACK = "pingback", "Pingback"
    WEBMENTION = "webmention", "Webmention"


_LINKBACK_KINDS = [Kind.TRACKBACK, Kind.PINGBACK, Kind.WEBMENTION]


class Verification(models.TextChoices):
    """What fetching a linkback's source showed."""

    QUEUED = "queued", "Waiting to be checked"
    VERIFIED = "verified", "Links to the cable"
    NO_LINK = "no-link", "Does not link to the cable"
    GONE = "gone", "Gone (410)"
    UNREACHABLE = "unreachable", "Could not be fetched"
    NOT_CHECKED = "not-checked", "Not checked"


# What a discussion never shows of a comment, and of its author's account: left in the
# database when one is loaded (the Markdown source alone is as long as the comment).
_UNSHOWN_FIELDS = (
    "body",
    "author_email",
    "ip_address",
    "user_agent",
    "moderation_reason",
    "target_url",
    "verification_note",
)
_UNSHOWN_USER_FIELDS = ("password", "email", "last_login", "date_joined")


class CommentQuerySet(models.QuerySet["Comment"]):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=Status.APPROVED)

    def pending(self) -> CommentQuerySet:
        return self.filter(status=Status.PENDING)

    def for_discussion(self, cable: Cable, *, own_ids: list[int], user=None) -> CommentQuerySet:
        """Everything a reader may see of one cable's discussion, in one query.

        Approved comments; removed and spam ones too, because a removed comment with replies
        still holds its place in the thread as '[removed]'; and the reader's own comments that
        are awaiting moderation. `discussion.build` decides what is shown of each.
        """
        shown = Q(status__in=[Status.APPROVED, Status.REMOVED, Status.SPAM])
        own = Q(pk__in=own_ids) if own_ids else Q()
        if user is not None and user.is_authenticated:
            own |= Q(user=user)
        if own:
            shown |= own & Q(status=Status.PENDING)
        return (
            self.filter(cable=cable)
            .filter(shown)
            .select_related("user")
            .defer(*_UNSHOWN_FIELDS, *(f"user__{name}" for name in _UNSHOWN_USER_FIELDS))
            .order_by("created", "pk")
        )

    def feed_items(self) -> CommentQuerySet:
        return (
            self.approved()
            .filter(kind=Kind.COMMENT)
            .select_related("cable", "user")
            .order_by("-created", "-pk")
        )

    def for_token(self, token: str, *, salt: str) -> Comment | None:
        """The comment a signed link names (`Comment.token`), or None when it was altered."""
        try:
            pk = signing.loads(token, salt=salt)
        except signing.BadSignature:
            return None
        return self.filter(pk=pk).first()

    def linkbacks(self) -> CommentQuerySet:
        return self.filter(kind__in=_LINKBACK_KINDS)

    def latest_discussions(self):
        """A row per cable readers discuss: {'cable', 'count' of its published comments,
        'latest' comment's time}, the most recently discussed first."""
        return (
            self.approved()
            .filter(kind=Kind.COMMENT)
            .values("cable")
            .annotate(count=Count("pk"), latest=Max("created"))
            .order_by("-latest", "-cable")
        )


class Comment(DirectLoading, models.Model):
    cable = models.ForeignKey(Cable, on_delete=models.CASCADE, related_name="comments")
    # '' for the cable as a whole, else the paragraph's anchor: 'par3'.
    anchor = models.CharField(max_length=20, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # The comment the reader answered; the same as `parent` except below the depth limit,
    # where a reply is attached beside the comment it answers.
    replied_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.COMMENT)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    author_name = models.CharField(max_length=245)
    author_email = models.EmailField(max_length=100, blank=True)
    author_url = models.URLField(max_length=200, blank=True)

    body = models.TextField(
        blank=True, help_text="Markdown, as the reader wrote it (none for a linkback)."
    )
    body_html = models.TextField(help_text="The Markdown rendered and sanitised.")
    # The passage commented on, as a W3C Web Annotation TextQuoteSelector.
    quote_exact = models.TextField(blank=True)
    quote_prefix = models.CharField(max_length=64, blank=True)
    quote_suffix = models.CharField(max_length=64, blank=True)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    moderation_reason = models.CharField(max_length=200, blank=True)
    notify_replies = models.BooleanField(default=False)
    reply_notice_sent = models.DateTimeField(null=True, blank=True)

    # Linkbacks (trackbacks, pingbacks, webmentions): the page citing the cable, as it describes
    # itself, and what fetching it showed. Everything here is someone else's text: plain text,
    # escaped when shown.
    source_url = models.URLField("source", max_length=2000, blank=True)
    source_title = models.CharField("title", max_length=250, blank=True)
    source_excerpt = models.CharField("excerpt", max_length=252, blank=True)
    source_site = models.CharField("site", max_length=250, blank=True)
    # The day the source says it was published, in its own time zone.
    published = models.DateField(null=True, blank=True)
    # As the ping named it: an absolute URL of ours, or the cable's path for a trackback.
    target_url = models.CharField("target", max_length=2000, blank=True)
    verification = models.CharField(max_length=12, choices=Verification.choices, blank=True)
    verified = models.DateTimeField("last checked", null=True, blank=True)
    verification_note = models.CharField(max_length=300, blank=True)
    # Set when a moderator sets the status by hand: a later check of the source then leaves
    # the status alone.
    moderated = models.DateTimeField(null=True, blank=True)

    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(default=timezone.now)
    edited = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        indexes = [
            models.Index(fields=["cable", "created"], name="comment_cable_created"),
            models.Index(fields=["status", "-created"], name="comment_status_created"),
            models.Index(fields=["author_email", "status"], name="comment_email_status"),
            models.Index(fields=["ip_address", "-created"], name="comment_ip_created"),
        ]
        constraints = [
            # One linkback per citing page and cable: a repeat updates it or is refused.
            models.UniqueConstraint(
                fields=["cable", "source_url"],
                condition=~Q(kind="comment"),
                name="linkback_one_per_source",
            ),
        ]

    def __str__(self) -> str:
        where = f"{self.cable_id} #{self.anchor}" if self.anchor else str(self.cable_id)
        return f"{self.author_name} on {where}"

    def get_absolute_url(self) -> str:
        """The permalink: the cable page, opened on this comment (inside its paragraph thread
        when it has one; the page opens that thread)."""
        return f"{self.cable.get_absolute_url()}#{self.html_id}"

    def token(self, *, salt: str) -> str:
        """This comment's id, signed, for a link only its holder has (unsubscribe, status)."""
        return signing.dumps(self.pk, salt=salt)

    @property
    def html_id(self) -> str:
        return f"comment-{self.pk}"

    @property
    def is_approved(self) -> bool:
        return self.status == Status.APPROVED

    @property
    def is_pending(self) -> bool:
        return self.status == Status.PENDING

    @property
    def display_name(self) -> str:
        return display_name_of(self.user) if self.user is not None else self.author_name

    @property
    def is_linkback(self) -> bool:
        return self.kind != Kind.COMMENT

    @property
    def source_host(self) -> str:
        return readable_host(self.source_url)

    @property
    def site_label(self) -> str:
        """How the citing site is named: its own name for itself, else its host; '' when it
        has neither (an address such as 127.0.0.1 names no site)."""
        return self.source_site if names_a_site(self.source_site) else self.source_host

    @property
    def linkback_author(self) -> str:
        """Who wrote the citing page, when its page says more than the site again: not the
        site's name or host, the page's address, or an IP address (what a linkback without an
        author of its own keeps in `author_name`)."""
        name = self.author_name
        address = name.lower().startswith(("http://", "https://")) and " " not in name
        if address or not names_a_site(name):
            return ""
        return "" if name == self.site_label or readable_name(name) == self.source_host else name

    @property
    def publication_date(self) -> datetime.date:
        """The day the citing page says it was published, else the day we received it: the
        date a mention shows, and the order of "Mentioned in"."""
        return self.published or timezone.localdate(self.created)

    @property
    def paragraph_number(self) -> int | None:
        digits = self.anchor.removeprefix("par").split("-")[0]
        return int(digits) if self.anchor.startswith("par") and digits.isdigit() else None


class ModerationPolicy(models.Model):
    """Moderators' switches and word lists, edited in the admin; one row.

    Settings add to these (COMMENTS_HOLD_ALL, COMMENTS_MODERATION_WORDS,
    COMMENTS_DISALLOWED_WORDS), so a deployment can fix a list the admin cannot weaken.
    """

    hold_all = models.BooleanField(
        "hold every comment for moderation",
        default=False,
        help_text="Site-wide moderation: nothing appears until a moderator approves it.",
    )
    moderation_words = models.TextField(
        blank=True,
        help_text="One word, phrase or IP address per line. A comment whose author, e-mail, "
        "URL, text or IP contains one is held for moderation.",
    )
    disallowed_words = models.TextField(
        blank=True,
        help_text="Same form. A comment that contains one goes straight to spam.",
    )

    class Meta:
        verbose_name = "moderation policy"
        verbose_name_plural = "moderation policy"

    def __str__(self) -> str:
        return "Moderation policy"

    @classmethod
    def current(cls) -> ModerationPolicy:
        return cls.objects.order_by("pk").first() or cls()

    @staticmethod
    def word_list(text: str, extra: list[str]) -> list[str]:
        words = [line.strip() for line in text.splitlines()] + [word.strip() for word in extra]
        return [word.lower() for word in words if word]

    def moderation_list(self) -> list[str]:
        return self.word_list(self.moderation_words, settings.COMMENTS_MODERATION_WORDS)

    def disallowed_list(self) -> list[str]:
        return self.word_list(self.disallowed_words, settings.COMMENTS_DISALLOWED_WORDS)

    @property
    def holds_all(self) -> bool:
        return self.hold_all or settings.COMMENTS_HOLD_ALL


# Whose likes a page names, per thing liked; the rest are counted.
NAMED_LIKERS = 5


@dataclass(frozen=True)
class Likes:
    """What a page shows of the likes of one thing: how many, and the signed-in readers who
    gave the first of them, by name."""

    count: int = 0
    names: tuple[str, ...] = ()

    @property
    def others(self) -> int:
        return self.count - len(self.names)


class LikeQuerySet(models.QuerySet["Like"]):
    def of_cable(self, cable: Cable) -> dict[str, Likes]:
        """Every like of the cable, its paragraphs and its comments, by target ("" the cable,
        "par3", "comment-12"): one query whatever their number, none for a cable nobody has
        ever liked."""
        if not cable.liked:
            return {}
        rows = (
            self.filter(cable=cable)
            .order_by("created", "pk")
            .values_list("target", "user__first_name", "user__last_name", "user__username")
        )
        counts: dict[str, int] = {}
        names: dict[str, list[str]] = {}
        for target, first, last, username in rows:
            counts[target] = counts.get(target, 0) + 1
            named = names.setdefault(target, [])
            if username is not None and len(named) < NAMED_LIKERS:
                named.append(f"{first} {last}".strip() or username)
        return {target: Likes(count, tuple(names[target])) for target, count in counts.items()}

    def of_comments(self, cable: Cable) -> dict[int, int]:
        """How many like each comment on the cable, by the comment's id."""
        if not cable.liked:
            return {}
        rows = (
            self.filter(cable=cable, comment__isnull=False)
            .values_list("comment")
            .annotate(count=Count("pk"))
            .order_by()
        )
        return dict(rows)


class Like(models.Model):
    """A reader likes a cable, one of its paragraphs or a comment on it: once per account, and
    once per browser for a guest (a signed cookie's random id)."""

    cable = models.ForeignKey(Cable, on_delete=models.CASCADE, related_name="likes")
    # "" the cable itself, "par3" a paragraph (by its permanent anchor), "comment-12".
    target = models.CharField(max_length=30, blank=True)
    comment = models.ForeignKey(
        "Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="likes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    browser = models.CharField(max_length=40, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    objects = LikeQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["cable", "target"], name="like_cable_target")]
        constraints = [
            models.UniqueConstraint(
                fields=["cable", "target", "user"],
                condition=Q(user__isnull=False),
                name="like_once_per_account",
            ),
            models.UniqueConstraint(
                fields=["cable", "target", "browser"],
                condition=~Q(browser=""),
                name="like_once_per_browser",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cable_id} {self.target or 'cable'}"
