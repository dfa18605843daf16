"""Reading a page that cites a cable: its links (each with the text around it) and what it says
about itself, from its h-entry microformats where it has them, else from <title> and <meta>."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from comments.source_pages import Link, read_source_page, readable_host

PAGE_URL = "https://blog.example/2024/03/embassy-reading.html"
CABLE = "https://cables.example/cable/2008/03/08STATE1234.html"


def links_of(html: str, url: str = PAGE_URL) -> list[str]:
    return [link.url for link in read_source_page(html, url=url).links]


def context_of(html: str, url: str) -> str:
    """The context of the one link to `url` in the page."""
    (context,) = [
        link.context for link in read_source_page(html, url=PAGE_URL).links if link.url == url
    ]
    return context


# Links.


def test_links_come_from_anchors_images_video_audio_and_sources():
    html = f"""<p><a href="{CABLE}">the cable</a></p>
    <p><img src="https://img.example/scan.png" alt="a scan"></p>
    <video src="https://media.example/clip.mp4"></video>
    <audio controls><source src="https://media.example/talk.ogg" type="audio/ogg"></audio>
    <audio src="https://media.example/talk.mp3"></audio>
    <link rel="stylesheet" href="https://cdn.example/site.css">
    <iframe src="https://frames.example/embed"></iframe>"""

    assert links_of(html) == [
        CABLE,
        "https://img.example/scan.png",
        "https://media.example/clip.mp4",
        "https://media.example/talk.ogg",
        "https://media.example/talk.mp3",
    ]


def test_relative_links_are_made_absolute_against_the_page():
    html = """<p><a href="/cable/2008/03/08STATE1234.html#par3">par 3</a>
    <a href="other-post.html">another post</a> <a href="../../2023/">last year</a>
    <a href="//cables.example/cable/1.html">no scheme</a> <a href="#comments">comments</a>
    <img src="scan.png"></p>"""

    assert links_of(html) == [
        "https://blog.example/cable/2008/03/08STATE1234.html#par3",
        "https://blog.example/2024/03/other-post.html",
        "https://blog.example/2023/",
        "https://cables.example/cable/1.html",
        f"{PAGE_URL}#comments",
        "https://blog.example/2024/03/scan.png",
    ]


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("https://cables.example/cable/2008/03/", "https://cables.example/cable/2008/03/"),
        ("/archive/", "https://blog.example/archive/"),
    ],
)
def test_links_are_made_absolute_against_the_base_href(base, expected):
    html = f"""<html><head><base href="{base}"><base href="https://ignored.example/">
    </head><body><p><a href="08STATE1234.html">the cable</a> <img src="scan.png"></p></body>"""

    assert links_of(html) == [f"{expected}08STATE1234.html", f"{expected}scan.png"]


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(document.cookie)",
        "  JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "mailto:press@state.example",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "tel:+12025551234",
        "ftp://files.example/cable.txt",
        "http://[not-an-address/",
        "",
        "   ",
    ],
)
def test_links_that_are_not_web_addresses_are_ignored(href):
    html = f'<p><a href="{href}">x</a> <img src="{href}"> <a href="{CABLE}">the cable</a></p>'

    assert links_of(html) == [CABLE]


def test_an_anchor_without_href_is_ignored():
    assert links_of(f'<p><a name="top">top</a> <a href>empty</a> <a href="{CABLE}">c</a></p>') == [
        CABLE
    ]


# The context of a link.


def test_the_context_of_a_link_is_the_text_of_its_paragraph():
    html = f"""<article><h1>What the embassy saw</h1>
    <p>An opening paragraph with <a href="https://other.example/">another link</a>.</p>
    <p>The embassy's reading is in <a href="{CABLE}">the <em>cable</em></a>,
       which says more than the minister did.</p>
    <p>A closing paragraph.</p></article>"""

    assert context_of(html, CABLE) == (
        "The embassy's reading is in the cable, which says more than the minister did."
    )
    assert context_of(html, "https://other.example/") == ("An opening paragraph with another link.")


def test_the_context_of_a_link_in_a_list_is_its_item():
    html = f"""<ul><li>First: <a href="https://one.example/">one</a></li>
    <li>Second: <a href="{CABLE}">the cable from Moscow</a></li></ul>"""

    assert context_of(html, CABLE) == "Second: the cable from Moscow"


def test_a_lone_image_takes_the_text_of_the_block_before_it():
    html = """<p>The scan of the cable, page one.</p>
    <p><img src="https://img.example/scan.png"></p>
    <p>Another paragraph after it.</p>"""

    assert context_of(html, "https://img.example/scan.png") == "The scan of the cable, page one."


def test_script_and_style_are_not_text_nor_links():
    html = f"""<head><style>p {{ color: red }}</style></head>
    <p>Before the script. <a href="{CABLE}">the cable</a>
    <script>var tracker = "<a href='https://tracker.example/'>track</a>";</script>
    <style>.cable {{ display: none }}</style> After the script.</p>
    <noscript><p>Turn on JavaScript.</p></noscript>"""

    page = read_source_page(html, url=PAGE_URL)

    assert [link.url for link in page.links] == [CABLE]
    assert page.links[0].context == "Before the script. the cable After the script."


def test_a_plain_text_page_gives_its_urls_with_their_lines():
    text = f"""Notes on the Moscow cables

