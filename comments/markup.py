"""Comment text: Markdown in, sanitised HTML out. Pure functions, no Django.

CommonMark is rendered by cmark-gfm (C, linear time in the text) and everything it produced,
including any raw HTML the reader typed, then goes through nh3's allow-list: no scripts, no
event handlers, no styles, links only to http(s) and mailto, every link marked
rel="nofollow ugc noopener".

cmark's time grows with the text, but nh3's does not only: its HTML parser (html5ever) walks
its stack of open elements for most tags, which costs the square of the nesting (32,000 nested
quotations: 4 s), and it needs a fixed time per character of HTML, which Markdown can make
many times longer than the text. So `render_markdown` refuses (`MarkupRefused`, with the
reason in a reader's words) what would be slow to show, on three limits read from cmark's
output before nh3 sees it: its length; how deep quotations and lists nest (without raw HTML
nothing else nests blocks, and nesting inside a paragraph costs no walks); and, when the
reader typed HTML tags, whose nesting cannot be known without parsing them, how many tags
there are in all. `scripts/bench_markdown.py` measures the result on the hostile inputs of
`tests/comments/pathological_markdown.py`.
"""

from __future__ import annotations

import re
from itertools import accumulate

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


class MarkupRefused(ValueError):
    """Text that would be too costly to show; the message tells the reader why."""


# A rendered comment may be this long: two and a half times the form's 65,525 characters, which
# ordinary text never reaches (its HTML is about 1.3 times as long), while nh3 needs about 0.1 ms
# per 1,000 characters of dense HTML.
MAX_HTML_CHARACTERS = 160_000
# Quotations and lists nested deeper than this are refused: each level is two or three open
# elements that nh3's parser walks for every block after it.
MAX_NESTING = 32
# With HTML tags of the reader's in it, a comment may render to this many tags in all: without
# parsing them we cannot know how they nest, so the worst case, each tag walking past all the
# others still open, must stay cheap (2,500 nested <div>: 13 ms).
MAX_TAGS_WITH_HTML = 2_500

# Where raw HTML can start in CommonMark: "<" then a letter (a tag), "/" (an end tag), "!" (a
# comment, a declaration, CDATA) or "?" (a processing instruction). Escaped, in code, or
# before anything else, "<" reaches the HTML as "&lt;".
_RAW_HTML_START = re.compile(r"<[A-Za-z/!?]")
# Autolinks (<https://...>, <name@example.org>) start the same way but are never raw HTML: a
# scheme or an address is not a tag name, and none of them starts an HTML block. (An address
# starting with "!" or "?" could start one, so those still count as HTML.)
_AUTOLINK = re.compile(
    r"<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\x00-\x20<>]*>"
    r"|<[A-Za-z][A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]*@[A-Za-z0-9]"
    r"(?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*>"
)
_CONTAINER_TAG = re.compile(r"<(/?)(?:blockquote|ol|ul)[\s>]")
_NESTING_STEP = {"": 1, "/": -1}

_libc_ffi = cffi.FFI()
_libc_ffi.cdef("void free(void *);")
_libc = _libc_ffi.dlopen(None)


def render_markdown(text: str) -> str:
    """The comment as sanitised HTML; `MarkupRefused` when it would be too costly to show."""
    text = without_control_characters(text)
    html = _commonmark_to_html(text).rstrip("\n")
    if len(html) > MAX_HTML_CHARACTERS:
        raise MarkupRefused(
            "Your comment has too much formatting for its length: shown, it would take "
            f"{len(html):,} characters of HTML, and at most {MAX_HTML_CHARACTERS:,} fit. "
            "Remove the quotation, list, heading or emphasis marks that hold little or no text."
        )
    nesting = max(
        accumulate(map(_NESTING_STEP.__getitem__, _CONTAINER_TAG.findall(html))), default=0
    )
    if nesting > MAX_NESTING:
        raise MarkupRefused(
            f"Your comment nests quotations or lists {nesting} levels deep; at most "
            f"{MAX_NESTING} levels are allowed."
        )
    if has_raw_html(text) and (tags := html.count("<")) > MAX_TAGS_WITH_HTML:
        raise MarkupRefused(
            "Your comment contains HTML tags (a “<” followed by a letter, “/”, “!” or “?”), "
            f"and with them it would have {tags:,} tags in all once shown; at most "
            f"{MAX_TAGS_WITH_HTML:,} are allowed with HTML tags. Write it in Markdown only, or "
            "shorten it."
        )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def has_raw_html(text: str) -> bool:
    """Whether cmark may pass some of `text` through as HTML (autolinks aside). Without it,
    cmark's output is well formed and nests only as deep as its quotations and lists."""
    return len(_RAW_HTML_START.findall(text)) > len(_AUTOLINK.findall(text))


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
