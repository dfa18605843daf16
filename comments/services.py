"""Writes to the discussion: post, edit, remove, moderate.

`post_comment` applies every rule, in this order: reject (a text too costly to show 400, a
reply to a comment that is not approved 403, a duplicate 409, flooding 429, a bot 400); then
decide the status (straight to spam on a disallowed word; held for moderation when site-wide
moderation is on, on two or more links, on a moderation word, or for a guest e-mail with no
earlier approved comment; approved otherwise). A rejected comment changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from http import HTTPStatus

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from cables.models import Cable, Paragraph
from comments.markup import MarkupRefused, count_links, render_markdown
from comments.models import Comment, ModerationPolicy, Status
from comments.passages import Quote
from comments.tasks import send_reply_notice

logger = logging.getLogger(__name__)


class CommentRejected(Exception):
    """The comment breaks a rule: nothing was saved. `status` is the HTTP status to answer;
    `retry_after`, for flooding, the seconds to wait before sending again."""

    def __init__(self, message: str, *, status: HTTPStatus, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class Author:
    name: str
    email: str = ""
    url: str = ""
    user: User | None = None  # signed in

    @property
    def is_moderator(self) -> bool:
        return bool(self.user is not None and getattr(self.user, "is_staff", False))


@dataclass(frozen=True)
class Client:
    ip: str | None = None
    user_agent: str = ""


@dataclass(frozen=True)
class FormCheck:
    """What the anti-bot fields said: the honeypot's value and when the form was served
    (None when the signed timestamp was missing or altered)."""

    honeypot: str = ""
    served_at: datetime | None = None


@dataclass(frozen=True)
class Verdict:
    status: str
    reason: str = ""


def post_comment(
    *,
    cable: Cable,
    author: Author,
    body: str,
    form: FormCheck,
    client: Client,
    paragraph: Paragraph | None = None,
    parent: Comment | None = None,
    quote: Quote | None = None,
    notify_replies: bool = False,
    now: datetime | None = None,
) -> Comment:
    """Store a reader's comment, held or published by the moderation rules, or refuse it
    (CommentRejected, which says why and with which HTTP status) and store nothing."""
    now = now or timezone.now()
    body_html = _rendered(body)
    if parent is not None:
        _check_answerable(parent, cable=cable)
    anchor = parent.anchor if parent is not None else (paragraph.anchor if paragraph else "")
    if _is_duplicate(cable=cable, anchor=anchor, parent=parent, author=author, body=body):
        raise CommentRejected(
            "You have already posted this comment here.", status=HTTPStatus.CONFLICT
        )
    if not author.is_moderator and _is_flooding(author=author, client=client, now=now):
        raise CommentRejected(
            f"You are posting too quickly: wait {settings.COMMENTS_FLOOD_SECONDS} seconds "
            "between comments, then send again.",
            status=HTTPStatus.TOO_MANY_REQUESTS,
            retry_after=settings.COMMENTS_FLOOD_SECONDS,
        )
    _check_form(form, now=now)

    verdict = _judge(author=author, body=body, client=client, first_check=True)
    attach_to = _attach_point(parent)
    with transaction.atomic():
        comment = Comment.objects.create(
            cable=cable,
            anchor=anchor,
            parent=attach_to,
            replied_to=parent,
            depth=attach_to.depth + 1 if attach_to else 1,
            user=author.user,
            author_name=author.name,
            author_email=author.email,
            author_url=author.url,
            body=body,
            body_html=body_html,
            quote_exact=quote.exact if quote and parent is None else "",
            quote_prefix=quote.prefix if quote and parent is None else "",
            quote_suffix=quote.suffix if quote and parent is None else "",
            status=verdict.status,
            moderation_reason=verdict.reason,
            notify_replies=notify_replies and bool(author.email),
            ip_address=client.ip,
            user_agent=client.user_agent[:300],
            created=now,
        )
        if comment.status == Status.APPROVED:
            _queue_reply_notice(comment)
    return comment


def _check_answerable(parent: Comment, *, cable: Cable) -> None:
    """A reply answers a published comment on the same cable, not a linkback."""
    if parent.cable_id != cable.pk:
        raise CommentRejected(
            "The comment you reply to is not on this cable.", status=HTTPStatus.BAD_REQUEST
        )
    if parent.is_linkback:
        raise CommentRejected(
            "Replies go to comments, not to the pages that cite a cable.",
            status=HTTPStatus.BAD_REQUEST,
        )
    if parent.status != Status.APPROVED:
        raise CommentRejected(
            "You can only reply to a published comment.", status=HTTPStatus.FORBIDDEN
        )


def _attach_point(parent: Comment | None) -> Comment | None:
    """A reply to a comment at the deepest level attaches beside it, at that level."""
    while parent is not None and parent.depth >= settings.COMMENTS_MAX_DEPTH:
        parent = parent.parent
    return parent


def _is_duplicate(
    *, cable: Cable, anchor: str, parent: Comment | None, author: Author, body: str
) -> bool:
    same_author = (
        Q(user=author.user) if author.user is not None else Q(author_email__iexact=author.email)
    )
    return (
        Comment.objects.filter(cable=cable, anchor=anchor, parent=parent, body=body)
        .filter(same_author)
        .exclude(status=Status.REMOVED)
        .exists()
    )


def _is_flooding(*, author: Author, client: Client, now: datetime) -> bool:
    since = now - timedelta(seconds=settings.COMMENTS_FLOOD_SECONDS)
    same_sender = Q()
    if client.ip:
        same_sender |= Q(ip_address=client.ip)
    if author.user is not None:
        same_sender |= Q(user=author.user)
    if author.email:
        same_sender |= Q(author_email__iexact=author.email)
    if not same_sender:
        return False
    return Comment.objects.filter(same_sender, created__gt=since, created__lte=now).exists()


def _check_form(form: FormCheck, *, now: datetime) -> None:
    if form.honeypot.strip():
        raise CommentRejected(
            "The form was filled in by a machine, it seems: leave the last field empty.",
            status=HTTPStatus.BAD_REQUEST,
        )
    if form.served_at is None:
        raise CommentRejected(
            "The form was altered or is incomplete: send it again from the page.",
            status=HTTPStatus.BAD_REQUEST,
        )
    age = (now - form.served_at).total_seconds()
    if age < settings.COMMENTS_FORM_MIN_SECONDS:
        raise CommentRejected(
            "The form was sent too quickly after the page opened: check it and send it again.",
            status=HTTPStatus.BAD_REQUEST,
        )
    if age > settings.COMMENTS_FORM_MAX_AGE_SECONDS:
        raise CommentRejected(
            "The form is more than a day old: your text is kept below, send it again.",
            status=HTTPStatus.BAD_REQUEST,
        )


def _judge(*, author: Author, body: str, client: Client, first_check: bool) -> Verdict:
    """The status a comment gets. `first_check` is False for an edit: the author is known by
    then, only the words and links are judged again."""
    if author.is_moderator:
        return Verdict(Status.APPROVED)
    policy = ModerationPolicy.current()
    haystacks = [
        author.name.lower(),
        author.email.lower(),
        author.url.lower(),
        body.lower(),
        (client.ip or "").lower(),
    ]
    disallowed = disallowed_word(policy, haystacks)
    if disallowed:
        return disallowed
    if first_check and policy.holds_all:
        return Verdict(Status.PENDING, "site-wide moderation is on")
    links = count_links(body)
    if links >= settings.COMMENTS_LINKS_TO_HOLD:
        return Verdict(Status.PENDING, f"contains {links} links")
    held = moderation_word(policy, haystacks)
    if held:
        return held
    if first_check and author.user is None and not _has_approved_comment(author.email):
        return Verdict(Status.PENDING, "first comment from this e-mail address")
    return Verdict(Status.APPROVED)


def disallowed_word(policy: ModerationPolicy, haystacks: list[str]) -> Verdict | None:
    word = _first_match(policy.disallowed_list(), haystacks)
    return Verdict(Status.SPAM, f"contains the disallowed word “{word}”") if word else None


def moderation_word(policy: ModerationPolicy, haystacks: list[str]) -> Verdict | None:
    word = _first_match(policy.moderation_list(), haystacks)
    return Verdict(Status.PENDING, f"contains the moderation word “{word}”") if word else None


def _rendered(body: str) -> str:
    """The comment's HTML. A text too costly to show breaks a rule like any other."""
    try:
        return render_markdown(body)
    except MarkupRefused as refusal:
        raise CommentRejected(str(refusal), status=HTTPStatus.BAD_REQUEST) from refusal


