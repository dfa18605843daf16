"""oEmbed: what a consumer gets for a cable or paragraph address, and how pages announce it."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import make_cable
from tests.html import parse_html, squash

CABLE_URL = "http://testserver/cable/2007/02/07MOSCOW601.html"


@pytest.fixture
def cable(db):
    return make_cable(
        "07MOSCOW601",
        created="2007-02-07 05:11",
        origin="Embassy Moscow",
        subject="RUSSIA: GAZPROM",
        paragraph_texts=["Summary: Gas <b>talks</b>. End summary.", "Second.", "Third & last."],
    )


def oembed(client, url: str, **params):
    return client.get("/oembed/", {"url": url, **params})


@pytest.mark.parametrize(
    ("url", "title", "quoted", "link"),
    [
        (CABLE_URL, "07MOSCOW601, RUSSIA: GAZPROM", "Gas <b>talks</b>.", CABLE_URL),
        (
            f"{CABLE_URL}#par3",
            "¶3 of 07MOSCOW601, RUSSIA: GAZPROM",
            "Third & last.",
            f"{CABLE_URL}#par3",
        ),
        (
            "http://testserver/cable/2007/02/07MOSCOW601/par3/",
            "¶3 of 07MOSCOW601, RUSSIA: GAZPROM",
            "Third & last.",
            f"{CABLE_URL}#par3",
        ),
        ("http://testserver/cable/07moscow601", "07MOSCOW601, RUSSIA: GAZPROM", None, CABLE_URL),
    ],
)
def test_a_cable_or_paragraph_address_gives_a_quote_card(client, cable, url, title, quoted, link):
    response = oembed(client, url, format="json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert {key: data[key] for key in ("version", "type", "provider_name", "title")} == {
        "version": "1.0",
        "type": "rich",
        "provider_name": "Cable reading room",
        "title": title,
    }
    assert (data["width"], data["height"]) == (550, 260)
    assert data["author_name"] == "Embassy Moscow"
    assert data["thumbnail_url"].endswith("preview.png")
    card = parse_html(data["html"])
    quote = card.find("blockquote")
    assert quote.attrs["cite"] == link
    if quoted:
        assert squash(quote.find("p").text) == quoted  # the cable's words, as text
    assert not card.find_all("script") and not card.find_all("b")
    assert card.find("footer").find("a").attrs["href"] == link


@pytest.mark.parametrize(
    ("width", "height", "most_characters"),
    [(550, 260, 400), (300, 200, 146), (300, 100, 29), (200, 60, 0)],
)
def test_the_card_fits_what_the_consumer_allows(client, db, width, height, most_characters):
    make_cable("08STATE1", paragraph_texts=["Summary: " + "Many words here. " * 60])
    url = "http://testserver/cable/2008/03/08STATE1.html"
    data = oembed(client, url, maxwidth=str(width), maxheight=str(height)).json()
    assert (data["width"], data["height"]) == (width, height)
    quote = parse_html(data["html"]).find("blockquote")
    # Border and padding within the width, nothing past the height.
    style = quote.attrs["style"]
    for rule in (
        "box-sizing:border-box",
        f"max-width:{width}px",
        f"max-height:{height}px",
        "overflow:hidden",
    ):
        assert rule in style
    # As many words as the card has room for: one line at 100 px high, none at 60.
    quoted = quote.find_all("p")
    if most_characters:
        assert most_characters - 20 <= len(quoted[0].text) <= most_characters
        assert quoted[0].text.startswith("Many words here.")
    else:
        assert quoted == []
    assert quote.find("footer").find("a")


def test_a_size_that_is_no_number_is_ours(client, cable):
    data = oembed(client, CABLE_URL, maxwidth="nonsense", maxheight="-5").json()
    assert (data["width"], data["height"]) == (550, 260)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("http://testserver/cable/2007/02/07MOSCOW999.html", 404),  # no such cable
        ("https://elsewhere.example/cable/2007/02/07MOSCOW601.html", 404),  # not our site
        ("http://testserver/tag/PREL/", 404),  # not a cable
        ("javascript:alert(1)", 404),
        ("", 404),
    ],
)
def test_addresses_that_are_not_our_cables_are_not_found(client, cable, url, status):
    assert oembed(client, url).status_code == status


def test_formats_other_than_json_are_not_implemented(client, cable):
    assert oembed(client, CABLE_URL, format="xml").status_code == 501


@pytest.mark.parametrize(
    ("page", "embedded"),
    [
        ("/cable/2007/02/07MOSCOW601.html", CABLE_URL),
        ("/cable/2007/02/07MOSCOW601/par2/", "http://testserver/cable/2007/02/07MOSCOW601/par2/"),
    ],
)
def test_pages_announce_their_oembed(client, cable, page, embedded):
    head = parse_html(client.get(page).content).find("head")
    [link] = [
        link
        for link in head.find_all("link", rel="alternate")
        if link.attrs.get("type") == "application/json+oembed"
    ]
    address = urlsplit(link.attrs["href"])
    assert address.path == "/oembed/"
    assert parse_qs(address.query) == {"url": [embedded], "format": ["json"]}
    assert client.get(link.attrs["href"]).status_code == 200
