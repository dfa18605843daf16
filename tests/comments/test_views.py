"""What readers see and get back when they discuss a cable: pages, forms, status codes."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.auth.models import User
from django.test import Client

from comments.models import Comment, Status
from tests.comments.conftest import form_data, make_comment
from tests.html import parse_html, squash

CABLE_URL = "/cable/2008/03/08STATE1234.html"
PARAGRAPH_URL = "/cable/2008/03/08STATE1234/par3/"


@pytest.fixture
def known_guest(cable):
    return make_comment(cable, body="An earlier comment.", ago=timedelta(days=2))


def page_of(response):
    return parse_html(response.content)


def comment_texts(page) -> list[str]:
    return [squash(div.text) for div in page.find_all("div", cls="comment-text")]


# --- posting ---------------------------------------------------------------------------------


def test_posting_redirects_to_the_comment_on_the_cable_page(client, cable, known_guest, post_form):
    response = post_form(cable, body="Worth reading *twice*.", next=CABLE_URL)
    comment = Comment.objects.latest("pk")
    assert response.status_code == HTTPStatus.SEE_OTHER
    assert response["Location"] == f"{CABLE_URL}#comment-{comment.pk}"
    page = page_of(client.get(CABLE_URL))
    item = page.find("li", id=f"comment-{comment.pk}")
    assert squash(item.find("div", cls="comment-text").text) == "Worth reading twice."
    assert item.find("em").text == "twice"
    heading = squash(page.find("h2", id="responses-title").text)
    assert heading == "2 responses to 08STATE1234"


def test_a_paragraph_comment_shows_under_its_paragraph_with_its_count(
    client, cable, known_guest, post_form
):
    post_form(cable, anchor="par3", body="On the third paragraph.")
    page = page_of(client.get(CABLE_URL))
    thread = page.find("section", id="thread-par3")
    assert comment_texts(thread) == ["On the third paragraph."]
    count = page.find("a", cls="comment-count", **{"data-thread": "thread-par3"})
    assert count.find("span", cls="count").text == "1"
    assert count.attrs["href"] == PARAGRAPH_URL
    other = page.find("a", cls="comment-count", **{"data-thread": "thread-par2"})
    assert other.find("span", cls="count").text == "0"
    # The cable's own thread does not repeat it, but says where the discussion is.
    note = squash(page.find("p", cls="paragraph-discussions").text)
    assert note == "Discussed paragraph by paragraph: ¶3 (1)"


def test_a_quoted_passage_is_shown_as_a_quotation(client, cable, known_guest, post_form):
    post_form(cable, anchor="par2", quote_exact="talks  went\nwell", body="Did they?")
    comment = Comment.objects.latest("pk")
    assert comment.quote_exact == "talks went well"
    quote = page_of(client.get(CABLE_URL)).find("blockquote", cls="passage")
    assert squash(quote.find("p").text) == "talks went well"
    assert quote.attrs["data-prefix"] == "The minister said the "
    assert quote.attrs["cite"] == f"{CABLE_URL}#par2"


def test_a_quote_that_is_not_in_the_paragraph_is_refused_with_the_text_kept(
    client, cable, known_guest, post_form
):
    response = post_form(cable, anchor="par2", quote_exact="words never written", body="Mine.")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = page_of(response)
    assert "not in the paragraph" in squash(page.find("ul", id="quote-errors").text)
    assert page.find("textarea").text.strip() == "Mine."
    assert Comment.objects.count() == 1


def test_the_quote_survives_a_change_of_the_paragraph(client, cable, known_guest, post_form):
    post_form(cable, anchor="par2", quote_exact="talks went well", body="Quoted.")
    cable.paragraphs.filter(anchor="par2").update(text="Rewritten entirely.")
    page = page_of(client.get(CABLE_URL))
    thread = page.find("section", id="thread-par2")
    assert comment_texts(thread) == ["Quoted."]
    assert squash(thread.find("blockquote", cls="passage").find("p").text) == "talks went well"


def test_a_comment_on_a_paragraph_that_is_gone_stays_in_the_cable_thread(client, cable):
    make_comment(cable, anchor="par9", body="Paragraph 9 was in an older text.")
    page = page_of(client.get(CABLE_URL))
    main_thread = page.find("section", id="responses")
    assert "Paragraph 9 was in an older text." in comment_texts(main_thread)


@pytest.mark.parametrize(
    ("fields", "field_id", "message"),
    [
        ({"name": ""}, "id_name_error", "Give your name."),
        ({"email": ""}, "id_email_error", "Give your e-mail address"),
        ({"email": "not-an-address"}, "id_email_error", "That is not an e-mail address."),
        ({"name": "N" * 246}, "id_name_error", "at most 245 characters (it has 246)"),
        ({"email": "a" * 95 + "@x.org"}, "id_email_error", "at most 100 characters"),
        ({"url": "https://example.org/" + "p" * 190}, "id_url_error", "at most 200 characters"),
        ({"url": "ftp://example.org/file"}, "id_url_error", "http:// or https://"),
        ({"body": "   "}, "id_body_error", "Write your comment."),
        ({"body": "x" * 65_526}, "id_body_error", "at most 65525 characters (it has 65526)"),
        ({"body": "> " * 40 + "deep"}, "id_body_error", "lists 40 levels deep; at most 32"),
        ({"body": "-\n" * 32_000}, "id_body_error", "too much formatting for its length"),
    ],
)
def test_field_limits_have_clear_messages_and_keep_the_text(
    cable, post_form, fields, field_id, message
):
    text = fields.get("body", "My careful comment.")
    response = post_form(cable, **{"body": text, **fields})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = page_of(response)
    assert message in squash(page.find("ul", id=field_id).text)
    assert page.find("textarea", name="body").text.strip() == text.strip()
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    ("setup", "fields", "status", "message"),
    [
        ("held-parent", {}, HTTPStatus.FORBIDDEN, "only reply to a published comment"),
        ("duplicate", {"body": "Again."}, HTTPStatus.CONFLICT, "already posted this comment"),
        ("flood", {"body": "Quick."}, HTTPStatus.TOO_MANY_REQUESTS, "too quickly: wait 15"),
        ("none", {"homepage": "http://bot.example"}, HTTPStatus.BAD_REQUEST, "machine"),
        ("none", {"served": "tampered"}, HTTPStatus.BAD_REQUEST, "altered"),
    ],
)
def test_each_rejection_answers_its_status_with_the_form_and_text(
    cable, known_guest, post_form, settings, setup, fields, status, message
):
    if setup == "held-parent":
        held = make_comment(cable, status=Status.PENDING, email="bob@example.org")
        fields = {"parent": str(held.pk)}
    elif setup == "duplicate":
        post_form(cable, body="Again.")
    elif setup == "flood":
        settings.COMMENTS_FLOOD_SECONDS = 15
        post_form(cable, body="First.")
    before = Comment.objects.count()
    response = post_form(cable, **{"body": "My words stay.", **fields})
    assert response.status_code == status
    page = page_of(response)
    assert message in squash(page.find("p", cls="rejection").text)
    assert page.find("textarea", name="body").text.strip() == fields.get("body", "My words stay.")
    assert Comment.objects.count() == before


@pytest.mark.parametrize("seconds", [15, 40])
def test_a_flood_says_when_to_send_again(cable, known_guest, post_form, settings, seconds):
    settings.COMMENTS_FLOOD_SECONDS = seconds
    post_form(cable, body="First.")
    refused = post_form(cable, body="Second.")
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert refused["Retry-After"] == str(seconds)
    assert f"wait {seconds} seconds" in squash(page_of(refused).find("p", cls="rejection").text)


def test_every_refusal_for_too_many_requests_says_when_to_ask_again(client, cable, settings):
    """A 429 whose view sets no Retry-After (here a webmention past its limit) gets the
    minute the limits count in (readingroom.middleware)."""
    settings.LINKBACKS_PER_MINUTE = 1
    target = f"http://testserver{cable.get_absolute_url()}"
    sent = [
        client.post("/webmention/", {"source": f"http://{host}.example/", "target": target})
        for host in ("one", "two")
    ]
    assert [response.status_code for response in sent] == [202, 429]
    assert sent[1]["Retry-After"] == "60"
    assert "Retry-After" not in sent[0]


def test_a_form_sent_too_fast_is_refused_and_the_new_form_can_be_sent(
    client, cable, known_guest, settings
):
    import time

    from comments.forms import served_token

    response = client.post(
        "/comments/post/", form_data(cable, served=served_token(time.time()), body="Hasty.")
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    renewed = page_of(response).find("input", name="served").attrs["value"]
    settings.COMMENTS_FORM_MIN_SECONDS = 0
    again = client.post("/comments/post/", form_data(cable, served=renewed, body="Hasty."))
    assert again.status_code == HTTPStatus.SEE_OTHER


def test_an_unknown_cable_or_paragraph_is_a_bad_request(cable, post_form):
    response = post_form(cable, cable="99NOWHERE1")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    response = post_form(cable, anchor="par77")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "has no paragraph par77" in response.content.decode()
    assert Comment.objects.count() == 0


def test_posting_needs_post(client, db):
    assert client.get("/comments/post/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_preview_shows_the_rendered_comment_and_posts_nothing(cable, post_form):
    response = post_form(cable, body="**Strong** words", preview="1")
    assert response.status_code == HTTPStatus.OK
    page = page_of(response)
    box = page.find("section", cls="comment-preview-box")
    assert box.find("strong").text == "Strong"
    assert page.find("textarea").text.strip() == "**Strong** words"
    assert Comment.objects.count() == 0


def test_preview_fragment_for_the_script(client, db):
    response = client.post("/comments/preview/", {"body": "*fine* <script>x</script>"})
    assert response.status_code == HTTPStatus.OK
    assert "<em>fine</em>" in response.content.decode()
    assert "<script" not in response.content.decode()
    assert "<html" not in response.content.decode()


def test_a_comment_too_costly_to_show_is_not_previewed_and_says_why(cable, post_form, client):
    text = "> " * 40 + "deep"
    response = post_form(cable, body=text, preview="1")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = page_of(response)
    assert "40 levels deep" in squash(page.find("ul", id="id_body_error").text)
    assert page.find("textarea", name="body").text.strip() == text
    assert not page.find_all("section", cls="comment-preview-box")

    fragment = page_of(client.post("/comments/preview/", {"body": text}))
    box = fragment.find("section", cls="comment-preview-box")
    assert "40 levels deep; at most 32" in squash(box.find("p", cls="rejection").text)
    assert not box.find_all("blockquote")
    assert Comment.objects.count() == 0


# --- guests, their cookie, their held comments -----------------------------------------------


def reader_layer(client: Client, cable=None) -> dict:
    """What the page's script gets for this reader (reader.js): their own layer."""
    response = client.get("/comments/reader/", {"cable": cable.reference_id} if cable else {})
    assert response.status_code == HTTPStatus.OK
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    return response.json()


