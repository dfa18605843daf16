from urllib.parse import parse_qs, urlsplit

import pytest

from tests.comments.conftest import make_comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_PATH = "/cable/2007/02/07MOSCOW601.html"
PARAGRAPH_4_PATH = "/cable/2007/02/07MOSCOW601/par4/"


def test_paragraph_link_lands_on_paragraph_7(page, live_server, seed_cable, screenshot):
    page.goto(f"{live_server.url}{SEED_PATH}#par7")
    target = page.locator(":target")
    assert target.count() == 1
    assert target.get_attribute("id") == "par7"
    assert target.inner_text() == "¶"
    # The targeted paragraph is in view and highlighted.
    paragraph = page.locator(".paragraph", has=page.locator("#par7"))
    assert (
        paragraph.locator(".paragraph-text").inner_text().startswith("Many Russian experts thought")
    )
    top = page.evaluate("document.getElementById('par7').getBoundingClientRect().top")
    assert 0 <= top < 200
    background = paragraph.locator("p.paragraph-body").evaluate(
        "p => getComputedStyle(p).backgroundColor"
    )
    assert background == "rgb(255, 247, 214)"
    assert page.locator("h2.section-heading", has_text="Missed Opportunity?").is_visible()
    path = screenshot(page, "cable-par7")
    assert path.stat().st_size > 10_000


def test_old_style_address_redirects_and_keeps_the_fragment(page, live_server, seed_cable):
    page.goto(f"{live_server.url}/cable/07moscow601#par3")
    assert page.url == f"{live_server.url}{SEED_PATH}#par3"
    assert page.locator(":target").get_attribute("id") == "par3"


def test_the_paragraph_menu_copies_its_link_and_shares_it(
    browser, live_server, seed_cable, screenshot
):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    # Opened from a search: the link copied is still the paragraph's own, without the query.
    page.goto(f"{live_server.url}{SEED_PATH}?q=gazprom")
    toggle = page.get_by_role("button", name="Share paragraph 4")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    menu = page.get_by_role("group", name="Share paragraph 4")
    screenshot(page, "cable-share-menu")
    page.get_by_role("button", name="Copy the link to paragraph 4").click()
    menu.get_by_role("status").filter(has_text="Link copied").wait_for(timeout=3000)
    # The paragraph's page: a link preview shows that paragraph for it.
    link = f"{live_server.url}{PARAGRAPH_4_PATH}"
    assert page.evaluate("navigator.clipboard.readText()") == link

    shares = {a.inner_text(): a.get_attribute("href") for a in menu.locator("a").all()}
    assert set(shares) == {"X", "Mastodon", "Bluesky", "E-mail", "Cite"}
    text = parse_qs(urlsplit(shares["X"]).query)["text"][0]
    opening = seed_cable.paragraphs.get(anchor="par4").text.split()[:4]
    assert text.startswith(" ".join(opening))
    assert text.endswith(f" #cablegate #07MOSCOW601 {link}")
    assert shares["X"].startswith("https://x.com/intent/post?text=")
    assert parse_qs(urlsplit(shares["Bluesky"]).query)["text"][0] == text
    assert parse_qs(urlsplit(shares["Mastodon"]).query)["text"][0] == text
    mail = parse_qs(urlsplit(shares["E-mail"]).query)
    assert mail["body"][0] == text
    assert mail["subject"][0].startswith("¶4 of 07MOSCOW601")
    assert shares["Cite"] == "/cable/2007/02/07MOSCOW601/par4/#cite"

    page.keyboard.press("Escape")
    assert menu.is_hidden()
    context.close()


def test_cite_in_the_menu_of_the_paragraph_page_opens_its_citation(
    page, live_server, seed_cable, screenshot
):
    page.goto(f"{live_server.url}{PARAGRAPH_4_PATH}")
    citation = page.locator("#cite details")
    assert citation.get_attribute("open") is None
    page.get_by_role("button", name="Share paragraph 4").click()
    page.get_by_role("group", name="Share paragraph 4").get_by_text("Cite").click()
    page.wait_for_function("document.querySelector('#cite details').open")
    assert "Embassy Moscow" in citation.inner_text()
    screenshot(page, "paragraph-cite")


