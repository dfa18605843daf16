"""Each comment of a discussion rendered once and kept: a long discussion is mostly comments
that did not change since the page was last rendered.

Before a shared page renders its threads, `render_entries` gives every entry its HTML (the
partial "entry" of comments/_thread.html): taken from the cache in one round trip, rendered
only for the comments whose key is not there, and those kept for the next time. The key is a
digest of everything the fragment shows (the comment's fields, its author's name, what it
answers, where its Reply link goes, the release of the code), so an edit, a moderation or a
renamed account gives a new key and the old fragment is simply no longer asked for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from cables.models import Cable
from comments.discussion import Discussion, Entry, Thread
from readingroom.caching import release

TEMPLATE = "comments/_thread.html#entry"
# The model fields a fragment shows (the cable's address comes with `cable_url`).
SHOWN_FIELDS = (
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
        *(getattr(comment, name) for name in SHOWN_FIELDS),
    )
    return f"comment:{hashlib.sha256(repr(shown).encode()).hexdigest()[:40]}"


def threads_of(discussion: Discussion, cable: Cable) -> Iterable[tuple[Thread, str]]:
    """Each thread with the page its Reply links open (?replytocom=)."""
    yield discussion.cable_thread, cable.get_absolute_url()
    for anchor, thread in discussion.paragraph_threads.items():
        yield thread, cable.paragraph_page_url(anchor)


def render_entries(request: HttpRequest, discussion: Discussion, cable: Cable) -> None:
    cable_url = cable.get_absolute_url()
    keyed: dict[str, list[tuple[Entry, str]]] = {}
    for thread, reply_base in threads_of(discussion, cable):
        for entry in thread:
            key = fragment_key(entry, cable_url=cable_url, reply_base=reply_base)
            keyed.setdefault(key, []).append((entry, reply_base))
    kept = cache.get_many(list(keyed))
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
            html = rendered[key] = render_to_string(TEMPLATE, context, request=request)
        for entry, _ in entries:
            entry.html = mark_safe(html)  # rendered by our template, from sanitised HTML
    if rendered:
        cache.set_many(rendered)
    for thread, _ in threads_of(discussion, cable):
        thread.html = nested(thread)


def nested(thread: Thread) -> str:
    """The thread's rendered entries as the nested lists of comments/_thread.html's loop: an
    entry's replies open a list inside it; after its last reply, the levels it closes."""
    parts = []
    for entry in thread:
        parts.append(entry.html)
        if entry.children_follow:
            parts.append('<ol class="children">')
        else:
            parts.append("</li>" + "</ol></li>" * len(entry.closes))
    return mark_safe("".join(parts))  # our fragments, and these tags
