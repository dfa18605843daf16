"""The pages everyone shares: versioned (ETag, Last-Modified, 304), cached, cookie-free, and
new again as soon as anything they show changes. And the form on them, protected from other
sites without a CSRF token."""

from __future__ import annotations

import re
from http import HTTPStatus

import pytest
from django.test import Client

from cables.importer import store_cable
from cables.models import Cable
from cables.parsing import parse_cable
from comments.models import Comment, Status
from comments.services import edit_comment, moderate, remove_comment
from tests.comments.conftest import form_data, make_comment
from tests.factories import cable_text, make_cable
from tests.html import parse_html

CABLE_URL = "/cable/2008/03/08STATE1234.html"
PARAGRAPH_URL = "/cable/2008/03/08STATE1234/par3/"
# Each kind of shared page: a cable, a paragraph's thread, a list, an index, search, home.
SHARED_PAGES = [
    CABLE_URL,
    PARAGRAPH_URL,
    "/tag/PREL/",
    "/tag/",
    "/origin/",
    "/date/",
    "/search/?q=pipeline",
    "/",
]

pytestmark = pytest.mark.usefixtures("search_index")


@pytest.fixture
def cable(db):
    return make_cable(
        "08STATE1234", paragraphs=5, tags="PREL", paragraph_text="The pipeline talks went well."
    )


def versioned_get(client: Client, url: str):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return response


@pytest.mark.parametrize("url", SHARED_PAGES)
def test_every_shared_page_has_a_version_and_answers_304(client, cable, url):
    response = versioned_get(client, url)
    etag, modified = response["ETag"], response["Last-Modified"]
    assert etag.startswith('"') and len(etag) == 34
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == HTTPStatus.NOT_MODIFIED
    assert again.content == b""
    assert again["ETag"] == etag
    since = client.get(url, headers={"If-Modified-Since": modified})
    assert since.status_code == HTTPStatus.NOT_MODIFIED
    other = client.get(url, headers={"If-None-Match": '"some-other-version"'})
    assert other.status_code == HTTPStatus.OK
    assert without_served(other) == without_served(response)


@pytest.mark.parametrize("url", SHARED_PAGES)
def test_an_anonymous_reader_gets_no_cookie_and_nothing_varies_on_cookie(cable, url):
    reader = Client()
    for _ in range(2):  # rendered, then from the cache
        response = versioned_get(reader, url)
        assert response.cookies == {}
        assert "Cookie" not in response.get("Vary", "")
    assert reader.cookies == {}


def test_a_304_costs_one_query_and_no_rendering(client, cable, django_assert_num_queries):
    make_comment(cable, body="Already here.")
    etag = versioned_get(client, CABLE_URL)["ETag"]
    with django_assert_num_queries(1):
        assert client.get(CABLE_URL, headers={"If-None-Match": etag}).status_code == 304


def test_signed_in_and_anonymous_readers_get_the_same_page(client, cable, post_form):
    from django.contrib.auth.models import User

    make_comment(cable, body="Everyone sees this.")
    member = Client()
    member.force_login(User.objects.create_user("ann", "ann@example.org", "long-password-1"))
    post_form(cable, body="Held for moderation: see https://a.example and https://b.example")
    assert Comment.objects.filter(status=Status.PENDING).exists()
    anonymous = versioned_get(Client(), CABLE_URL)
    for reader in (member, client):
        response = versioned_get(reader, CABLE_URL)
        assert response["ETag"] == anonymous["ETag"]
        assert without_served(response) == without_served(anonymous)


def without_served(response) -> bytes:
    """The page but for the form's time of serving, new in every response."""
    return re.sub(rb'(name="served" value=")[^"]*', rb"\1", response.content)


def served(response) -> bytes:
    """The form's time of serving, which is new in every response."""
    form = parse_html(response.content).find("form", cls="comment-form")
    return form.find("input", name="served").attrs["value"].encode()


def test_the_served_time_is_new_in_every_response_of_a_cached_page(client, cable):
    first, second = versioned_get(client, CABLE_URL), versioned_get(client, CABLE_URL)
    assert first["ETag"] == second["ETag"]
    assert served(first) != b"" and b"placeholder" not in served(second)
    # A cached page's form still posts: its time is this response's.
    data = form_data(cable, body="From a cached page.")
    data["served"] = served(second).decode()
    response = client.post("/comments/post/", data)
    # Sent at once: too soon after the page was served, though the page was rendered earlier.
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Comment.objects.exists()


