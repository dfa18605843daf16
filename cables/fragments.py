"""A cable's paragraphs written out, as the cable page and a paragraph's page show them.

A paragraph is its section heading, its pilcrow and number, its portion marking, its comment
count and its words: some thirty values, which Django's template engine resolves at about ten
microseconds each, a third of an uncached cable page. Written here, every value escaped as the
template's autoescape does (the standard library's html.escape, which Django's escape wraps),
a paragraph costs a few microseconds.
"""

import re
from html import escape as esc

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from cables.search.marking import START, STOP


def paragraph_html(paragraph, *, pilcrow_base: str = "") -> SafeString:
    """The paragraph's heading and body. Read from the paragraph besides its fields, as the
    views set them: `comment_count` and `thread_url` (its discussion), `share` (its share text
    and link), `highlighted` (its words with a search's marks). The pilcrow links to
    `pilcrow_base` + #anchor: the paragraph on the page it is on when empty."""
    parts = []
    if paragraph.heading:
        parts.append(f'<h2 class="section-heading">{esc(paragraph.heading)}</h2>')
    number = paragraph.number
    if paragraph.text or number is not None:
        anchor = esc(paragraph.anchor)
        attributes = f' id="{anchor}"' if number is None else ""
        attributes += f' class="paragraph-body" data-anchor="{anchor}"'
        if share := paragraph.share:
            attributes += f' data-share-text="{esc(share.text)}" data-share-url="{esc(share.url)}"'
        count = _comment_count_html(paragraph, anchor, pilcrow_base) if number is not None else ""
        text = paragraph.highlighted or paragraph.text
        parts.append(
            f'<p{attributes}>{count}{_marking_html(paragraph)}<span class="paragraph-text">'
            f"{text_html(text, paragraph.inline_anchors or [])}</span></p>"
        )
    return mark_safe("\n".join(parts))  # every value escaped


def _comment_count_html(paragraph, anchor: str, pilcrow_base: str) -> str:
    number = paragraph.number
    count = paragraph.comment_count
    comments = f"comment{'' if count == 1 else 's'} on paragraph {number}"
    return (
        f'<a class="pilcrow" id="{anchor}" href="{esc(pilcrow_base)}#{anchor}" '
        f'title="Link to paragraph {number}">¶</a><span class="paragraph-number">{number}.</span> '
        f'<a class="comment-count{"" if count else " none"}" href="{esc(paragraph.thread_url)}" '
        f'data-thread="thread-{anchor}" aria-controls="thread-{anchor}" '
        f'title="{count} {comments}: read or add"><span class="count">{count}</span>'
        f'<span class="visually-hidden"> {comments}</span></a> '
    )


def _marking_html(paragraph) -> str:
    if not paragraph.marking_text and not paragraph.marking:
        return ""
    css = f"marking marking-{slugify(paragraph.marking)}"
    label = esc(paragraph.marking_label)
    if paragraph.marking_text:
        code = esc(paragraph.marking_text)
        return (
            f'<span class="{css}" title="Portion marking {code}: {label}">'
            f'<span class="marking-code">{code}</span> <span class="marking-label">{label}</span>'
            "</span> "
        )
    return (
        f'<span class="{css}" title="Marked once for the entire text: {label}">'
        f'<span class="marking-label">{label}</span></span> '
    )


_MARKERS = re.compile(f"([{START}{STOP}])")


def text_html(text: str, anchors: list[list]) -> str:
    """Escaped `text`, its START/STOP markers made <mark>, an empty element with the id of
    each anchor ([name, offset]) at its offset, counted in the text without markers; its line
    breaks kept."""
    places = sorted((offset, name) for name, offset in anchors)
    parts: list[str] = []
    plain = 0  # characters of the text, markers left out, written so far
    for piece in _MARKERS.split(text):
        if piece in (START, STOP):
            parts.append("<mark>" if piece == START else "</mark>")
            continue
        start = 0
        while places and places[0][0] <= plain + len(piece):
            offset, name = places.pop(0)
            cut = max(offset - plain, start)
            parts.append(esc(piece[start:cut]))
            parts.append(f'<span class="inline-anchor" id="{esc(name)}"></span>')
            start = cut
        parts.append(esc(piece[start:]))
        plain += len(piece)
    return "".join(parts).replace("\n", "<br>")
