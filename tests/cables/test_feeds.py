"""The Atom feeds of newly released cables, parsed as a feed reader parses them."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_cable
from tests.html import parse_html

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def cables(db):
    make_cable(
        "07MOSCOW601",
        created="2007-02-07 05:11",
        released="2011-08-30 01:44",
        classification="SECRET",
        origin="Embassy Moscow",
        tags="PREL, ENRG",
        subject="RUSSIA: GAZPROM",
        paragraph_texts=["Summary: Gas & power. End summary.", "More."],
    )
    make_cable(
        "08KYIV2",
        created="2008-05-01 10:00",
        released="2010-11-28 18:00",
        classification="CONFIDENTIAL",
        origin="Embassy Kyiv",
        tags="ENRG",
        subject="UKRAINE: GAS",
    )
    make_cable("09PARIS3", released="", tags="PREL", origin="Embassy Paris")


def feed(client, address: str) -> ET.Element:
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entries(root: ET.Element) -> list[dict]:
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.findall(f"{ATOM}link")[0].attrib["href"],
            "published": entry.findtext(f"{ATOM}published"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "categories": [c.attrib["term"] for c in entry.findall(f"{ATOM}category")],
            "summary": entry.findtext(f"{ATOM}summary"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_the_released_feed_lists_released_cables_latest_first(client, cables):
    root = feed(client, "/feeds/released/")
    assert root.findtext(f"{ATOM}title") == "Newly released cables · Cable reading room"
    found = entries(root)
    assert [entry["title"] for entry in found] == [
        "07MOSCOW601, RUSSIA: GAZPROM",
        "08KYIV2, UKRAINE: GAS",
    ]  # the unreleased 09PARIS3 is not in it
    first = found[0]
    assert first["link"] == "http://testserver/cable/2007/02/07MOSCOW601.html"
    assert first["published"].startswith("2011-08-30T01:44:00")
    assert first["author"] == "Embassy Moscow"
    assert first["categories"] == ["PREL", "ENRG"]
    assert "Embassy Moscow, 7 February 2007, SECRET." in first["summary"]
    assert "Gas &amp; power." in first["summary"]


@pytest.mark.parametrize(
    ("address", "titles"),
    [
        ("/tag/PREL/feed/", ["07MOSCOW601, RUSSIA: GAZPROM"]),
        ("/tag/enrg/feed/", ["07MOSCOW601, RUSSIA: GAZPROM", "08KYIV2, UKRAINE: GAS"]),
        ("/origin/embassy-kyiv/feed/", ["08KYIV2, UKRAINE: GAS"]),
        ("/classification/secret/feed/", ["07MOSCOW601, RUSSIA: GAZPROM"]),
    ],
)
def test_each_tag_origin_and_classification_has_its_feed(client, cables, address, titles):
    root = feed(client, address)
    assert [entry["title"] for entry in entries(root)] == titles


@pytest.mark.parametrize(
    "address", ["/tag/NOSUCH/feed/", "/origin/atlantis/feed/", "/date/2007-02/feed/"]
)
def test_feeds_of_lists_that_do_not_exist_are_not_found(client, cables, address):
    assert client.get(address).status_code == 404


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("/", ["/feeds/released/", "/comments/feed/"]),
        ("/tag/PREL/", ["/tag/PREL/feed/"]),
        ("/origin/embassy-moscow/", ["/origin/embassy-moscow/feed/"]),
        ("/classification/secret/", ["/classification/secret/feed/"]),
        ("/date/2007-02/", []),
    ],
)
def test_pages_announce_their_feeds(client, cables, page, feeds):
    head = parse_html(client.get(page).content).find("head")
    announced = [
        link.attrs["href"]
        for link in head.find_all("link", rel="alternate")
        if link.attrs.get("type") == "application/atom+xml"
    ]
    assert announced == feeds


def test_the_feed_takes_a_fixed_number_of_queries(client, cables, django_assert_num_queries):
    for number in range(5):
        make_cable(f"10ROME{number}", tags="PREL, PGOV")
    with django_assert_num_queries(2):
        assert len(entries(feed(client, "/feeds/released/"))) == 7


def test_every_feed_has_an_id_of_its_own(client, cables):
    """Atom ids identify feeds: two feeds with one id are one feed to a reader's software."""
    addresses = [
        "/feeds/released/",
        "/comments/feed/",
        "/tag/PREL/feed/",
        "/origin/embassy-kyiv/feed/",
        "/classification/secret/feed/",
        "/cable/2008/05/08KYIV2/feed/",
    ]
    ids = [feed(client, address).findtext(f"{ATOM}id") for address in addresses]
    assert len(set(ids)) == len(ids)
