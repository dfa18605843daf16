"""Each comment's HTML, rendered once and kept: the written-out card says what the template
says, and a kept fragment gives way to a new one when anything it shows changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from cables.models import Cable
from comments.discussion import load_discussion
from comments.fragments import comment_card, entry_template, fragment_key, is_plain, threads_of
from comments.models import Comment
from tests.comments.conftest import make_comment
from tests.html import Element, parse_html

HOSTILE_NAME = 'Ann "Quote" <b>&amp; Co</b> \u202e'


def normalised(node: Element | str):
    """The tree without the whitespace between tags and with runs of spaces as one."""
    if isinstance(node, str):
        return " ".join(node.split())
    children = [normalised(child) for child in node.children]
    return (node.tag, node.attrs, [child for child in children if child != ""])


@pytest.fixture
def discussed(cable, settings):
    settings.COMMENTS_MAX_DEPTH = 2
    user = User.objects.create_user("bob", "bob@example.org", "pw-long-enough", first_name="Bob")
    first = make_comment(cable, body="**Bold** words & <i>marks</i>.", name=HOSTILE_NAME)
    first.author_url = "https://ann.example/?a=1&b=2"
    first.edited = timezone.now() - timedelta(minutes=5)
    first.save()
    reply = make_comment(cable, parent=first, body="A reply.", user=user, email="")
    # Below the depth limit a reply sits beside the comment it answers ("in reply to").
    deeper = make_comment(cable, parent=reply, body="Deeper.", name="Cy")
    Comment.objects.filter(pk=deeper.pk).update(parent=first, depth=2, replied_to=reply)
    make_comment(
        cable,
        anchor="par3",
        body="On a passage.",
        quote_exact='the "talks" & <all>',
        quote_prefix="said ",
        quote_suffix=" went",
    )
    return Cable.objects.for_page().get(pk=cable.pk)


def test_the_written_out_card_is_the_templates_markup(discussed):
    discussion = load_discussion(discussed, own_ids=[])
    cable_url = discussed.get_absolute_url()
    compared = 0
    for thread, reply_base in threads_of(discussion, discussed):
        for entry in thread:
            assert is_plain(entry)
            card = comment_card(entry, cable_url=cable_url, reply_base=reply_base)
            context = {
                "entry": entry,
                "comment": entry.comment,
                "cable": discussed,
                "reply_base": reply_base,
            }
            template = entry_template().render(context)
            assert normalised(parse_html(card)) == normalised(parse_html(template))
            compared += 1
    assert compared == 4


def test_a_kept_fragment_gives_way_when_what_it_shows_changes(discussed):
    def keys() -> dict[int, str]:
        discussion = load_discussion(discussed, own_ids=[])
        return {
            entry.comment.pk: fragment_key(
                entry, cable_url=discussed.get_absolute_url(), reply_base=base
            )
            for thread, base in threads_of(discussion, discussed)
            for entry in thread
        }

    before = keys()
    assert keys() == before  # nothing changed: the same fragments
    bob = User.objects.get(username="bob")
    bob.first_name = "Robert"
    bob.save()
    after = keys()
    reply = Comment.objects.get(body="A reply.")
    deeper = Comment.objects.get(body="Deeper.")
    # Bob's comment shows his name; Cy's says whom it answers, by name.
    assert {pk for pk in before if before[pk] != after[pk]} == {reply.pk, deeper.pk}
    Comment.objects.filter(body="On a passage.").update(body_html="<p>Edited.</p>")
    assert sum(after[pk] != key for pk, key in keys().items()) == 1


def test_the_page_shows_the_cards(client, discussed):
    page = parse_html(client.get(discussed.get_absolute_url()).content)
    first = page.find("li", id=f"comment-{Comment.objects.order_by('pk').first().pk}")
    author = first.find("span", cls="comment-author").find("a")
    assert author.attrs["href"] == "https://ann.example/?a=1&b=2"
    assert author.text == HOSTILE_NAME
    assert first.find("a", cls="reply-link").attrs["data-author"] == HOSTILE_NAME
