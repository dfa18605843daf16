"""Linkbacks: trackbacks, pingbacks and webmentions from the pages that cite a cable.

Receiving one is quick and changes nothing on the page: the ping is checked (addresses, the
target is one of our cables, not already registered) and stored, awaiting moderation, with a
task to verify it. Verifying fetches the source in the background (`comments.fetcher`, never in
the request that brought the ping), finds its links to the cable and reads what the page says
about itself. A source that links to the cable is published, unless the moderation policy holds
or rejects it; one that is gone (410) or does not link is removed, except a trackback, which
TrackBack allows to be sent without a link and which stays for a moderator to judge.

A link to `.../07MOSCOW601.html#par4` or to the paragraph page `.../07MOSCOW601/par4/` attaches
the linkback to paragraph 4.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http import HTTPStatus
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import Resolver404, resolve
from django.utils import timezone

from cables.models import Cable
from cables.parsing import wanted_reference_id
from comments import fetcher
from comments.markup import plain_text, without_control_characters
from comments.models import Comment, Kind, ModerationPolicy, Status, Verification, site_host
from comments.services import Client, Verdict, disallowed_word, moderation_word
from comments.source_pages import SourcePage, read_page

logger = logging.getLogger(__name__)

# Pingback 1.0 fault codes. They are kept here, in logs and in the moderators' notes; the
# endpoint answers every one of them with 0 except ALREADY_REGISTERED, so that it tells a
# prober nothing about what our server can reach.
GENERIC = 0
SOURCE_MISSING = 0x0010
NO_LINK = 0x0011
TARGET_MISSING = 0x0020
TARGET_INVALID = 0x0021
ALREADY_REGISTERED = 0x0030
ACCESS_DENIED = 0x0031

TITLE_LENGTH = 250
EXCERPT_LENGTH = 252
NAME_LENGTH = 245
SITE_LENGTH = 250
URL_LENGTH = 2000
REASON_LENGTH = 200


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


def web_address(value: str, *, name: str, fault: int = GENERIC) -> str:
    """An absolute http(s) URL, as sent; anything else is refused."""
    url = (value or "").strip()
    if not url or len(url) > URL_LENGTH or without_control_characters(url) != url:
        raise LinkbackRejected(f"{name} must be an http or https URL.", fault=fault)
    try:
        parts = urlsplit(url)
    except ValueError:
        raise LinkbackRejected(f"{name} is not a valid URL.", fault=fault) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in url:
        raise LinkbackRejected(f"{name} must be an http or https URL.", fault=fault)
    return url


def without_fragment(url: str, *, keep_case: bool = False) -> str:
    """The page a URL names: one citing page is one linkback, whatever fragment it was sent
    with. Scheme and host are lower-cased for comparing, unless `keep_case`."""
    parts = urlsplit(url)
    scheme, netloc = (
        (parts.scheme, parts.netloc) if keep_case else (parts.scheme.lower(), parts.netloc.lower())
    )
    return urlunsplit((scheme, netloc, parts.path, parts.query, ""))


def same_host(netloc: str, hosts: Collection[str]) -> bool:
    def plain(host: str) -> str:
        host = host.lower()
        for default in (":80", ":443"):
            host = host.removesuffix(default)
        return host

    return plain(netloc) in {plain(host) for host in hosts}


def cable_address(url: str, *, hosts: Collection[str]) -> tuple[str, str] | None:
    """(reference ID, anchor) for an address of one of our cable or paragraph pages."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not same_host(parts.netloc, hosts):
        return None
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        return None
    if match.view_name in ("cables:detail", "cables:detail-any"):
        anchor = parts.fragment if parts.fragment.startswith(("par", "p")) else ""
    elif match.view_name == "comments:paragraph":
        anchor = match.kwargs["anchor"]
    else:
        return None
    return wanted_reference_id(match.kwargs["reference_id"]), anchor


