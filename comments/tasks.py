"""Background work for comments, run by the task worker (`manage.py db_worker`)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment, Status

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "comments.unsubscribe"


def unsubscribe_token(comment: Comment) -> str:
    return comment.token(salt=UNSUBSCRIBE_SALT)


def comment_for_token(token: str) -> Comment | None:
    return Comment.objects.select_related("cable").for_token(token, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(comment: Comment) -> str:
    path = reverse("comments:unsubscribe", kwargs={"token": unsubscribe_token(comment)})
    return f"{settings.SITE_URL}{path}"


@task()
def send_reply_notice(reply_id: int) -> str:
    """E-mail the author of the comment a reader answered. Sent once per reply, and only while
    the reply is approved and the author still wants notices."""
    reply = (
        Comment.objects.select_related("replied_to", "cable", "user").filter(pk=reply_id).first()
    )
    if reply is None or reply.status != Status.APPROVED or reply.reply_notice_sent:
        return "skipped: reply gone, not approved or already notified"
    parent = reply.replied_to
    if parent is None or not parent.notify_replies or not parent.author_email:
        return "skipped: no subscriber"
    unsubscribe = unsubscribe_url(parent)
    context = {
        "reply": reply,
        "parent": parent,
        "reply_url": f"{settings.SITE_URL}{reply.get_absolute_url()}",
        "unsubscribe_url": unsubscribe,
    }
    message = EmailMessage(
        subject=f"New reply to your comment on {reply.cable.reference_id}",
        body=render_to_string("comments/reply_notice.txt", context),
        to=[parent.author_email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()
    Comment.objects.filter(pk=reply.pk).update(reply_notice_sent=timezone.now())
    logger.info("Reply notice for comment %s sent to the author of comment %s", reply.pk, parent.pk)
    return f"sent to the author of comment {parent.pk}"


@task()
def verify_linkback(linkback_id: int, hosts: list[str]) -> str:
    """Fetch a linkback's source and publish, hold or remove the linkback (see
    `comments.linkbacks.verify`). `hosts` are the host names our cable addresses use."""
    from comments import linkbacks

    linkback = Comment.objects.select_related("cable").filter(pk=linkback_id).first()
    if linkback is None or not linkback.is_linkback:
        return "skipped: no such linkback"
    linkback = linkbacks.verify(linkback, hosts=hosts)
    return f"{linkback.verification}: {linkback.status}"
