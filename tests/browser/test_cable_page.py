import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_PATH = "/cable/2007/02/07MOSCOW601.html"


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


def test_copy_link_puts_the_paragraph_address_on_the_clipboard(browser, live_server, seed_cable):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{live_server.url}{SEED_PATH}")
    page.get_by_role("button", name="Copy the link to paragraph 4").click()
    page.get_by_role("status").filter(has_text="Link copied").wait_for(timeout=3000)
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_server.url}{SEED_PATH}#par4"
    context.close()


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
