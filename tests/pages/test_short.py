"""The short addresses readers share: /07MOSCOW601, /07MOSCOW601/3 and the hashtag pages."""

from datetime import timedelta

import pytest

from comments.models import Kind, Status
from tests.comments.conftest import make_comment
from tests.factories import make_cable
from tests.html import parse_html, squash


@pytest.fixture
def cable(db):
    return make_cable("07MOSCOW601", created="2007-02-07 05:11", paragraphs=4)


CABLE_PAGE = "/cable/2007/02/07MOSCOW601.html"


@pytest.mark.parametrize(
    ("address", "target"),
    [
        ("/07MOSCOW601", CABLE_PAGE),
        ("/07MOSCOW601/", CABLE_PAGE),
        ("/07moscow601", CABLE_PAGE),
        ("/O7MOSCOW601", CABLE_PAGE),  # a letter O for the zero, as people type it
        ("/07MOSCOW601/3", "/cable/2007/02/07MOSCOW601/par3/"),
        ("/07MOSCOW601/3/", "/cable/2007/02/07MOSCOW601/par3/"),
        ("/hashtag/07MOSCOW601", CABLE_PAGE),
        ("/hashtag/07moscow601/", CABLE_PAGE),
        ("/hashtag/%2307MOSCOW601", CABLE_PAGE),
        ("/hashtag/PREL", "/tag/PREL/"),
        ("/hashtag/prel", "/tag/PREL/"),
    ],
)
def test_short_addresses_lead_to_the_cable_its_paragraph_or_its_tag(client, cable, address, target):
    response = client.get(address)
    assert response.status_code == 301
    assert response["Location"] == target


@pytest.mark.parametrize("address", ["/07MOSCOW999", "/hashtag/07MOSCOW999"])
def test_a_short_address_of_no_cable_says_so_and_offers_similar_ones(client, cable, address):
    response = client.get(address)
    assert response.status_code == 404
    page = parse_html(response.content)
    assert "07MOSCOW601" in [squash(a.text) for a in page.find_all("a")]


def test_a_hashtag_of_neither_cable_nor_tag_says_so(client, cable):
    response = client.get("/hashtag/NOSUCH")
    assert response.status_code == 404
    assert "no cable is tagged NOSUCH" in squash(parse_html(response.content).find("main").text)


@pytest.mark.parametrize("address", ["/07MOSCOW601/9", "/07MOSCOW601/0"])
def test_a_paragraph_the_cable_does_not_have_is_not_found(client, cable, address):
    assert client.get(address).status_code == 404


def discussed(client) -> list[str]:
    page = parse_html(client.get("/hashtag/cablegate").content)
    return [squash(item.text) for item in page.find("ol", cls="discussed").find_all("li")]


def test_cablegate_lists_the_cables_with_the_newest_comments_first(client, cable):
    older = make_cable("06PARIS1", created="2006-05-01 10:00", subject="FRANCE: WINE")
    make_cable("08ROME1", subject="ITALY: NOBODY COMMENTS HERE")
    make_comment(older, ago=timedelta(hours=1))
    make_comment(cable, ago=timedelta(days=3))
    make_comment(cable, anchor="par2", ago=timedelta(days=2))
    make_comment(cable, status=Status.PENDING, ago=timedelta(minutes=1))  # not published
    make_comment(
        older, kind=Kind.TRACKBACK, ago=timedelta(minutes=1), source_url="https://x.example/"
    )
    rows = discussed(client)
    assert [row.split(" ·")[0] for row in rows] == [
        "06PARIS1, FRANCE: WINE",
        "07MOSCOW601, RUSSIA: A TEST SUBJECT",
    ]
    assert "1 comment, the latest an hour ago" in rows[0]
    assert "2 comments, the latest 2 days ago" in rows[1]


def test_cablegate_answers_in_any_case_and_with_nothing_discussed_says_so(client, cable):
    for address in ("/hashtag/cablegate", "/hashtag/CableGate/", "/hashtag/%23cablegate"):
        response = client.get(address)
        assert response.status_code == 200
        assert "No cable has been discussed yet." in response.content.decode()


def test_cablegate_takes_a_fixed_number_of_queries(client, cable, django_assert_num_queries):
    for number in range(5):
        make_comment(make_cable(f"09KYIV{number}"), ago=timedelta(hours=number))
    with django_assert_num_queries(2):
        assert len(discussed(client)) == 5
