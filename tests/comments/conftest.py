"""Helpers for the comment tests: a cable to discuss, and comments posted the way readers post
them (through the form, with a form served long enough ago) or stored directly."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from comments import services
from comments.forms import served_token
from comments.models import Comment, ModerationPolicy, Status
from tests.factories import make_cable


@pytest.fixture
def cable(db):
    return make_cable("08STATE1234", paragraphs=5)


@pytest.fixture(autouse=True)
def no_flood_wait(settings):
    """Tests post several comments from one address within seconds; the flood rule has its
    own tests, which set COMMENTS_FLOOD_SECONDS back."""
    settings.COMMENTS_FLOOD_SECONDS = 0
    # Likewise the tests send many linkbacks from 127.0.0.1 and repeat webmentions at once;
    # test_linkbacks tests both limits.
    settings.LINKBACKS_PER_MINUTE = 0
    settings.LINKBACKS_RECHECK_SECONDS = 0


def form_data(target, **fields) -> dict:
    """What the comment form sends, served a minute ago, as a guest unless told otherwise."""
    data = {
        "cable": target.reference_id,
        "anchor": "",
        "parent": "",
        "name": "Ann Reader",
        "email": "ann@example.org",
        "url": "",
        "body": "A fair reading of the cable.",
        "served": served_token(time.time() - 60),
        "homepage": "",
    }
    data.update({key: "" if value is None else value for key, value in fields.items()})
    return data


@pytest.fixture
def post_form(client):
    def post(target, *, using=None, **fields):
        return (using or client).post("/comments/post/", form_data(target, **fields))

    return post


def make_comment(
    cable,
    *,
    body: str = "A comment.",
    name: str = "Ann Reader",
    email: str = "ann@example.org",
    anchor: str = "",
    parent: Comment | None = None,
    status: str = Status.APPROVED,
    ago: timedelta = timedelta(hours=1),
    **fields,
) -> Comment:
    """A comment stored as it would be after posting and moderation (no rules applied)."""
    from comments.markup import render_markdown

    return Comment.objects.create(
        cable=cable,
        anchor=parent.anchor if parent else anchor,
        parent=parent,
        replied_to=parent,
        depth=parent.depth + 1 if parent else 1,
        author_name=name,
        author_email=email,
        body=body,
        body_html=render_markdown(body),
        status=status,
        created=timezone.now() - ago,
        **fields,
    )


def served_ago(seconds: float) -> services.FormCheck:
    return services.FormCheck(served_at=timezone.now() - timedelta(seconds=seconds))


def set_policy(**fields) -> None:
    """The moderators' policy with `fields`, as saved in the admin: the one row migrate makes
    (made again when a transactional test before this one emptied the table)."""
    ModerationPolicy.objects.update_or_create(pk=ModerationPolicy.current().pk, defaults=fields)
