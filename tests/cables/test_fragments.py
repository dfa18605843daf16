"""A paragraph written out: what a reader of the cable page and of a paragraph's page sees of
it, every value escaped."""

from __future__ import annotations

from types import SimpleNamespace

from cables.fragments import paragraph_html, text_html
from cables.models import Paragraph
from cables.search.marking import START, STOP
from tests.html import parse_html

HOSTILE = 'A "quoted" <script>alert(1)</script> & more'


def paragraph(**fields) -> Paragraph:
    values = {"number": 3, "anchor": "par3", "text": "The talks went well.", **fields}
    stored = {field.name for field in Paragraph._meta.get_fields()}
    found = Paragraph(**{name: values.pop(name) for name in list(values) if name in stored})
    found.comment_count = values.pop("comment_count", 0)
    found.thread_url = values.pop("thread_url", "/cable/2007/02/07MOSCOW601/par3/")
    for name, value in values.items():
        setattr(found, name, value)
    return found


def shown(**fields):
    return shown_of(paragraph(**fields))


def shown_of(found: Paragraph):
    return parse_html(paragraph_html(found))


def test_a_numbered_paragraph_has_its_pilcrow_number_count_and_words():
    html = shown(comment_count=2, marking="C", marking_text="C")
    body = html.find("p", cls="paragraph-body")
    assert body.attrs["data-anchor"] == "par3" and "id" not in body.attrs
    pilcrow = body.find("a", cls="pilcrow")
    assert (pilcrow.attrs["id"], pilcrow.attrs["href"], pilcrow.text) == ("par3", "#par3", "¶")
    assert body.find("span", cls="paragraph-number").text == "3."
    count = body.find("a", cls="comment-count")
    assert count.classes == ["comment-count"]
    assert count.attrs["href"] == "/cable/2007/02/07MOSCOW601/par3/"
    assert count.attrs["aria-controls"] == "thread-par3"
    assert count.attrs["title"] == "2 comments on paragraph 3: read or add"
    assert count.find("span", cls="visually-hidden").text == " comments on paragraph 3"
    marking = body.find("span", cls="marking")
    assert marking.classes == ["marking", "marking-c"]
    assert marking.find("span", cls="marking-code").text == "C"
    assert marking.attrs["title"] == "Portion marking C: Confidential"
    assert body.find("span", cls="paragraph-text").text == "The talks went well."
    # As on the original pages, the number, the count and the marking run into the words.
    assert (
        " ".join(body.text.split())
        == "¶3. 2 comments on paragraph 3 C Confidential The talks went well."
    )


def test_one_comment_is_said_in_the_singular_and_none_is_marked():
    one = shown(comment_count=1).find("a", cls="comment-count")
    assert one.attrs["title"] == "1 comment on paragraph 3: read or add"
    none = shown().find("a", cls="comment-count")
    assert none.classes == ["comment-count", "none"]


def test_on_its_own_page_the_pilcrow_links_to_the_paragraph_in_the_cable():
    html = parse_html(paragraph_html(paragraph(), pilcrow_base="/cable/2007/02/07MOSCOW601.html"))
    assert html.find("a", cls="pilcrow").attrs["href"] == "/cable/2007/02/07MOSCOW601.html#par3"


def test_an_unnumbered_paragraph_carries_its_anchor_and_no_count():
    html = shown(number=None, anchor="par-a1", heading="SUMMARY", marking="U")
    assert html.find("h2", cls="section-heading").text == "SUMMARY"
    body = html.find("p", cls="paragraph-body")
    assert body.attrs["id"] == "par-a1"
    assert not body.find_all("a", cls="pilcrow") and not body.find_all("a", cls="comment-count")
    marking = body.find("span", cls="marking")
    assert marking.attrs["title"] == "Marked once for the entire text: Unclassified"
    assert not marking.find_all("span", cls="marking-code")


def test_a_heading_alone_has_no_empty_paragraph():
    html = shown(number=None, anchor="par-a2", heading="COMMENT", text="")
    assert html.find("h2").text == "COMMENT" and not html.find_all("p")


def test_share_text_and_link_ride_on_the_paragraph():
    share = SimpleNamespace(text=HOSTILE, url="https://example.org/p?a=1&b=2")
    body = shown(share=share).find("p", cls="paragraph-body")
    assert body.attrs["data-share-text"] == HOSTILE
    assert body.attrs["data-share-url"] == "https://example.org/p?a=1&b=2"


def test_every_value_is_escaped():
    hostile = paragraph(
        heading=HOSTILE, text=HOSTILE, marking_text='S"><b>', thread_url='/x"><script>'
    )
    html = str(paragraph_html(hostile))
    assert "<script>" not in html and "<b>" not in html
    tree = parse_html(html)
    assert tree.find("h2").text == HOSTILE
    assert tree.find("span", cls="paragraph-text").text == HOSTILE
    assert tree.find("span", cls="marking-code").text == 'S"><b>'
    assert tree.find("a", cls="comment-count").attrs["href"] == '/x"><script>'


def test_a_search_marks_its_words_and_line_breaks_are_kept():
    marked = paragraph(highlighted=f"The {START}talks{STOP} went\nwell <fast>.")
    words = shown_of(marked).find("span", cls="paragraph-text")
    assert words.find("mark").text == "talks"
    assert words.find_all("br")
    assert words.text == "The talks wentwell <fast>."


def test_the_original_pages_anchors_stand_inside_the_words_where_they_stood():
    html = text_html("Seen in\n2001 and\n2002.", [["par2001", 8], ["par2002", 17]])
    assert html == (
        'Seen in<br><span class="inline-anchor" id="par2001"></span>2001 and<br>'
        '<span class="inline-anchor" id="par2002"></span>2002.'
    )
    # Offsets count the words without a search's marks.
    marked = text_html(f"Seen in\n{START}2001{STOP}.", [["par2001", 8]])
    assert marked == 'Seen in<br><span class="inline-anchor" id="par2001"></span><mark>2001</mark>.'