The best reading is {CABLE}#par3, and the summary
(see https://summary.example/post) is fine.
An email address like press@state.example is no link, nor is ftp://files.example/x.
"""

    page = read_source_page(text, url="https://blog.example/notes.txt", content_type="text/plain")

    assert page.links == [
        Link(f"{CABLE}#par3", f"The best reading is {CABLE}#par3, and the summary"),
        Link("https://summary.example/post", "(see https://summary.example/post) is fine."),
    ]
    assert page.title == "Notes on the Moscow cables"


def test_a_plain_text_page_is_not_read_as_html():
    text = f'<a href="https://hidden.example/">x</a> but {CABLE}'

    page = read_source_page(text, url="https://blog.example/notes.txt", content_type="text/plain")

    assert [link.url for link in page.links] == ["https://hidden.example/", CABLE]
    assert page.title == text


# What the page says about itself.

HEAD = """<head><title>The embassy's reading | A Blog About Cables</title>
<meta property="og:title" content="The embassy's reading">
<meta property="og:site_name" content="A Blog About Cables">
<meta name="author" content="Meta Author">
<meta property="article:published_time" content="2020-01-02T03:04:05Z">
<meta name="description" content="What the cable says.">
</head>"""


def test_without_microformats_the_page_speaks_through_title_and_meta():
    page = read_source_page(f"<html>{HEAD}<body><p>Text.</p></body></html>", url=PAGE_URL)

    assert page.title == "The embassy's reading"  # og:title before <title>
    assert page.site_name == "A Blog About Cables"
    assert page.author == "Meta Author"
    assert page.published == datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert page.summary == "What the cable says."


def test_the_title_element_serves_when_there_is_no_og_title():
    page = read_source_page(
        "<html><head><title>\n  A   post\n</title></head><body>x</body></html>", url=PAGE_URL
    )

    assert page.title == "A post"


def test_an_svg_icon_title_in_the_body_is_not_the_page_title():
    html = """<html><head><title>The embassy's reading</title></head><body>
    <a href="https://social.example/share"><svg><title>Share on Mastodon</title></svg></a>
    <p>Text.</p></body></html>"""

    assert read_source_page(html, url=PAGE_URL).title == "The embassy's reading"


H_ENTRY = f"""<article class="h-entry">
  <h1 class="p-name">What the embassy saw in Moscow</h1>
  <a class="u-url" href="/2024/03/embassy-reading.html">permalink</a>
  <a class="p-author h-card" href="https://ann.example/">Ann Blogger</a>
  <time class="dt-published" datetime="2024-03-05T10:30:00+01:00">5 March</time>
  <div class="e-content"><p>The reading is in <a href="{CABLE}">the cable</a>.</p></div>
</article>"""

PUBLISHED = datetime(2024, 3, 5, 10, 30, tzinfo=timezone(timedelta(hours=1)))


def test_the_h_entry_overrides_title_and_meta():
    page = read_source_page(f"<html>{HEAD}<body>{H_ENTRY}</body></html>", url=PAGE_URL)

    assert page.title == "What the embassy saw in Moscow"
    assert page.author == "Ann Blogger"
    assert page.published == PUBLISHED
    # An h-entry names no site: the page's own name for itself stays.
    assert page.site_name == "A Blog About Cables"
    assert CABLE in [link.url for link in page.links]
    assert context_of(f"<html>{HEAD}<body>{H_ENTRY}</body></html>", CABLE) == (
        "The reading is in the cable."
    )


def test_an_h_entry_inside_an_h_feed_is_found():
    html = f'<html>{HEAD}<body><main class="h-feed"><h1 class="p-name">The blog</h1>{H_ENTRY}</main></body></html>'

    page = read_source_page(html, url=PAGE_URL)

    assert (page.title, page.author, page.published) == (
        "What the embassy saw in Moscow",
        "Ann Blogger",
        PUBLISHED,
    )


def test_the_h_entry_of_the_page_itself_is_chosen_over_another():
    other = """<aside class="h-entry"><h2 class="p-name">An older post</h2>
    <a class="u-url" href="/2023/older.html">older</a>
    <span class="p-author h-card">Someone Else</span>
    <time class="dt-published" datetime="2023-01-01">1 Jan</time></aside>"""
    html = f"<html>{HEAD}<body>{other}{H_ENTRY}</body></html>"

    page = read_source_page(html, url=PAGE_URL)

    assert (page.title, page.author, page.published) == (
        "What the embassy saw in Moscow",
        "Ann Blogger",
        PUBLISHED,
    )


def test_without_its_own_url_the_first_h_entry_is_taken():
    first = '<article class="h-entry"><h2 class="p-name">The first</h2><div class="e-content">a</div></article>'
    second = '<article class="h-entry"><h2 class="p-name">The second</h2><div class="e-content">b</div></article>'

    assert read_source_page(first + second, url=PAGE_URL).title == "The first"


@pytest.mark.parametrize(
    ("author", "name"),
    [
        ('<span class="p-author h-card"><span class="p-name">Ann Blogger</span>'
         ' <a class="u-url" href="https://ann.example/">her site</a></span>', "Ann Blogger"),
        ('<a class="p-author h-card" href="https://ann.example/"><img src="/ann.jpg" alt="Ann B"></a>', "Ann B"),
        ('<span class="p-author">Plain Author</span>', "Plain Author"),
    ],
    ids=["h-card-with-name", "h-card-photo-only", "plain-text"],
)  # fmt: skip
def test_the_author_is_read_from_an_h_card_or_plain_text(author, name):
    html = f'<html>{HEAD}<body><article class="h-entry">{author}<div class="e-content">x</div></article></body></html>'

    assert read_source_page(html, url=PAGE_URL).author == name


def test_an_h_entry_without_a_name_keeps_the_page_title():
    html = f"""<html>{HEAD}<body><article class="h-entry">
    <div class="e-content"><p>A note that cites <a href="{CABLE}">the cable</a>.</p></div>
    </article></body></html>"""

    assert read_source_page(html, url=PAGE_URL).title == "The embassy's reading"


def test_a_note_whose_name_is_its_content_keeps_the_page_title():
    html = f"""<html>{HEAD}<body><article class="h-entry">
    <p class="p-name e-content">A note that cites <a href="{CABLE}">the cable</a>.</p>
    </article></body></html>"""

    assert read_source_page(html, url=PAGE_URL).title == "The embassy's reading"


def test_a_name_too_long_for_a_title_keeps_the_page_title():
    long_name = "word " * 80
    html = f"""<html>{HEAD}<body><article class="h-entry"><p class="p-name">{long_name}</p>
    <div class="e-content">Short content.</div></article></body></html>"""

    assert read_source_page(html, url=PAGE_URL).title == "The embassy's reading"


@pytest.mark.parametrize(
    "entry",
    [
        f'<article class="h-entry"><p>A note that cites <a href="{CABLE}">the cable</a>.</p></article>',
        f"""<article class="h-entry"><a class="u-url" href="{PAGE_URL}">permalink</a>
        <time class="dt-published" datetime="2024-03-05">5 March</time>
        <p>A note that cites <a href="{CABLE}">the cable</a>.</p></article>""",
    ],
    ids=["no-properties", "url-and-date-only"],
)
def test_an_implied_name_that_is_the_whole_entry_is_not_a_title(entry):
    html = f"<html>{HEAD}<body>{entry}</body></html>"

    assert read_source_page(html, url=PAGE_URL).title == "The embassy's reading"


def test_the_h_entry_summary_overrides_the_description():
    html = f"""<html>{HEAD}<body><article class="h-entry"><h1 class="p-name">T</h1>
    <p class="p-summary">The short of it.</p><div class="e-content">The long of it.</div>
    </article></body></html>"""

    assert read_source_page(html, url=PAGE_URL).summary == "The short of it."


# Dates.


@pytest.mark.parametrize(
    ("written", "published"),
    [
        ("2024-03-05T10:30:00+01:00", PUBLISHED),
        ("2024-03-05T09:30:00Z", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        ("2024-03-05T10:30:00-05:00", datetime(2024, 3, 5, 10, 30, tzinfo=timezone(timedelta(hours=-5)))),
        ("2024-03-05T10:30:00", datetime(2024, 3, 5, 10, 30, tzinfo=UTC)),
        ("2024-03-05", datetime(2024, 3, 5, tzinfo=UTC)),
        ("yesterday", None),
        ("2024-13-45", None),
        ("05/03/2024", None),
        ("1066-10-14", None),
        ("", None),
    ],
)  # fmt: skip
def test_dates_are_read_with_and_without_a_time_zone(written, published):
    meta = f'<meta property="article:published_time" content="{written}">'
    entry = f'<article class="h-entry"><time class="dt-published" datetime="{written}">x</time><div class="e-content">c</div></article>'

    assert read_source_page(f"<head>{meta}</head><p>x</p>", url=PAGE_URL).published == published
    assert read_source_page(entry, url=PAGE_URL).published == published


def test_a_date_split_into_value_classes_is_read():
    entry = """<article class="h-entry"><time class="dt-published">
    <span class="value">2024-03-05</span> at <span class="value">10:30</span>
    <span class="value">+01:00</span></time><div class="e-content">c</div></article>"""

    assert read_source_page(entry, url=PAGE_URL).published == PUBLISHED


def test_an_invalid_h_entry_date_leaves_the_meta_date():
    entry = '<article class="h-entry"><time class="dt-published" datetime="soon">x</time><div class="e-content">c</div></article>'

    page = read_source_page(f"<html>{HEAD}<body>{entry}</body></html>", url=PAGE_URL)

    assert page.published == datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)


# Malformed pages.

MALFORMED = {
    "unclosed-tags": f'<html><body><div><p>Unclosed <em>text <a href="{CABLE}">the cable<p>more',
    "stray-end-tags": f'</div></div></p></a></span></body><p>x <a href="{CABLE}">y</a></p></html></html>',
    "unclosed-comment": f'<p><a href="{CABLE}">y</a></p><!-- never closed <a href="https://x.example/">',
    "unclosed-script": f'<p><a href="{CABLE}">y</a></p><script>var a = "<a href=/b>"',
    "nul-bytes": f'<p>x\x00 <a href="{CABLE}">y\x00</a></p>',
    "bad-entities": f'<p>&#xD800; &#99999999; &bogus; <a href="{CABLE}">y</a></p>',
    "broken-doctype": f'<!DOCTYPE html PUBLIC "x><p><a href="{CABLE}">y</a>',
    "processing-instruction": f'<?php echo 1 ?><p><a href="{CABLE}">y</a></p>',
    "conditional-comment": f'<![if !IE]><p><a href="{CABLE}">y</a></p><![endif]>',
    "cdata": f'<p><![CDATA[x]]><a href="{CABLE}">y</a></p>',
    "ends-mid-tag": f'<p><a href="{CABLE}">y</a></p></',
    "broken-microformats": f'<div class="h-entry h-card"><time class="dt-published" datetime="x"></time><a class="u-url" href="http://[">x</a><p><a href="{CABLE}">y</a></p>',
}  # fmt: skip


@pytest.mark.parametrize("html", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_html_is_read_without_crashing(html):
    assert CABLE in links_of(html)


def test_an_unknown_marked_section_does_not_crash():
    assert CABLE in links_of(f'<![foo]><p><a href="{CABLE}">y</a></p>')


def test_deeply_nested_unclosed_tags_do_not_crash():
    assert CABLE in links_of("<div>" * 1000 + f'<p><a href="{CABLE}">y</a></p>')


# The site's name when the page gives none: its host, as a reader reads it.


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://blog.example.org/post", "blog.example.org"),
        ("https://WWW.Blog.Example.org:8443/post", "blog.example.org"),
        ("http://news.example.com./a", "news.example.com"),
        ("https://xn--bcher-kva.example/post", "bücher.example"),
        ("https://xn--zz.example/post", "xn--zz.example"),  # not punycode: as it is
        ("https://wwwhat.example/", "wwwhat.example"),
    ],
)
def test_a_host_is_named_as_a_reader_reads_it(url, name):
    assert readable_host(url) == name


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/post",
        "http://127.1/post",
        "http://2130706433/post",
        "http://0x7f.0.0.1/post",
        "http://10.0.0.7/post",
        "http://[::1]:8000/post",
        "http://[fe80::1%25eth0]/post",
        "http://localhost:8000/post",
        "http://blog.localhost/post",
        "http://[::1/post",
        "not a url",
    ],
)
def test_an_address_names_no_site(url):
    assert readable_host(url) == ""
