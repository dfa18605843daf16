"""Hostile input: nothing a reader types into the comment form runs in another reader's browser.

Every payload of the table goes through the real form, in the comment, in the name and in the
website field; a moderator approves what was stored; then a stranger reads the cable page, the
paragraph page and the feeds, and the parsed HTML must hold no script of the reader's, no event
handler, no javascript:/vbscript:/data: address, no embedded document, SVG, MathML or style,
and only links marked nofollow, ugc and noopener. What the reader wrote must still be there as
text where the sanitiser keeps it: names and web addresses whole, comments as `Payload.shown`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils.encoding import iri_to_uri

from comments.models import Comment, Status
from comments.services import moderate
from tests.comments.conftest import form_data
from tests.html import Element, parse_html, squash

CABLE_PAGE = "/cable/2008/03/08STATE1234.html"
PARAGRAPH_PAGE = "/cable/2008/03/08STATE1234/par3/"
SITE_FEED = "/comments/feed/"
CABLE_FEED = "/cable/2008/03/08STATE1234/feed/"
PARAGRAPH_FEED = "/cable/2008/03/08STATE1234/par3/feed/"
ATOM = "{http://www.w3.org/2005/Atom}"

# The only tags a comment's text may hold (comments.markup.ALLOWED_TAGS).
COMMENT_TAGS = {"p", "br", "em", "strong", "a", "code", "pre", "blockquote"}
COMMENT_TAGS |= {"ul", "ol", "li", "hr", "del"}
FOREIGN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "poster"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
LINK_REL = {"nofollow", "ugc", "noopener"}
URL_ERRORS = ("That is not a web address.", "Give a web address starting with http:// or https://.")


@dataclass(frozen=True)
class Payload:
    text: str
    # The comment's text as a reader sees it once sanitised (whitespace squashed).
    shown: str
    # The website stored when the form takes the payload as one; None: the form refuses it.
    url: str | None = None


PAYLOADS = {
    # Script elements.
    "script-tag": Payload("<script>alert(1)</script>", ""),
    "script-src": Payload("<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>", ""),
    "script-fromcharcode": Payload("<script>alert(String.fromCharCode(88,83,83))</script>", ""),
    "script-mixed-case": Payload("<ScRiPt>alert(1)</sCrIpT>", ""),
    "script-double-open": Payload("<<script>alert(1)//<</script>", "<"),
    "script-nested-split": Payload("<scr<script>ipt>alert(1)</scr</script>ipt>", "<script>"),
    # Event handlers.
    "img-onerror": Payload("<img src=x onerror=alert(1)>", ""),
    "img-javascript-src": Payload("<IMG SRC=\"javascript:alert('XSS');\">", ""),
    "img-encoded-handler": Payload('<img src="x" onerror="&#97;lert(1)">', ""),
    "img-quote-confusion": Payload('<img """><script>alert(1)</script>">', '<img """>">'),
    "body-onload": Payload("<body onload=alert(1)>", ""),
    "div-onmouseover": Payload('<div onmouseover="alert(1)">hover me</div>', "hover me"),
    "a-onclick": Payload('<a href="#" onclick="alert(1)">click me</a>', "click me"),
    "input-onfocus": Payload("<input autofocus onfocus=alert(1)>", ""),
    "details-ontoggle": Payload("<details open ontoggle=alert(1)>", ""),
    "video-source-onerror": Payload('<video><source onerror="alert(1)"></video>', ""),
    "marquee-onstart": Payload("<marquee onstart=alert(1)>", ""),
    # SVG and MathML.
    "svg-onload": Payload("<svg onload=alert(1)>", ""),
    "svg-script": Payload("<svg><script>alert(1)</script></svg>", ""),
    "svg-xlink-href": Payload(
        '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>', ""
    ),
    "svg-animate-onbegin": Payload("<svg><animate onbegin=alert(1) attributeName=x dur=1s>", ""),
    "math-mglyph-style": Payload(
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", ""
    ),
    "math-href": Payload('<math href="javascript:alert(1)">CLICKME</math>', "CLICKME"),
    # Dangerous addresses in HTML links, plain and encoded.
    "a-javascript": Payload('<a href="javascript:alert(1)">link</a>', "link"),
    "a-javascript-mixed-case": Payload('<a href="JaVaScRiPt:alert(1)">link</a>', "link"),
    "a-tab-entity": Payload('<a href="jav&#x09;ascript:alert(1)">link</a>', "link"),
    "a-newline-entity": Payload('<a href="jav&#x0A;ascript:alert(1)">link</a>', "link"),
    "a-raw-newline": Payload('<a href="java\nscript:alert(1)">link</a>', "link"),
    "a-leading-control-entity": Payload('<a href=" &#14; javascript:alert(1)">link</a>', "link"),
    "a-decimal-entities": Payload(
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">link</a>',
        "link",
    ),
    "a-hex-entity-colon": Payload('<a href="&#x6A;avascript&colon;alert(1)">link</a>', "link"),
    "a-vbscript": Payload('<a href="vbscript:msgbox(1)">link</a>', "link"),
    "a-data-html": Payload(
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>', "link"
    ),
    "a-good-href-with-handler": Payload(
        '<a href="https://example.org/" onmouseover="alert(1)">link</a>', "link"
    ),
    "a-rel-opener": Payload(
        '<a href="https://example.org/" rel="opener" target="_blank">link</a>', "link"
    ),
    "a-good-then-bad": Payload(
        '<a href="https://example.org/">good</a> <a href="javascript:alert(1)">bad</a>', "good bad"
    ),
    # Dangerous addresses in Markdown links, images and autolinks.
    "md-link-javascript": Payload("[link](javascript:alert(1))", "link"),
    "md-link-javascript-upper": Payload("[link](JAVASCRIPT:alert(1))", "link"),
    "md-link-tab-entity": Payload("[link](jav&#x09;ascript:alert(1))", "link"),
    "md-link-colon-entity": Payload("[link](javascript&colon;alert(1))", "link"),
    "md-link-control-character": Payload("[link](jav\x01ascript:alert(1))", "link"),
    "md-link-escape-character": Payload("[link](\x1bjavascript:alert(1))", "link"),
    "md-link-vbscript": Payload("[link](vbscript:msgbox(1))", "link"),
    "md-link-data": Payload(
        "[link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "link"
    ),
    "md-link-angle-brackets": Payload("[link](<javascript:alert(1)>)", "link"),
    "md-link-leading-spaces": Payload("[link](   javascript:alert(1))", "link"),
    "md-reference-link": Payload("[link][ref]\n\n[ref]: javascript:alert(1)", "link"),
    # CommonMark allows nothing but spaces after a link's title: not a link, so shown as typed.
    "md-link-title-breakout": Payload(
        '[link](https://example.org "title" onmouseover="alert(1)")',
        '[link](https://example.org "title" onmouseover="alert(1)")',
    ),
    # The quotes belong to the address (percent-encoded in the href), which ends at the ")".
    "md-link-url-breakout": Payload('[link](https://example.org"onmouseover="alert(1))', "link"),
    "md-image-javascript": Payload("![image](javascript:alert(1))", ""),
    "md-image-onerror-breakout": Payload(
        '![image](https://example.org/x.png"onerror="alert(1))', ""
    ),
    "md-image-alt-breakout": Payload('![x" onerror="alert(1)](https://example.org/x.png)', ""),
    # An autolink in CommonMark (any scheme): the sanitiser drops the address, the text stays.
    "md-autolink-javascript": Payload("<javascript:alert(1)>", "javascript:alert(1)"),
    "md-autolink-breakout": Payload(
        '<https://example.org/"onmouseover="alert(1)>', 'https://example.org/"onmouseover="alert(1)'
    ),
    "md-emphasis-img": Payload("**<img src=x onerror=alert(1)>**", ""),
    "md-blockquote-script": Payload("> <script>alert(1)</script>", ""),
    # Code is shown as text, escaped.
    "md-code-span": Payload("`<script>alert(1)</script>`", "<script>alert(1)</script>"),
    "md-fenced-code": Payload(
        "```\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```",
        "<script>alert(1)</script> <img src=x onerror=alert(1)>",
    ),
    # Embedded documents and styles.
    "iframe-javascript": Payload('<iframe src="javascript:alert(1)"></iframe>', ""),
    "iframe-srcdoc": Payload('<iframe srcdoc="<script>alert(1)</script>"></iframe>', ""),
    "object-data": Payload('<object data="javascript:alert(1)"></object>', ""),
    "embed-data-svg": Payload(
        '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">', ""
    ),
    "style-element": Payload('<style>body{background:url("javascript:alert(1)")}</style>', ""),
    "style-attribute": Payload(
        '<p style="background-image:url(javascript:alert(1))">styled</p>', "styled"
    ),
    "style-expression": Payload('<div style="width: expression(alert(1));">old IE</div>', "old IE"),
    # Breaking out of the attribute or element the text lands in.
    "attribute-breakout-double": Payload('"><script>alert(1)</script>', '">'),
    "attribute-breakout-single": Payload("'><img src=x onerror=alert(1)>", "'>"),
    "textarea-breakout": Payload("</textarea><script>alert(1)</script>", ""),
    "title-breakout": Payload("</title><script>alert(1)</script>", ""),
    # A line opening with "<!--" is an HTML block in CommonMark: the comment, then a real image.
    "comment-confusion": Payload('<!--<img src="--><img src=x onerror=alert(1)//">', ""),
    "noscript-mutation": Payload(
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', '<p title="">'
    ),
    # Forms, redirects and the document's base.
    "form-action": Payload('<form action="javascript:alert(1)"><button>go</button></form>', "go"),
    "button-formaction": Payload('<button formaction="javascript:alert(1)">go</button>', "go"),
    "meta-refresh": Payload('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', ""),
    "base-href": Payload('<base href="javascript:alert(1)//">', ""),
    "link-stylesheet": Payload('<link rel="stylesheet" href="javascript:alert(1)">', ""),
    # Web addresses: what the website field takes is an http(s) address, escaped where shown.
    "url-breakout-script": Payload(
        'https://example.org/"><script>alert(1)</script>',
        'https://example.org/">',
        url='https://example.org/"><script>alert(1)</script>',
    ),
    "url-breakout-handler": Payload(
        'https://example.org/"onmouseover="alert(1)',
        'https://example.org/"onmouseover="alert(1)',
        url='https://example.org/"onmouseover="alert(1)',
    ),
    # "<svg/onload=...>" and "<img/src=...>" are no tags to CommonMark: shown as typed.
    "url-query-svg": Payload(
        "https://example.org/?q=<svg/onload=alert(1)>",
        "https://example.org/?q=<svg/onload=alert(1)>",
        url="https://example.org/?q=<svg/onload=alert(1)>",
    ),
    "url-scheme-relative-img": Payload(
        '//example.org/"><img/src=x/onerror=alert(1)>',
        '//example.org/"><img/src=x/onerror=alert(1)>',
        url='https://example.org/"><img/src=x/onerror=alert(1)>',
    ),
    "url-javascript-userinfo": Payload(
        "https://javascript:alert(1)@example.org/",
        "https://javascript:alert(1)@example.org/",
        url="https://javascript:alert(1)@example.org/",
    ),
    "url-control-character": Payload(
        'https://example.org/\x01"><script>alert(1)</script>', 'https://example.org/">'
    ),
    "url-javascript": Payload(
        "javascript:alert(document.cookie)", "javascript:alert(document.cookie)"
    ),
    "url-javascript-comment-newline": Payload(
        "javascript://example.org/%0Aalert(1)", "javascript://example.org/%0Aalert(1)"
    ),
    "url-leading-space": Payload(" javascript:alert(1)", "javascript:alert(1)"),
    "url-tab": Payload("jav\tascript:alert(1)", "jav ascript:alert(1)"),
    "url-vbscript": Payload("vbscript:msgbox(1)", "vbscript:msgbox(1)"),
    "url-data-html": Payload("data:text/html,<script>alert(1)</script>", "data:text/html,"),
    # Template languages: shown as typed, never evaluated.
    "template-injection": Payload(
        "{{constructor.constructor('alert(1)')()}} {% debug %}",
        "{{constructor.constructor('alert(1)')()}} {% debug %}",
    ),
}

