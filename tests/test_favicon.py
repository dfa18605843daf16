"""The site's icon: named by every page's <link rel="icon">, and answered at /favicon.ico for
the browsers, feed readers and crawlers that ask there without reading a page."""

import io
from urllib.request import urlopen

import pytest
from PIL import Image

from tests.html import parse_html

pytestmark = pytest.mark.django_db(transaction=True)


def fetch(url: str) -> tuple[str, bytes]:
    """The content type and body of `url`, its redirects followed, as a client gets them."""
    with urlopen(url, timeout=10) as answer:
        assert answer.status == 200
        return answer.headers.get_content_type(), answer.read()


def test_favicon_ico_answers_with_an_icon(live_server):
    content_type, body = fetch(f"{live_server.url}/favicon.ico")
    assert content_type in {"image/x-icon", "image/vnd.microsoft.icon"}
    icon = Image.open(io.BytesIO(body))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32)} <= icon.info["sizes"]


@pytest.mark.parametrize("path", ["/", "/cable/2007/02/07MOSCOW601.html"])
def test_every_page_names_icons_that_load(client, live_server, seed_cable, path):
    page = parse_html(client.get(path).content)
    icons = {
        link.attrs.get("type", ""): link.attrs["href"]
        for link in page.find_all("link")
        if link.attrs.get("rel") == "icon"
    }
    assert set(icons) == {"", "image/svg+xml"}
    content_type, body = fetch(f"{live_server.url}{icons['image/svg+xml']}")
    assert content_type == "image/svg+xml"
    assert body.startswith(b"<svg ")
    content_type, body = fetch(f"{live_server.url}{icons['']}")
    assert Image.open(io.BytesIO(body)).format == "ICO"
