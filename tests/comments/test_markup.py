"""Comment text: Markdown rendered, then sanitised; passages located in paragraphs."""

import pytest

from comments.markup import count_links, render_markdown
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
