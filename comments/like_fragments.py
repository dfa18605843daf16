"""The like form beside a cable, a paragraph or a comment, with who likes it: written out in
Python like the comment cards it sits in (comments/fragments.py), every value escaped.

Each liker named has a badge of their initials in one of twelve colours drawn from their name:
drawn here, so no page asks another site for an image."""

from __future__ import annotations

import hashlib
from functools import cache
from html import escape as esc

from django.urls import reverse
from django.utils.safestring import mark_safe

from comments.models import Likes

_HUES = 12


def like_form_html(*, cable_id: int, target: str, likes: Likes, page_url: str, what: str) -> str:
    """The form that likes `target` of the cable ("" the cable itself, "par3"), coming back to
    `page_url`, with who likes it; `what` names the thing for a screen reader ("this cable",
    "paragraph 3")."""
    target_attr = esc(target)
    return mark_safe(  # every value escaped
        f'<form class="like-form" method="post" action="{_like_action()}" '
        f'data-target="{target_attr}">'
        f'<input type="hidden" name="cable" value="{int(cable_id)}">'
        f'<input type="hidden" name="target" value="{target_attr}">'
        f'<input type="hidden" name="next" value="{esc(page_url)}">'
        f'<button type="submit" class="like-button" aria-pressed="false" '
        f'aria-label="Like {esc(what)}">Like</button> '
        f'<span class="like-count" data-count="{likes.count}">{_likers(likes, False)}</span>'
        "</form>"
    )


def comment_like_form_html(*, comment_id: int, likes: Likes, author: str) -> str:
    """A comment's like form, its count alone beside it; `author` (escaped) names the comment
    for a screen reader. The smallest form that works: a page of two hundred comments has two
    hundred of them, so the button carries the target and the like view finds the cable and
    the page to come back to from the comment."""
    target = f"comment-{int(comment_id)}"
    return (
        f'<form class="like-form compact" method="post" action="{_like_action()}" '
        f'data-target="{target}"><button class="like-button" name="target" value="{target}" '
        f'aria-pressed="false" aria-label="Like the comment by {author}">Like</button> '
        f'<span class="like-count" data-count="{likes.count}">{_likers(likes, True)}</span>'
        "</form>"
    )


@cache
def _like_action() -> str:
    """Where the forms post: the same for every form of the site, found once (a comment card
    is written in microseconds; asking the URLconf each time would treble that)."""
    return reverse("comments:like")


def _likers(likes: Likes, compact: bool) -> str:
    if not likes.count:
        return ""
    if compact:
        return f"{likes.count} like{'' if likes.count == 1 else 's'}"
    if not likes.names:
        readers = "reader likes" if likes.count == 1 else "readers like"
        return f"{likes.count} {readers} this"
    named = [_liker(name) for name in likes.names]
    if likes.others:
        named.append(f"{likes.others} other{'' if likes.others == 1 else 's'}")
    verb = "likes" if likes.count == 1 else "like"
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    return f"{listed} {verb} this"


def _liker(name: str) -> str:
    initials = "".join(word[0] for word in name.split()[:2]).upper() or "?"
    hue = int(hashlib.sha256(name.encode()).hexdigest(), 16) % _HUES
    return (
        f'<span class="liker"><span class="avatar hue-{hue}" aria-hidden="true">'
        f"{esc(initials)}</span>{esc(name)}</span>"
    )