def test_a_held_comment_is_shown_only_to_its_author(client, cable, post_form):
    response = post_form(cable, body="My first comment.")
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    # Sent to the comment's own page, which says it is saved and held.
    assert response["Location"] == f"/comments/{comment.pk}/"
    held_page = page_of(client.get(response["Location"]))
    assert "awaits moderation" in squash(held_page.find("h1").text)
    assert comment_texts(held_page) == [] and "My first comment." in squash(held_page.text)
    # The cable's page is everyone's: the comment is not on it, nor counted.
    page = page_of(client.get(CABLE_URL))
    assert page.find_all("li", id=f"comment-{comment.pk}") == []
    assert "0 responses" in squash(page.find("h2", id="responses-title").text)
    # Its author's layer over the page brings it, marked as awaiting moderation.
    (held,) = reader_layer(client, cable)["held"]
    assert (held["id"], held["anchor"], held["parent"]) == (comment.pk, "", None)
    mine = parse_html(held["html"]).find("li", id=f"comment-{comment.pk}")
    assert "awaiting moderation" in squash(mine.find("p", cls="awaiting-moderation").text)
    assert comment_texts(mine) == ["My first comment."]
    stranger = Client()
    assert reader_layer(stranger, cable)["held"] == []
    assert stranger.get(f"/comments/{comment.pk}/").status_code == HTTPStatus.NOT_FOUND