def _first_match(words: list[str], haystacks: list[str]) -> str | None:
    return next((word for word in words if any(word in text for text in haystacks)), None)


def _has_approved_comment(email: str) -> bool:
    if not email:
        return False
    return Comment.objects.approved().filter(author_email__iexact=email).exists()


def edit_comment(*, comment: Comment, body: str, now: datetime | None = None) -> Comment:
    """The author's edit: the words and links are judged again, and the edit is marked."""
    body_html = _rendered(body)
    author = Author(
        name=comment.author_name,
        email=comment.author_email,
        url=comment.author_url,
        user=comment.user,
    )
    verdict = _judge(
        author=author, body=body, client=Client(ip=comment.ip_address), first_check=False
    )
    comment.body = body
    comment.body_html = body_html
    comment.edited = now or timezone.now()
    if verdict.status != Status.APPROVED:
        comment.status, comment.moderation_reason = verdict.status, f"edited: {verdict.reason}"
    comment.save(update_fields=["body", "body_html", "edited", "status", "moderation_reason"])
    return comment


def remove_comment(*, comment: Comment, reason: str = "removed by its author") -> Comment:
    """Removed, not deleted: replies keep their place under '[removed]', moderators keep the
    record."""
    comment.status = Status.REMOVED
    comment.moderation_reason = reason
    comment.save(update_fields=["status", "moderation_reason"])
    return comment


