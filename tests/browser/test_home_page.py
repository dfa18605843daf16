"""The home page in the browser."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_feed_links_are_in_the_font_of_the_section_around_them(page, live_server, seed_cable):
    page.goto(f"{live_server.url}/")

    def font(selector: str) -> str:
        return page.locator(selector).first.evaluate("e => getComputedStyle(e).fontFamily")

    feed_links = font("#latest-heading + .feed-link a")
    assert "Serif" not in feed_links and "Georgia" not in feed_links
    assert feed_links == font("#latest-heading") == font(".browse-nav a")