# C0 controls but tab, newline and carriage return, and DEL: invisible, forbidden in XML 1.0,
# and a way to hide 'jav\x01ascript:' from a reader's eye. The form drops them.
INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def as_stored(text: str) -> str:
    return INVISIBLE.sub("", text)


def cases() -> list:
    return [pytest.param(payload, id=name) for name, payload in PAYLOADS.items()]


# --- what a stranger's browser would get ----------------------------------------------------


def without_blanks(value: str) -> str:
    """An address as a browser reads its scheme: no whitespace or control characters."""
    return "".join(ch for ch in value if ch > " " and not "\x7f" <= ch <= "\x9f").lower()


def assert_harmless(document: Element, *, where: str) -> None:
    for element in document.iter():
        if element.tag == "script":
            assert element.attrs.get("src", "").startswith("/static/"), f"{where}: {element}"
            assert not element.text.strip(), f"{where}: inline script {element.text!r}"
        assert element.tag not in FOREIGN_TAGS, f"{where}: <{element.tag}>"
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"{where}: <{element.tag} {name}={value!r}>"
            if name in URL_ATTRIBUTES:
                assert not without_blanks(value).startswith(DANGEROUS_SCHEMES), (
                    f"{where}: <{element.tag} {name}={value!r}>"
                )


