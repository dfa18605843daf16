"""A paragraph's page: the paragraph, its thread and the comment form, at one address, with
the same queries whatever its discussion."""

from http import HTTPStatus

import pytest

from tests.comments.conftest import make_comment
from tests.html import parse_html, squash

CABLE_URL = "/cable/2008/03/08STATE1234.html"
PARAGRAPH_URL = "/cable/2008/03/08STATE1234/par3/"


def comment_texts(page) -> list[str]:
    return [squash(div.text) for div in page.find_all("div", cls="comment-text")]


def test_the_paragraph_page_shows_the_paragraph_its_thread_and_the_form(client, cable):
    make_comment(cable, anchor="par3", body="On three.")
    make_comment(cable, anchor="par2", body="On two.")
    response = client.get(PARAGRAPH_URL)
    assert response.status_code == HTTPStatus.OK
    page = parse_html(response.content)
    assert "Paragraph 3 ends here." in squash(page.find("span", cls="paragraph-text").text)
    assert comment_texts(page) == ["On three."]
    back = page.find("p", cls="back-link").find("a")
    assert back.attrs["href"] == f"{CABLE_URL}#par3"
    form = page.find("form", cls="comment-form")
    assert form.find("input", name="anchor").attrs["value"] == "par3"
    assert form.find("input", name="next").attrs["value"] == PARAGRAPH_URL


@pytest.mark.parametrize(
    "path",
    ["/cable/2009/01/08STATE1234/par3/", "/cable/2008/03/08state1234/par3/"],
)
def test_the_paragraph_page_has_one_address(client, cable, path):
    response = client.get(path)
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == PARAGRAPH_URL


def test_an_unknown_paragraph_is_not_found(client, cable):
    assert client.get("/cable/2008/03/08STATE1234/par99/").status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("comments", [0, 30])
def test_the_paragraph_page_needs_the_same_queries_whatever_the_discussion(
    client, cable, django_assert_num_queries, comments
):
    for number in range(comments):
        make_comment(cable, anchor="par3", body=f"Comment {number}")
    # The page's version, the sign-in choices (read once, then cached), the cable, its
    # paragraphs, the discussion; then the cached page's version.
    with django_assert_num_queries(5):
        client.get(PARAGRAPH_URL)
    with django_assert_num_queries(1):
        client.get(PARAGRAPH_URL)
