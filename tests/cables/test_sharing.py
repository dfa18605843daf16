"""What a shared link shows: the Open Graph and Twitter card tags of the cable and paragraph
pages, and the PNG preview image they name."""

import io

import pytest
from django.core.cache import cache
from PIL import Image

from cables.views import sharing
from cables.views.sharing import shortened
from tests.factories import make_cable
from tests.html import parse_html

CABLE_URL = "http://testserver/cable/2007/02/07MOSCOW601.html"


@pytest.fixture
def cable(db):
    return make_cable(
        "07MOSCOW601",
        created="2007-02-07 05:11",
        classification="SECRET//NOFORN",
        origin="Embassy Moscow",
        subject="RUSSIA: GAZPROM & SOUTH STREAM",
        paragraph_texts=[
            "Summary: Gazprom presses ahead with South Stream. End summary.",
            "Officials said the <pipeline> would be built " + "on time " * 40 + "anyway.",
            "Third.",
        ],
    )


def meta(page) -> dict[str, str]:
    """The page's Open Graph and Twitter tags, by property or name."""
    tags = {}
    for element in page.find("head").find_all("meta"):
        key = element.attrs.get("property") or element.attrs.get("name", "")
        if key.startswith(("og:", "twitter:")):
            tags[key] = element.attrs["content"]
    return tags


def test_the_cable_page_previews_with_its_title_summary_and_card(client, cable):
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601.html").content)
    tags = meta(page)
    assert tags == {
        "og:type": "article",
        "og:site_name": "Cable reading room",
        "og:title": "07MOSCOW601, RUSSIA: GAZPROM & SOUTH STREAM",
        "og:description": "Gazprom presses ahead with South Stream.",
        "og:url": CABLE_URL,
        "og:image": "http://testserver/cable/2007/02/07MOSCOW601/preview.png",
        "og:image:type": "image/png",
        "og:image:width": "1200",
        "og:image:height": "630",
        "og:image:alt": "Cable 07MOSCOW601, SECRET//NOFORN: RUSSIA: GAZPROM & SOUTH STREAM",
        "twitter:card": "summary_large_image",
        "twitter:title": tags["og:title"],
        "twitter:description": tags["og:description"],
        "twitter:image": tags["og:image"],
        "twitter:image:alt": tags["og:image:alt"],
    }
    assert page.find("link", rel="canonical").attrs["href"] == CABLE_URL


def test_the_paragraph_page_previews_with_that_paragraph(client, cable):
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601/par2/").content)
    tags = meta(page)
    assert tags["og:title"] == "¶2 of 07MOSCOW601, RUSSIA: GAZPROM & SOUTH STREAM"
    assert tags["og:description"].startswith("Officials said the <pipeline> would be built on")
    assert tags["og:description"].endswith("…")
    assert len(tags["og:description"]) <= 200
    assert tags["og:url"] == "http://testserver/cable/2007/02/07MOSCOW601/par2/"
    assert tags["og:image"] == "http://testserver/cable/2007/02/07MOSCOW601/par2/preview.png"
    assert page.find("link", rel="canonical").attrs["href"] == tags["og:url"]


def test_a_cable_without_summary_previews_with_its_first_paragraph(client, db):
    make_cable("08STATE1", paragraph_texts=["The minister arrived.", "Second."])
    tags = meta(parse_html(client.get("/cable/2008/03/08STATE1.html").content))
    assert tags["og:description"] == "The minister arrived."


@pytest.mark.parametrize(
    "address",
    ["/cable/2007/02/07MOSCOW601/preview.png", "/cable/2007/02/07MOSCOW601/par2/preview.png"],
)
def test_the_preview_image_is_a_png_of_the_size_the_tags_say(client, cable, address):
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    # The band across the top has the colour of SECRET.
    assert image.convert("RGB").getpixel((10, 10)) == (0xC8, 0x10, 0x2E)


def test_the_preview_is_drawn_once_then_cached_until_its_text_changes(client, cable, monkeypatch):
    cache.clear()
    drawn = []
    draw = sharing.draw_card
    monkeypatch.setattr(sharing, "draw_card", lambda card: drawn.append(card) or draw(card))
    address = "/cable/2007/02/07MOSCOW601/par3/preview.png"
    first = client.get(address)
    again = client.get(address)
    assert len(drawn) == 1
    assert again.content == first.content
    assert client.get(address, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    cable.paragraphs.filter(anchor="par3").update(text="A new text.")
    changed = client.get(address)
    assert len(drawn) == 2
    assert changed["ETag"] != first["ETag"]


@pytest.mark.parametrize(
    "address",
    [
        "/cable/2007/02/07MOSCOW999/preview.png",
        "/cable/2007/02/07MOSCOW601/par9/preview.png",
    ],
)
def test_previews_of_what_does_not_exist_are_not_found(client, cable, address):
    assert client.get(address).status_code == 404


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short.", 20, "Short."),
        ("  spread\n over   lines ", 40, "spread over lines"),
        ("one two three four five", 12, "one two…"),
        ("one two, three", 10, "one two…"),
        ("abcdefghijklmnop", 8, "abcdefg…"),
    ],
)
def test_shortened_cuts_at_a_word(text, limit, expected):
    assert shortened(text, limit) == expected
