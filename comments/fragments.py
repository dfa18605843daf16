"""Each comment of a discussion rendered once per page, cheaply.

Before a shared page renders its threads, `_render_entries` gives every entry its HTML. A
published comment, nearly all of a long discussion, is written out by `comment_card`: the same
markup as the partial "entry" of comments/_thread.html, at about a twentieth of its cost, so
that a page with hundreds of comments renders in a few milliseconds even when nothing is
cached. The rest (linkbacks, '[removed]', a reader's own held comment) go through the
template and are kept in the cache, under a digest of everything they show (the comment's
fields, its author's name, what it answers, where its Reply link goes, the release of the
code), so that an edit, a moderation or a renamed account gives a new key and the old
fragment is simply no longer asked for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from html import escape as esc

from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.timezone import get_current_timezone

from cables.citation import MONTHS
from cables.models import Cable
from comments.discussion import Discussion, Entry, Thread, load_discussion
from comments.like_fragments import comment_like_form_html, like_form_html
from comments.models import Status
from readingroom.caching import release

_TEMPLATE = "comments/_thread.html#entry"
# The model fields a fragment shows (the cable's address comes with `cable_url`).
_SHOWN_FIELDS = (
    "pk",
    "anchor",
    "depth",
    "kind",
    "status",
    "author_name",
    "author_url",
    "body_html",
    "quote_exact",
    "quote_prefix",
    "quote_suffix",
    "source_url",
    "source_title",
    "source_excerpt",
    "source_site",
    "published",
    "verification",
    "created",
    "edited",
)


def entry_template():
    """The partial, found once per render rather than once per comment; rendered without the
    request (a fragment is everyone's, and the context processors would run for each)."""
    return get_template(_TEMPLATE)


def fragment_key(entry: Entry, *, cable_url: str, reply_base: str) -> str:
    comment = entry.comment
    answered = entry.in_reply_to
    shown = (
        release(),
        cable_url,
        reply_base,
        entry.placeholder,
        entry.own,
        entry.can_change,
        comment.display_name,
        (answered.pk, answered.display_name) if answered is not None else None,
        entry.likes,
        *(getattr(comment, name) for name in _SHOWN_FIELDS),
    )
    return f"comment:{hashlib.sha256(repr(shown).encode()).hexdigest()[:40]}"


def threads_of(
    discussion: Discussion, cable: Cable, shown: set[str] | None = None
) -> Iterable[tuple[Thread, str]]:
    """Each thread (of those `shown`, by anchor, '' the cable's own; all by default) with the
    page its Reply links open (?replytocom=)."""
    if shown is None or "" in shown:
        yield discussion.cable_thread, cable.get_absolute_url()
    for anchor, thread in discussion.paragraph_threads.items():
        if shown is None or anchor in shown:
            yield thread, cable.paragraph_page_url(anchor)


def _render_entries(
    request: HttpRequest, discussion: Discussion, cable: Cable, shown: set[str] | None = None
) -> None:
    """Give every entry of the threads `shown` (by anchor; all by default) its HTML: a
    published comment written out (`comment_card`, cheaper than asking a cache for it),
    anything else from the template's partial, kept."""
    cable_url = cable.get_absolute_url()
    zone = get_current_timezone()
    keyed: dict[str, list[tuple[Entry, str]]] = {}
    for thread, reply_base in threads_of(discussion, cable, shown):
        for entry in thread:
            if is_plain(entry):
                entry.html = comment_card(
                    entry, cable_url=cable_url, reply_base=reply_base, zone=zone
                )
            else:
                key = fragment_key(entry, cable_url=cable_url, reply_base=reply_base)
                keyed.setdefault(key, []).append((entry, reply_base))
    kept = cache.get_many(list(keyed)) if keyed else {}
    rendered = {}
    for key, entries in keyed.items():
        html = kept.get(key)
        if html is None:
            entry, reply_base = entries[0]
            context = {
                "entry": entry,
                "comment": entry.comment,
                "cable": cable,
                "reply_base": reply_base,
            }
            html = rendered[key] = entry_template().render(context)
        for entry, _ in entries:
            entry.html = mark_safe(html)  # rendered by our template, from sanitised HTML
    if rendered:
        cache.set_many(rendered)
    for thread, _ in threads_of(discussion, cable, shown):
        thread.html = nested(thread)


def shared_discussion(request: HttpRequest, cable: Cable, shown: set[str]) -> Discussion:
    """The cable's discussion as every reader sees it, the threads `shown` rendered, without
    its entries (`Discussion.shareable`): kept in the cache under what it is a function of
    (what was said of the cable, which changes its `page_changed`; its paragraphs, which an
    import that changes it dates in `modified`; the code), so that a page whose version moved
    for another reason (an import elsewhere in the archive changes every cable page's) is
    rendered again without loading and writing out its discussion again."""
    key = _discussion_key(cable, shown)
    discussion = cache.get(key)
    if discussion is None:
        discussion = rendered_discussion(request, cable, shown).shareable()
        cache.set(key, discussion)
    return discussion


def rendered_discussion(request: HttpRequest, cable: Cable, shown: set[str]) -> Discussion:
    """The cable's discussion as every reader sees it, loaded, its threads `shown` rendered."""
    discussion = load_discussion(cable, own_ids=[])
    _render_entries(request, discussion, cable, shown)
    return discussion


def _discussion_key(cable: Cable, shown: set[str]) -> str:
    changed = (cable.page_changed, cable.modified)
    threads = sorted(shown)
    digest = hashlib.sha256(repr((release(), changed, threads)).encode()).hexdigest()[:40]
    return f"discussion:{cable.pk}:{digest}"


def nested(thread: Thread) -> str:
    """The thread's rendered entries as nested lists (comments/_thread.html shows them): an
    entry's replies open a list inside it; after its last reply, the levels it closes."""
    parts = []
    for entry in thread:
        parts.append(entry.html)
        if entry.children_follow:
            parts.append('<ol class="children">')
        else:
            parts.append("</li>" + "</ol></li>" * len(entry.closes))
    return mark_safe("".join(parts))  # our fragments, and these tags


# --- the common case, written out -------------------------------------------------------------
#
# The template's partial costs about 140 microseconds a comment; this, the same markup for a
# published comment as every reader sees it, about 7. tests/comments/test_fragments.py holds
# the two to the same HTML.


def is_plain(entry: Entry) -> bool:
    comment = entry.comment
    return not (
        entry.placeholder
        or entry.own
        or entry.can_change
        or comment.is_linkback
        or comment.status != Status.APPROVED
    )


def comment_card(entry: Entry, *, cable_url: str, reply_base: str, zone=None) -> str:
    """The entry's markup (but the closing </li>), every value escaped as the template's
    autoescape does (the standard library's html.escape, which Django's escape wraps); its
    times in `zone`, the current time zone by default."""
    comment = entry.comment
    html_id = comment.html_id
    cable_url = esc(cable_url)
    name = esc(comment.display_name)
    author = (
        f'<a href="{esc(comment.author_url)}" rel="external nofollow ugc noopener">{name}</a>'
        if comment.author_url
        else name
    )
    answered = entry.in_reply_to
    in_reply_to = (
        f'<span class="in-reply-to">in reply to <a href="#{answered.html_id}">'
        f"{esc(answered.display_name)}</a></span>"
        if answered is not None
        else ""
    )
    zone = zone or get_current_timezone()
    created = comment.created.astimezone(zone)
    edited = (
        '<span class="edited" title="Edited '
        f'{_day_and_time(comment.edited.astimezone(zone), ", ")}">edited</span>'
        if comment.edited
        else ""
    )
    anchor = esc(comment.anchor)
    passage = ""
    if comment.quote_exact:
        number = comment.paragraph_number
        footer = (
            f'<footer>— <a href="{cable_url}#{anchor}">¶{number}</a></footer>' if number else ""
        )
        exact = esc(comment.quote_exact)
        passage = (
            f'<blockquote class="passage" cite="{cable_url}#{anchor}" data-anchor="{anchor}" '
            f'data-exact="{exact}" data-prefix="{esc(comment.quote_prefix)}" '
            f'data-suffix="{esc(comment.quote_suffix)}">\n<p>{exact}</p>\n{footer}</blockquote>'
        )
    pk = comment.pk
    return mark_safe(  # every value above escaped; the body was sanitised when written
        f'<li class="comment depth-{comment.depth} kind-{esc(comment.kind)}" id="{html_id}">\n'
        f'<article class="comment-body" aria-labelledby="{html_id}-author">\n'
        '<header class="comment-meta">\n'
        f'<span class="comment-author" id="{html_id}-author">{author}</span>\n{in_reply_to}\n'
        f'<a class="comment-permalink" href="{cable_url}#{html_id}" title="Permanent link to '
        f'this comment"><time datetime="{created.isoformat()}">'
        f"{_day_and_time(created, ' at ')}</time></a>\n{edited}\n"
        f"</header>\n{passage}\n"
        f'<div class="comment-text">{comment.body_html}</div>\n'
        '<footer class="comment-actions">\n'
        f'<a class="reply-link" href="{esc(reply_base)}?replytocom={pk}#respond" '
        f'data-reply-to="{pk}" data-anchor="{anchor}" data-author="{name}" '
        f'aria-label="Reply to {name}">Reply</a>\n'
        f"{comment_like_form_html(comment_id=pk, likes=entry.likes, author=name)}\n"
        "</footer>\n</article>"
    )


def _day_and_time(moment, between: str) -> str:
    """'4 December 2026 at 20:23', as the template's date:"j F Y \\a\\t H:i" writes it."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}{between}{moment:%H:%M}"


def paragraph_thread_html(paragraph) -> str:
    """A numbered paragraph's discussion on the cable page, under the paragraph (opened by the
    count beside its ¶): its thread (`paragraph.thread`, rendered by `_render_entries`), count
    and links. Written out for the same reason as `comment_card`: one per paragraph, and
    every value of it a template variable."""
    anchor = esc(paragraph.anchor)
    number = paragraph.number
    count = paragraph.comment_count
    thread_url = esc(paragraph.thread_url)
    thread = paragraph.thread
    comments = (
        f'<ol class="comment-list">{thread.html}</ol>'
        if thread.html
        else '<p class="muted no-comments">No comments on this paragraph yet.</p>'
    )
    return mark_safe(  # every value escaped; the thread rendered by render_entries
        f'<section class="paragraph-thread" id="thread-{anchor}" '
        f'aria-label="Discussion of paragraph {number}" data-anchor="{anchor}">\n'
        f'<h3 class="thread-title">Discussion of ¶{number} <span class="muted">({count} '
        f"response{'' if count == 1 else 's'})</span></h3>\n{comments}\n"
        f'<p class="thread-actions"><a class="comment-on-paragraph" href="{thread_url}#respond" '
        f'data-anchor="{anchor}">Comment on ¶{number}</a> · <a href="{thread_url}">This thread '
        f'on its own page</a> · <a href="{thread_url}feed/">Feed</a></p>\n'
        + like_form_html(
            cable_id=paragraph.cable_id,
            target=paragraph.anchor,
            likes=paragraph.likes,
            page_url=paragraph.thread_url,
            what=f"paragraph {number}",
        )
        + '\n<div class="form-slot"></div>\n</section>'
    )
