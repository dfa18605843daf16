"""A reader searches, follows a hit and lands on the paragraph with the words marked; browses
the lists from a cable's metadata."""

import pytest

from tests.factories import make_cable

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_PATH = "/cable/2007/02/07MOSCOW601.html"


@pytest.fixture
def archive(search_index, seed_cable):
    """The seed cable and a few others that mention some of the same words."""
    make_cable(
        "08TOKYO100",
        created="2008-01-10 09:00",
        origin="Embassy Tokyo",
        classification="SECRET",
        subject="JAPAN: TOBACCO TAXES",
        paragraph_texts=["Japan raised taxes on the tobacco industry.", "Nothing else."],
        marking="S",
    )
    for number in range(1, 4):
        make_cable(
            f"09STATE{number}",
            created=f"2009-0{number}-05 10:00",
            subject=f"ENERGY: SAKHALIN UPDATE {number}",
            paragraph_texts=["Sakhalin Energy Company reported output."],
        )
    return seed_cable


def test_search_follow_a_hit_and_land_on_the_marked_paragraph(
    page, live_server, archive, screenshot
):
    page.goto(f"{live_server.url}/")
    page.get_by_role("searchbox", name="Search the cables").fill("tobacco Sakhalin")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.endswith("/search/?q=tobacco+Sakhalin"))

    hits = page.locator("li.hit")
    assert page.locator("#results-heading").inner_text().startswith("1 cable matches")
    assert hits.count() == 1
    snippet = hits.first.locator("p.snippet")
    assert snippet.locator("mark").all_inner_texts() == ["tobacco", "Sakhalin"]
    assert snippet.locator("a.snippet-paragraph").inner_text() == "¶5"
    screenshot(page, "search-results")

    hits.first.locator("h3 a").click()
    page.wait_for_url(lambda url: url.endswith(f"{SEED_PATH}?q=tobacco%20Sakhalin#par5"))
    target = page.locator(":target")
    assert target.get_attribute("id") == "par5"
    paragraph = page.locator(".paragraph", has=page.locator("#par5"))
    assert paragraph.locator("mark").all_inner_texts() == ["tobacco", "Sakhalin"]
    top = page.evaluate("document.getElementById('par5').getBoundingClientRect().top")
    assert 0 <= top < 300
    # Marks are drawn, and only in paragraphs with the words.
    background = paragraph.locator("mark").first.evaluate(
        "m => getComputedStyle(m).backgroundColor"
    )
    assert background == "rgb(255, 224, 138)"
    assert page.locator(".paragraph mark").count() == 2
    assert "words marked in 1 paragraph" in page.locator("p.search-marks").inner_text()
    path = screenshot(page, "search-hit-paragraph")
    assert path.stat().st_size > 10_000


def test_facets_and_the_histogram_narrow_the_results(page, live_server, archive, screenshot):
    page.goto(f"{live_server.url}/search/?q=sakhalin")
    assert page.locator("#results-heading").inner_text().startswith("4 cables match")
    # 2007 (the seed), 2008 (no match: a bar of nothing, no link), 2009 (three cables).
    assert page.locator("figure.histogram text.bar-label").all_text_contents() == [
        "2007",
        "2008",
        "2009",
    ]
    assert page.locator("figure.histogram a.bar-link").count() == 2
    screenshot(page, "search-histogram")
    page.locator("figure.histogram a.bar-link[aria-label^='2009']").click()
    page.wait_for_url(lambda url: "created_from=2009-01-01&created_to=2009-12-31" in url)
    assert page.locator("#results-heading").inner_text().startswith("3 cables match")
    # Three months of 2009: monthly bars now.
    assert "by month" in page.locator("figure.histogram figcaption").inner_text()
    page.locator("aside.facets a", has_text="Secretary of State").click()
    assert page.locator("#results-heading").inner_text().startswith("3 cables match")
    assert "Origin: Secretary of State" in page.locator("ul.active-filters").inner_text()


def test_metadata_links_open_the_lists_of_the_original_site(page, live_server, archive):
    page.goto(f"{live_server.url}{SEED_PATH}")
    page.locator(".cable-metadata td[data-label='Origin'] a").click()
    page.wait_for_url("**/origin/embassy-moscow/")
    assert page.locator("h1").inner_text() == "Cables from Embassy Moscow"
    assert page.locator("table.cable-list tbody tr").count() == 1
    page.goto(f"{live_server.url}/classification/4_0.html")
    assert page.url.endswith("/classification/confidential-noforn/")


def test_search_reads_on_a_phone(phone, live_server, archive, screenshot):
    phone.goto(f"{live_server.url}/search/?q=sakhalin")
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    screenshot(phone, "search-phone", full_page=True)
