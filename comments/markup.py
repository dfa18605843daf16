"""Comment text: Markdown in, sanitised HTML out. Pure functions, no Django.

CommonMark is rendered by cmark-gfm (C, linear time in the text) and everything it produced,
including any raw HTML the reader typed, then goes through nh3's allow-list: no scripts, no
event handlers, no styles, links only to http(s) and mailto, every link marked
rel="nofollow ugc noopener".
"""

from __future__ import annotations

import re

import cffi
import nh3

# cmarkgfm's own markdown_to_html never frees the buffer cmark returns: every call leaked its
# whole output (86 MB after 100 renders of nested quotations). The same C function, through
# the module cmarkgfm compiled for it, with the buffer freed by the C library that allocated it.
from cmarkgfm import _cmark
from cmarkgfm.cmark import Options

ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "a",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "hr",
    "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

# What counts as a link for the moderation rule: every web address in the text, written bare
# or inside Markdown or HTML.
LINK = re.compile(r"(?:https?://|www\.)\S", re.IGNORECASE)
# C0 controls (but tab, newline, carriage return) and DEL: invisible, forbidden in XML 1.0
# (the feeds), and a way to smuggle 'jav\x01ascript:' past a reader's eye.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


_libc_ffi = cffi.FFI()
_libc_ffi.cdef("void free(void *);")
_libc = _libc_ffi.dlopen(None)


def render_markdown(text: str) -> str:
    html = _commonmark_to_html(without_control_characters(text)).rstrip("\n")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def _commonmark_to_html(text: str) -> str:
    source = text.encode("utf-8", "replace")
    buffer = _cmark.lib.cmark_markdown_to_html(source, len(source), Options.CMARK_OPT_UNSAFE)
    try:
        return _cmark.ffi.string(buffer).decode("utf-8", "replace")
    finally:
        _libc.free(_libc_ffi.cast("void *", int(_cmark.ffi.cast("uintptr_t", buffer))))


def count_links(*texts: str) -> int:
    return sum(len(LINK.findall(text)) for text in texts)


def normalize_space(text: str) -> str:
    return " ".join(text.split())


def plain_text(text: str, limit: int) -> str:
    """One line of text from someone else's page or ping: no control characters, spaces
    collapsed, cut at a word to at most `limit` characters with an ellipsis."""
    text = normalize_space(without_control_characters(text or ""))
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"