def assert_comment_text_harmless(text: Element, *, where: str) -> None:
    """A comment's own HTML: only the allowed tags, every link marked as the reader's."""
    for element in text.iter():
        assert element.tag in COMMENT_TAGS, f"{where}: <{element.tag}> in a comment"
        if element.tag == "a":
            assert set(element.attrs.get("rel", "").split()) >= LINK_REL, f"{where}: {element}"


def read_source_page(url: str) -> Element:
    response = Client().get(url)
    assert response.status_code == 200, url
    page = parse_html(response.content)
    assert_harmless(page, where=url)
    for item in page.find_all("li", cls="comment"):
        for text in item.find_all("div", cls="comment-text"):
            assert_comment_text_harmless(text, where=f"{url} {item.attrs['id']}")
        for link in item.find("span", cls="comment-author").find_all("a"):
            assert set(link.attrs["rel"].split()) >= LINK_REL, f"{url}: {link}"
    return page


@dataclass
class FeedEntry:
    link: str
    title: str
    author: str
    author_uri: str | None
    content: Element


def read_feed(url: str) -> dict[int, FeedEntry]:
    """The feed's entries by comment id, their HTML content checked like a page's."""
    response = Client().get(url)
    assert response.status_code == 200, url
    feed = ET.fromstring(response.content)
    entries = {}
    for entry in feed.findall(f"{ATOM}entry"):
        link = entry.findall(f"{ATOM}link")[0].attrib["href"]
        content = parse_html(entry.findtext(f"{ATOM}summary", ""))
        where = f"{url} {link}"
        assert_harmless(content, where=where)
        assert_comment_text_harmless(content, where=where)
        pk = int(link.rsplit("#comment-", 1)[1])
        entries[pk] = FeedEntry(
            link=link,
            title=entry.findtext(f"{ATOM}title", ""),
            author=entry.findtext(f"{ATOM}author/{ATOM}name", ""),
            author_uri=entry.findtext(f"{ATOM}author/{ATOM}uri"),
            content=content,
        )
    return entries


