"""Likes on a cable, a paragraph and a comment: without JavaScript (a form that comes back),
as JSON for the script, once per account and per browser, undone, limited, refused for what
cannot be liked, named on the page with drawn initials, counted in the API and the admin, and
the cable page's queries the same whatever their number."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comments.models import Like
from tests.comments.conftest import make_comment
from tests.html import parse_html, squash

CABLE_URL = "/cable/2008/03/08STATE1234.html"


def like(client: Client, cable, target: str = "", **fields):
    data = {"cable": str(cable.pk), "target": target, "next": CABLE_URL, **fields}
    return client.post("/likes/", data)


def like_text(client: Client, target: str = "") -> str:
    page = parse_html(client.get(CABLE_URL).content)
    form = next(
        f for f in page.find_all("form", cls="like-form") if f.attrs["data-target"] == target
    )
    return squash(form.find("span", cls="like-count").text)


def signed_in(name: str) -> Client:
    first, last = name.split()
    user = User.objects.create_user(first.lower(), f"{first}@example.org", "pw-long-enough-1")
    user.first_name, user.last_name = first, last
    user.save()
    client = Client()
    client.force_login(user)
    return client


def test_a_guest_likes_the_cable_without_javascript_once_per_browser(client, cable):
    assert like_text(client) == ""
    response = like(client, cable)
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == f"{CABLE_URL}#likes"
    assert "liker" in response.cookies
    assert like_text(Client()) == "1 reader likes this"
    assert like(client, cable).status_code == HTTPStatus.SEE_OTHER  # the same browser again
    like(Client(), cable)  # another browser
    assert like_text(Client()) == "2 readers like this"


def test_signed_in_readers_are_named_with_drawn_initials_the_rest_counted(cable):
    names = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov"]
    for name in [*names, "Donald Knuth"]:
        like(signed_in(name), cable)
    like(Client(), cable)
    page = parse_html(Client().get(CABLE_URL).content)
    shown = page.find("section", cls="cable-likes")
    likers = shown.find_all("span", cls="liker")
    assert [squash(liker.find("span", cls="avatar").text) for liker in likers] == [
        "AL",
        "GH",
        "AT",
        "ED",
        "BL",
    ]
    assert [squash(liker.text)[2:] for liker in likers] == names
    assert squash(shown.find("span", cls="like-count").text).endswith(
        "Barbara Liskov and 2 others like this"
    )
    # Drawn here: no image, from this site or another.
    assert not shown.find_all("img")


def test_an_account_likes_once_whatever_its_browsers(cable):
    ada = signed_in("Ada Lovelace")
    like(ada, cable, "par2")
    other_browser = Client()
    other_browser.force_login(User.objects.get(username="ada"))
    like(other_browser, cable, "par2")
    assert Like.objects.filter(target="par2").count() == 1


def test_a_paragraph_and_a_comment_are_liked_where_they_are_shown(client, cable):
    comment = make_comment(cable, anchor="par3", body="On three.")
    like(client, cable, "par3")
    like(client, cable, comment.html_id)
    like(Client(), cable, comment.html_id)
    page = parse_html(Client().get(CABLE_URL).content)
    thread = page.find("section", id="thread-par3")
    paragraph_form = next(
        f for f in thread.find_all("form", cls="like-form") if f.attrs["data-target"] == "par3"
    )
    assert squash(paragraph_form.find("span", cls="like-count").text) == "1 reader likes this"
    card = page.find("li", id=comment.html_id)
    assert squash(card.find("form", cls="like-form").find("span", cls="like-count").text) == (
        "2 likes"
    )


def test_a_like_is_taken_back(client, cable):
    like(client, cable)
    assert like_text(client) == "1 reader likes this"
    like(client, cable, undo="1")
    assert like_text(client) == ""
    assert not Like.objects.exists()


def test_the_script_gets_json(client, cable):
    response = client.post(
        "/likes/",
        {"cable": str(cable.pk), "target": "par1"},
        HTTP_ACCEPT="application/json",
    )
    assert response.json() == {"target": "par1", "liked": True, "count": 1}
    undone = client.post(
        "/likes/",
        {"cable": str(cable.pk), "target": "par1", "undo": "1"},
        HTTP_ACCEPT="application/json",
    )
    assert undone.json() == {"target": "par1", "liked": False, "count": 0}


@pytest.mark.parametrize("target", ["par99", "comment-999999", "nothing", "par1'; --"])
def test_what_cannot_be_liked_is_refused_and_changes_nothing(client, cable, target):
    response = like(client, cable, target)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Like.objects.exists()


def test_a_held_comment_cannot_be_liked(client, cable):
    held = make_comment(cable, status="pending")
    assert like(client, cable, held.html_id).status_code == HTTPStatus.BAD_REQUEST
    assert client.post("/likes/", {"cable": "nope", "target": ""}).status_code == 400


def test_likes_are_limited_per_address(client, cable, settings):
    settings.LIKES_PER_MINUTE = 3
    for target in ("", "par1", "par2"):
        assert like(Client(), cable, target).status_code == HTTPStatus.SEE_OTHER
    refused = like(client, cable, "par3")
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert refused["Retry-After"] == "60"
    assert Like.objects.count() == 3


def test_the_reader_layer_says_what_the_reader_likes(client, cable):
    like(client, cable, "par2")
    layer = client.get("/comments/reader/?cable=08STATE1234").json()
    assert layer["liked"] == ["par2"]
    ada = signed_in("Ada Lovelace")
    like(ada, cable)
    assert ada.get("/comments/reader/?cable=08STATE1234").json()["liked"] == [""]
    assert Client().get("/comments/reader/?cable=08STATE1234").json()["liked"] == []


@pytest.mark.parametrize("likes", [1, 40])
def test_the_cable_page_needs_the_same_queries_whatever_the_likes(
    client, cable, django_assert_num_queries, likes
):
    comment = make_comment(cable, anchor="par1")
    for number in range(likes):
        target = ["", "par1", comment.html_id][number % 3]
        Like.objects.create(cable=cable, target=target, browser=f"browser-{number}")
    # As tests/pages/test_cable_page.py counts them: the likes are one query.
    with django_assert_num_queries(8):
        client.get(CABLE_URL)


def test_a_cable_nobody_liked_is_shown_without_asking_for_likes(
    client, cable, django_assert_num_queries
):
    make_comment(cable, anchor="par1")
    with django_assert_num_queries(7):
        client.get(CABLE_URL)
    like(Client(), cable, "par1")
    like(Client(), cable, "par1", undo="1")
    cable.refresh_from_db()
    assert cable.liked  # once liked, always asked: an unlike never hides another's like


def test_a_comment_is_liked_by_its_form_alone(client, cable):
    """A comment's form, two hundred times on a long page, is a button: it names neither the
    cable nor the page; the reader comes back to the comment on the cable's page."""
    comment = make_comment(cable, anchor="par2", body="On two.")
    card = parse_html(client.get(CABLE_URL).content).find("li", id=comment.html_id)
    form = card.find("form", cls="like-form")
    assert form.find_all("input") == []
    button = form.find("button", cls="like-button")
    sent = {button.attrs["name"]: button.attrs["value"]}
    assert sent == {"target": comment.html_id}
    response = client.post(form.attrs["action"], sent)
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == f"{CABLE_URL}#{comment.html_id}"
    assert Like.objects.get().comment == comment
    assert client.post("/likes/", {"target": "comment-999999"}).status_code == 400
    assert not Like.objects.filter(target="comment-999999").exists()


