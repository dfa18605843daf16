"""Comment text: Markdown rendered, then sanitised; passages located in paragraphs."""

import os

import pytest

from comments.markup import (
    MAX_EMPHASIS_RUNS,
    MAX_HTML_CHARACTERS,
    MAX_NESTING,
    MAX_TAGS_WITH_HTML,
    MarkupRefused,
    commonmark_to_html,
    count_links,
    has_raw_html,
    plain_tags,
    render_markdown,
    sanitised,
)
from comments.passages import PassageNotFound, locate_quote


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("*em* and **strong**", "<p><em>em</em> and <strong>strong</strong></p>"),
        ("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>"),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        ("`code`", "<p><code>code</code></p>"),
        (
            "[the cable](https://example.org/c)",
            '<p><a href="https://example.org/c" rel="nofollow ugc noopener">the cable</a></p>',
        ),
        ("# Big heading", "Big heading"),  # headings are not kept as headings
        ("<b>raw</b> html", "<p>raw html</p>"),
        ("a < b & c", "<p>a &lt; b &amp; c</p>"),
    ],
)
def test_markdown_renders_to_the_allowed_html(markdown, html):
    assert html in render_markdown(markdown)


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[x](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        '<p style="position:fixed">x</p>',
        "<iframe src=https://evil.example></iframe>",
    ],
)
def test_nothing_executable_survives(hostile):
    html = render_markdown(hostile).lower()
    for forbidden in ("<script", "onerror", "javascript:", "style=", "<iframe", "<img"):
        assert forbidden not in html


LINK = 'rel="nofollow ugc noopener"'


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("See [the memo](javascript:alert(1)) now.", "<p>See the memo now.</p>"),
        (
            '<a href="javascript:alert(1)" title="t">the <em>memo</em></a>',
            "<p>the <em>memo</em></p>",
        ),
        ("[x](data:text/html,hi) [y](ftp://example.org/y)", "<p>x y</p>"),
        ("<a>no address</a>", "<p>no address</p>"),
        # A title that ends in "href=" is no href.
        ('<a title="a href=" href="vbscript:x">t</a>', "<p>t</p>"),
        (
            "[a](javascript:x) [b](https://example.org/b) [c](/cable/x) [d](mailto:d@example.org)",
            f'<p>a <a href="https://example.org/b" {LINK}>b</a> <a href="/cable/x" {LINK}>c</a> '
            f'<a href="mailto:d@example.org" {LINK}>d</a></p>',
        ),
        # HTML nests links inside a table inside a link: each end tag is matched to its link.
        (
            '<a href="javascript:x"><table><td><a href="https://example.org">in</a></td></table>out</a>',
            f'<p></p><a href="https://example.org" {LINK}>in</a>out<p></p>',
        ),
        (
            '<a href="https://example.org"><table><td><a href="javascript:x">in</a></td></table>out</a>',
            f'<p><a href="https://example.org" {LINK}></a></p>in<a href="https://example.org" {LINK}>out</a><p></p>',
        ),
    ],
)
def test_a_link_whose_address_was_removed_is_shown_as_its_text(markdown, html):
    assert render_markdown(markdown) == html