@dataclass
class ReaderView:
    cable_page: Element
    paragraph_page: Element
    site_feed: dict[int, FeedEntry]
    cable_feed: dict[int, FeedEntry]
    paragraph_feed: dict[int, FeedEntry]

    @property
    def pages(self) -> list[Element]:
        return [self.cable_page, self.paragraph_page]

    @property
    def feeds(self) -> list[dict[int, FeedEntry]]:
        return [self.site_feed, self.cable_feed, self.paragraph_feed]


def approve_and_read() -> ReaderView:
    moderate(comments=Comment.objects.all(), status=Status.APPROVED)
    assert not Comment.objects.exclude(status=Status.APPROVED).exists()
    return ReaderView(
        cable_page=read_source_page(CABLE_PAGE),
        paragraph_page=read_source_page(PARAGRAPH_PAGE),
        site_feed=read_feed(SITE_FEED),
        cable_feed=read_feed(CABLE_FEED),
        paragraph_feed=read_feed(PARAGRAPH_FEED),
    )


def post(client: Client, cable, **fields) -> Comment:
    response = client.post("/comments/post/", form_data(cable, **fields))
    assert response.status_code == 303, response.content.decode()[:2000]
    # To the comment on the cable's page, or to its own page while it awaits moderation.
    found = re.search(r"#comment-(\d+)$|^/comments/(\d+)/$", response["Location"])
    assert found is not None, response["Location"]
    return Comment.objects.get(pk=int(found[1] or found[2]))


