"""Read a page that cites a cable: the links it holds, and what it says about itself.

Links are taken where the Webmention recommendation looks for them (`a`, `img`, `video`,
`audio` and `source` elements; the bare text of a plain-text page), made absolute against the
page's address or its `<base href>`, each with the text of the block around it for the
excerpt. The title, site name, author and date come from the page's h-entry microformats where
it has them (parsed by mf2py), else from its `<title>` and `<meta>` tags; a page that names no
site is named by its host (`readable_host`). Pure, no Django.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import mf2py

from comments.markup import normalize_space

_LINK_ATTRIBUTES = {"a": "href", "img": "src", "video": "src", "audio": "src", "source": "src"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "nav", "ol",
    "p", "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
_INVISIBLE = {"script", "style", "template", "noscript"}
_TEXT_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
# A host whose last label is a number is an IPv4 address to a browser, however it is written
# (127.1, 2130706433, 0x7f.0.0.1): the WHATWG URL standard's "ends in a number".
_NUMBER_LABEL = re.compile(r"(0x[0-9a-f]*|[0-9]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    url: str  # absolute
    context: str  # the text of the paragraph (or other block) the link sits in


@dataclass
class SourcePage:
    links: list[Link] = field(default_factory=list)
    title: str = ""
    site_name: str = ""
    author: str = ""
    published: datetime | None = None
    summary: str = ""


def readable_host(url: str) -> str:
    """The host of `url` as a reader names the site: 'blog.example.org' for
    'https://WWW.Blog.Example.org:8443/post', 'bücher.example' for 'xn--bcher-kva.example'.
    '' when the host is an address (127.0.0.1, [::1], 2130706433) or this machine (localhost):
    that names no site, and says to readers only where our server fetched the page from."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # an unclosed '[' of an IPv6 address
        return ""
    return readable_name(host) if names_a_site(host) else ""


def readable_name(host: str) -> str:
    """A host name as a reader reads it: lower case, in its own script, without 'www.'."""
    host = host.strip().rstrip(".").lower()
    with contextlib.suppress(UnicodeError):  # not ASCII, or not valid punycode: as it is
        host = host.encode("ascii").decode("idna")
    return host.removeprefix("www.")


def names_a_site(name: str) -> bool:
    """Whether `name` (a host, or what a page calls its site or author) is more than an
    address: not an IP address however written, not localhost, not empty."""
    candidate = name.strip().strip("[]").rstrip(".").lower()
    if not candidate or candidate == "localhost" or candidate.endswith(".localhost"):
        return False
    if _NUMBER_LABEL.fullmatch(candidate.rsplit(".", 1)[-1]):
        return False
    try:
        ipaddress.ip_address(candidate.split("%", 1)[0])  # fe80::1%eth0
    except ValueError:
        return True
    return False


def read_source_page(text: str, *, url: str, content_type: str = "text/html") -> SourcePage:
    if content_type == "text/plain":
        return _read_plain_text(text)
    reader = _PageReader(url)
    # html.parser gives up on some malformed markup: keep what it read until then.
    with contextlib.suppress(AssertionError, ValueError, RecursionError):
        reader.feed(text)
        reader.close()
    page = reader.page()
    # Hostile markup can break mf2py or BeautifulSoup in any way (absurd nesting, rejected
    # markup): such a page has no h-entry for us.
    with contextlib.suppress(Exception):
        _apply_h_entry(page, text, url)
    return page


def _read_plain_text(text: str) -> SourcePage:
    links = []
    for line in text.splitlines():
        for match in _TEXT_URL.finditer(line):
            links.append(Link(match[0].rstrip(".,;:!?"), normalize_space(line)))
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return SourcePage(links=links, title=first_line)