def test_the_consent_box_remembers_the_guest_in_a_cookie(client, cable, known_guest, post_form):
    post_form(cable, body="Remember me.", remember="on", url="https://ann.example")
    assert "comment_author" in client.cookies
    assert client.cookies["reader"].value == "1"  # for the page's script: ask for the layer
    assert reader_layer(client, cable)["author"] == {
        "name": "Ann Reader",
        "email": "ann@example.org",
        "url": "https://ann.example",
        "remember": True,
    }
    # The page itself stays everyone's: the form comes empty.
    form = page_of(client.get(CABLE_URL)).find("form", cls="comment-form")
    assert "value" not in form.find("input", name="name").attrs
    # Without consent, the cookie goes.
    post_form(cable, body="Forget me.")
    assert client.cookies["comment_author"].value == ""
    assert reader_layer(client, cable)["author"] == {"remember": False}


def test_a_reader_without_cookies_gets_the_empty_layer_without_a_query(
    client, cable, django_assert_num_queries
):
    with django_assert_num_queries(0):
        layer = reader_layer(client, cable)
    assert (layer["signed_in"], layer["held"], layer["editable"]) == (None, [], [])
    assert "Log in" in layer["account"]


def test_the_email_is_never_shown(client, cable, known_guest):
    page = client.get(CABLE_URL).content.decode()
    assert "ann@example.org" not in page