def test_the_api_counts_likes(client, cable):
    comment = make_comment(cable, anchor="par1")
    like(Client(), cable)
    like(Client(), cable, "par1")
    like(Client(), cable, "par1")
    like(Client(), cable, comment.html_id)
    data = client.get("/api/v1/cables/08STATE1234/").json()
    assert data["likes"] == 1
    assert {p["anchor"]: p["likes"] for p in data["paragraphs"]}["par1"] == 2
    assert client.get("/api/v1/cables/08STATE1234/paragraphs/par1/").json()["likes"] == 2
    annotations = client.get("/api/v1/cables/08STATE1234/annotations/").json()
    assert [item["likes"] for item in annotations["first"]["items"]] == [1]


def test_the_admin_counts_a_comments_likes_and_lists_likes(admin_client, cable):
    comment = make_comment(cable)
    like(Client(), cable, comment.html_id)
    listing = parse_html(admin_client.get("/admin/comments/comment/").content)
    assert squash(listing.find("td", cls="field-like_count").text) == "1"
    likes = admin_client.get("/admin/comments/like/")
    assert likes.status_code == HTTPStatus.OK
    assert "08STATE1234" in likes.content.decode()


def test_a_like_the_admin_removes_leaves_the_page_at_once(admin_client, cable):
    like(Client(), cable)
    assert like_text(Client()) == "1 reader likes this"
    removed = Like.objects.get()
    admin_client.post(f"/admin/comments/like/{removed.pk}/delete/", {"post": "yes"})
    assert not Like.objects.exists()
    assert like_text(Client()) == ""


def test_a_paragraph_is_liked_from_its_own_page_without_javascript(client, cable):
    page = parse_html(client.get("/cable/2008/03/08STATE1234/par3/").content)
    form = next(
        f for f in page.find_all("form", cls="like-form") if f.attrs["data-target"] == "par3"
    )
    fields = {i.attrs["name"]: i.attrs["value"] for i in form.find_all("input")}
    response = client.post(form.attrs["action"], fields)
    assert response["Location"] == "/cable/2008/03/08STATE1234/par3/#par3"
    again = parse_html(client.get("/cable/2008/03/08STATE1234/par3/").content)
    form = next(
        f for f in again.find_all("form", cls="like-form") if f.attrs["data-target"] == "par3"
    )
    assert squash(form.find("span", cls="like-count").text) == "1 reader likes this"