class _PageReader(HTMLParser):
    def __init__(self, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = url
        self.base_set = False
        self.blocks: list[list[str]] = [[]]
        self.raw_links: list[tuple[str, int]] = []  # (href as written, block index)
        self.hidden_depth = 0
        self.in_title = False
        self.title_done = False  # only the page's first <title>, not an icon's inside <svg>
        self.svg_depth = 0
        self.title: list[str] = []
        self.meta: dict[str, str] = {}

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Skip a `<![foo]>` the standard parser refuses (it raises), instead of stopping."""
        try:
            return super().parse_marked_section(i, report)
        except (AssertionError, ValueError):
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "base" and not self.base_set and attributes.get("href"):
            self.base, self.base_set = urljoin(self.base, attributes["href"].strip()), True
        elif tag == "svg":
            self.svg_depth += 1
        elif tag == "title" and not self.svg_depth and not self.title_done:
            self.in_title = True
        elif tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or "").lower()
            if key and key not in self.meta and attributes.get("content"):
                self.meta[key] = attributes["content"]
        if tag in _INVISIBLE:
            self.hidden_depth += 1
        if tag in _BLOCKS:
            self.blocks.append([])
        attribute = _LINK_ATTRIBUTES.get(tag)
        if attribute and attributes.get(attribute, "").strip():
            self.raw_links.append((attributes[attribute].strip(), len(self.blocks) - 1))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _INVISIBLE:
            self.hidden_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title, self.title_done = False, True
        elif tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
        elif tag in _INVISIBLE and self.hidden_depth:
            self.hidden_depth -= 1
        if tag in _BLOCKS:
            self.blocks.append([])

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden_depth:
            self.blocks[-1].append(data)

    def page(self) -> SourcePage:
        texts = [normalize_space("".join(block)) for block in self.blocks]
        links = []
        for href, block in self.raw_links:
            absolute = _absolute_url(self.base, href)
            if absolute:
                links.append(Link(absolute, texts[block] or _nearest_text(texts, block)))
        return SourcePage(
            links=links,
            title=normalize_space(self.meta.get("og:title") or "".join(self.title)),
            site_name=normalize_space(self.meta.get("og:site_name", "")),
            author=normalize_space(self.meta.get("author", "")),
            published=_parse_date(self.meta.get("article:published_time", "")),
            summary=normalize_space(
                self.meta.get("description") or self.meta.get("og:description", "")
            ),
        )


def _nearest_text(texts: list[str], index: int) -> str:
    """A link alone in its block (an image, a list of links) takes the text before it."""
    return next((text for text in reversed(texts[:index]) if text), "")


def _absolute_url(base: str, href: str) -> str | None:
    try:
        url = urljoin(base, href)
        scheme = urlsplit(url).scheme
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def _apply_h_entry(page: SourcePage, html: str, url: str) -> None:
    """Take the title, author and published date from the page's h-entry, when it has one."""
    entry = _find_h_entry(mf2py.parse(doc=html, url=url, html_parser="html.parser"), url)
    if entry is None:
        return
    properties = entry.get("properties", {})
    name = _first_text(properties.get("name"))
    content = _first_text(properties.get("content"))
    if name and len(name) <= 300 and name != content and not _name_may_be_implied(properties):
        page.title = name
    author = properties.get("author") or []
    if author:
        card = author[0]
        page.author = (
            _first_text(card.get("properties", {}).get("name")) or _first_text([card.get("value")])
            if isinstance(card, dict)
            else _first_text([card])
        )
    published = _parse_date(_first_text(properties.get("published")))
    page.published = published or page.published
    page.summary = _first_text(properties.get("summary")) or page.summary or content


# Properties parsed from u-* and dt-* classes. mf2 makes up ("implies") a name from the whole
# text of an entry that has no p-* or e-* property: with only these, a name is no title.
_NOT_TEXT_PROPERTIES = {"name", "url", "uid", "photo", "video", "audio", "featured", "published",
                       "updated", "syndication", "in-reply-to", "like-of", "repost-of"}  # fmt: skip


def _name_may_be_implied(properties: dict) -> bool:
    return set(properties) <= _NOT_TEXT_PROPERTIES


def _find_h_entry(parsed: dict, url: str) -> dict | None:
    """The h-entry whose url is the page's own, else the first one (also inside an h-feed)."""
    entries = []
    stack = list(parsed.get("items", []))
    while stack:
        item = stack.pop(0)
        if "h-entry" in item.get("type", []):
            entries.append(item)
        stack.extend(item.get("children", []))
    for entry in entries:
        if url in (entry.get("properties", {}).get("url") or []):
            return entry
    return entries[0] if entries else None


def _first_text(values) -> str:
    if not values:
        return ""
    value = values[0]
    if isinstance(value, dict):  # e-content: {'value': text, 'html': ...}; a nested card
        value = value.get("value") or ""
    return normalize_space(str(value))


def _parse_date(text: str) -> datetime | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.year < 1990 or moment.year > 2100:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
