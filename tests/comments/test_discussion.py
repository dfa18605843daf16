"""Threads are built from one list of comments, and the page nests them as the tree is."""

import random
from datetime import timedelta

from comments.discussion import build
from comments.models import Comment, Status
from tests.comments.conftest import make_comment
from tests.html import parse_html

CABLE_URL = "/cable/2008/03/08STATE1234.html"


def nesting(element, depth=0, found=None):
    """comment id -> how many comment lists enclose it, read from the HTML."""
    found = {} if found is None else found
    for child in element.children:
        if isinstance(child, str):
            continue
        inner = depth + 1 if child.tag == "ol" else depth
        if child.tag == "li" and "comment" in child.classes:
            found[int(child.attrs["id"].removeprefix("comment-"))] = depth
        nesting(child, inner, found)
    return found


def test_a_random_tree_is_nested_in_the_html_exactly_as_stored(client, cable, settings):
    settings.COMMENTS_MAX_DEPTH = 5
    chooser = random.Random(7)
    comments: list[Comment] = []
    for number in range(120):
        candidates = [c for c in comments if c.depth < 5]
        parent = chooser.choice(candidates) if candidates and chooser.random() < 0.7 else None
        ago = timedelta(minutes=1000 - number)
        comments.append(make_comment(cable, parent=parent, body=f"Comment {number}", ago=ago))
    page = parse_html(client.get(CABLE_URL).content)
    levels = nesting(page.find("section", id="responses"))
    assert levels == {comment.pk: comment.depth for comment in comments}


def test_replies_below_the_depth_limit_say_whom_they_answer(client, cable, settings):
    settings.COMMENTS_MAX_DEPTH = 2
    top = make_comment(cable, body="Top.", name="Ann")
    second = make_comment(cable, parent=top, body="Second.", name="Bob")
    beside = make_comment(cable, parent=top, body="Third.", name="Cy")
    Comment.objects.filter(pk=beside.pk).update(replied_to=second)
    page = parse_html(client.get(CABLE_URL).content)
    item = page.find("li", id=f"comment-{beside.pk}")
    note = item.find("span", cls="in-reply-to")
    assert note.find("a").attrs["href"] == f"#comment-{second.pk}"
    assert note.find("a").text == "Bob"


def test_counts_are_approved_comments_per_paragraph(cable):
    make_comment(cable, anchor="par1")
    reply_parent = make_comment(cable, anchor="par2")
    make_comment(cable, parent=reply_parent)
    make_comment(cable, anchor="par2", status=Status.PENDING)
    make_comment(cable, anchor="par2", status=Status.SPAM)
    make_comment(cable)
    comments = list(Comment.objects.for_discussion(cable, own_ids=[]))
    discussion = build(comments, anchors={"par1", "par2", "par3"})
    assert discussion.counts == {"par1": 1, "par2": 2, "": 1}
    assert discussion.total == 4
    assert [entry.comment.anchor for entry in discussion.cable_thread] == [""]