def test_a_signed_in_reader_comments_without_name_and_email(client, cable, post_form):
    user = User.objects.create_user("ann", "ann@example.org", "pw-long-enough-1", first_name="Ann")
    client.force_login(user)
    assert reader_layer(client, cable)["signed_in"] == "Ann"  # the script says "Commenting as"
    response = post_form(cable, name="", email="", body="As a member.")
    assert response.status_code == HTTPStatus.SEE_OTHER
    comment = Comment.objects.get()
    assert (comment.user, comment.author_email, comment.status) == (
        user,
        "ann@example.org",
        "approved",
    )
    item = page_of(client.get(CABLE_URL)).find("li", id=f"comment-{comment.pk}")
    assert squash(item.find("span", cls="comment-author").text) == "Ann"


def test_sign_up_log_in_and_out(client, db):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "newreader",
            "email": "new@example.org",
            "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42",
            "next": CABLE_URL,
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == CABLE_URL
    assert User.objects.get(username="newreader").email == "new@example.org"
    assert client.cookies["reader"].value == "1"
    assert "Signed in as" in reader_layer(client)["account"]
    assert "Signed in as" not in client.get("/").content.decode()  # the shared page
    client.post("/accounts/logout/")
    assert "Log in" in reader_layer(client)["account"]
    assert client.cookies["reader"].value == ""
    response = client.post(
        "/accounts/login/", {"username": "newreader", "password": "a-long-passphrase-42"}
    )
    assert response.status_code == HTTPStatus.FOUND
    bad = client.post("/accounts/login/", {"username": "newreader", "password": "wrong"})
    assert bad.status_code == HTTPStatus.OK
    assert "correct username and password" in bad.content.decode()


# --- threads ---------------------------------------------------------------------------------


def test_replies_nest_oldest_first(client, cable):
    first = make_comment(cable, body="First.", ago=timedelta(minutes=50))
    second = make_comment(cable, body="Second.", ago=timedelta(minutes=40))
    reply = make_comment(cable, body="Reply to first.", parent=first, ago=timedelta(minutes=30))
    make_comment(cable, body="Reply to reply.", parent=reply, ago=timedelta(minutes=20))
    page = page_of(client.get(CABLE_URL))
    outer = page.find("section", id="responses").find("ol", cls="comment-list")
    top_level = [li for li in outer.children if getattr(li, "tag", None) == "li"]
    assert [li.attrs["id"] for li in top_level] == [f"comment-{first.pk}", f"comment-{second.pk}"]
    nested = top_level[0].find("ol", cls="children")
    assert comment_texts(nested) == ["Reply to first.", "Reply to reply."]
    assert nested.find("ol", cls="children") is not None


def test_a_removed_comment_with_replies_leaves_removed(client, cable):
    parent = make_comment(cable, body="Regrettable.", status=Status.REMOVED)
    make_comment(cable, body="A reply that still reads.", parent=parent)
    make_comment(cable, body="Gone without trace.", status=Status.REMOVED)
    page = page_of(client.get(CABLE_URL))
    item = page.find("li", id=f"comment-{parent.pk}")
    assert squash(item.find("p", cls="comment-removed").text) == "[removed]"
    assert "Regrettable." not in page.text
    assert "Gone without trace." not in page.text
    assert "A reply that still reads." in comment_texts(page)


def test_reply_without_javascript_uses_replytocom(client, cable):
    parent = make_comment(cable, body="Answer me.", name="Bob")
    page = page_of(client.get(CABLE_URL))
    link = page.find("a", cls="reply-link")
    assert link.attrs["href"] == f"{CABLE_URL}?replytocom={parent.pk}#respond"
    form = page_of(client.get(f"{CABLE_URL}?replytocom={parent.pk}")).find(
        "form", cls="comment-form"
    )
    assert form.find("input", name="parent").attrs["value"] == str(parent.pk)
    assert "Replying to Bob" in squash(form.find("p", cls="replying-to").text)