def test_mastodon_asks_for_the_instance_then_goes_there(page, live_server, seed_cable):
    page.goto(f"{live_server.url}{SEED_PATH}")
    page.get_by_role("button", name="Share paragraph 4").click()
    href = (
        page.get_by_role("group", name="Share paragraph 4")
        .get_by_text("Mastodon")
        .get_attribute("href")
    )
    page.goto(f"{live_server.url}{href}")
    page.route("https://mastodon.example/**", lambda route: route.fulfill(body="shared"))
    page.get_by_label("Your instance").fill("@ann@mastodon.example")
    page.get_by_role("button", name="Go on to Mastodon").click()
    page.wait_for_url(lambda url: url.startswith("https://mastodon.example/share?text="))
    shared = parse_qs(urlsplit(page.url).query)["text"][0]
    assert shared.endswith(f"#cablegate #07MOSCOW601 {live_server.url}{PARAGRAPH_4_PATH}")


def test_page_reads_on_a_phone_without_sideways_scrolling(
    phone, live_server, seed_cable, screenshot
):
    phone.goto(f"{live_server.url}{SEED_PATH}")
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert phone.locator("#par1").is_visible()
    screenshot(phone, "cable-phone", full_page=True)


def test_page_works_without_javascript(browser, live_server, seed_cable):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{SEED_PATH}")
    assert page.locator("a.pilcrow").count() == 10
    assert page.locator("button.copy-link").count() == 0
    page.locator("#par5").click()
    assert page.url.endswith("#par5")
    context.close()


def test_full_seed_page_screenshot(page, live_server, seed_cable, screenshot):
    page.goto(f"{live_server.url}{SEED_PATH}")
    assert page.title().startswith("Cable 07MOSCOW601")
    screenshot(page, "cable-page", full_page=True)


@pytest.fixture
def discussed_cable(seed_cable):
    """Comments on paragraphs 2 (one) and 4 (two): their counts are not zero."""
    make_comment(seed_cable, anchor="par2", body="The acreage idea was floated before.")
    first = make_comment(seed_cable, anchor="par4", body="Kunadze's *amateurish* stands out.")
    make_comment(seed_cable, parent=first, name="Bob Analyst", body="It was quoted widely.")
    return seed_cable


def contrast(foreground: str, background: str) -> float:
    """WCAG's contrast ratio of two computed colours, "rgb(r, g, b)"."""

    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None
    return found


def test_comment_counts_beside_the_pilcrows_are_readable(
    browser, live_server, discussed_cable, screenshot
):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}{SEED_PATH}")
    page.locator('a.comment-count[data-thread="thread-par4"]').click()
    counts = {}
    for anchor in ("par1", "par2", "par4"):
        bubble = page.locator(f'a.comment-count[data-thread="thread-{anchor}"]')
        number = bubble.locator(".count")
        colours = number.evaluate(
            "n => [getComputedStyle(n).color, getComputedStyle(n.parentElement).backgroundColor]"
        )
        counts[anchor] = number.inner_text()
        assert contrast(*colours) >= 4.5, (anchor, colours)
    assert counts == {"par1": "0", "par2": "1", "par4": "2"}
    page.locator("#par1").evaluate("e => e.closest('.paragraph').scrollIntoView()")
    screenshot(page, "cable-paragraph-counts")
    context.close()


def test_wide_screen_keeps_the_line_length_and_opens_a_thread_beside_its_paragraph(
    browser, live_server, discussed_cable, screenshot
):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}{SEED_PATH}")
    page.locator('a.comment-count[data-thread="thread-par4"]').click()
    main, body = box(page.locator("main")), box(page.locator("#par4").locator(".."))
    thread = box(page.locator("#thread-par4"))
    # The page takes most of the window; the cable's text keeps its line length (42rem).
    assert main["width"] >= 1300
    assert 600 <= body["width"] <= 42 * 16
    assert thread["x"] >= body["x"] + body["width"]
    assert abs(thread["y"] - body["y"]) < 2
    # The next paragraph starts below both: nothing overlaps.
    following = box(page.locator("#par5").locator(".."))
    assert following["y"] >= max(body["y"] + body["height"], thread["y"] + thread["height"])
    page.locator("#par4").evaluate("e => e.closest('.paragraph').scrollIntoView()")
    screenshot(page, "cable-wide-thread")
    context.close()


def test_on_a_phone_a_thread_opens_under_its_paragraph(phone, live_server, discussed_cable):
    phone.goto(f"{live_server.url}{SEED_PATH}")
    phone.locator('a.comment-count[data-thread="thread-par4"]').click()
    body, thread = box(phone.locator("#par4").locator("..")), box(phone.locator("#thread-par4"))
    assert thread["y"] >= body["y"] + body["height"]
    assert thread["x"] + thread["width"] <= 390
