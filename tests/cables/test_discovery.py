"""sitemap.xml and robots.txt, parsed as a crawler reads them."""

import xml.etree.ElementTree as ET

import pytest

from cables.sitemaps import CableSitemap
from tests.factories import make_cable, make_cables
from tests.html import parse_html

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def xml(client, address: str) -> ET.Element:
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def locations(root: ET.Element, element: str = "url") -> list[str]:
    return [item.findtext(f"{SITEMAP}loc", "") for item in root.findall(f"{SITEMAP}{element}")]


def test_the_sitemap_pages_every_cable_once(client, db, monkeypatch):
    monkeypatch.setattr(CableSitemap, "limit", 2)
    make_cables(5, prefix="09STATE", tags="PREL")
    index = locations(xml(client, "/sitemap.xml"), "sitemap")
    cable_pages = [address for address in index if "sitemap-cables.xml" in address]
    assert cable_pages == [
        "http://testserver/sitemap-cables.xml",
        "http://testserver/sitemap-cables.xml?p=2",
        "http://testserver/sitemap-cables.xml?p=3",
    ]
    assert "http://testserver/sitemap-lists.xml" in index
    found = []
    for address in cable_pages:
        root = xml(client, address.removeprefix("http://testserver"))
        found += locations(root)
        assert all(entry.findtext(f"{SITEMAP}lastmod") for entry in root.findall(f"{SITEMAP}url"))
    assert found == [f"http://testserver/cable/2008/03/09STATE{1000 + n}.html" for n in range(5)]


def test_the_sitemap_index_reads_no_cable_one_by_one(client, db, django_assert_num_queries):
    make_cables(5, prefix="09STATE")
    # The cables: the latest change and the count (for the pages); the lists: origins, tags,
    # months, release days.
    with django_assert_num_queries(6):
        root = xml(client, "/sitemap.xml")
    lastmods = [item.findtext(f"{SITEMAP}lastmod") for item in root.findall(f"{SITEMAP}sitemap")]
    assert lastmods[0]


def test_the_lists_sitemap_names_the_indexes_and_each_list(client, db):
    make_cable(
        "07MOSCOW601",
        created="2007-02-07 05:11",
        released="2011-08-30 01:44",
        origin="Embassy Moscow",
        tags="PREL, ENRG",
    )
    found = locations(xml(client, "/sitemap-lists.xml"))
    for address in [
        "/date/2007-02/",
        "/reldate/2011-08-30/",
        "/",
        "/tag/",
        "/origin/",
        "/classification/",
        "/date/",
        "/reldate/",
        "/origin/embassy-moscow/",
        "/classification/secret/",
        "/tag/ENRG/",
        "/tag/PREL/",
    ]:
        assert f"http://testserver{address}" in found


def test_a_sitemap_page_past_the_last_is_not_found(client, db):
    make_cable("07MOSCOW601")
    assert client.get("/sitemap-cables.xml?p=9").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_keeps_crawlers_from_endless_pages_and_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ["/search/", "/admin/", "/share/", "/*sort=", "/*/cite."]:
        assert f"Disallow: {path}" in lines
    assert "Disallow: /cable/" not in lines
    assert lines[-1] == "Sitemap: http://testserver/sitemap.xml"


@pytest.mark.parametrize(
    ("page", "canonical"),
    [
        ("/", "/"),
        ("/tag/PREL/", "/tag/PREL/"),
        ("/tag/PREL/?page=1&sort=created", "/tag/PREL/"),
        ("/cable/2008/03/08STATE1234.html", "/cable/2008/03/08STATE1234.html"),
        ("/cable/2008/03/08STATE1234/par2/", "/cable/2008/03/08STATE1234/par2/"),
        ("/hashtag/CableGate", "/hashtag/cablegate"),
    ],
)
def test_pages_name_their_canonical_address(client, db, page, canonical):
    make_cable("08STATE1234", tags="PREL")
    document = parse_html(client.get(page).content)
    [link] = document.find("head").find_all("link", rel="canonical")
    assert link.attrs["href"] == f"http://testserver{canonical}"
