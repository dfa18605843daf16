"""Hostile input from other sites: nothing a citing page or a ping says runs in a reader's browser.

Every payload of tests/comments/test_hostile_input.py goes through every field a linkback takes
from its sender or its source: a trackback's title, excerpt, blog name and address; a
webmention source's <title>, og:site_name, author, h-entry name and author, the text around its
link, and its address. The worker checks the sources (one batch per test: ~90 payloads), a
moderator approves what it held, and then the cable page, the paragraph's thread (on the cable
page and on its own page) and the webmention status pages must hold no markup of the sender's:
no script of theirs, no event handler, no javascript: address. What they sent is still there,
as text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape
from urllib.parse import quote, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from comments.models import Comment, Kind, Status
from comments.services import moderate
from tests.comments.test_hostile_input import PAYLOADS, as_stored, assert_harmless
from tests.html import Element, parse_html, squash

# The worker closes its connection the way a long-running process must: these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)

CABLE_PAGE = "/cable/2008/03/08STATE1234.html"
PARAGRAPH_PAGE = "/cable/2008/03/08STATE1234/par3/"
TRACKBACK = "/cable/2008/03/08STATE1234/trackback/"
TARGET = f"http://testserver{CABLE_PAGE}#par3"


@pytest.fixture(autouse=True)
def fetch_local(settings):
    settings.LINKBACKS_FETCH_ALLOW_LOOPBACK = True


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def shown(text: str) -> str:
    """Someone else's text as a reader should read it: control characters gone, one line."""
    return squash(as_stored(text))


def address_carrying(server, path: str, text: str) -> str:
    """An http address on the source server with the payload in its query, as much of it as an
    address can carry: whitespace written %20, control characters dropped."""
    return f"{server.url(path)}?q={re.sub(r'\s', '%20', as_stored(text))}"


def read(url: str) -> Element:
    response = Client().get(url)
    assert response.status_code == 200, url
    page = parse_html(response.content)
    assert_harmless(page, where=url)
    return page


def linkback_items(page: Element, where: str) -> dict[str, Element]:
    """The linkbacks a section shows, by the comment id each one's title is labelled with."""
    section = page.find("section", id=where)
    return {
        comment_id(article.attrs["aria-labelledby"]): article
        for article in section.find_all("article", cls="linkback")
    }


def text_of(item: Element, tag: str, cls: str) -> str:
    return squash(item.find(tag, cls=cls).text)


def approve_everything() -> None:
    moderate(comments=Comment.objects.linkbacks(), status=Status.APPROVED)


# --- TrackBack ------------------------------------------------------------------------------


def test_payloads_in_a_trackbacks_fields_are_shown_as_text(client, cable, source_server):
    sent = {}
    for number, (name, payload) in enumerate(PAYLOADS.items()):
        source = source_server.page(
            f"/tb/{number}", f'<p>Read <a href="{TARGET}">paragraph 3</a>.</p>'
        )
        fields = {"title": payload.text, "excerpt": payload.text, "blog_name": payload.text}
        response = client.post(TRACKBACK, {"url": source, **fields})
        assert ET.fromstring(response.content).findtext("error") == "0", name
        sent[name] = source
    run_worker()
    trackbacks = {linkback.source_url: linkback for linkback in Comment.objects.linkbacks()}
    assert len(trackbacks) == len(PAYLOADS)
    # Verified: published by the worker, beside paragraph 3.
    assert {(t.status, t.anchor) for t in trackbacks.values()} == {(Status.APPROVED, "par3")}

    cable_page, paragraph_page = read(CABLE_PAGE), read(PARAGRAPH_PAGE)
    in_mentions = linkback_items(cable_page, "mentions")
    in_thread = linkback_items(cable_page, "thread-par3")
    on_paragraph_page = linkback_items(paragraph_page, "responses")
    for name, payload in PAYLOADS.items():
        trackback = trackbacks[sent[name]]
        expected = shown(payload.text)
        assert trackback.source_title == expected, name
        for items in (in_mentions, in_thread, on_paragraph_page):
            item = items[trackback.html_id]
            assert text_of(item, "h3", "linkback-title") == expected, name
            assert text_of(item, "span", "linkback-site") == expected, name
            assert text_of(item, "blockquote", "linkback-excerpt") == expected, name
            assert item.find("h3", cls="linkback-title").find("a").attrs["href"] == sent[name]


