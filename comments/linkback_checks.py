"""Checking a linkback: its source fetched in the background (`comments.fetcher`, never in the
request that brought the ping), its links to the cable found, what the page says about itself
read, and the linkback published, held or removed by what that showed and the moderation
policy. `verify_linkback` is the task that does it; `comments.linkbacks` queues it for every
ping it stores."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from http import HTTPStatus

from django.conf import settings
from django.db import transaction
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cables.addresses import cable_address
from cables.models import Cable
from comments import fetcher
from comments.markup import plain_text
from comments.models import Comment, Kind, ModerationPolicy, Status, Verification
from comments.services import Verdict, disallowed_word, moderation_word
from comments.source_pages import SourcePage, read_source_page

logger = logging.getLogger(__name__)

# How much of what a source says of itself is kept.
TITLE_LENGTH = 250
EXCERPT_LENGTH = 252
NAME_LENGTH = 245
SITE_LENGTH = 250
_REASON_LENGTH = 200


def queue_verification(linkback: Comment, *, hosts: Collection[str]) -> None:
    verify_linkback.enqueue(linkback.pk, sorted(hosts))


def check_waiting(linkback: Comment) -> bool:
    """Whether a check of the linkback waits in the task queue, not yet started.

    `verification` says QUEUED from the moment a check is queued until one ends, and a check
    that never ends leaves it so: it failed (the worker runs one that met a database error
    again, a few times, but not for ever), or its worker died. Only the queue knows whether a
    check is still to come; the receivers ask it before they take a repeated ping for one
    already in hand. (One that is running may have fetched the page before the sender changed
    it: it does not count.)"""
    return DBTaskResult.objects.filter(
        task_path=verify_linkback.module_path,
        status=TaskResultStatus.READY,
        args_kwargs__args__0=linkback.pk,
    ).exists()


@task()
def verify_linkback(linkback_id: int, hosts: list[str]) -> str:
    """Fetch a linkback's source and publish, hold or remove the linkback (`verify`). `hosts`
    are the host names our cable addresses use. Safe to run again (the worker does, after an
    outage or a killed worker): it fetches once more and applies what it finds to the row as
    it is then."""
    linkback = Comment.objects.select_related("cable").filter(pk=linkback_id).first()
    if linkback is None or not linkback.is_linkback:
        return "skipped: no such linkback"
    linkback = verify(linkback, hosts=hosts)
    return f"{linkback.verification}: {linkback.status}"


def anchors_of(cable: Cable) -> set[str]:
    return set(cable.paragraphs.values_list("anchor", flat=True))


def fetch_policy() -> fetcher.FetchPolicy:
    return fetcher.FetchPolicy(
        allow_loopback=settings.LINKBACKS_FETCH_ALLOW_LOOPBACK,
        timeout=settings.LINKBACKS_FETCH_TIMEOUT,
        max_bytes=settings.LINKBACKS_FETCH_MAX_BYTES,
        max_redirects=settings.LINKBACKS_FETCH_MAX_REDIRECTS,
        user_agent=f"ReadingRoom-Linkbacks/1.0 (+{settings.SITE_URL}/)",
    )


@dataclass
class Check:
    """What fetching the source showed, before anything is written."""

    verification: str
    note: str
    drop: bool = False  # gone, refused, or no link: not a citation (any more)
    page: SourcePage | None = None
    linked: list = field(default_factory=list)  # (link, anchor) for each link to the cable


# Answers that say "not now" rather than "not here".
_PASSING_FAILURES = {HTTPStatus.REQUEST_TIMEOUT, HTTPStatus.TOO_MANY_REQUESTS}


def _check_source(
    linkback: Comment, *, hosts: Collection[str], policy: fetcher.FetchPolicy
) -> Check:
    try:
        fetched = fetcher.fetch(linkback.source_url, policy=policy)
    except fetcher.FetchRefused as refusal:
        return Check(Verification.UNREACHABLE, str(refusal), drop=True)
    except fetcher.FetchError as error:
        return Check(Verification.UNREACHABLE, str(error))
    if fetched.status == HTTPStatus.GONE:
        return Check(Verification.GONE, "the source is gone (410)", drop=True)
    if fetched.status >= 500 or fetched.status in _PASSING_FAILURES:
        return Check(Verification.UNREACHABLE, f"the source answered {fetched.status}")
    if fetched.status >= 400:
        note = f"the source answered {fetched.status}: it does not link to the cable"
        return Check(Verification.NO_LINK, note, drop=True)
    page = read_source_page(fetched.text, url=fetched.url, content_type=fetched.content_type)
    linked = [
        (link, address[1])
        for link in page.links
        if (address := cable_address(link.url, hosts=hosts))
        and address[0] == linkback.cable.reference_id
    ]
    if not linked:
        note = "the source does not link to the cable"
        if fetched.truncated:
            note += f" in its first {policy.max_bytes:,} bytes"
        return Check(Verification.NO_LINK, note, drop=True)
    return Check(Verification.VERIFIED, "links to the cable", page=page, linked=linked)


def verify(
    linkback: Comment,
    *,
    hosts: Collection[str],
    policy: fetcher.FetchPolicy | None = None,
    now: datetime | None = None,
) -> Comment:
    """Fetch the source and decide: published, held, or removed. Safe to run again.

    The fetch takes seconds; what it found is applied to the row as it is afterwards, locked,
    so that a moderator's decision taken meanwhile is not overwritten."""
    check = _check_source(linkback, hosts=hosts, policy=policy or fetch_policy())
    with transaction.atomic():
        fresh = Comment.objects.select_for_update().select_related("cable").get(pk=linkback.pk)
        changed = False
        if check.page is not None:
            before = _shown_content(fresh)
            _describe(fresh, check.page, linked=check.linked, anchors=anchors_of(fresh.cable))
            changed = _shown_content(fresh) != before
        return _record(fresh, check, now=now or timezone.now(), changed=changed)


