"""Comment text: Markdown in, sanitised HTML out. Pure functions, no Django.

Markdown is rendered first and everything it produced (including any raw HTML the reader
typed) then goes through nh3's allow-list: no scripts, no event handlers, no styles, links
only to http(s) and mailto, every link marked rel="nofollow ugc noopener".
"""

from __future__ import annotations

import re

import markdown
import nh3

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


def render_markdown(text: str) -> str:
    html = markdown.markdown(
        without_control_characters(text),
        extensions=["fenced_code", "sane_lists"],
        output_format="html",
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


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