def find_target(url: str, *, hosts: Collection[str]) -> Target:
    """The cable a ping names as its target; refused when it is not one of our cable pages."""
    address = cable_address(url, hosts=hosts)
    if address is None:
        raise LinkbackRejected("The target is not a cable page of this site.", fault=TARGET_INVALID)
    reference_id, anchor = address
    cable = Cable.objects.filter(reference_id=reference_id).first()
    if cable is None:
        raise LinkbackRejected(f"There is no cable {reference_id} here.", fault=TARGET_MISSING)
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
    url = without_fragment(web_address(url, name="url"), keep_case=True)
    title = plain_text(title, TITLE_LENGTH) or plain_text(url, TITLE_LENGTH)
    site = plain_text(blog_name, SITE_LENGTH)
    linkback = Comment(
        cable=cable,
        kind=Kind.TRACKBACK,
        author_name=plain_text(site or site_host(url) or url, NAME_LENGTH),
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
    return store_new(linkback, hosts=hosts, verify=verify)


def receive_pingback(
    *, source: str, target: str, client: Client, hosts: Collection[str]
) -> Comment:
    """`pingback.ping(source, target)`: registered now, verified in the background."""
    source = without_fragment(
        web_address(source, name="The source", fault=SOURCE_MISSING), keep_case=True
    )
    target = web_address(target, name="The target", fault=TARGET_MISSING)
    if without_fragment(source) == without_fragment(target):
        raise LinkbackRejected("The source and the target are the same page.", fault=GENERIC)
    found = find_target(target, hosts=hosts)
    return store_new(
        awaiting_check(Kind.PINGBACK, source=source, target=target, found=found, client=client),
        hosts=hosts,
    )


def receive_webmention(
    *, source: str, target: str, client: Client, hosts: Collection[str]
) -> Comment:
    """A Webmention: the synchronous checks of the recommendation, then a check in the
    background. A repeat of the same source for the same cable updates the mention."""
    source = without_fragment(web_address(source, name="source"), keep_case=True)
    target = web_address(target, name="target")
    if without_fragment(source) == without_fragment(target):
        raise LinkbackRejected("The source and the target must be different pages.")
    found = find_target(target, hosts=hosts)
    with transaction.atomic():
        existing = (
            Comment.objects.linkbacks()
            .select_for_update()
            .filter(cable=found.cable, source_url=source)
            .first()
        )
        if existing is not None:
            # A repeat queues one check at most, and none within LINKBACKS_RECHECK_SECONDS
            # of the last: a repeated ping must not make us fetch someone's page over and over.
            wait = timedelta(seconds=settings.LINKBACKS_RECHECK_SECONDS)
            recently = existing.verified and timezone.now() - existing.verified < wait
            if existing.verification == Verification.QUEUED or recently:
                return existing
            existing.target_url = target
            existing.anchor = found.anchor
            existing.verification = Verification.QUEUED
            existing.save(update_fields=["target_url", "anchor", "verification"])
            queue_verification(existing, hosts=hosts)
            return existing
    return store_new(
        awaiting_check(Kind.WEBMENTION, source=source, target=target, found=found, client=client),
        hosts=hosts,
    )


def awaiting_check(
    kind: str, *, source: str, target: str, found: Target, client: Client
) -> Comment:
    return Comment(
        cable=found.cable,
        anchor=found.anchor,
        kind=kind,
        author_name=plain_text(site_host(source), NAME_LENGTH),
        source_url=source,
        source_title=plain_text(source, TITLE_LENGTH),
        target_url=target,
        status=Status.PENDING,
        moderation_reason="waiting for its source to be checked",
        verification=Verification.QUEUED,
        ip_address=client.ip,
        user_agent=client.user_agent[:300],
    )


def store_new(linkback: Comment, *, hosts: Collection[str], verify: bool = True) -> Comment:
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
    if (
        Comment.objects.linkbacks()
        .filter(cable=linkback.cable, source_url=linkback.source_url)
        .exists()
    ):
        raise already
    try:
        with transaction.atomic():
            linkback.save()
            if verify:
                queue_verification(linkback, hosts=hosts)
    except IntegrityError:  # the same ping, twice at once
        raise already from None
    return linkback


def queue_verification(linkback: Comment, *, hosts: Collection[str]) -> None:
    from comments.tasks import verify_linkback  # the task module imports this one

    verify_linkback.enqueue(linkback.pk, sorted(hosts))


def anchors_of(cable: Cable) -> set[str]:
    return set(cable.paragraphs.values_list("anchor", flat=True))


# --- verifying ------------------------------------------------------------------------------


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
PASSING_FAILURES = {HTTPStatus.REQUEST_TIMEOUT, HTTPStatus.TOO_MANY_REQUESTS}


def check_source(
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
    if fetched.status >= 500 or fetched.status in PASSING_FAILURES:
        return Check(Verification.UNREACHABLE, f"the source answered {fetched.status}")
    if fetched.status >= 400:
        note = f"the source answered {fetched.status}: it does not link to the cable"
        return Check(Verification.NO_LINK, note, drop=True)
    page = read_page(fetched.text, url=fetched.url, content_type=fetched.content_type)
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
    check = check_source(linkback, hosts=hosts, policy=policy or fetch_policy())
    with transaction.atomic():
        fresh = Comment.objects.select_for_update().select_related("cable").get(pk=linkback.pk)
        changed = False
        if check.page is not None:
            before = shown_content(fresh)
            describe(fresh, check.page, linked=check.linked, anchors=anchors_of(fresh.cable))
            changed = shown_content(fresh) != before
        return record(fresh, check, now=now or timezone.now(), changed=changed)


def shown_content(linkback: Comment) -> tuple[str, ...]:
    return (
        linkback.source_title,
        linkback.source_excerpt,
        linkback.source_site,
        linkback.author_name,
    )


def describe(linkback: Comment, page: SourcePage, *, linked: list, anchors: set[str]) -> None:
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
        linkback.author_name = plain_text(page.author or site or linkback.source_host, NAME_LENGTH)
    linkback.published = page.published.date() if page.published else None


def record(linkback: Comment, check: Check, *, now: datetime, changed: bool) -> Comment:
    """Save what the check found, and the status that follows from it."""
    linkback.verification = check.verification
    linkback.verification_note = plain_text(check.note, 300)
    linkback.verified = now
    status, reason = next_status(linkback, check, changed=changed)
    if status is not None:
        linkback.status = status
        linkback.moderation_reason = plain_text(reason, REASON_LENGTH)
        linkback.moderated = None  # decided by the rules again from now on
    linkback.save()
    logger.info(
        "Linkback %s (%s from %s): %s, %s", linkback.pk, linkback.kind, linkback.source_url,
        check.verification, linkback.status,
    )  # fmt: skip
    return linkback


def next_status(linkback: Comment, check: Check, *, changed: bool) -> tuple[str | None, str]:
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
