"""Atom feeds of approved comments: site-wide, per cable and per paragraph, read as a feed
reader reads them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from comments.models import Comment, Status
from comments.services import moderate
from tests.comments.conftest import form_data, make_comment
from tests.factories import make_cable
from tests.html import parse_html, squash

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_FEED = "/comments/feed/"
CABLE_FEED = "/cable/2008/03/08STATE1234/feed/"
PARAGRAPH_FEED = "/cable/2008/03/08STATE1234/par3/feed/"
CABLE_PAGE = "http://testserver/cable/2008/03/08STATE1234.html"
FEEDS = [SITE_FEED, CABLE_FEED, PARAGRAPH_FEED]


def read_feed(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return feed


def entries(feed: ET.Element) -> list[ET.Element]:
    return feed.findall(f"{ATOM}entry")


def entry_link(entry: ET.Element) -> str:
    (link,) = entry.findall(f"{ATOM}link[@rel='alternate']")
    return link.attrib["href"]


def links(feed: ET.Element) -> list[str]:
    return [entry_link(entry) for entry in entries(feed)]


def permalink(comment: Comment) -> str:
    return f"http://testserver{comment.get_absolute_url()}"


def permalinks(*comments: Comment) -> list[str]:
    return [permalink(comment) for comment in comments]


def entry_for(feed: ET.Element, comment: Comment) -> ET.Element:
    (entry,) = [entry for entry in entries(feed) if entry_link(entry) == permalink(comment)]
    return entry


# --- what each feed is ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, title, alternate",
    [
        (SITE_FEED, "Comments · Cable reading room", "http://testserver/hashtag/cablegate"),
        (
            CABLE_FEED,
            "Comments on 08STATE1234, RUSSIA: A TEST SUBJECT · Cable reading room",
            CABLE_PAGE,
        ),
        (
            PARAGRAPH_FEED,
            "Comments on paragraph 3 of 08STATE1234 · Cable reading room",
            f"{CABLE_PAGE}#par3",
        ),
    ],
    ids=["site", "cable", "paragraph"],
)
def test_feed_is_atom_with_its_title_and_links(client, cable, url, title, alternate):
    feed = read_feed(client, url)

    assert feed.findtext(f"{ATOM}title") == title
    assert feed.find(f"{ATOM}link[@rel='alternate']").attrib["href"] == alternate
    assert feed.find(f"{ATOM}link[@rel='self']").attrib["href"] == f"http://testserver{url}"
    assert entries(feed) == []


def test_cable_page_and_paragraph_thread_point_to_their_feeds(client, cable):
    page = parse_html(client.get(cable.get_absolute_url()).content)
    alternates = [
        link.attrs["href"]
        for link in page.find_all("link", rel="alternate")
        if link.attrs.get("type") == "application/atom+xml"
    ]
    assert alternates == [CABLE_FEED]
    thread = page.find("section", id="thread-par3")
    assert PARAGRAPH_FEED in [link.attrs["href"] for link in thread.find_all("a")]


# --- which comments, in which order -----------------------------------------------------


@pytest.mark.parametrize("url", FEEDS)
def test_only_approved_comments_appear(client, cable, url):
    approved = make_comment(cable, anchor="par3", body="Published.")
    for status in (Status.PENDING, Status.SPAM, Status.REMOVED):
        make_comment(cable, anchor="par3", status=status, body=f"Not published: {status}.")

    feed = read_feed(client, url)

    assert links(feed) == permalinks(approved)
    assert "Not published" not in ET.tostring(feed, encoding="unicode")


def test_a_comment_approved_later_joins_the_feed(client, cable):
    waiting = make_comment(cable, anchor="par3", status=Status.PENDING)
    assert links(read_feed(client, PARAGRAPH_FEED)) == []

    moderate(comments=Comment.objects.filter(pk=waiting.pk), status=Status.APPROVED)

    assert links(read_feed(client, PARAGRAPH_FEED)) == permalinks(waiting)


@pytest.mark.parametrize("url", FEEDS)
def test_entries_are_newest_first_and_link_to_the_comment(client, cable, url):
    oldest = make_comment(cable, anchor="par3", body="First.", ago=timedelta(hours=3))
    newest = make_comment(cable, anchor="par3", body="Third.", ago=timedelta(minutes=5))
    middle = make_comment(cable, anchor="par3", body="Second.", ago=timedelta(hours=2))

    feed = read_feed(client, url)

    assert links(feed) == [
        f"{CABLE_PAGE}#comment-{newest.pk}",
        f"{CABLE_PAGE}#comment-{middle.pk}",
        f"{CABLE_PAGE}#comment-{oldest.pk}",
    ]
    published = [entry.findtext(f"{ATOM}published") for entry in entries(feed)]
    assert published == sorted(published, reverse=True)


def test_each_feed_holds_its_own_comments(client, cable):
    other_cable = make_cable("08MOSCOW5678", created="2008-03-05 09:00")
    on_cable = make_comment(cable, body="On the cable.", ago=timedelta(hours=4))
    on_par2 = make_comment(cable, anchor="par2", body="On 2.", ago=timedelta(hours=3))
    on_par3 = make_comment(cable, anchor="par3", body="On 3.", ago=timedelta(hours=2))
    elsewhere = make_comment(other_cable, anchor="par3", body="Other.", ago=timedelta(hours=1))

    assert links(read_feed(client, PARAGRAPH_FEED)) == permalinks(on_par3)
    assert links(read_feed(client, CABLE_FEED)) == permalinks(on_par3, on_par2, on_cable)
    assert links(read_feed(client, SITE_FEED)) == permalinks(elsewhere, on_par3, on_par2, on_cable)
    other_paragraph_feed = read_feed(client, "/cable/2008/03/08MOSCOW5678/par3/feed/")
    assert links(other_paragraph_feed) == permalinks(elsewhere)


def test_a_reply_is_in_its_paragraph_feed(client, cable):
    question = make_comment(cable, anchor="par3", body="Who wrote this?", ago=timedelta(hours=2))
    answer = make_comment(cable, parent=question, name="Boris", body="The embassy.")

    assert links(read_feed(client, PARAGRAPH_FEED)) == permalinks(answer, question)


def test_feed_carries_the_fifty_newest_comments(client, cable):
    comments = [
        make_comment(cable, anchor="par3", body=f"Comment {number}.", ago=timedelta(minutes=number))
        for number in range(55)
    ]

    for url in FEEDS:
        assert links(read_feed(client, url)) == permalinks(*comments[:50])


# --- what an entry says -----------------------------------------------------------------


def test_entry_names_its_author_and_where_the_comment_is(client, cable, django_user_model):
    user = django_user_model.objects.create_user(
        "boris", "boris@example.net", "pw-1234567", first_name="Boris", last_name="Petrov"
    )
    on_paragraph = make_comment(
        cable, anchor="par3", name="Ann Reader", author_url="https://ann.example.org/"
    )
    by_user = make_comment(cable, name="ignored", user=user, ago=timedelta(hours=2))

    feed = read_feed(client, SITE_FEED)

    guest = entry_for(feed, on_paragraph)
    assert guest.findtext(f"{ATOM}title") == "Ann Reader on 08STATE1234 ¶3"
    assert guest.findtext(f"{ATOM}author/{ATOM}name") == "Ann Reader"
    assert guest.findtext(f"{ATOM}author/{ATOM}uri") == "https://ann.example.org/"
    member = entry_for(feed, by_user)
    assert member.findtext(f"{ATOM}title") == "Boris Petrov on 08STATE1234"
    assert member.findtext(f"{ATOM}author/{ATOM}name") == "Boris Petrov"
    assert member.find(f"{ATOM}author/{ATOM}uri") is None
    assert "boris@example.net" not in ET.tostring(feed, encoding="unicode")
    assert "ann@example.org" not in ET.tostring(feed, encoding="unicode")


def test_entry_content_is_the_rendered_comment(client, cable):
    comment = make_comment(
        cable, anchor="par3", body="A *fair* reading, see [the text](https://example.org/)."
    )

    entry = entry_for(read_feed(client, PARAGRAPH_FEED), comment)

    summary = entry.find(f"{ATOM}summary")
    assert summary.attrib["type"] == "html"
    content = parse_html(summary.text)
    assert squash(content.text) == "A fair reading, see the text."
    assert squash(content.find("em").text) == "fair"
    link = content.find("a")
    assert link.attrs["href"] == "https://example.org/"
    assert set(link.attrs["rel"].split()) >= {"nofollow", "ugc", "noopener"}


def test_quoted_passage_appears_in_the_entry_content(client, db):
    quoted = make_cable(
        "08STATE77", paragraphs=4, paragraph_text="Talks on A&B <fast track> went well."
    )
    response = client.post(
        "/comments/post/",
        form_data(
            quoted,
            anchor="par3",
            quote_exact="A&B <fast track>",
            body="Which track was that?",
        ),
    )
    assert response.status_code == 303
    moderate(comments=Comment.objects.all(), status=Status.APPROVED)

    feed = read_feed(client, "/cable/2008/03/08STATE77/par3/feed/")

    (entry,) = entries(feed)
    content = parse_html(entry.findtext(f"{ATOM}summary"))
    assert squash(content.find("blockquote").text) == "A&B <fast track>"
    assert not content.find_all("fast")  # the quote is text, not markup
    assert squash(content.text) == "A&B <fast track>Which track was that?"


def test_an_edited_comment_is_marked_updated(client, cable):
    edited_at = timezone.now() - timedelta(minutes=10)
    comment = make_comment(cable, anchor="par3", ago=timedelta(hours=1), edited=edited_at)

    entry = entry_for(read_feed(client, PARAGRAPH_FEED), comment)

    assert entry.findtext(f"{ATOM}published") == comment.created.isoformat()
    assert entry.findtext(f"{ATOM}updated") == edited_at.isoformat()


def test_entry_ids_are_absolute_iris(client, cable):
    make_comment(cable, anchor="par3", ago=timedelta(hours=2))
    make_comment(cable, anchor="par3")

    feed = read_feed(client, SITE_FEED)

    ids = [entry.findtext(f"{ATOM}id") for entry in entries(feed)]
    assert len(set(ids)) == 2
    for entry_id in ids:
        parts = urlsplit(entry_id)
        assert parts.scheme in {"http", "https", "tag", "urn"}, entry_id


# --- what does not exist ----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/cable/2008/03/08STATE9999/feed/",
        "/cable/2008/03/08STATE9999/par3/feed/",
        "/cable/2008/03/08STATE1234/par9/feed/",
        "/cable/2008/03/08STATE1234/par3-2/feed/",
    ],
    ids=["unknown cable", "paragraph of unknown cable", "unknown paragraph", "unknown subpart"],
)
def test_feed_of_what_does_not_exist_is_not_found(client, cable, url):
    make_comment(cable, anchor="par3")

    assert client.get(url).status_code == 404


# --- queries ----------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 30])
@pytest.mark.parametrize(
    "url, queries",
    # The comments with their cables and users; the per-cable feeds first find the cable, the
    # paragraph feed then checks the paragraph exists.
    [(SITE_FEED, 1), (CABLE_FEED, 2), (PARAGRAPH_FEED, 3)],
    ids=["site", "cable", "paragraph"],
)
def test_feed_query_count_does_not_grow_with_comments(
    client, cable, django_user_model, django_assert_num_queries, url, queries, count
):
    user = django_user_model.objects.create_user("boris", "boris@example.net", "pw-1234567")
    parent = None
    for number in range(count):
        if number % 2:  # every other comment is a signed-in reader's reply
            make_comment(cable, parent=parent, user=user, body=f"Reply {number}.")
        else:
            parent = make_comment(cable, anchor="par3", body=f"Comment {number}.")

    with django_assert_num_queries(queries):
        feed = read_feed(client, url)

    assert len(entries(feed)) == count
