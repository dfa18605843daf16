"""What a shared link shows: the Open Graph and Twitter card tags of the cable and paragraph
pages, and the PNG preview image they name."""

import io
import json
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.core.cache import caches
from django.test import Client
from PIL import Image, ImageDraw

from cables import preview
from cables.models import Cable
from cables.sharing import shortened
from cables.views import sharing
from tests.factories import make_cable
from tests.html import parse_html, squash

CABLE_URL = "http://testserver/cable/2007/02/07MOSCOW601.html"
PARAGRAPH_URL = "http://testserver/cable/2007/02/07MOSCOW601/par2/"


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
    caches["previews"].clear()
    drawn = []
    draw = sharing.draw_card
    monkeypatch.setattr(sharing, "draw_card", lambda card: drawn.append(card) or draw(card))
    address = "/cable/2007/02/07MOSCOW601/par3/preview.png"
    first = client.get(address)
    again = client.get(address)
    assert len(drawn) == 1
    assert again.content == first.content
    unchanged = client.get(address, HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304
    # What a cache needs to keep the image on: the same validator and lifetime.
    assert unchanged["ETag"] == first["ETag"]
    assert unchanged["Cache-Control"] == first["Cache-Control"]
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


@pytest.mark.parametrize("most", [5, 2])
def test_a_word_wider_than_the_card_is_broken_across_its_lines(most):
    draw = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    typeface = preview.font("serif", 30)
    width = preview.WIDTH - 2 * preview.MARGIN
    text = "See " + "X" * 150 + " below."
    lines = preview.wrapped(draw, text, typeface, width, most)
    assert len(lines) == most
    assert all(draw.textlength(line, font=typeface) <= width for line in lines)
    if most == 5:
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    else:
        assert lines[-1].endswith(" …")


def test_a_cable_of_no_recorded_classification_is_not_called_unclassified(client, db):
    make_cable("08STATE2", subject="A TEST")
    Cable.objects.filter(reference_id="08STATE2").update(classification="")
    tags = meta(parse_html(client.get("/cable/2008/03/08STATE2.html").content))
    assert tags["og:image:alt"] == "Cable 08STATE2, classification not recorded: A TEST"


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


# --- Sharing links --------------------------------------------------------------------------


def share_links(box) -> dict[str, str]:
    return {squash(a.text): a.attrs["href"] for a in box.find("p", cls="share-to").find_all("a")}


def test_the_cable_page_shares_its_subject_hashtags_and_link(client, cable):
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601.html").content)
    box = page.find("div", cls="share")
    assert box.attrs["data-share-url"] == CABLE_URL
    assert box.find("input", cls="share-url").attrs["value"] == CABLE_URL
    text = f"RUSSIA: GAZPROM & SOUTH STREAM #cablegate #07MOSCOW601 {CABLE_URL}"
    links = share_links(box)
    assert links == {
        "X": f"https://x.com/intent/post?text={quote(text, safe='')}",
        "Mastodon": f"/share/mastodon/?text={quote(text, safe='')}",
        "Bluesky": f"https://bsky.app/intent/compose?text={quote(text, safe='')}",
        "E-mail": "mailto:?subject="
        + quote("07MOSCOW601, RUSSIA: GAZPROM & SOUTH STREAM", safe="")
        + f"&body={quote(text, safe='')}",
    }
    for address in links.values():
        assert parse_qs(urlsplit(address).query)[
            "body" if address.startswith("mailto:") else "text"
        ] == [text]


def test_each_numbered_paragraph_carries_its_words_and_its_own_link(client, cable):
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601.html").content)
    bodies = page.find_all("p", cls="paragraph-body")
    shared = [body.attrs.get("data-share-text") for body in bodies]
    assert shared[0] == (
        "Summary: Gazprom presses ahead with South Stream. End summary. "
        "#cablegate #07MOSCOW601 http://testserver/cable/2007/02/07MOSCOW601/par1/"
    )
    assert shared[1].startswith("Officials said the <pipeline> would be built on time")
    assert shared[1].endswith(f"… #cablegate #07MOSCOW601 {PARAGRAPH_URL}")
    # The link is the paragraph's page, whose preview shows that paragraph: a shared link
    # ending in #par2 would show the cable's (previews leave out what follows the #).
    assert bodies[1].attrs["data-share-url"] == PARAGRAPH_URL
    assert meta(parse_html(client.get(PARAGRAPH_URL).content))["og:url"] == PARAGRAPH_URL
    # The targets the page's script builds the menus with, from the same list as the links.
    targets = json.loads(page.find("div", cls="paragraphs").attrs["data-share-targets"])
    assert [label for label, _ in targets] == ["X", "Mastodon", "Bluesky", "E-mail"]


def test_the_paragraph_page_shares_the_paragraph_link(client, cable):
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601/par2/").content)
    box = page.find("div", cls="share")
    assert box.attrs["data-share-url"] == PARAGRAPH_URL
    text = parse_qs(urlsplit(share_links(box)["X"]).query)["text"][0]
    assert text.endswith(f"#cablegate #07MOSCOW601 {PARAGRAPH_URL}")


def test_mastodon_asks_for_the_instance_with_the_text_kept(client, db):
    response = client.get("/share/mastodon/", {"text": "Words #cablegate https://x.example/"})
    assert response.status_code == 200
    page = parse_html(response.content)
    assert page.find("input", name="text").attrs["value"] == "Words #cablegate https://x.example/"
    assert page.find("input", name="instance").attrs["value"] == ""
    assert "form-action 'self' https:" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "typed",
    [
        "mastodon.social",
        "https://Mastodon.Social/",
        "@ann@mastodon.social",
        "ann@mastodon.social",
        "https://mastodon.social/@ann",
        "mastodon.social/@ann/",
    ],
)
def test_mastodon_goes_on_to_the_instance_and_remembers_it(client, db, typed):
    response = client.post("/share/mastodon/", {"text": "A & b #cablegate", "instance": typed})
    assert response.status_code == 302
    assert response["Location"] == "https://mastodon.social/share?text=A%20%26%20b%20%23cablegate"
    assert response.cookies["mastodon_instance"].value == "mastodon.social"
    again = parse_html(client.get("/share/mastodon/", {"text": "More"}).content)
    assert again.find("input", name="instance").attrs["value"] == "mastodon.social"