def test_payloads_in_a_linkbacks_address_are_shown_as_text(client, cable, source_server):
    """A trackback's url and a webmention's source: as far as an http address carries a payload.
    Their sources do not link to the cable: a moderator publishes them anyway."""
    trackbacks, webmentions = {}, {}
    for number, (name, payload) in enumerate(PAYLOADS.items()):
        url = address_carrying(source_server, f"/tb/{number}", payload.text)
        reply = ET.fromstring(client.post(TRACKBACK, {"url": url}).content)
        assert reply.findtext("error") == "0", (name, reply.findtext("message"))
        trackbacks[name] = url
        source = address_carrying(source_server, f"/wm/{number}", payload.text)
        response = client.post("/webmention/", {"source": source, "target": TARGET})
        assert response.status_code == 202, (name, response.content)
        webmentions[name] = (source, urlsplit(response["Location"]).path)
        # What is not an http address at all is refused, with a reply that is still XML.
        if not as_stored(payload.text).strip().lower().startswith(("http://", "https://")):
            refused = ET.fromstring(client.post(TRACKBACK, {"url": payload.text}).content)
            assert refused.findtext("error") == "1", name
    run_worker()
    approve_everything()

    cable_page = read(CABLE_PAGE)
    in_mentions = linkback_items(cable_page, "mentions")
    stored = {linkback.source_url: linkback for linkback in Comment.objects.linkbacks()}
    assert len(stored) == 2 * len(PAYLOADS)
    for name in PAYLOADS:
        source, status_path = webmentions[name]
        for sent in (trackbacks[name], source):
            url = sent.split("#")[0]  # one citing page is one linkback, whatever its fragment
            item = in_mentions[stored[url].html_id]
            title = item.find("h3", cls="linkback-title").find("a")
            assert title.attrs["href"] == url, name
            assert squash(title.text) == stored[url].source_title, name
        status_page = read(status_path)
        link = status_page.find("dl", cls="status-list").find("a")
        assert link.attrs["href"] == source.split("#")[0], name
        assert squash(link.text) == source.split("#")[0], name


def reference_id_cases() -> list:
    """The payloads that fit in one segment of a trackback address, as the cable's ID."""
    return [
        pytest.param(payload, id=name)
        for name, payload in PAYLOADS.items()
        if "/" not in payload.text
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("payload", reference_id_cases())
def test_a_trackback_to_a_hostile_cable_id_gets_a_well_formed_error(client, cable, payload):
    response = client.post(
        f"/cable/2008/03/{quote(payload.text, safe='')}/trackback/",
        {"url": "http://blog.example/post"},
    )
    assert response["Content-Type"].startswith("text/xml")
    reply = ET.fromstring(response.content)
    assert reply.findtext("error") == "1"
    assert reply.findtext("message").startswith("There is no cable ")
    assert not Comment.objects.exists()


# --- Webmention -----------------------------------------------------------------------------


def h_entry_page(text: str) -> str:
    payload = escape(text)
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{payload}</title>
<meta property="og:site_name" content="Site {payload}"></head>
<body><article class="h-entry">
<h1 class="p-name">{payload}</h1>
<p>By <span class="p-author h-card">Author {payload}</span></p>
<p>Context {payload} in <a href="{TARGET}">paragraph 3</a>.</p>
</article></body></html>"""


def plain_page(text: str) -> str:
    payload = escape(text)
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{payload}</title>
<meta property="og:site_name" content="Site {payload}">
<meta name="author" content="Author {payload}"></head>
<body><p>Context {payload} in <a href="{TARGET}">paragraph 3</a>.</p></body></html>"""


def test_payloads_in_a_webmention_source_page_are_shown_as_text(client, cable, source_server):
    sent = {}
    for number, (name, payload) in enumerate(PAYLOADS.items()):
        for form, page in (("h-entry", h_entry_page), ("plain", plain_page)):
            source = source_server.page(f"/{form}/{number}", page(payload.text))
            response = client.post("/webmention/", {"source": source, "target": TARGET})
            assert response.status_code == 202, name
            sent[(name, form)] = (source, urlsplit(response["Location"]).path)
    run_worker()
    mentions = {m.source_url: m for m in Comment.objects.linkbacks()}
    assert {(m.kind, m.status, m.anchor) for m in mentions.values()} == {
        (Kind.WEBMENTION, Status.APPROVED, "par3")
    }
    approve_everything()  # nothing left to approve: the worker published them all

    cable_page, paragraph_page = read(CABLE_PAGE), read(PARAGRAPH_PAGE)
    in_mentions = linkback_items(cable_page, "mentions")
    in_thread = linkback_items(cable_page, "thread-par3")
    on_paragraph_page = linkback_items(paragraph_page, "responses")
    for (name, form), (source, status_path) in sent.items():
        mention, expected = mentions[source], shown(PAYLOADS[name].text)
        where = (name, form)
        for items in (in_mentions, in_thread, on_paragraph_page):
            item = items[mention.html_id]
            assert text_of(item, "h3", "linkback-title") == expected, where
            assert text_of(item, "span", "linkback-site") == f"Site {expected}", where
            assert text_of(item, "span", "linkback-author") == f"Author {expected}", where
            excerpt = text_of(item, "blockquote", "linkback-excerpt")
            assert excerpt == f"Context {expected} in paragraph 3.", where
        status_page = read(status_path)
        heading = squash(status_page.find("h1").text)
        assert heading == f"Webmention from Site {expected}", where
        assert status_page.find("dd", cls="status-approved")


def comment_id(label: str) -> str:
    """'comment-12' of the 'comment-12-title' an article is labelled by."""
    found = re.match(r"(comment-\d+)-title", label)
    assert found is not None, label
    return found[1]
