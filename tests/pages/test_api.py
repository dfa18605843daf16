"""The read API as a client uses it: JSON, pages, filters, ETags, CORS, and comments as
W3C Web Annotations."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cables.models import Cable
from comments.models import Kind, Status
from pages.views import api
from tests.comments.conftest import make_comment
from tests.factories import make_cable
from tests.html import parse_html


@pytest.fixture
def archive(db):
    make_cable(
        "07MOSCOW601",
        created="2007-02-07 05:11",
        released="2011-08-30 01:44",
        classification="SECRET",
        origin="Embassy Moscow",
        tags="PREL, ENRG",
        subject="RUSSIA: GAZPROM",
        references="A. 06MOSCOW100 B. 05KYIV7",
        paragraph_texts=["Summary: Gas. End summary.", "Second.", "Third."],
    )
    make_cable(
        "06MOSCOW100",
        created="2006-01-02 10:00",
        released="2010-11-28 18:00",
        classification="CONFIDENTIAL",
        origin="Embassy Moscow",
        tags="ENRG",
    )
    make_cable("08KYIV3", created="2008-06-01 10:00", released="", origin="Embassy Kyiv", tags="UP")


def archive_cable() -> Cable:
    return Cable.objects.get(reference_id="07MOSCOW601")


def ids(data: dict) -> list[str]:
    return [row["reference_id"] for row in data["results"]]


def test_the_cable_list_pages_every_cable_newest_first(client, archive):
    response = client.get("/api/v1/cables/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert (data["count"], data["page"], data["pages"], data["next"], data["previous"]) == (
        3,
        1,
        1,
        None,
        None,
    )
    assert ids(data) == ["08KYIV3", "07MOSCOW601", "06MOSCOW100"]
    row = data["results"][1]
    assert row == {
        "reference_id": "07MOSCOW601",
        "url": "http://testserver/cable/2007/02/07MOSCOW601.html",
        "api_url": "http://testserver/api/v1/cables/07MOSCOW601/",
        "subject": "RUSSIA: GAZPROM",
        "created": "2007-02-07T05:11:00+00:00",
        "released": "2011-08-30T01:44:00+00:00",
        "classification": "SECRET",
        "origin": {"name": "Embassy Moscow", "slug": "embassy-moscow"},
        "tags": ["PREL", "ENRG"],
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"tag": "enrg"}, ["07MOSCOW601", "06MOSCOW100"]),
        ({"origin": "embassy-kyiv"}, ["08KYIV3"]),
        ({"classification": "confidential"}, ["08KYIV3", "06MOSCOW100"]),
        ({"created_from": "2007-01-01", "created_to": "2007-12-31"}, ["07MOSCOW601"]),
        ({"released_from": "2011-01-01"}, ["07MOSCOW601"]),
        ({"sort": "released"}, ["06MOSCOW100", "07MOSCOW601", "08KYIV3"]),
        (
            {"tag": "ENRG", "origin": "embassy-moscow", "sort": "created"},
            ["06MOSCOW100", "07MOSCOW601"],
        ),
    ],
)
def test_the_cable_list_filters_and_sorts(client, archive, params, expected):
    assert ids(client.get("/api/v1/cables/", params).json()) == expected


def test_pages_link_to_each_other_with_the_filters_kept(client, archive, monkeypatch):
    monkeypatch.setattr(api, "PAGE_SIZE", 2)
    first = client.get("/api/v1/cables/", {"origin": "embassy-moscow", "sort": "created"}).json()
    assert (first["count"], first["pages"], first["previous"]) == (2, 1, None)
    first = client.get("/api/v1/cables/", {"sort": "released"}).json()
    assert (first["count"], first["pages"]) == (3, 2)
    assert first["next"] == "http://testserver/api/v1/cables/?sort=released&page=2"
    second = client.get(first["next"]).json()
    assert ids(first) + ids(second) == ["06MOSCOW100", "07MOSCOW601", "08KYIV3"]
    assert second["previous"] == "http://testserver/api/v1/cables/?sort=released&page=1"


@pytest.mark.parametrize(
    ("params", "status", "said"),
    [
        ({"tag": "NOSUCH"}, 400, "Some parameters could not be used."),
        ({"created_from": "yesterday"}, 400, "Some parameters could not be used."),
        ({"sort": "sideways"}, 400, "Some parameters could not be used."),
        ({"colour": "red"}, 400, "Unknown parameters."),
        ({"page": "9"}, 404, "No such page."),
        ({"page": "999999"}, 404, "No such page."),
        ({"page": "9" * 5000}, 404, "No such page."),
    ],
)
def test_bad_parameters_get_a_json_error(client, archive, params, status, said):
    response = client.get("/api/v1/cables/", params)
    assert response.status_code == status
    assert response.json()["error"] == said


@pytest.mark.parametrize("page", ["abc", "0", "-1", "2.5", "", " 1", "1e2", "٣", "+1"])
@pytest.mark.parametrize("address", ["/api/v1/cables/", "/api/v1/cables/07MOSCOW601/annotations/"])
def test_a_page_that_is_no_page_number_is_a_bad_parameter(client, archive, address, page):
    """README: bad parameters get a JSON error with status 400; a page past the last is a
    page that does not exist (404)."""
    response = client.get(address, {"page": page})
    assert response.status_code == 400
    assert response.json() == {
        "error": "Some parameters could not be used.",
        "errors": {
            "page": [{"message": f"{page!r} is not a page number (1, 2, ...).", "code": "invalid"}]
        },
    }


def test_one_cable_with_its_paragraphs_and_references(client, archive):
    data = client.get("/api/v1/cables/07moscow601/").json()
    assert data["reference_id"] == "07MOSCOW601"
    assert data["summary"] == "Gas."
    assert data["recipients"]
    assert [(p["anchor"], p["number"], p["marking"], p["text"]) for p in data["paragraphs"]] == [
        ("par1", 1, "C", "Summary: Gas. End summary."),
        ("par2", 2, "C", "Second."),
        ("par3", 3, "C", "Third."),
    ]
    assert data["paragraphs"][2]["url"] == "http://testserver/cable/2007/02/07MOSCOW601.html#par3"
    assert data["references"] == [
        {"reference_id": "06MOSCOW100", "api_url": "http://testserver/api/v1/cables/06MOSCOW100/"},
        {"reference_id": "05KYIV7", "api_url": None},
    ]
    assert data["annotations"] == "http://testserver/api/v1/cables/07MOSCOW601/annotations/"


def test_one_paragraph(client, archive):
    data = client.get("/api/v1/cables/07MOSCOW601/paragraphs/par2/").json()
    assert (data["anchor"], data["number"], data["text"]) == ("par2", 2, "Second.")
    assert data["cable"] == "http://testserver/api/v1/cables/07MOSCOW601/"


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/cables/07MOSCOW999/",
        "/api/v1/cables/07MOSCOW601/paragraphs/par9/",
        "/api/v1/cables/07MOSCOW999/annotations/",
    ],
)
def test_what_is_not_there_is_a_json_404(client, archive, address):
    response = client.get(address)
    assert response.status_code == 404
    assert "error" in response.json()


def test_answers_carry_an_etag_and_a_repeat_gets_304(client, archive):
    first = client.get("/api/v1/cables/07MOSCOW601/")
    etag = first["ETag"]
    assert etag.startswith('"') and "max-age=300" in first["Cache-Control"]
    again = client.get("/api/v1/cables/07MOSCOW601/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    make_comment(archive_cable(), ago=timedelta(minutes=1))
    # Named before the answer is built: a 304 costs the one query that names it.
    with CaptureQueriesContext(connection) as queries:
        answer = client.get("/api/v1/cables/07MOSCOW601/", HTTP_IF_NONE_MATCH=etag)
    assert (answer.status_code, len(queries)) == (304, 1)
    changed = client.get("/api/v1/cables/07MOSCOW601/annotations/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200


def test_cors_is_open_for_reading_and_the_api_refuses_writes(client, archive):
    response = client.get("/api/v1/cables/", HTTP_ORIGIN="https://research.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    # A browser asking for the Web Annotation profile sends an Accept header that needs a
    # preflight first.
    preflight = client.options(
        "/api/v1/cables/07MOSCOW601/annotations/",
        HTTP_ORIGIN="https://research.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept, if-none-match",
    )
    assert preflight.status_code == 204
    allowed = {
        name.strip().lower() for name in preflight["Access-Control-Allow-Headers"].split(",")
    }
    assert {"accept", "if-none-match"} <= allowed
    assert int(preflight["Access-Control-Max-Age"]) > 0
    # Writes are refused as JSON, with or without the CSRF check a browser form would meet.
    for writer in (client, Client(enforce_csrf_checks=True)):
        posted = writer.post("/api/v1/cables/", {"tag": "PREL"})
        assert posted.status_code == 405
        assert posted["Allow"] == "GET, HEAD, OPTIONS"
        assert posted.json() == {"error": "The API is read-only: GET it."}


def test_comments_are_exported_as_web_annotations(client, archive):
    cable = archive_cable()
    on_cable = make_comment(cable, body="On the whole *cable*.", name="Ann")
    passage = make_comment(
        cable,
        anchor="par2",
        body="This passage.",
        name="Bo",
        quote_exact="Second",
        quote_prefix="",
        quote_suffix=".",
        author_url="https://bo.example/",
    )
    reply = make_comment(cable, parent=on_cable, body="A reply.", name="Cy")
    make_comment(cable, status=Status.PENDING, body="Not yet.")
    cited = make_comment(
        cable,
        kind=Kind.PINGBACK,
        name="News Site",
        source_url="https://news.example/story",
        source_title="The gas story",
        source_site="News Site",
        source_excerpt="As cable 07MOSCOW601 says…",
        anchor="par3",
    )
    make_comment(
        cable, kind=Kind.WEBMENTION, status=Status.PENDING, source_url="https://y.example/"
    )
    response = client.get("/api/v1/cables/07MOSCOW601/annotations/")
    assert response["Content-Type"] == (
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
    )
    data = response.json()
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert (data["type"], data["total"]) == ("AnnotationCollection", 4)
    [link] = [item for item in data["first"]["items"] if item["motivation"] == "linking"]
    assert link == {
        "id": f"http://testserver{cited.get_absolute_url()}",
        "type": "Annotation",
        "motivation": "linking",
        "created": cited.created.isoformat(),
        "creator": {"type": "Organization", "name": "News Site"},
        "body": [
            {
                "id": "https://news.example/story",
                "type": "Text",
                "format": "text/html",
                "title": "The gas story",
            },
            {
                "type": "TextualBody",
                "value": "As cable 07MOSCOW601 says…",
                "purpose": "describing",
            },
        ],
        "target": "http://testserver/cable/2007/02/07MOSCOW601.html#par3",
    }
    items = {
        item["body"]["value"]: item
        for item in data["first"]["items"]
        if item["motivation"] != "linking"
    }
    page = "http://testserver/cable/2007/02/07MOSCOW601.html"
    whole = items["<p>On the whole <em>cable</em>.</p>"]
    assert whole["type"] == "Annotation"
    assert whole["id"] == f"http://testserver{on_cable.get_absolute_url()}"
    assert whole["target"] == page
    assert whole["motivation"] == "commenting"
    assert whole["creator"] == {"type": "Person", "name": "Ann"}
    assert whole["body"]["format"] == "text/html"
    quoted = items["<p>This passage.</p>"]
    assert quoted["target"] == {
        "source": f"{page}#par2",
        # No prefix: the words open the paragraph.
        "selector": {"type": "TextQuoteSelector", "exact": "Second", "suffix": "."},
    }
    assert quoted["id"] == f"http://testserver{passage.get_absolute_url()}"
    assert quoted["creator"]["homepage"] == "https://bo.example/"
    answer = items["<p>A reply.</p>"]
    assert answer["motivation"] == "replying"
    assert answer["target"] == whole["id"]
    assert answer["id"] == f"http://testserver{reply.get_absolute_url()}"


def test_annotations_come_in_pages_linked_to_their_collection(client, archive, monkeypatch):
    monkeypatch.setattr(api, "ANNOTATIONS_PAGE_SIZE", 2)
    cable = archive_cable()
    for number in range(5):
        make_comment(cable, body=f"Comment {number}.", ago=timedelta(minutes=10 - number))
    address = "http://testserver/api/v1/cables/07MOSCOW601/annotations/"
    collection = client.get(address).json()
    assert (collection["total"], collection["last"]) == (5, f"{address}?page=3")
    first = collection["first"]
    assert (first["id"], first["startIndex"], first["next"]) == (
        f"{address}?page=1",
        0,
        f"{address}?page=2",
    )
    assert "prev" not in first
    bodies = [item["body"]["value"] for item in first["items"]]
    for number in (2, 3):
        page = client.get(f"{address}?page={number}").json()
        assert page["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert page["type"] == "AnnotationPage"
        assert page["partOf"] == {"id": address, "type": "AnnotationCollection", "total": 5}
        assert page["startIndex"] == 2 * (number - 1)
        assert page["prev"] == f"{address}?page={number - 1}"
        bodies += [item["body"]["value"] for item in page["items"]]
    assert "next" not in page
    assert bodies == [f"<p>Comment {number}.</p>" for number in range(5)]
    assert client.get(f"{address}?page=4").status_code == 404
    assert client.get(f"{address}?page=x").status_code == 400
    assert client.get(f"{address}?sort=new").status_code == 400


def test_annotations_take_a_fixed_number_of_queries(client, archive, django_assert_num_queries):
    cable = archive_cable()
    for number in range(4):
        parent = make_comment(cable, body=f"Comment {number}.")
        make_comment(cable, parent=parent, anchor="par2", body="A reply.")
    # The version (before anything is built), the cable, the count, the page (and the
    # comments' likes, once the cable has any); asked again, the answer kept under that
    # version.
    with django_assert_num_queries(4):
        assert client.get("/api/v1/cables/07MOSCOW601/annotations/").json()["total"] == 8
    with django_assert_num_queries(1):
        assert client.get("/api/v1/cables/07MOSCOW601/annotations/").json()["total"] == 8


def test_the_api_is_documented_with_working_examples(client, archive):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    page = parse_html(response.content)
    examples = [
        a.attrs["href"] for a in page.find("article").find_all("a") if "/api/v1/" in a.attrs["href"]
    ]
    assert "/api/v1/cables/" in examples
    for address in examples:
        assert client.get(address).status_code == 200, address


def test_the_list_takes_a_fixed_number_of_queries(client, archive, django_assert_num_queries):
    for number in range(5):
        make_cable(f"09ROME{number}", tags="PREL, PGOV")
    with django_assert_num_queries(3):  # count, page, tags
        assert client.get("/api/v1/cables/").json()["count"] == 8