def _shown_content(linkback: Comment) -> tuple[str, ...]:
    return (
        linkback.source_title,
        linkback.source_excerpt,
        linkback.source_site,
        linkback.author_name,
    )


def _describe(linkback: Comment, page: SourcePage, *, linked: list, anchors: set[str]) -> None:
    """Take the title, site, author, date and excerpt from the page; a trackback keeps what
    its sender said and only fills in what it left out."""
    # What the ping named (the cable, or its target's #par4) when the page links to it; else
    # the first paragraph the page links to; else the cable as a whole.
    found = [anchor if anchor in anchors else "" for _link, anchor in linked]
    paragraphs = [anchor for anchor in found if anchor]
    anchor = linkback.anchor if linkback.anchor in found else (paragraphs or [""])[0]
    link = next((link for link, a in linked if a == anchor), linked[0][0])
    linkback.anchor = anchor
    title = plain_text(page.title, TITLE_LENGTH)
    excerpt = plain_text(link.context or page.summary, EXCERPT_LENGTH)
    site = plain_text(page.site_name, SITE_LENGTH)
    if linkback.kind == Kind.TRACKBACK:
        if linkback.source_title == plain_text(linkback.source_url, TITLE_LENGTH) and title:
            linkback.source_title = title
        linkback.source_excerpt = linkback.source_excerpt or excerpt
        linkback.source_site = linkback.source_site or site
    else:
        linkback.source_title = title or plain_text(linkback.source_url, TITLE_LENGTH)
        linkback.source_excerpt = excerpt
        linkback.source_site = site
        linkback.author_name = plain_text(
            page.author or site or linkback.source_host or linkback.source_url, NAME_LENGTH
        )
    linkback.published = page.published.date() if page.published else None


def _record(linkback: Comment, check: Check, *, now: datetime, changed: bool) -> Comment:
    """Save what the check found, and the status that follows from it."""
    linkback.verification = check.verification
    linkback.verification_note = plain_text(check.note, 300)
    linkback.verified = now
    status, reason = _next_status(linkback, check, changed=changed)
    if status is not None:
        linkback.status = status
        linkback.moderation_reason = plain_text(reason, _REASON_LENGTH)
        linkback.moderated = None  # decided by the rules again from now on
    linkback.save()
    logger.info(
        "Linkback %s (%s from %s): %s, %s", linkback.pk, linkback.kind, linkback.source_url,
        check.verification, linkback.status,
    )  # fmt: skip
    return linkback


def _next_status(linkback: Comment, check: Check, *, changed: bool) -> tuple[str | None, str]:
    """The new status, or None to keep the present one.

    - A moderator's spam or removal stands. A moderator's approval (or hold) stands while the
      source says the same; new text is judged by the rules again, so one approval cannot
      publish whatever the page says later.
    - A source that links: the moderation policy decides (spam, held, or published).
    - A source gone, refused, or without a link: a pingback or webmention is removed, even
      one a moderator approved; a trackback is held (TrackBack never promised a link).
    - A passing failure (a timeout, a 503) changes nothing already decided.
    """
    moderated = linkback.moderated is not None
    if moderated and linkback.status in (Status.SPAM, Status.REMOVED):
        return None, ""
    if check.verification == Verification.VERIFIED:
        if moderated and not changed:
            return None, ""
        verdict = word_verdict(linkback, first_check=True)
        if verdict is not None:
            return verdict.status, verdict.reason
        return Status.APPROVED, "the source links to the cable"
    if check.drop and linkback.kind != Kind.TRACKBACK:
        return Status.REMOVED, check.note
    if moderated or linkback.status == Status.SPAM:
        return None, ""
    if linkback.status == Status.APPROVED and not check.drop:
        return None, ""
    return Status.PENDING, f"held: {check.note}"


def word_verdict(linkback: Comment, *, first_check: bool = False) -> Verdict | None:
    """The moderation policy, applied to everything the linkback would show."""
    policy = ModerationPolicy.current()
    haystacks = [
        text.lower()
        for text in (
            linkback.author_name,
            linkback.source_url,
            linkback.source_title,
            linkback.source_excerpt,
            linkback.source_site,
            linkback.ip_address or "",
        )
    ]
    verdict = disallowed_word(policy, haystacks)
    if verdict is None and first_check and policy.holds_all:
        verdict = Verdict(Status.PENDING, "site-wide moderation is on")
    return verdict or moderation_word(policy, haystacks)
