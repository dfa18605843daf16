"""A search filter that cannot be used: the page names it and says why, leaves it out, and
shows the results of the rest of the search."""

import pytest
from django.test import Client

from tests.factories import indexed_together, make_cable
from tests.html import Element, parse_html, squash

pytestmark = pytest.mark.usefixtures("search_index")


@pytest.fixture
def pipelines(db):
    """Three cables on a pipeline, different in every filter; one on something else."""
    with indexed_together():
        make_cable(
            "08MOSCOW1",
            created="2008-03-04 12:30",
            released="2011-08-30 01:44",
            classification="SECRET",
            origin="Embassy Moscow",
            tags="PREL, ENRG",
            marking="S",
            paragraph_texts=["The pipeline deal is secret."],
        )
        make_cable(
            "09KYIV1",
            created="2009-06-01 08:00",
            released="2010-11-28 18:00",
            classification="CONFIDENTIAL",
            origin="Embassy Kyiv",
            tags="UP",
            paragraph_texts=["Ukraine wants the pipeline."],
        )
        make_cable(
            "10BERLIN1",
            created="2010-01-15 10:00",
            released="2010-11-28 18:00",
            classification="UNCLASSIFIED",
            origin="Embassy Berlin",
            tags="GM",
            marking="U",
            paragraph_texts=["Berlin approved the pipeline."],
        )
        make_cable("10BERLIN2", origin="Embassy Berlin", paragraph_texts=["Nothing here."])


def search(client: Client, **params) -> Element:
    response = client.get("/search/", params)
    assert response.status_code == 200, (params, response.status_code)
    return parse_html(response.content)


def hits(page: Element) -> list[str]:
    return [squash(span.text) for span in page.find_all("span", cls="reference-id")]


def ignored(page: Element) -> list[str]:
    """The messages naming what the search left out."""
    found = page.find_all("div", cls="ignored-filters")
    return [squash(p.text) for p in found[0].find_all("p")] if found else []


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"created_from": "2007-13-45"}, "Created from: '2007-13-45' is not a date (YYYY-MM-DD)"),
        ({"created_to": "13/45/2008"}, "Created to: '13/45/2008' is not a date (YYYY-MM-DD)"),
        ({"released_from": "2011-02-30"}, "Released from: '2011-02-30' is not a date (YYYY-MM-DD)"),
        ({"released_to": "yesterday"}, "Released to: 'yesterday' is not a date (YYYY-MM-DD)"),
        ({"tag": "NOSUCHTAG"}, "Tag: No cable is tagged 'NOSUCHTAG'"),
        ({"tag": "x" * 101}, "Tag: 101 characters, more than 100"),
        (
            {"classification": "top-secret"},
            "Classification: 'top-secret' is not one of the choices",
        ),
        ({"classification": "SECRET"}, "Classification: 'SECRET' is not one of the choices"),
        ({"origin": "embassy-atlantis"}, "Origin: No cable comes from 'embassy-atlantis'"),
        ({"origin": "\x00"}, "Origin: Null characters are not allowed"),
        ({"marking": "ZZ"}, "Portion marking: 'ZZ' is not one of the choices"),
        ({"sort": "sideways"}, "Order: 'sideways' is not one of the choices"),
    ],
)
def test_a_filter_that_cannot_be_used_is_named_and_left_out(client, pipelines, bad, message):
    without = hits(search(client, q="pipeline"))
    assert len(without) == 3

    page = search(client, q="pipeline", **bad)

    assert ignored(page) == [f"{message}; ignored."]
    assert hits(page) == without
    (name,) = bad
    field = page.find("div", cls="has-error")
    assert field.find("label").attrs["for"] == f"id_{name}"
    assert squash(field.find("p", cls="field-error").text) == message.split(": ", 1)[1]
    assert page.find("input", name="q").attrs["value"] == "pipeline"


def test_the_filters_that_can_be_used_still_narrow(client, pipelines):
    page = search(
        client,
        q="pipeline",
        created_from="2009-01-01",
        created_to="2007-13-45",
        tag="NOSUCH",
        marking="U",
    )
    assert ignored(page) == [
        "Tag: No cable is tagged 'NOSUCH'; ignored.",
        "Created to: '2007-13-45' is not a date (YYYY-MM-DD); ignored.",
    ]
    assert hits(page) == hits(search(client, q="pipeline", created_from="2009-01-01", marking="U"))
    assert hits(page) == ["10BERLIN1"]
    active = page.find("ul", cls="active-filters")
    assert [squash(li.text) for li in active.find_all("li")] == [
        "Marking: (U) ×",
        "Created from 1 Jan 2009 ×",
    ]


def test_a_range_that_ends_before_it_starts_keeps_its_start(client, pipelines):
    page = search(client, q="pipeline", created_from="2009-01-02", created_to="2009-01-01")
    assert ignored(page) == ["Created to: 2009-01-01 comes before the start, 2009-01-02; ignored."]
    assert hits(page) == hits(search(client, q="pipeline", created_from="2009-01-02"))
    assert sorted(hits(page)) == ["09KYIV1", "10BERLIN1"]


def test_filters_alone_that_cannot_be_used_say_so_and_search_nothing(client, pipelines):
    page = search(client, created_from="2007-13-45")
    assert ignored(page) == ["Created from: '2007-13-45' is not a date (YYYY-MM-DD); ignored."]
    assert hits(page) == []
    assert page.find("section", cls="search-help")


def test_the_value_quoted_is_cut_short_and_escaped(client, pipelines):
    response = client.get("/search/", {"q": "pipeline", "created_from": "<b>" + "9" * 100})
    assert b"<b>" not in response.content
    message = ignored(parse_html(response.content))
    assert message == [f"Created from: '<b>{'9' * 36}…' is not a date (YYYY-MM-DD); ignored."]


def test_words_that_cannot_be_read_still_give_the_form_back(client, pipelines):
    page = search(client, q="pipeline\x00", created_from="2007-13-45")
    assert hits(page) == []
    assert [squash(p.text) for p in page.find_all("p", cls="form-errors")] == [
        "The words could not be used; correct them above."
    ]