@pytest.mark.parametrize(
    "typed",
    ["localhost", "javascript:alert(1)", "evil.example:8080", "a b.example", "x" * 300 + ".com"],
)
def test_mastodon_refuses_what_is_no_server_name(client, db, typed):
    response = client.post("/share/mastodon/", {"text": "Words", "instance": typed})
    assert response.status_code == 200
    page = parse_html(response.content)
    assert page.find("p", cls="field-error")
    assert "mastodon_instance" not in response.cookies


def test_mastodon_without_text_says_there_is_nothing_to_share(client, db):
    response = client.post("/share/mastodon/", {"instance": "mastodon.social"})
    assert response.status_code == 200
    assert "Nothing to share" in response.content.decode()


def test_a_link_to_the_mastodon_page_sends_nobody_elsewhere(client, db):
    """Only the reader's own post of the form leads to another site: a link carrying an
    instance shows the form filled in, and sets nothing."""
    response = client.get("/share/mastodon/", {"text": "Words", "instance": "evil.example"})
    assert response.status_code == 200
    page = parse_html(response.content)
    assert page.find("input", name="instance").attrs["value"] == "evil.example"
    assert page.find("form", cls="mastodon-form").attrs["method"] == "post"
    assert "mastodon_instance" not in response.cookies


def test_the_mastodon_form_is_refused_without_its_csrf_token(db):
    response = Client(enforce_csrf_checks=True).post(
        "/share/mastodon/", {"text": "Words", "instance": "mastodon.social"}
    )
    assert response.status_code == 403