def shown_in_page(page: Element, comment: Comment) -> Element:
    return page.find("li", id=comment.html_id)


def comment_text(page: Element, comment: Comment) -> str:
    return squash(shown_in_page(page, comment).find("div", cls="comment-text").text)


def preview_text(document: Element) -> str:
    """The previewed comment's text ('' when the preview is empty), its HTML checked."""
    boxes = document.find_all("section", cls="comment-preview-box")
    if not boxes:
        return ""
    text = boxes[0].find("div", cls="comment-text")
    assert_comment_text_harmless(text, where="the preview")
    return squash(text.text)


# --- each payload on its own ----------------------------------------------------------------


@pytest.mark.parametrize("payload", cases())
def test_payload_in_the_comment_is_shown_harmless(client, cable, payload):
    if not payload.shown:
        # Nothing would be left to read: refused, with the reason and the text kept.
        response = client.post("/comments/post/", form_data(cable, body=payload.text))
        assert response.status_code == 400
        page = parse_html(response.content)
        assert_harmless(page, where="the form sent back")
        assert "no text left" in squash(page.find("ul", id="id_body_error").text)
        assert page.find("textarea", name="body").text.strip() == as_stored(payload.text).strip()
        assert not Comment.objects.exists()
        return
    on_cable = post(client, cable, body=payload.text, email="body@example.org")
    on_paragraph = post(client, cable, body=payload.text, email="body@example.org", anchor="par3")

    view = approve_and_read()

    for comment in (on_cable, on_paragraph):
        assert comment.body == as_stored(payload.text)  # the reader's words, as written
        assert comment_text(view.cable_page, comment) == payload.shown
        for feed in (view.site_feed, view.cable_feed):
            assert squash(feed[comment.pk].content.text) == payload.shown
    assert comment_text(view.paragraph_page, on_paragraph) == payload.shown
    assert not view.paragraph_page.find_all("li", id=on_cable.html_id)
    assert set(view.paragraph_feed) == {on_paragraph.pk}


@pytest.mark.parametrize("payload", cases())
def test_payload_in_the_name_is_shown_as_text(client, cable, payload):
    comment = post(client, cable, name=payload.text, email="name@example.org", anchor="par3")
    name = as_stored(payload.text).strip()
    assert comment.author_name == name

    view = approve_and_read()

    for page in view.pages:
        item = shown_in_page(page, comment)
        assert squash(item.find("span", cls="comment-author").text) == squash(name)
        assert item.find("a", cls="reply-link").attrs["data-author"] == name
    for feed in view.feeds:
        assert feed[comment.pk].author == name
        assert feed[comment.pk].title == f"{name} on 08STATE1234 ¶3"


