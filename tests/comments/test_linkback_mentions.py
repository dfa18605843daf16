""" "Mentioned in" under a cable, as a reader reads it: the pages that cite the cable newest
first, the articles the original cable page listed, a note only when there is neither, and
each citing site named as a person names it (never by an address such as 127.0.0.1)."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from cables.models import Cable
from comments.models import Kind, Verification
from tests.comments.conftest import make_comment
from tests.html import Element, parse_html, squash

CABLE_PAGE = "/cable/2008/03/08STATE1234.html"
CABLE_URL = f"http://testserver{CABLE_PAGE}"
ARTICLES = [
    {"url": "https://www.spiegel.de/politik/ausland/a-731580.html", "title": "Der Spiegel"},
    {"url": "https://www.nytimes.com/2010/11/29/world/29cables.html", "title": "The Times"},
]


def section(client) -> Element:
    page = parse_html(client.get(CABLE_PAGE).content)
    return page.find("section", id="mentions")


def mention_items(client) -> list[Element]:
    return section(client).find_all("li", cls="mention")


def cited_by(cable, title: str, **fields):
    """A published linkback, stored as the worker leaves a verified one."""
    fields = {
        "kind": Kind.WEBMENTION,
        "name": "Blog",
        "source_url": f"https://blog.example/{len(title)}-{title.split()[0].lower()}",
        "source_title": title,
        "verification": Verification.VERIFIED,
        **fields,
    }
    return make_comment(cable, **fields)


# --- nothing, articles, mentions ------------------------------------------------------------


def test_a_cable_cited_nowhere_says_so(client, cable):
    mentions = section(client)
    assert squash(mentions.find("p", cls="mentions-none").text) == (
        "No article or blog post citing 08STATE1234 is known yet."
    )
    assert mentions.find_all("li") == []


def test_the_articles_of_the_original_page_are_not_under_a_note_saying_there_are_none(
    client, cable
):
    Cable.objects.filter(pk=cable.pk).update(articles=ARTICLES)
    mentions = section(client)
    assert mentions.find_all("p", cls="mentions-none") == []
    assert "No article" not in mentions.text
    links = mentions.find("ul", cls="media-articles").find_all("a")
    assert [(link.attrs["href"], squash(link.text)) for link in links] == [
        (article["url"], article["title"]) for article in ARTICLES
    ]


def test_mentions_come_before_the_articles_of_the_original_page(client, cable):
    Cable.objects.filter(pk=cable.pk).update(articles=ARTICLES)
    cited_by(cable, "A later essay")
    mentions = section(client)
    assert mentions.find_all("p", cls="mentions-none") == []
    headings = [squash(h.text) for h in mentions.find_all("h3")]
    assert headings == ["A later essay", "Appears in these articles"]


# --- the order ------------------------------------------------------------------------------


def test_mentions_are_listed_newest_first_by_the_date_they_show(client, cable):
    # Received in this order; the pages say they were published otherwise.
    cited_by(cable, "Second of September", published=date(2011, 9, 2), ago=timedelta(days=3))
    cited_by(cable, "Received yesterday", ago=timedelta(days=1))  # its page gives no date
    cited_by(cable, "First of December", published=date(2010, 12, 1), ago=timedelta(days=2))
    cited_by(cable, "Received today", ago=timedelta(hours=1))

    items = mention_items(client)

    titles = [squash(item.find("h3", cls="linkback-title").text) for item in items]
    assert titles == [
        "Received today",
        "Received yesterday",
        "Second of September",
        "First of December",
    ]
    shown = [item.find("time").attrs["datetime"] for item in items]
    assert shown == sorted(shown, reverse=True)
    assert shown[2:] == ["2011-09-02", "2010-12-01"]


# --- how the citing site is named -----------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "site"),
    [
        ("https://www.Blog.Example.org/2011/09/kuril-talks", "blog.example.org"),
        ("http://news.example.com.:8080/a", "news.example.com"),
        ("https://xn--bcher-kva.example/post", "bücher.example"),
    ],
)
def test_a_page_that_names_no_site_is_named_by_its_host(client, cable, source, site):
    cited_by(cable, "An essay", source_url=source, name=urlsplit(source).hostname, source_site="")
    (item,) = mention_items(client)
    assert squash(item.find("span", cls="linkback-site").text) == site
    assert item.find_all("span", cls="linkback-author") == []


@pytest.mark.parametrize(
    "source",
    [
        "http://127.0.0.1:8000/post",
        "http://[::1]:8000/post",
        "http://localhost/post",
        "http://10.0.0.7/post",
        "http://2130706433/post",
    ],
)
def test_an_address_is_never_shown_as_a_site_or_author(client, cable, source):
    host = urlsplit(source).hostname
    cited_by(cable, "An essay", source_url=source, name=host, source_site=host)
    (item,) = mention_items(client)
    assert item.find_all("span", cls="linkback-site") == []
    assert item.find_all("span", cls="linkback-author") == []
    meta = squash(item.find("p", cls="linkback-meta").text)
    assert host not in meta
    assert meta == f"Webmention {item.find('time').text}"


@pytest.mark.django_db(transaction=True)
def test_a_webmention_from_a_page_without_h_card_or_site_name_shows_no_address(
    client, cable, source_server, settings
):
    settings.LINKBACKS_FETCH_ALLOW_LOOPBACK = True
    source = source_server.page(
        "/notes",
        "<!doctype html><html><head><title>Notes on the talks</title></head><body>"
        f'<p>The embassy\'s view is in <a href="{CABLE_URL}">the cable</a>.</p></body></html>',
    )
    location = client.post("/webmention/", {"source": source, "target": CABLE_URL})["Location"]
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    (item,) = mention_items(client)
    assert squash(item.find("h3", cls="linkback-title").text) == "Notes on the talks"
    assert "127.0.0.1" not in squash(item.find("p", cls="linkback-meta").text)
    assert item.find_all("span", cls="linkback-site") == []
    status = parse_html(client.get(urlsplit(location).path).content)
    assert squash(status.find("h1").text) == "Webmention"
