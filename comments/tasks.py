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

_UNSUBSCRIBE_SALT = "comments.unsubscribe"


def unsubscribe_token(comment: Comment) -> str:
    return comment.token(salt=_UNSUBSCRIBE_SALT)


def comment_for_token(token: str) -> Comment | None:
    return Comment.objects.select_related("cable").for_token(token, salt=_UNSUBSCRIBE_SALT)


def _unsubscribe_url(comment: Comment) -> str:
    path = reverse("comments:unsubscribe", kwargs={"token": unsubscribe_token(comment)})
    return f"{settings.SITE_URL}{path}"


@task()
def send_reply_notice(reply_id: int) -> str:
    """E-mail the author of the comment a reader answered, while the reply is approved and the
    author still wants notices. At most once per reply, however often the task runs.

    The notice is claimed before the e-mail goes out: one conditional UPDATE sets
    `reply_notice_sent` where it is still empty. A second run (another worker running it at the
    same time, or the task run again after its worker was killed) finds it claimed and sends
    nothing. If sending fails after the claim, the claim stands: the task fails with the mail
    server's error, logged, and that notice is not sent. A connection dropped during sending
    may or may not have delivered the message, and a missed notice is better than a doubled one.
    """
    reply = (
        Comment.objects.select_related("replied_to", "cable", "user").filter(pk=reply_id).first()
    )
    if reply is None or reply.status != Status.APPROVED or reply.reply_notice_sent:
        return "skipped: reply gone, not approved or already notified"
    parent = reply.replied_to
    if parent is None or not parent.notify_replies or not parent.author_email:
        return "skipped: no subscriber"
    claimed = Comment.objects.filter(
        pk=reply.pk, status=Status.APPROVED, reply_notice_sent__isnull=True
    ).update(reply_notice_sent=timezone.now())
    if not claimed:
        return "skipped: already notified"
    unsubscribe = _unsubscribe_url(parent)
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
    try:
        message.send()
    except Exception:
        logger.error(
            "Reply notice for comment %s could not be sent to the author of comment %s; it was "
            "claimed, so it will not be tried again",
            reply.pk, parent.pk,
        )  # fmt: skip
        raise
    logger.info("Reply notice for comment %s sent to the author of comment %s", reply.pk, parent.pk)
    return f"sent to the author of comment {parent.pk}"
