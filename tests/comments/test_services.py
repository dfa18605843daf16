"""The rules of posting, one by one, in the order `post_comment` applies them."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from comments import services
from comments.models import Comment, Status
from comments.passages import locate_quote
from tests.comments.conftest import make_comment, served_ago, set_policy

GUEST = services.Author(name="Ann Reader", email="ann@example.org")
CLIENT = services.Client(ip="203.0.113.5", user_agent="Test browser")


def post(cable, **options) -> Comment:
    arguments = {
        "cable": cable,
        "author": GUEST,
        "body": "A fair reading of the cable.",
        "form": served_ago(60),
        "client": CLIENT,
    }
    arguments.update(options)
    return services.post_comment(**arguments)


def rejected(cable, **options) -> services.CommentRejected:
    before = Comment.objects.count()
    with pytest.raises(services.CommentRejected) as caught:
        post(cable, **options)
    assert Comment.objects.count() == before, "a rejected comment must change nothing"
    return caught.value


@pytest.fixture
def known_guest(cable):
    """Ann has an approved comment already, so hers are not held as first comments."""
    return make_comment(cable, body="An earlier comment.", ago=timedelta(days=2))


# --- rejections ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [Status.PENDING, Status.SPAM, Status.REMOVED])
def test_replying_to_a_comment_that_is_not_approved_is_forbidden(cable, status):
    parent = make_comment(cable, status=status, email="bob@example.org")
    error = rejected(cable, parent=parent)
    assert error.status == HTTPStatus.FORBIDDEN
    assert "published comment" in error.message


def test_replying_to_a_comment_on_another_cable_is_a_bad_request(cable):
    from tests.factories import make_cable

    other = make_cable("08STATE9999")
    parent = make_comment(other)
    assert rejected(cable, parent=parent).status == HTTPStatus.BAD_REQUEST


def test_a_duplicate_is_a_conflict(cable, known_guest):
    first = post(cable, body="Same words.")
    error = rejected(cable, body="Same words.", form=served_ago(30))
    assert error.status == HTTPStatus.CONFLICT
    assert first.status == Status.APPROVED


def test_the_same_words_elsewhere_are_not_a_duplicate(cable, known_guest):
    paragraph = cable.paragraphs.get(anchor="par2")
    post(cable, body="Same words.")
    elsewhere = post(cable, body="Same words.", paragraph=paragraph)
    as_reply = post(cable, body="Same words.", parent=known_guest)
    other_author = post(
        cable, body="Same words.", author=services.Author(name="Bob", email="bob@example.org")
    )
    assert {elsewhere.anchor, as_reply.parent_id, other_author.author_email} == {
        "par2",
        known_guest.pk,
        "bob@example.org",
    }


def test_a_removed_comment_may_be_posted_again(cable, known_guest):
    services.remove_comment(comment=post(cable, body="Second thoughts."))
    assert post(cable, body="Second thoughts.").status == Status.APPROVED


@pytest.mark.parametrize(
    "second",
    [
        {"client": services.Client(ip="203.0.113.5")},  # same address
        {"author": services.Author(name="Ann", email="ANN@example.org")},  # same e-mail
    ],
    ids=["same-ip", "same-email"],
)
def test_flooding_is_too_many_requests(cable, settings, known_guest, second):
    settings.COMMENTS_FLOOD_SECONDS = 15
    now = timezone.now()
    post(cable, body="First.", now=now)
    other = {
        "client": services.Client(ip="198.51.100.7"),
        "author": services.Author(name="Bob", email="bob@example.org"),
    }
    other.update(second)
    error = rejected(cable, body="Second.", now=now + timedelta(seconds=10), **other)
    assert error.status == HTTPStatus.TOO_MANY_REQUESTS
    assert "15 seconds" in error.message


def test_flooding_counts_the_account_too(cable, settings):
    settings.COMMENTS_FLOOD_SECONDS = 15
    user = User.objects.create_user("ann", "ann@example.org", "pw-long-enough-1")
    author = services.Author(name="ann", email="", user=user)
    now = timezone.now()
    post(cable, author=author, body="First.", now=now)
    error = rejected(
        cable,
        author=author,
        body="Second.",
        client=services.Client(ip="198.51.100.7"),
        now=now + timedelta(seconds=5),
    )
    assert error.status == HTTPStatus.TOO_MANY_REQUESTS


def test_after_the_flood_interval_posting_works_again(cable, settings, known_guest):
    settings.COMMENTS_FLOOD_SECONDS = 15
    now = timezone.now()
    post(cable, body="First.", now=now)
    later = post(cable, body="Second.", now=now + timedelta(seconds=16), form=served_ago(10))
    assert later.pk


def test_moderators_are_not_flood_limited(cable, settings):
    settings.COMMENTS_FLOOD_SECONDS = 15
    staff = User.objects.create_user("mod", "mod@example.org", "pw-long-enough-1", is_staff=True)
    author = services.Author(name="mod", email="mod@example.org", user=staff)
    now = timezone.now()
    post(cable, author=author, body="First.", now=now)
    assert post(cable, author=author, body="Second.", now=now + timedelta(seconds=1)).pk


@pytest.mark.parametrize(
    ("form", "words"),
    [
        (services.FormCheck(honeypot="http://spam.example", served_at=None), "machine"),
        (services.FormCheck(served_at=None), "altered"),
        ("fast", "too quickly"),
        ("old", "more than a day old"),
    ],
    ids=["honeypot", "no-timestamp", "too-fast", "too-old"],
)
def test_bots_are_a_bad_request(cable, form, words):
    if form == "fast":
        form = served_ago(1)
    elif form == "old":
        form = served_ago(24 * 60 * 60 + 5)
    error = rejected(cable, form=form)
    assert error.status == HTTPStatus.BAD_REQUEST
    assert words in error.message


def test_rules_apply_in_order_forbidden_before_duplicate_before_flood_before_bot(
    cable, settings, known_guest
):
    settings.COMMENTS_FLOOD_SECONDS = 15
    held = make_comment(cable, status=Status.PENDING, email="bob@example.org")
    now = timezone.now()
    first = post(cable, body="Twice.", parent=known_guest, now=now)
    bot = services.FormCheck(honeypot="x", served_at=None)
    # A bot replying to a held comment, twice, too fast: forbidden wins.
    assert rejected(cable, parent=held, form=bot, now=now).status == HTTPStatus.FORBIDDEN
    # The same words under the same parent again, by a bot, too fast: a conflict.
    repeat = {"body": "Twice.", "parent": first.parent, "form": bot, "now": now}
    assert rejected(cable, **repeat).status == HTTPStatus.CONFLICT
    # New words, too fast, by a bot: flooding.
    assert rejected(cable, body="New.", form=bot, now=now).status == HTTPStatus.TOO_MANY_REQUESTS
    # Only then the bot check.
    settings.COMMENTS_FLOOD_SECONDS = 0
    assert rejected(cable, body="New.", form=bot, now=now).status == HTTPStatus.BAD_REQUEST


# --- statuses --------------------------------------------------------------------------------


def test_a_known_guest_is_approved(cable, known_guest):
    comment = post(cable)
    assert (comment.status, comment.moderation_reason) == (Status.APPROVED, "")


def test_a_guest_email_without_an_approved_comment_is_held(cable):
    comment = post(cable)
    assert comment.status == Status.PENDING
    assert comment.moderation_reason == "first comment from this e-mail address"


def test_a_held_comment_does_not_make_the_next_one_approved(cable):
    post(cable, body="One.")
    assert post(cable, body="Two.").status == Status.PENDING


def test_signed_in_readers_are_not_held_as_first_comments(cable):
    user = User.objects.create_user("ann", "ann@example.org", "pw-long-enough-1")
    comment = post(cable, author=services.Author(name="ann", email=user.email, user=user))
    assert comment.status == Status.APPROVED
    assert comment.user == user


def test_site_wide_moderation_holds_everything(cable, known_guest, settings):
    settings.COMMENTS_HOLD_ALL = True
    comment = post(cable)
    assert (comment.status, comment.moderation_reason) == (
        Status.PENDING,
        "site-wide moderation is on",
    )


def test_site_wide_moderation_from_the_admin_policy(cable, known_guest):
    set_policy(hold_all=True)
    assert post(cable).status == Status.PENDING


def test_two_links_hold_a_comment_one_does_not(cable, known_guest):
    one = post(cable, body="See [this](https://example.org/a).")
    two = post(cable, body="See https://example.org/a and www.example.net/b")
    assert one.status == Status.APPROVED
    assert (two.status, two.moderation_reason) == (Status.PENDING, "contains 2 links")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Cheap Pills"),
        ("email", "seller@pills.example"),
        ("url", "https://pills.example/shop"),
        ("body", "Buy PILLS here."),
        ("ip", "192.0.2.66"),
    ],
)
def test_a_moderation_word_in_any_field_holds_the_comment(cable, known_guest, field, value):
    set_policy(moderation_words="pills\n192.0.2.66\n")
    author = {"name": "Ann Reader", "email": "ann@example.org", "url": ""}
    client = CLIENT
    body = "A fair reading."
    if field == "ip":
        client = services.Client(ip=value)
    elif field == "body":
        body = value
    else:
        author[field] = value
    if field in ("email",):
        make_comment(cable, email=value, body="earlier")  # known e-mail, so only the word holds
    comment = post(cable, author=services.Author(**author), client=client, body=body)
    assert comment.status == Status.PENDING
    assert "moderation word" in comment.moderation_reason


def test_moderation_words_from_settings_count_too(cable, known_guest, settings):
    settings.COMMENTS_MODERATION_WORDS = ["casino"]
    assert post(cable, body="Online Casino!").status == Status.PENDING


def test_a_disallowed_word_goes_straight_to_spam(cable, known_guest):
    set_policy(disallowed_words="viagra")
    comment = post(cable, body="Cheap VIAGRA, two links http://a.example http://b.example")
    assert comment.status == Status.SPAM
    assert "viagra" in comment.moderation_reason


def test_disallowed_words_from_settings(cable, known_guest, settings):
    settings.COMMENTS_DISALLOWED_WORDS = ["crypto-scam"]
    assert post(cable, body="A crypto-scam offer.").status == Status.SPAM


def test_moderators_are_approved_whatever_they_write(cable):
    set_policy(hold_all=True, disallowed_words="link")
    staff = User.objects.create_user("mod", "mod@example.org", "pw-long-enough-1", is_staff=True)
    author = services.Author(name="mod", email="mod@example.org", user=staff)
    body = "A link http://a.example and http://b.example"
    assert post(cable, author=author, body=body).status == Status.APPROVED


# --- where a comment goes ----------------------------------------------------------------------


def test_a_paragraph_comment_stores_its_anchor_and_quote(cable, known_guest):
    paragraph = cable.paragraphs.get(anchor="par3")
    quote = locate_quote(paragraph.text, "talks went well")
    comment = post(cable, paragraph=paragraph, quote=quote)
    assert comment.anchor == "par3"
    assert (comment.quote_prefix, comment.quote_exact) == (
        "The minister said the ",
        "talks went well",
    )
    assert comment.quote_suffix == ". Paragraph 3 ends here."


def test_a_reply_takes_its_parent_paragraph(cable, known_guest):
    parent = make_comment(cable, anchor="par2", email="bob@example.org")
    reply = post(cable, parent=parent)
    assert (reply.anchor, reply.parent, reply.depth) == ("par2", parent, 2)


def test_a_reply_below_the_depth_limit_attaches_at_the_deepest_level(cable, known_guest, settings):
    settings.COMMENTS_MAX_DEPTH = 3
    top = make_comment(cable, email="bob@example.org")
    second = make_comment(cable, parent=top, email="bob@example.org")
    third = make_comment(cable, parent=second, email="bob@example.org")
    reply = post(cable, parent=third)
    assert (reply.parent, reply.replied_to, reply.depth) == (second, third, 3)


def test_the_body_is_stored_as_written_and_rendered_sanitised(cable, known_guest):
    comment = post(cable, body="**Bold** <script>alert(1)</script>")
    assert comment.body == "**Bold** <script>alert(1)</script>"
    assert comment.body_html.startswith("<p><strong>Bold</strong>")
    assert "<script" not in comment.body_html


def test_notify_needs_an_email(cable):
    user = User.objects.create_user("nomail", "", "pw-long-enough-1")
    comment = post(cable, author=services.Author(name="nomail", user=user), notify_replies=True)
    assert comment.notify_replies is False


# --- edit and remove ---------------------------------------------------------------------------


def test_an_edit_is_marked_and_judged_again(cable, known_guest):
    comment = post(cable, body="Short.")
    services.edit_comment(comment=comment, body="Now with http://a.example and http://b.example")
    comment.refresh_from_db()
    assert comment.edited is not None
    assert comment.status == Status.PENDING
    assert comment.moderation_reason == "edited: contains 2 links"


def test_a_text_too_costly_to_show_is_a_bad_request_posted_or_edited(cable, known_guest):
    nested = "> " * 40 + "deep"
    error = rejected(cable, body=nested)
    assert error.status == HTTPStatus.BAD_REQUEST
    assert "40 levels deep" in error.message

    comment = post(cable, body="Short.")
    with pytest.raises(services.CommentRejected, match="40 levels deep"):
        services.edit_comment(comment=comment, body=nested)
    comment.refresh_from_db()
    assert (comment.body, comment.edited) == ("Short.", None)


def test_removing_keeps_the_row(cable, known_guest):
    comment = post(cable)
    services.remove_comment(comment=comment)
    comment.refresh_from_db()
    assert comment.status == Status.REMOVED