# --- every change that shows makes a new version ---------------------------------------------


def comment_ids(response) -> set[int]:
    page = parse_html(response.content)
    return {int(li.attrs["id"].split("-")[1]) for li in page.find_all("li", cls="comment")}


class Watch:
    """A page's version and content, and whether a change gave it new ones."""

    def __init__(self, client: Client, url: str) -> None:
        self.client, self.url = client, url
        self.response = versioned_get(client, url)

    def changed(self) -> bool:
        etag = self.response["ETag"]
        if self.client.get(self.url, headers={"If-None-Match": etag}).status_code == 304:
            return False
        self.response = versioned_get(self.client, self.url)
        assert self.response["ETag"] != etag
        return True


@pytest.mark.parametrize("url", [CABLE_URL, PARAGRAPH_URL])
def test_a_new_comment_appears_at_once(client, cable, post_form, url):
    make_comment(cable, body="Ann has commented before: her comments need no moderator.")
    watch = Watch(client, url)
    assert not watch.changed()
    post_form(cable, anchor="par3", body="A new reading of paragraph 3.")
    comment = Comment.objects.latest("pk")
    assert comment.status == Status.APPROVED
    assert watch.changed()
    assert comment.pk in comment_ids(watch.response)


def test_moderation_edits_and_removal_each_show_at_once(client, cable):
    watch = Watch(client, CABLE_URL)
    held = make_comment(cable, body="Waiting.", status=Status.PENDING)
    assert watch.changed() and held.pk not in comment_ids(watch.response)
    moderate(comments=Comment.objects.filter(pk=held.pk), status=Status.APPROVED)
    assert watch.changed() and held.pk in comment_ids(watch.response)
    edit_comment(comment=Comment.objects.get(pk=held.pk), body="Waited, and edited.")
    assert watch.changed()
    assert b"Waited, and edited." in watch.response.content
    remove_comment(comment=Comment.objects.get(pk=held.pk))
    assert watch.changed() and b"Waited, and edited." not in watch.response.content
    Comment.objects.get(pk=held.pk).delete()
    assert watch.changed()


def test_a_linkback_published_by_the_worker_shows_at_once(client, cable):
    watch = Watch(client, CABLE_URL)
    linkback = make_comment(
        cable,
        kind="pingback",
        body="",
        source_url="https://news.example/story",
        source_title="A story citing the cable",
        status=Status.PENDING,
    )
    assert watch.changed()
    linkback.status = Status.APPROVED
    linkback.save(update_fields=["status"])
    assert watch.changed()
    assert b"A story citing the cable" in watch.response.content


def test_an_import_that_changes_the_cable_shows_at_once_and_one_that_does_not_keeps_it(
    client, cable
):
    watch = Watch(client, CABLE_URL)
    store_cable(parse_cable(cable_text("08STATE1234", paragraphs=5, tags="PREL")))
    unchanged = Cable.objects.get(pk=cable.pk).modified == cable.modified
    assert watch.changed() != unchanged
    store_cable(
        parse_cable(cable_text("08STATE1234", paragraphs=6, tags="PREL", subject="NEW SUBJECT"))
    )
    assert watch.changed()
    assert b"NEW SUBJECT" in watch.response.content


def test_a_cable_imported_later_changes_the_pages_that_cite_it(client, db):
    citing = make_cable("08STATE1234", paragraphs=2, references="08MOSCOW55")
    watch = Watch(client, citing.get_absolute_url())
    assert b"not in the archive" in watch.response.content
    make_cable("08MOSCOW55", paragraphs=2, subject="THE CITED CABLE")
    assert watch.changed()
    assert b"THE CITED CABLE" in watch.response.content


def test_an_account_renamed_shows_its_new_name_and_a_login_changes_nothing(client, cable):
    from django.contrib.auth.models import User

    user = User.objects.create_user("bob", "bob@example.org", "long-password-1")
    make_comment(cable, body="Under an account.", user=user, name="", email="")
    watch = Watch(client, CABLE_URL)
    assert b"bob" in watch.response.content
    client.force_login(user)  # a login stores last_login, which no page shows
    assert not watch.changed()
    user.first_name, user.last_name = "Robert", "Reader"
    user.save()
    assert watch.changed()
    assert b"Robert Reader" in watch.response.content


