"""The archive's own pages: the home page, and the 404 page."""

from __future__ import annotations

from tests.factories import make_cable
from tests.html import parse_html, squash


def test_unknown_page_is_a_404_page(client, db):
    response = client.get("/no/such/page")
    assert response.status_code == 404


def test_home_lists_latest_released_cables_and_the_count(
    client, search_index, db, django_assert_num_queries
):
    make_cable("08STATE1", released="2010-11-28 18:00", subject="FIRST RELEASED")
    make_cable("08STATE2", released="2011-08-30 01:44", subject="LAST RELEASED")
    # The latest cables; the counts come from the search index.
    with django_assert_num_queries(1):
        response = client.get("/")
    page = parse_html(response.content)
    assert "Released so far: 2 / 251,287" in squash(page.find("p", cls="counter").text)
    rows = page.find("table", cls="cable-list").find("tbody").find_all("tr")
    assert [squash(row.find("a").text) for row in rows] == ["08STATE2", "08STATE1"]


def test_home_lists_a_release_the_latest_created_first(client, search_index, db):
    make_cable("08STATE1", created="2008-01-01 10:00", released="2011-08-30 01:44")
    make_cable("09STATE1", created="2009-01-01 10:00", released="2011-08-30 01:44")
    make_cable("10STATE1", created="2010-01-01 10:00", released="2010-11-28 18:00")
    make_cable("10STATE2", created="2010-02-01 10:00", released="")
    rows = parse_html(client.get("/").content).find("table", cls="cable-list").find_all("tr")
    assert [squash(row.find("a").text) for row in rows[1:]] == ["09STATE1", "08STATE1", "10STATE1"]