def test_emphasis_marks_are_counted_in_runs_up_to_the_limit():
    emphasis = "*a* __b__ " * (MAX_EMPHASIS_RUNS // 4)
    assert render_markdown(emphasis).count("<em>") == MAX_EMPHASIS_RUNS // 4
    with pytest.raises(MarkupRefused, match="10,001 groups of \\* or _ characters"):
        render_markdown(emphasis + "*")


def test_quotations_and_lists_nest_up_to_the_limit():
    assert render_markdown("> " * MAX_NESTING + "deep").count("<blockquote>") == MAX_NESTING
    assert render_markdown("- " * MAX_NESTING + "deep").count("<ul>") == MAX_NESTING
    with pytest.raises(MarkupRefused, match=f"lists {MAX_NESTING + 1} levels deep; at most 32"):
        render_markdown("> - " * 16 + "> deep")


def test_a_comment_whose_html_outgrows_the_limit_is_refused():
    # Each empty quotation is 27 characters of HTML for 3 of text.
    quotations = MAX_HTML_CHARACTERS // 27
    assert render_markdown(">\n\n" * (quotations - 100) + "text").endswith("<p>text</p>")
    with pytest.raises(MarkupRefused, match="at most 160,000 fit"):
        render_markdown(">\n\n" * (quotations + 100) + "text")


def test_with_html_tags_a_comment_may_make_a_limited_number_of_tags():
    emphasis = "*a* " * (MAX_TAGS_WITH_HTML // 2 - 10)
    assert render_markdown(emphasis + "<u>x</u>").count("<em>") == MAX_TAGS_WITH_HTML // 2 - 10
    with pytest.raises(MarkupRefused, match="2,5[0-9][0-9] tags in all"):
        render_markdown(emphasis + "*a* " * 20 + "<u>x</u>")
    # Without HTML tags, only the length of its HTML bounds it.
    assert render_markdown(emphasis * 3).count("<em>") == 3 * (MAX_TAGS_WITH_HTML // 2 - 10)


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("plain *Markdown*, a < b, `<code>`", True),  # code counts: the check reads the text
        ("plain *Markdown*, a < b and a <= b", False),
        ("<https://example.org/a?b=c> and <ann@example.org>", False),
        ("<https://example.org/a b>", True),  # a space: no autolink, maybe a tag
        ("<!ann@example.org>", True),  # starts an HTML block on a line of its own
        ("<em>x</em>", True),
        ("</em>", True),
        ("<!-- note -->", True),
        ("<?php ?>", True),
    ],
)
def test_raw_html_is_anything_that_may_open_a_tag_but_an_autolink(text, raw):
    assert has_raw_html(text) is raw


@pytest.mark.parametrize(
    ("html", "plain"),
    [
        ('<P CLASS="x" onclick="alert(1)">a</P>', "<p>a</p>"),
        (
            "<a title='t \"q\"' href=x href=y rel=z>l</a>",
            '<a title="t &quot;q&quot;" href="x">l</a>',
        ),
        ('<a href=">" a1 a2 a3>l</a>', '<a href=">">l</a>'),
        ("a<!-- <b> -->b<!DOCTYPE html><?x?>c</ 3>", "abc"),
        ("<textarea><b>&amp;</b></textarea>", "&lt;b>&amp;&lt;/b>"),
        ("<xmp><b>&amp;</b></xmp>", "&lt;b>&amp;amp;&lt;/b>"),
        ("<script>alert('</p>')</script >x", "x"),
        ("<svg><g/><path d=a/></svg>", "<svg><g/><path></svg>"),
        ("1 < 2 <3", "1 &lt; 2 &lt;3"),
        ("<bloc\u212aquote>x</bloc\u212aquote>", "<bloc\u212aquote>x</bloc\u212aquote>"),
    ],
)
def test_plain_tags_keep_the_elements_without_their_attributes(html, plain):
    assert plain_tags(html) == plain


def test_plain_tags_change_nothing_nh3_keeps():
    from tests.comments.test_hostile_input import PAYLOADS

    for payload in PAYLOADS.values():
        html = commonmark_to_html(payload.text)
        assert sanitised(plain_tags(html)) == sanitised(html), payload.text


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="reads Linux's /proc")
def test_rendering_gives_back_the_memory_cmark_used():
    # Refused, but only after cmark wrote 884,601 characters of HTML: 86 MB in 100 renders when
    # cmark's buffer was not freed.
    nested_quotations = "> " * 32_000

    def resident_bytes() -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    before = resident_bytes()
    for _ in range(100):
        with pytest.raises(MarkupRefused):
            render_markdown(nested_quotations)
    assert resident_bytes() - before < 20_000_000


def test_links_are_counted_wherever_they_are_written():
    assert count_links("no links here") == 0
    assert count_links("[a](https://a.example) and http://b.example and www.c.example") == 3


def test_a_quote_is_found_with_its_context():
    text = "The minister said the talks went well.\nThe talks went on."
    quote = locate_quote(text, "talks went")
    assert (quote.prefix, quote.exact, quote.suffix) == (
        "The minister said the ",
        "talks went",
        " well. The talks went on.",
    )


def test_the_prefix_picks_between_repeated_words():
    text = "The minister said the talks went well. The talks went on."
    quote = locate_quote(text, "talks went", prefix_hint="well. The ")
    assert quote.suffix == " on."


def test_whitespace_is_compared_collapsed():
    assert locate_quote("one\n-- two  three", "two three").exact == "two three"


@pytest.mark.parametrize(
    ("exact", "message"),
    [("", "empty"), ("not there", "not in the paragraph"), ("x" * 1001, "at most 1000")],
)
def test_a_quote_that_does_not_fit_says_why(exact, message):
    with pytest.raises(PassageNotFound, match=message):
        locate_quote("x" * 2000, exact) if exact.startswith("x") else locate_quote("abc", exact)
