"""Linkbacks: trackbacks, pingbacks and webmentions from the pages that cite a cable.

Receiving one is quick and changes nothing on the page: the ping is checked (addresses, the
target is one of our cables, not already registered) and stored, awaiting moderation, with a
task to verify it (`comments.linkback_checks`), which fetches the source in the background. A
source that links to the cable is published, unless the moderation policy holds or rejects it;
one that is gone (410) or does not link is removed, except a trackback, which TrackBack allows
to be sent without a link and which stays for a moderator to judge.

A link to `.../07MOSCOW601.html#par4` or to the paragraph page `.../07MOSCOW601/par4/` attaches
the linkback to paragraph 4.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import timedelta
from http import HTTPStatus
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from cables.addresses import cable_address
from cables.models import Cable
from comments.linkback_checks import (
    EXCERPT_LENGTH,
    NAME_LENGTH,
    SITE_LENGTH,
    TITLE_LENGTH,
    anchors_of,
    check_waiting,
    queue_verification,
    word_verdict,
)
from comments.markup import plain_text, without_control_characters
from comments.models import Comment, Kind, Status, Verification
from comments.services import Client
from comments.source_pages import readable_host

logger = logging.getLogger(__name__)

# Pingback 1.0 fault codes. They are kept here, in logs and in the moderators' notes; the
# endpoint answers every one of them with 0 except ALREADY_REGISTERED, so that it tells a
# prober nothing about what our server can reach.
GENERIC = 0
_SOURCE_MISSING = 0x0010
_NO_LINK = 0x0011
_TARGET_MISSING = 0x0020
_TARGET_INVALID = 0x0021
ALREADY_REGISTERED = 0x0030
_ACCESS_DENIED = 0x0031

_URL_LENGTH = 2000


class LinkbackRejected(Exception):
    """The ping was refused; nothing was stored. `fault` is the Pingback fault code, `status`
    the HTTP status a Webmention sender gets."""

    def __init__(
        self, message: str, *, fault: int = GENERIC, status: HTTPStatus = HTTPStatus.BAD_REQUEST
    ) -> None:
        super().__init__(message)
        self.message = message
        self.fault = fault
        self.status = status


@dataclass(frozen=True)
class Target:
    cable: Cable
    anchor: str = ""  # 'par4' when the address names a paragraph


# --- addresses ------------------------------------------------------------------------------


def _web_address(value: str, *, name: str, fault: int = GENERIC) -> str:
    """An absolute http(s) URL, as sent; anything else is refused."""
    url = (value or "").strip()
    if not url or len(url) > _URL_LENGTH or without_control_characters(url) != url:
        raise LinkbackRejected(f"{name} must be an http or https URL.", fault=fault)
    try:
        parts = urlsplit(url)
    except ValueError:
        raise LinkbackRejected(f"{name} is not a valid URL.", fault=fault) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in url:
        raise LinkbackRejected(f"{name} must be an http or https URL.", fault=fault)
    return url


def _without_fragment(url: str, *, keep_case: bool = False) -> str:
    """The page a URL names: one citing page is one linkback, whatever fragment it was sent
    with. Scheme and host are lower-cased for comparing, unless `keep_case`."""
    parts = urlsplit(url)
    scheme, netloc = (
        (parts.scheme, parts.netloc) if keep_case else (parts.scheme.lower(), parts.netloc.lower())
    )
    return urlunsplit((scheme, netloc, parts.path, parts.query, ""))


def _find_target(url: str, *, hosts: Collection[str]) -> Target:
    """The cable a ping names as its target; refused when it is not one of our cable pages."""
    address = cable_address(url, hosts=hosts)
    if address is None:
        raise LinkbackRejected(
            "The target is not a cable page of this site.", fault=_TARGET_INVALID
        )
    reference_id, anchor = address
    cable = Cable.objects.filter(reference_id=reference_id).first()
    if cable is None:
        raise LinkbackRejected(f"There is no cable {reference_id} here.", fault=_TARGET_MISSING)
    # An anchor the cable does not have names the cable as a whole.
    return Target(cable, anchor if anchor in anchors_of(cable) else "")


# --- receiving ------------------------------------------------------------------------------


def receive_trackback(
    *,
    cable: Cable,
    url: str,
    title: str = "",
    excerpt: str = "",
    blog_name: str = "",
    client: Client,
    hosts: Collection[str],
    verify: bool = True,
) -> Comment:
    """A TrackBack ping (specification 1.2). Held for moderation until verified."""
    url = _without_fragment(_web_address(url, name="url"), keep_case=True)
    title = plain_text(title, TITLE_LENGTH) or plain_text(url, TITLE_LENGTH)
    site = plain_text(blog_name, SITE_LENGTH)
    linkback = Comment(
        cable=cable,
        kind=Kind.TRACKBACK,
        author_name=plain_text(site or readable_host(url) or url, NAME_LENGTH),
        source_url=url,
        source_title=title,
        source_excerpt=plain_text(excerpt, EXCERPT_LENGTH),
        source_site=site,
        target_url=cable.get_absolute_url(),
        status=Status.PENDING,
        moderation_reason="a trackback is held until its source is shown to link to the cable",
        verification=Verification.QUEUED if verify else Verification.NOT_CHECKED,
        ip_address=client.ip,
        user_agent=client.user_agent[:300],
    )
    verdict = word_verdict(linkback)
    if verdict is not None:
        linkback.status, linkback.moderation_reason = verdict.status, verdict.reason
    return _store_new(linkback, hosts=hosts, verify=verify)


def receive_pingback(
    *, source: str, target: str, client: Client, hosts: Collection[str]
) -> Comment:
    """`pingback.ping(source, target)`: registered now, verified in the background."""
    source = _without_fragment(
        _web_address(source, name="The source", fault=_SOURCE_MISSING), keep_case=True
    )
    target = _web_address(target, name="The target", fault=_TARGET_MISSING)
    if _without_fragment(source) == _without_fragment(target):
        raise LinkbackRejected("The source and the target are the same page.", fault=GENERIC)
    found = _find_target(target, hosts=hosts)
    return _store_new(
        _awaiting_check(Kind.PINGBACK, source=source, target=target, found=found, client=client),
        hosts=hosts,
    )


def receive_webmention(
    *, source: str, target: str, client: Client, hosts: Collection[str]
) -> Comment:
    """A Webmention: the synchronous checks of the recommendation, then a check in the
    background. A repeat of the same source for the same cable updates the mention."""
    source = _without_fragment(_web_address(source, name="source"), keep_case=True)
    target = _web_address(target, name="target")
    if _without_fragment(source) == _without_fragment(target):
        raise LinkbackRejected("The source and the target must be different pages.")
    found = _find_target(target, hosts=hosts)
    with transaction.atomic():
        existing = (
            Comment.objects.linkbacks()
            .select_for_update()
            .filter(cable=found.cable, source_url=source)
            .first()
        )
        if existing is not None:
            # A repeat queues a check unless one waits to start, or the last ended less than
            # LINKBACKS_RECHECK_SECONDS ago: a repeated ping must not make us fetch someone's
            # page over and over. One queued that failed or died is no check to come.
            wait = timedelta(seconds=settings.LINKBACKS_RECHECK_SECONDS)
            recently = existing.verified and timezone.now() - existing.verified < wait
            if recently or check_waiting(existing):
                return existing
            existing.target_url = target
            existing.anchor = found.anchor
            existing.verification = Verification.QUEUED
            existing.save(update_fields=["target_url", "anchor", "verification"])
            queue_verification(existing, hosts=hosts)
            return existing
    return _store_new(
        _awaiting_check(Kind.WEBMENTION, source=source, target=target, found=found, client=client),
        hosts=hosts,
    )


def _awaiting_check(
    kind: str, *, source: str, target: str, found: Target, client: Client
) -> Comment:
    return Comment(
        cable=found.cable,
        anchor=found.anchor,
        kind=kind,
        author_name=plain_text(readable_host(source) or source, NAME_LENGTH),
        source_url=source,
        source_title=plain_text(source, TITLE_LENGTH),
        target_url=target,
        status=Status.PENDING,
        moderation_reason="waiting for its source to be checked",
        verification=Verification.QUEUED,
        ip_address=client.ip,
        user_agent=client.user_agent[:300],
    )


def _store_new(linkback: Comment, *, hosts: Collection[str], verify: bool = True) -> Comment:
    """Save a new linkback and queue its check, in one transaction; one per source and cable.
    One address may register LINKBACKS_PER_MINUTE new ones a minute, so that nobody fills the
    queue of checks (and the moderators' list) with made-up pings."""
    if linkback.ip_address and settings.LINKBACKS_PER_MINUTE:
        since = timezone.now() - timedelta(minutes=1)
        recent = Comment.objects.linkbacks().filter(
            ip_address=linkback.ip_address, created__gt=since
        )
        if recent.count() >= settings.LINKBACKS_PER_MINUTE:
            raise LinkbackRejected(
                "Too many pings from your address: wait a minute and send this one again.",
                status=HTTPStatus.TOO_MANY_REQUESTS,
            )
    already = LinkbackRejected(
        "This page is already registered as citing the cable.",
        fault=ALREADY_REGISTERED,
        status=HTTPStatus.CONFLICT,
    )
    existing = (
        Comment.objects.linkbacks()
        .filter(cable=linkback.cable, source_url=linkback.source_url)
        .first()
    )
    if existing is not None:
        _check_again_if_lost(existing, hosts=hosts)
        raise already
    try:
        with transaction.atomic():
            linkback.save()
            if verify:
                queue_verification(linkback, hosts=hosts)
    except IntegrityError:  # the same ping, twice at once
        raise already from None
    return linkback


def _check_again_if_lost(linkback: Comment, *, hosts: Collection[str]) -> None:
    """A repeated trackback or pingback is refused (48, already registered), but when the
    check of the first never ended (it failed, or its worker died) the repeat queues it again:
    the ping is not left waiting for a check that will not come."""
    if linkback.verification == Verification.QUEUED and not check_waiting(linkback):
        logger.info("Linkback %s: its check was lost; queued again", linkback.pk)
        queue_verification(linkback, hosts=hosts)