@pytest.mark.parametrize("payload", cases())
def test_payload_as_website_is_refused_or_linked_harmless(client, cable, payload):
    response = client.post(
        "/comments/post/",
        form_data(cable, url=payload.text, email="url@example.org", anchor="par3"),
    )

    if payload.url is None:
        assert response.status_code == 400
        assert not Comment.objects.exists()
        page = parse_html(response.content)
        assert_harmless(page, where="the form sent back")
        assert any(error in squash(page.text) for error in URL_ERRORS)
        # The reader gets the address back to correct it, as text in the field.
        assert page.find("input", name="url").attrs["value"] == payload.text
        return

    assert response.status_code == 303
    comment = Comment.objects.get()
    assert comment.author_url == payload.url

    view = approve_and_read()

    for page in view.pages:
        link = shown_in_page(page, comment).find("span", cls="comment-author").find("a")
        assert link.attrs["href"] == payload.url
        assert squash(link.text) == "Ann Reader"
    for feed in view.feeds:
        # Atom's uri is a URI: the feed percent-encodes what is not allowed in one.
        assert feed[comment.pk].author_uri == iri_to_uri(payload.url)


@pytest.mark.parametrize("payload", cases())
def test_payload_previewed_is_shown_harmless(client, cable, payload):
    response = client.post(
        "/comments/post/", form_data(cable, body=payload.text, name=payload.text, preview="1")
    )

    # A comment with no text left once sanitised is refused, the form sent back as it was.
    assert response.status_code == (200 if payload.shown else 400)
    page = parse_html(response.content)
    assert_harmless(page, where="the preview page")
    assert preview_text(page) == payload.shown
    assert page.find("input", name="name").attrs["value"] == payload.text
    assert not Comment.objects.exists()

    fragment = client.post("/comments/preview/", {"body": payload.text})
    assert fragment.status_code == 200
    preview = parse_html(fragment.content)
    assert_harmless(preview, where="the preview fragment")
    assert preview_text(preview) == payload.shown


# --- all of them at once --------------------------------------------------------------------


def test_every_payload_together_stays_harmless(client, cable):
    """Each comment is sanitised on its own; on one page, none may open what the next closes."""
    bodies, names, websites = {}, {}, {}
    for number, (name, payload) in enumerate(PAYLOADS.items()):
        email = f"reader{number}@example.org"
        for anchor in ("", "par3") if payload.shown else ():  # empty ones are refused
            comment = post(client, cable, body=payload.text, email=email, anchor=anchor)
            bodies[comment.pk] = payload.shown
        comment = post(client, cable, name=payload.text, email=email, body=f"On {name}.")
        names[comment.pk] = as_stored(payload.text).strip()
        if payload.url is not None:
            comment = post(client, cable, url=payload.text, email=email, body=f"See {name}.")
            websites[comment.pk] = payload.url

    view = approve_and_read()

    cable_page = view.cable_page
    assert len(cable_page.find_all("li", cls="comment")) == Comment.objects.count()
    for pk, shown in bodies.items():
        assert squash(cable_page.find("li", id=f"comment-{pk}").find(cls="comment-text").text) == (
            shown
        )
    for pk, name in names.items():
        author = cable_page.find("li", id=f"comment-{pk}").find("span", cls="comment-author")
        assert squash(author.text) == squash(name)
    for pk, url in websites.items():
        author = cable_page.find("li", id=f"comment-{pk}").find("span", cls="comment-author")
        assert author.find("a").attrs["href"] == url
    paragraph_comments = Comment.objects.filter(anchor="par3").count()
    assert len(view.paragraph_page.find_all("li", cls="comment")) == paragraph_comments
    for feed in view.feeds:
        assert len(feed) == 50
        for pk, entry in feed.items():
            if pk in bodies:
                assert squash(entry.content.text) == bodies[pk]
