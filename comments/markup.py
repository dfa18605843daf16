"""Comment text: Markdown in, sanitised HTML out. Pure functions, no Django.

CommonMark is rendered by cmark-gfm (C, linear time in the text) and everything it produced,
including any raw HTML the reader typed, then goes through nh3's allow-list: no scripts, no
event handlers, no styles, links only to http(s) and mailto, every link marked
rel="nofollow ugc noopener".

cmark's time grows in step with the text, but at up to 0.75 µs a character for nested
emphasis (50 ms for 65,525 characters of it). nh3's can grow faster: its HTML parser
(html5ever) walks its stack of open elements for most tags, the square of the nesting
(32,000 nested quotations: 4 s); it compares each new attribute of a tag, and each new
formatting element, with those before (16,562 attributes in one tag: 80 ms; 2,400 <b> that
differ by an attribute: 360 ms); and it needs a fixed time per character of HTML, which
Markdown can make many times longer than the text.

So `render_markdown` refuses (`MarkupRefused`, with the reason in a reader's words) what
would be slow to show: more runs of emphasis marks than text has; then, read from cmark's
output before nh3 sees it, HTML too long, quotations and lists nested too deep (without raw
HTML nothing else nests blocks, and nesting inside a paragraph costs no walks) and, when the
reader typed HTML tags, whose nesting cannot be known without parsing them, too many tags.
The reader's tags then reach nh3 written plainly (`plain_tags`), without the attributes nh3
drops anyway. `scripts/bench_markdown.py` measures it all on the hostile inputs of
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
_LINK = re.compile(r"(?:https?://|www\.)\S", re.IGNORECASE)
# C0 controls (but tab, newline, carriage return) and DEL: invisible, forbidden in XML 1.0
# (the feeds), and a way to smuggle 'jav\x01ascript:' past a reader's eye.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


class MarkupRefused(ValueError):
    """Text that would be too costly to show; the message tells the reader why."""


# Runs of * or _ (emphasis marks) a comment may have: cmark takes up to 0.75 µs for each
# (the 65,525 characters of "_*" nested: 50 ms), ordinary text has one in 20 characters.
MAX_EMPHASIS_RUNS = 10_000
# A rendered comment may be this long: two and a half times the form's 65,525 characters, which
# ordinary text never reaches (its HTML is about 1.3 times as long), while nh3 needs 0.1 to
# 0.2 ms per 1,000 characters of dense HTML.
MAX_HTML_CHARACTERS = 160_000
# Quotations and lists nested deeper than this are refused: each level is two or three open
# elements that nh3's parser walks for every block after it.
MAX_NESTING = 32
# With HTML tags of the reader's in it, a comment may render to this many tags in all: without
# parsing them we cannot know how they nest, so the worst case, each tag walking past all the
# others still open, must stay cheap (2,500 nested <div>: 13 ms).
MAX_TAGS_WITH_HTML = 2_500

_EMPHASIS_RUN = re.compile(r"\*+|_+")

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

# The reader's HTML, read as an HTML5 tokenizer reads it (in the data state): a comment; a
# start or end tag (1: "/" or not, 2: its name, 3: its attributes), to its ">" or the end;
# anything else after "<!", "<?" or "</", up to the next ">". Possessive quantifiers: no
# backtracking, linear in the length.
_SPACE = r"\t\n\f\r "
_ATTRIBUTES = (
    rf"(?:[{_SPACE}/]++|[^{_SPACE}/>][^{_SPACE}/>=]*+"
    rf"(?:[{_SPACE}]*+=[{_SPACE}]*+(?:\"[^\"]*+\"?+|'[^']*+'?+|[^{_SPACE}>]*+))?+)*+"
)
_MARKUP = re.compile(
    r"<!--(?:-?>|.*?(?:--!?>|\Z))"
    rf"|<(/?)([A-Za-z][^{_SPACE}/>]*+)({_ATTRIBUTES})>?+"
    r"|<[!?][^>]*+>?+|</[^>]*+>?+",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(
    rf"([^{_SPACE}/>][^{_SPACE}/>=]*+)(?:[{_SPACE}]*+=[{_SPACE}]*+"
    rf"(?:\"([^\"]*+)\"?+|'([^']*+)'?+|([^{_SPACE}>]*+)))?+"
)
_UNQUOTED_VALUE_END = re.compile(rf"=[{_SPACE}]*+[^{_SPACE}\"'>][^{_SPACE}>]*+\Z")
# Elements whose content is no markup, to their end tag (<plaintext>: to the end): shown as
# text, character references read in it (True) or not (False), or not shown (None: nh3 drops
# script and style with their content).
_CONTENT_NOT_MARKUP = {"textarea": True, "title": True, "script": None, "style": None}
_CONTENT_NOT_MARKUP |= dict.fromkeys(["xmp", "iframe", "noembed", "noframes", "noscript"], False)
_CONTENT_NOT_MARKUP["plaintext"] = False
_END_TAGS = {
    name: re.compile(rf"</{name}(?=[{_SPACE}/>])", re.IGNORECASE | re.ASCII)
    for name in _CONTENT_NOT_MARKUP
    if name != "plaintext"
}

# HTML folds the case of ASCII letters only (str.lower also turns the Kelvin sign into "k").
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

_CONTAINER_TAG = re.compile(r"<(/?)(?:blockquote|ol|ul)[\s>]")
_NESTING_STEP = {"": 1, "/": -1}

_libc_ffi = cffi.FFI()
_libc_ffi.cdef("void free(void *);")
_libc = _libc_ffi.dlopen(None)


def render_markdown(text: str) -> str:
    """The comment as sanitised HTML; `MarkupRefused` when it would be too costly to show."""
    text = without_control_characters(text)
    if (runs := len(_EMPHASIS_RUN.findall(text))) > MAX_EMPHASIS_RUNS:
        raise MarkupRefused(
            f"Your comment has {runs:,} groups of * or _ characters (Markdown's marks for "
            f"emphasis); at most {MAX_EMPHASIS_RUNS:,} are allowed."
        )
    html = commonmark_to_html(text).rstrip("\n")
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
    if has_raw_html(text):
        if (tags := html.count("<")) > MAX_TAGS_WITH_HTML:
            raise MarkupRefused(
                "Your comment contains HTML tags (a “<” followed by a letter, “/”, “!” or “?”), "
                f"and with them it would have {tags:,} tags in all once shown; at most "
                f"{MAX_TAGS_WITH_HTML:,} are allowed with HTML tags. Write it in Markdown only, "
                "or shorten it."
            )
        html = plain_tags(html)
    return sanitised(html)


def sanitised(html: str) -> str:
    """Only the allowed tags and attributes, links marked; comments dropped; a link left
    without an address shown as its text."""
    return _without_dead_links(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel=LINK_REL,
            strip_comments=True,
        )
    )


def _without_dead_links(html: str) -> str:
    """nh3 drops an href it does not allow (javascript:, data:, ftp:...) but keeps its <a>: a
    link that looks like one and goes nowhere. Each <a> without an href gives way to its
    content, its end tag found by counting (a table inside a link can nest another). Read
    from nh3's output, which writes every attribute as name="value" (quotes in it escaped)
    and every element closed; only links have attributes. One pass, left to right."""
    parts: list[str] = []
    kept: list[bool] = []  # for each link still open: whether its tags are written
    position = 0
    for tag in _LINK_TAG.finditer(html):
        parts.append(html[position : tag.start()])
        position = tag.end()
        if tag[1] is None:  # </a>
            keep = kept.pop() if kept else True
        else:
            keep = "href" in _ATTRIBUTE_NAME.findall(tag[1])
            kept.append(keep)
        if keep:
            parts.append(tag[0])
    parts.append(html[position:])
    return "".join(parts)


_LINK_TAG = re.compile(r'<a((?: [^\s="]+="[^"]*")*)>|</a>')
_ATTRIBUTE_NAME = re.compile(r' ([^\s="]+)="[^"]*"')


def has_raw_html(text: str) -> bool:
    """Whether cmark may pass some of `text` through as HTML (autolinks aside). Without it,
    cmark's output is well formed and nests only as deep as its quotations and lists."""
    return len(_RAW_HTML_START.findall(text)) > len(_AUTOLINK.findall(text))