def test_comment_permalink_route_redirects_to_the_anchor(client, cable):
    comment = make_comment(cable, anchor="par2")
    response = client.get(f"/comments/{comment.pk}/")
    assert response["Location"] == f"{CABLE_URL}#comment-{comment.pk}"
    held = make_comment(cable, status=Status.PENDING)
    assert client.get(f"/comments/{held.pk}/").status_code == HTTPStatus.NOT_FOUND


# --- the paragraph page ----------------------------------------------------------------------


def test_posting_from_the_paragraph_page_returns_there(cable, known_guest, post_form):
    response = post_form(cable, anchor="par3", next=PARAGRAPH_URL)
    assert response["Location"] == f"{PARAGRAPH_URL}#comment-{Comment.objects.latest('pk').pk}"


def test_an_outside_next_is_ignored(cable, known_guest, post_form):
    response = post_form(cable, next="https://evil.example/")
    assert response["Location"].startswith(CABLE_URL)


# --- edit and delete -------------------------------------------------------------------------


def test_the_author_edits_within_the_window_and_the_edit_is_marked(
    client, cable, known_guest, post_form
):
    post_form(cable, body="Typo hre.")
    comment = Comment.objects.latest("pk")
    assert reader_layer(client, cable)["editable"] == [comment.pk]
    assert reader_layer(Client(), cable)["editable"] == []
    response = client.post(f"/comments/{comment.pk}/edit/", {"body": "Typo here."})
    assert response.status_code == HTTPStatus.SEE_OTHER
    item = page_of(client.get(CABLE_URL)).find("li", id=f"comment-{comment.pk}")
    assert comment_texts(item) == ["Typo here."]
    assert squash(item.find("span", cls="edited").text) == "edited"


def test_an_edit_too_costly_to_show_is_refused_and_changes_nothing(
    client, cable, known_guest, post_form
):
    post_form(cable, body="Before.")
    comment = Comment.objects.latest("pk")
    text = "> " * 40 + "deep"
    response = client.post(f"/comments/{comment.pk}/edit/", {"body": text})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = page_of(response)
    assert "40 levels deep" in squash(page.text)
    assert page.find("textarea", name="body").text.strip() == text
    comment.refresh_from_db()
    assert (comment.body, comment.edited) == ("Before.", None)


def test_nobody_else_can_edit_or_delete(cable, known_guest, post_form):
    post_form(cable, body="Mine only.")
    comment = Comment.objects.latest("pk")
    stranger = Client()
    assert stranger.get(f"/comments/{comment.pk}/edit/").status_code == HTTPStatus.FORBIDDEN
    response = stranger.post(f"/comments/{comment.pk}/delete/")
    assert response.status_code == HTTPStatus.FORBIDDEN
    comment.refresh_from_db()
    assert (comment.body, comment.status) == ("Mine only.", Status.APPROVED)


def test_the_window_closes_after_fifteen_minutes(client, cable, known_guest, post_form):
    post_form(cable, body="Too late to change.")
    comment = Comment.objects.latest("pk")
    Comment.objects.filter(pk=comment.pk).update(created=comment.created - timedelta(minutes=16))
    response = client.post(f"/comments/{comment.pk}/edit/", {"body": "Changed."})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "within 15 minutes" in response.content.decode()
    assert reader_layer(client, cable)["editable"] == []


def test_the_author_deletes_and_replies_stay_under_removed(client, cable, known_guest, post_form):
    post_form(cable, body="I will regret this.")
    comment = Comment.objects.latest("pk")
    make_comment(cable, parent=comment, body="I saw it.", email="bob@example.org")
    assert client.get(f"/comments/{comment.pk}/delete/").status_code == HTTPStatus.OK
    response = client.post(f"/comments/{comment.pk}/delete/")
    assert response.status_code == HTTPStatus.SEE_OTHER
    page = page_of(client.get(CABLE_URL))
    assert squash(page.find("li", id=f"comment-{comment.pk}").find("p").text) == "[removed]"
    assert "I saw it." in comment_texts(page)


# --- query counts ------------------------------------------------------------------------------
