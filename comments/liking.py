"""Liking a cable, one of its paragraphs or a comment on it, and taking the like back.

A signed-in reader likes once per account; a guest once per browser, known by the random id
of a signed cookie (`LIKES_COOKIE`). Every address may like `LIKES_PER_MINUTE` times a minute.
A like changes what the cable's pages show (the counts, the names), so it marks them changed:
the next reader gets them rendered again with the new counts, in the same queries.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from http import HTTPStatus

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from cables.models import Cable
from comments.models import Comment, Like, Status
from readingroom.limits import within_limit

_COMMENT_TARGET = re.compile(r"^comment-(\d{1,18})$")


class LikeRefused(Exception):
    def __init__(self, message: str, *, status: int = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Liker:
    """Who likes: an account, or a guest's browser (its cookie's id)."""

    user: User | None = None
    browser: str = ""

    @classmethod
    def new_browser(cls) -> Liker:
        return cls(browser=secrets.token_urlsafe(18))

    def own(self) -> dict[str, object]:
        """The lookup of this liker's likes."""
        return {"user": self.user} if self.user is not None else {"browser": self.browser}


def toggle_like(
    *, cable: Cable, target: str, liker: Liker, ip: str | None, undo: bool = False
) -> bool:
    """Like `target` of `cable` ("" the cable, "par3", "comment-12"), or take the like back
    (`undo`); True when the liker likes it afterwards. A second like is no second count."""
    comment = _checked_target(cable, target)
    if not within_limit("like", ip, per_minute=settings.LIKES_PER_MINUTE):
        raise LikeRefused(
            "You are liking too quickly: wait a minute, then try again.",
            status=HTTPStatus.TOO_MANY_REQUESTS,
        )
    mine = Like.objects.filter(cable=cable, target=target, **liker.own())
    changed = False
    with transaction.atomic():
        if undo:
            changed = mine.delete()[0] > 0
        elif not mine.exists():
            try:
                with transaction.atomic():
                    Like.objects.create(
                        cable=cable,
                        target=target,
                        comment=comment,
                        user=liker.user,
                        browser="" if liker.user is not None else liker.browser,
                        ip_address=ip,
                    )
                changed = True
            except IntegrityError:  # the same like sent twice at once: one counts
                pass
        if changed:
            Cable.objects.page_changed(cable.pk)
    return not undo


def liked_cable(named: str, target: str) -> Cable | None:
    """The cable a like form names (its id), or, for a comment's form, which names only the
    comment, the comment's cable."""
    if named.isdigit():
        return Cable.objects.filter(pk=int(named)).first()
    found = _COMMENT_TARGET.match(target)
    if named or not found:
        return None
    return Cable.objects.filter(comments__pk=int(found[1])).first()


def liked_on(cable: Cable, liker: Liker | None) -> list[str]:
    """The targets of `cable` the liker likes, for their own view of its pages."""
    if liker is None:
        return []
    return sorted(Like.objects.filter(cable=cable, **liker.own()).values_list("target", flat=True))


def _checked_target(cable: Cable, target: str) -> Comment | None:
    """The comment a target names (None for the cable or a paragraph); refused when the
    cable has no such paragraph or published comment."""
    if target == "":
        return None
    found = _COMMENT_TARGET.match(target)
    if found:
        comment = Comment.objects.filter(
            pk=int(found[1]), cable=cable, status=Status.APPROVED
        ).first()
        if comment is None:
            raise LikeRefused("There is no such comment on this cable to like.")
        return comment
    if not cable.paragraphs.filter(anchor=target, number__isnull=False).exists():
        raise LikeRefused("This cable has no such paragraph to like.")
    return None