def test_an_import_elsewhere_renders_the_page_again_but_not_its_discussion(client, cable):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = make_comment(cable, body="Kept with the discussion.")
    make_comment(cable, body="A reply, kept too.", parent=first)
    watch = Watch(client, CABLE_URL)
    make_cable("09STATE77", paragraphs=1)  # the archive's newest change: every cable page's
    with CaptureQueriesContext(connection) as queries:
        assert watch.changed()
    assert not [query for query in queries if "comments_comment" in query["sql"]]
    assert comment_ids(watch.response) == {first.pk, first.pk + 1}
    make_comment(cable, body="Said after.")
    with CaptureQueriesContext(connection) as queries:
        assert watch.changed()
    assert [query for query in queries if "comments_comment" in query["sql"]]
    assert b"Said after." in watch.response.content


def test_the_lists_change_with_the_index(client, cable):
    watch = Watch(client, "/tag/PREL/")
    assert not watch.changed()
    make_cable("08STATE2000", paragraphs=1, tags="PREL")
    assert watch.changed()
    assert b"08STATE2000" in watch.response.content


# --- the form without a token -----------------------------------------------------------------


@pytest.fixture
def guarded():
    """A browser as Django's CSRF protection sees it (the test client skips it by default)."""
    return Client(enforce_csrf_checks=True)


def test_a_form_sent_from_our_page_needs_no_token(guarded, cable):
    response = guarded.post(
        "/comments/post/", form_data(cable), headers={"Sec-Fetch-Site": "same-origin"}
    )
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert Comment.objects.count() == 1
    # A browser that sends no Sec-Fetch-Site but an Origin of ours.
    response = guarded.post(
        "/comments/post/",
        form_data(cable, body="Second."),
        headers={"Origin": "http://testserver"},
    )
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert Comment.objects.count() == 2


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Sec-Fetch-Site": "same-origin", "Origin": "https://evil.example"},
        {"Origin": "https://evil.example"},
        {},  # neither, and no token: an old browser or a script
    ],
)
def test_a_form_sent_from_elsewhere_is_refused_and_changes_nothing(guarded, cable, headers):
    response = guarded.post("/comments/post/", form_data(cable), headers=headers)
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Comment.objects.exists()


def test_an_old_browsers_comment_comes_back_to_send_again_with_a_token(guarded, cable):
    """A browser that sends neither Sec-Fetch-Site nor Origin, from a page without a token:
    refused, but its text is kept in a form that now carries a token."""
    sent = form_data(cable, anchor="par2", body="Written in an old browser.\n\nTwo paragraphs.")
    response = guarded.post("/comments/post/", sent)
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Comment.objects.exists()
    page = parse_html(response.content)
    assert "not saved" in page.find("p", role="alert").text
    form = page.find("form", cls="comment-form")
    fields = {i.attrs["name"]: i.attrs["value"] for i in form.find_all("input", type="hidden")}
    assert fields.pop("csrfmiddlewaretoken")
    assert fields == {name: value for name, value in sent.items() if name != "body"}
    body = form.find("textarea", name="body").text.removeprefix("\n")
    assert body == sent["body"]
    again = guarded.post(
        "/comments/post/",
        {
            **fields,
            "body": body,
            "csrfmiddlewaretoken": (form.find("input", name="csrfmiddlewaretoken").attrs["value"]),
        },
    )
    assert again.status_code == HTTPStatus.SEE_OTHER
    assert Comment.objects.get().body == sent["body"]


def test_a_client_with_the_token_of_a_personal_page_still_posts(guarded, cable):
    # The form page (a reader's own: a preview) carries a token and sets its cookie.
    page = guarded.post(
        "/comments/post/",
        {**form_data(cable), "preview": "1"},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    token = parse_html(page.content).find("input", name="csrfmiddlewaretoken").attrs["value"]
    response = guarded.post("/comments/post/", {**form_data(cable), "csrfmiddlewaretoken": token})
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert Comment.objects.count() == 1