def plain_tags(html: str) -> str:
    """`html` with its tags written plainly: the same elements, so the same tree, without what
    makes an HTML parser slow in ways no count of tags bounds (thousands of attributes in one
    tag; formatting elements that differ by an attribute, each compared with all the others
    still open). Attributes go but a link's href and title, the only ones nh3 keeps; so do
    comments and declarations, which nh3 drops; elements whose content is no markup become
    that content as text, or go with it (script, style), as nh3 shows them. One pass, left to
    right, no backtracking. nh3's parser reads every tag of the result as it is written here,
    and what this reads differently from it in the reader's HTML is still sanitised after."""
    parts, position = [], 0
    while match := _MARKUP.search(html, position):
        parts.append(html[position : match.start()].replace("<", "&lt;"))
        position = match.end()
        closing, name, attributes = match[1], (match[2] or "").translate(_ASCII_LOWER), match[3]
        if not name or closing and name in _CONTENT_NOT_MARKUP:
            continue  # a comment, a declaration; the end tag of an element read as text
        if name in _CONTENT_NOT_MARKUP:
            end = _END_TAGS[name].search(html, position) if name in _END_TAGS else None
            stop = end.start() if end else len(html)
            content, position = html[position:stop], stop
            if (references_read := _CONTENT_NOT_MARKUP[name]) is not None:
                content = content if references_read else content.replace("&", "&amp;")
                parts.append(content.replace("<", "&lt;"))
        elif closing:
            parts.append(f"</{name}>")
        elif name == "a":
            parts.append(f"<a{_link_attributes(attributes)}>")
        elif attributes.endswith("/") and not _UNQUOTED_VALUE_END.search(attributes):
            parts.append(f"<{name}/>")  # self-closing, which counts in SVG and MathML
        else:
            parts.append(f"<{name}>")
    parts.append(html[position:].replace("<", "&lt;"))
    return "".join(parts)


def _link_attributes(attributes: str) -> str:
    """The first href and title among a link's attributes, as nh3 reads them."""
    kept: dict[str, str] = {}
    for name, double, single, bare in _ATTRIBUTE.findall(attributes):
        if (name := name.translate(_ASCII_LOWER)) in ALLOWED_ATTRIBUTES["a"] and name not in kept:
            kept[name] = (double or single or bare).replace('"', "&quot;")
            if len(kept) == len(ALLOWED_ATTRIBUTES["a"]):
                break
    return "".join(f' {name}="{value}"' for name, value in kept.items())


def commonmark_to_html(text: str) -> str:
    """cmark-gfm's HTML for `text`, raw HTML passed on (for nh3 to judge)."""
    source = text.encode("utf-8", "replace")
    buffer = _cmark.lib.cmark_markdown_to_html(source, len(source), Options.CMARK_OPT_UNSAFE)
    try:
        return _cmark.ffi.string(buffer).decode("utf-8", "replace")
    finally:
        _libc.free(_libc_ffi.cast("void *", int(_cmark.ffi.cast("uintptr_t", buffer))))


def count_links(*texts: str) -> int:
    return sum(len(_LINK.findall(text)) for text in texts)


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