def moderate(*, comments: QuerySet[Comment], status: str) -> int:
    """Bulk status change from the admin; replies approved now notify their parent's author."""
    with transaction.atomic():
        changing = list(comments.exclude(status=status).select_related("replied_to"))
        now = timezone.now()
        for comment in changing:
            comment.status = status
            comment.moderation_reason = f"set to {status} by a moderator"
            comment.moderated = now
        Comment.objects.bulk_update(changing, ["status", "moderation_reason", "moderated"])
        Cable.objects.page_changed(*{comment.cable_id for comment in changing})
        if status == Status.APPROVED:
            for comment in changing:
                _queue_reply_notice(comment)
    return len(changing)


def _queue_reply_notice(comment: Comment) -> None:
    """Queue the e-mail to the parent's author. The task row is written in this transaction:
    it exists exactly when the approved reply does."""
    parent = comment.replied_to
    if parent is None or comment.reply_notice_sent is not None:
        return
    if not parent.notify_replies or not parent.author_email:
        return
    if parent.author_email.lower() == (comment.author_email or "").lower():
        return
    send_reply_notice.enqueue(comment.pk)


def unsubscribe(*, comment: Comment, subscribed: bool = False) -> Comment:
    comment.notify_replies = subscribed
    comment.save(update_fields=["notify_replies"])
    return comment


def follow_moved_paragraphs(*, cable: Cable, moved: dict[str, str]) -> int:
    """Comments and linkbacks on a paragraph that a re-import moved to another anchor follow
    it there; returns how many moved. {earlier anchor: anchor now}: the comments of each
    earlier anchor are found first, so that 'par3' -> 'par4' and 'par4' -> 'par5' do not
    carry par3's comments on to par5."""
    held = {
        anchor: list(cable.comments.filter(anchor=anchor).values_list("pk", flat=True))
        for anchor in moved
    }
    followed = sum(
        Comment.objects.filter(pk__in=ids).update(anchor=moved[anchor])
        for anchor, ids in held.items()
        if ids
    )
    if followed:
        Cable.objects.page_changed(cable.pk)
    return followed
