"""The moderators' side: the comment list in the admin, its filters, search and bulk actions,
the queue count on the admin's front page, and the moderation policy they edit there."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations import RunPython
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments.models import Comment, ModerationPolicy, Status
from tests.comments.conftest import form_data, make_comment
from tests.factories import make_cable
from tests.html import Element, parse_html, squash

CHANGELIST = "/admin/comments/comment/"
POLICY_CHANGELIST = "/admin/comments/moderationpolicy/"


def listed(response) -> set[int]:
    """The comments a changelist shows, by the checkboxes of its rows."""
    assert response.status_code == 200
    page = parse_html(response.content)
    return {int(box.attrs["value"]) for box in page.find_all("input", name="_selected_action")}


def time_since(year: int, month: int = 6) -> timedelta:
    """How long ago the middle of that month was: make_comment dates comments by their age."""
    return timezone.now() - datetime(year, month, 15, 12, tzinfo=UTC)


def run_action(admin_client, action: str, comments: list[Comment]):
    return admin_client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [comment.pk for comment in comments], "index": 0},
        follow=True,
    )


def statuses() -> dict[int, str]:
    return dict(Comment.objects.values_list("pk", "status"))


# --- the changelist: filters and search ----------------------------------------------------


def test_changelist_filters_by_status(admin_client, cable):
    pending = make_comment(cable, status=Status.PENDING)
    approved = make_comment(cable)
    spam = make_comment(cable, status=Status.SPAM)

    assert listed(admin_client.get(CHANGELIST)) == {pending.pk, approved.pk, spam.pk}
    assert listed(admin_client.get(CHANGELIST, {"status__exact": "pending"})) == {pending.pk}
    assert listed(admin_client.get(CHANGELIST, {"status__exact": "spam"})) == {spam.pk}


def filter_links(page: Element, title: str) -> dict[str, str]:
    """The choices of one filter in the changelist's sidebar: link text to address."""
    found = [
        details
        for details in page.find("search", id="changelist-filter").find_all("details")
        if details.attrs.get("data-filter-title") == title
    ]
    assert found, f"no filter by {title}"
    return {squash(link.text): link.attrs["href"] for link in found[0].find_all("a")}


def cable_filter(page: Element) -> Element:
    """The cable filter in the changelist's sidebar: a form to type a reference ID in."""
    found = [
        details
        for details in page.find("search", id="changelist-filter").find_all("details")
        if details.attrs.get("data-filter-title") == "cable"
    ]
    assert found, "no filter by cable"
    return found[0]


def typed_in(admin_client, page: Element, reference_id: str):
    """Type a reference ID in the cable filter and send its form."""
    form = cable_filter(page).find("form")
    fields = {
        field.attrs["name"]: field.attrs.get("value", "")
        for field in form.find_all("input")
        if "name" in field.attrs
    }
    fields[form.find("input", type="search").attrs["name"]] = reference_id
    return admin_client.get(CHANGELIST, fields)


def test_changelist_filters_by_a_cable_typed_in(admin_client, cable):
    """Typed, not picked from a list: the sidebar would list every cable discussed (or all
    251,287). Offered as soon as there is a comment, on one cable or on many."""
    here = make_comment(cable)
    page = parse_html(admin_client.get(CHANGELIST).content)
    assert cable_filter(page).find("label").text == "Reference ID"

    other_cable = make_cable("08MOSCOW5678")
    there = make_comment(other_cable, anchor="par1")
    held_there = make_comment(other_cable, status=Status.PENDING, body="Held.")
    assert listed(typed_in(admin_client, page, "08STATE1234")) == {here.pk}
    assert listed(typed_in(admin_client, page, " 08 moscow 5678 ")) == {there.pk, held_there.pk}
    assert listed(typed_in(admin_client, page, "08PARIS9")) == set()


def test_the_cable_filter_keeps_the_other_filters_and_can_be_removed(admin_client, cable):
    other_cable = make_cable("08MOSCOW5678")
    make_comment(cable, status=Status.PENDING)
    held_there = make_comment(other_cable, status=Status.PENDING, body="Held.")
    make_comment(other_cable, body="Published.")
    pending = parse_html(admin_client.get(CHANGELIST, {"status__exact": "pending"}).content)

    narrowed = typed_in(admin_client, pending, "08MOSCOW5678")

    assert listed(narrowed) == {held_there.pk}
    page = parse_html(narrowed.content)
    assert cable_filter(page).find("input", type="search").attrs["value"] == "08MOSCOW5678"
    everything = cable_filter(page).find("a").attrs["href"]
    assert everything == "?status__exact=pending"
    assert len(listed(admin_client.get(CHANGELIST + everything))) == 2


def test_changelist_filters_by_date(admin_client, cable):
    this_year = timezone.now().year
    recent = make_comment(cable)
    older = make_comment(cable, ago=time_since(2024, month=3))

    page = parse_html(admin_client.get(CHANGELIST).content)
    hierarchy = page.find("nav", cls="toplinks")
    years = {squash(link.text): link.attrs["href"] for link in hierarchy.find_all("a")}

    assert years == {"2024": "?created__year=2024", str(this_year): f"?created__year={this_year}"}
    assert listed(admin_client.get(CHANGELIST + years["2024"])) == {older.pk}
    assert listed(admin_client.get(CHANGELIST, {"created__year": this_year})) == {recent.pk}
    in_march = {"created__year": 2024, "created__month": 3}
    assert listed(admin_client.get(CHANGELIST, in_march)) == {older.pk}
    in_april = {"created__year": 2024, "created__month": 4}
    assert listed(admin_client.get(CHANGELIST, in_april)) == set()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("lobbyists", "lobbying"),
        ("boris@example.net", "boris"),
        ("203.0.113.7", "boris"),
        ("08MOSCOW5678", "moscow"),
    ],
    ids=["body text", "author e-mail", "IP address", "cable reference id"],
)
def test_changelist_search_finds(admin_client, cable, query, expected):
    moscow_cable = make_cable("08MOSCOW5678")
    comments = {
        "lobbying": make_comment(cable, body="The lobbyists wrote paragraph 3, I think."),
        "boris": make_comment(
            cable, name="Boris", email="boris@example.net", ip_address="203.0.113.7"
        ),
        "moscow": make_comment(moscow_cable, body="Another embassy, another view."),
        "unrelated": make_comment(cable, body="Nothing to see.", ip_address="198.51.100.1"),
    }

    found = listed(admin_client.get(CHANGELIST, {"q": query}))

    assert found == {comments[expected].pk}


def test_hostile_comment_is_shown_to_moderators_as_text(admin_client, cable):
    body = '<img src=x onerror="alert(1)">[link](javascript:alert(2))'
    name = "<script>alert(3)</script>"
    comment = make_comment(cable, body=body, name=name, status=Status.PENDING)

    row = parse_html(admin_client.get(CHANGELIST).content).find("table", id="result_list")
    change = parse_html(admin_client.get(f"{CHANGELIST}{comment.pk}/change/").content)

    assert squash(row.find("th", cls="field-short_body").text) == body
    assert squash(row.find("td", cls="field-author_name").text) == name
    assert not row.find_all("img") and not row.find_all("script")
    # The stored HTML is shown as source, for the moderator to read.
    stored = change.find("div", cls="field-body_html").find("div", cls="readonly")
    assert squash(stored.text) == comment.body_html
    assert not stored.find_all("a") and not stored.find_all("img")
    assert change.find("textarea", name="body").text.strip() == body


# --- bulk actions ------------------------------------------------------------------------


def success_messages(response) -> list[str]:
    return [
        squash(item.text) for item in parse_html(response.content).find_all("li", cls="success")
    ]


@pytest.mark.parametrize(
    "action, status, done",
    [
        ("approve", Status.APPROVED, "approved"),
        ("mark_spam", Status.SPAM, "marked as spam"),
        ("remove", Status.REMOVED, "removed"),
    ],
)
def test_bulk_action_changes_the_selected_comments(admin_client, cable, action, status, done):
    chosen = [
        make_comment(cable, status=Status.PENDING, body="One."),
        make_comment(cable, status=Status.PENDING, body="Two."),
    ]
    left_alone = make_comment(cable, status=Status.PENDING, body="Three.")

    response = run_action(admin_client, action, chosen)

    assert response.status_code == 200
    assert success_messages(response) == [f"2 comment(s) {done}."]
    assert statuses() == {
        chosen[0].pk: status,
        chosen[1].pk: status,
        left_alone.pk: Status.PENDING,
    }
    reason = Comment.objects.get(pk=chosen[0].pk).moderation_reason
    assert reason == f"set to {status} by a moderator"


def test_bulk_action_counts_only_the_comments_it_changed(admin_client, cable):
    already = make_comment(cable)
    waiting = make_comment(cable, status=Status.PENDING, body="Waiting.")

    response = run_action(admin_client, "approve", [already, waiting])

    assert success_messages(response) == ["1 comment(s) approved."]
    assert statuses() == {already.pk: Status.APPROVED, waiting.pk: Status.APPROVED}


def test_approving_a_reply_queues_one_notice_to_the_subscribed_parent(admin_client, cable):
    parent = make_comment(cable, email="ann@example.org", notify_replies=True)
    reply = make_comment(
        cable, parent=parent, name="Boris", email="boris@example.net", status=Status.PENDING
    )

    run_action(admin_client, "approve", [reply])

    task = DBTaskResult.objects.get()
    assert task.task_path == "comments.tasks.send_reply_notice"
    assert task.args_kwargs["args"] == [reply.pk]

    run_action(admin_client, "approve", [reply])
    run_action(admin_client, "approve", [reply, parent])

    assert DBTaskResult.objects.count() == 1


def test_approving_a_reply_to_an_unsubscribed_parent_queues_nothing(admin_client, cable):
    parent = make_comment(cable, email="ann@example.org", notify_replies=False)
    reply = make_comment(cable, parent=parent, email="boris@example.net", status=Status.PENDING)

    run_action(admin_client, "approve", [reply])

    assert Comment.objects.get(pk=reply.pk).status == Status.APPROVED
    assert not DBTaskResult.objects.exists()


def test_marking_a_reply_as_spam_queues_nothing(admin_client, cable):
    parent = make_comment(cable, email="ann@example.org", notify_replies=True)
    reply = make_comment(cable, parent=parent, email="boris@example.net", status=Status.PENDING)

    run_action(admin_client, "mark_spam", [reply])

    assert not DBTaskResult.objects.exists()


# --- the admin's front page -------------------------------------------------------------


def moderation_queue(admin_client) -> Element:
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    return parse_html(response.content).find("div", id="moderation-queue")


@pytest.mark.parametrize("pending, text", [(0, "0 comments"), (1, "1 comment"), (3, "3 comments")])
def test_admin_index_shows_the_moderation_queue(admin_client, cable, pending, text):
    for number in range(pending):
        make_comment(cable, status=Status.PENDING, body=f"Waiting {number}.")
    make_comment(cable, body="Published.")
    make_comment(cable, status=Status.SPAM, body="Spam.")
    make_comment(cable, status=Status.REMOVED, body="Removed.")

    link = moderation_queue(admin_client).find("a")

    assert squash(link.text) == f"{text} awaiting moderation"
    assert link.attrs["href"] == f"{CHANGELIST}?status__exact=pending"
    assert len(listed(admin_client.get(link.attrs["href"]))) == pending


# --- the moderation policy --------------------------------------------------------------


def add_button(admin_client) -> list[Element]:
    page = parse_html(admin_client.get(POLICY_CHANGELIST).content)
    tools = page.find_all("ul", cls="object-tools")
    return [link for ul in tools for link in ul.find_all("a", cls="addlink")]


def the_policy() -> ModerationPolicy:
    """The one row migrate made (made again if a transactional test before this one emptied
    the database, as each does when it ends)."""
    return ModerationPolicy.objects.first() or ModerationPolicy.objects.create()


POLICY_MIGRATION = ("comments", "0006_moderation_policy_row")


def run_policy_migration() -> None:
    """The policy migration's code, on the models as they were when it ran."""
    loader = MigrationLoader(connection)
    (operation,) = loader.get_migration(*POLICY_MIGRATION).operations
    assert isinstance(operation, RunPython)
    apps = loader.project_state(POLICY_MIGRATION, at_end=False).apps
    operation.code(apps, connection.schema_editor())  # not entered: the code alters no table


def test_the_first_migrate_makes_the_one_policy(db):
    """Applied by migrate (this database's too), it adds the row when there is none and
    keeps the one there is. (Not read off this database: a transactional test before this
    one may have emptied it.)"""
    assert POLICY_MIGRATION in MigrationRecorder(connection).applied_migrations()
    ModerationPolicy.objects.all().delete()
    run_policy_migration()
    assert list(ModerationPolicy.objects.values("hold_all", "moderation_words")) == [
        {"hold_all": False, "moderation_words": ""}
    ]
    ModerationPolicy.objects.update(moderation_words="lobbyist")
    run_policy_migration()
    assert list(ModerationPolicy.objects.values_list("moderation_words", flat=True)) == ["lobbyist"]


def test_the_policy_is_edited_never_added_beside_nor_deleted(admin_client):
    policy = the_policy()
    rows = parse_html(admin_client.get(POLICY_CHANGELIST).content).find("table", id="result_list")
    links = [a.attrs["href"] for a in rows.find("tbody").find_all("a")]
    assert links == [f"{POLICY_CHANGELIST}{policy.pk}/change/"]
    assert add_button(admin_client) == []
    assert admin_client.get(f"{POLICY_CHANGELIST}add/").status_code == 403
    second = admin_client.post(
        f"{POLICY_CHANGELIST}add/", {"moderation_words": "", "disallowed_words": "casino"}
    )
    assert second.status_code == 403
    assert admin_client.post(f"{POLICY_CHANGELIST}{policy.pk}/delete/").status_code == 403

    edit = f"{POLICY_CHANGELIST}{policy.pk}/change/"
    page = parse_html(admin_client.get(edit).content)
    assert not page.find_all("a", cls="deletelink")
    saved = admin_client.post(
        edit, {"moderation_words": "lobbyist", "disallowed_words": "", "_save": "Save"}
    )
    assert saved.status_code == 302
    assert list(ModerationPolicy.objects.values_list("moderation_words", flat=True)) == ["lobbyist"]


def test_a_policy_row_deleted_by_hand_can_be_added_again(admin_client):
    ModerationPolicy.objects.all().delete()
    assert [link.attrs["href"] for link in add_button(admin_client)] == [f"{POLICY_CHANGELIST}add/"]
    response = admin_client.post(
        f"{POLICY_CHANGELIST}add/",
        {"moderation_words": "lobbyist", "disallowed_words": "", "_save": "Save"},
    )
    assert response.status_code == 302
    assert ModerationPolicy.objects.count() == 1
    assert add_button(admin_client) == []


def save_policy(admin_client, **words) -> None:
    data = {"moderation_words": "", "disallowed_words": "", "_save": "Save"} | words
    response = admin_client.post(f"{POLICY_CHANGELIST}{the_policy().pk}/change/", data)
    assert response.status_code == 302


@pytest.fixture
def known_reader(cable):
    """A reader with an approved comment: their next comment is published straight away."""
    return make_comment(cable, email="ann@example.org")


def test_policy_moderation_word_holds_a_new_comment(admin_client, client, cable, known_reader):
    save_policy(admin_client, moderation_words="Lobbyist\nbribe")

    published = client.post(
        "/comments/post/", form_data(cable, body="The talks went well, it says.")
    )
    held = client.post(
        "/comments/post/", form_data(cable, body="Which LOBBYIST wrote this paragraph?")
    )

    assert published.status_code == held.status_code == 303
    first, second = Comment.objects.exclude(pk=known_reader.pk).order_by("pk")
    assert first.status == Status.APPROVED
    assert second.status == Status.PENDING
    assert "lobbyist" in second.moderation_reason


def test_policy_disallowed_word_sends_a_new_comment_to_spam(
    admin_client, client, cable, known_reader
):
    save_policy(admin_client, moderation_words="lobbyist")
    policy = ModerationPolicy.objects.get()
    changed = admin_client.post(
        f"{POLICY_CHANGELIST}{policy.pk}/change/",
        {"moderation_words": "lobbyist", "disallowed_words": "cheap pills", "_save": "Save"},
    )
    assert changed.status_code == 302

    response = client.post("/comments/post/", form_data(cable, body="Buy CHEAP PILLS at my shop."))

    assert response.status_code == 303
    comment = Comment.objects.exclude(pk=known_reader.pk).get()
    assert comment.status == Status.SPAM
    assert "cheap pills" in comment.moderation_reason
    # Nobody sees it.
    page = parse_html(Client().get(cable.get_absolute_url()).content)
    assert not page.find_all("li", id=comment.html_id)


@pytest.mark.parametrize("count", [1, 30])
def test_changelist_query_count_does_not_grow_with_comments(
    admin_client, cable, count, django_assert_num_queries
):
    for number in range(count):
        make_comment(cable, anchor=f"par{number % 5 + 1}", body=f"Comment {number}.")
    # Session, user, the count twice (filtered and total), the policy's add permission (the
    # sidebar), the page of comments with their cables, and two for the date hierarchy. The
    # cable filter is typed in: no query for its choices, and none more when it is used.
    with django_assert_num_queries(8):
        response = admin_client.get(CHANGELIST)
    assert len(listed(response)) == count
    with django_assert_num_queries(8):
        response = admin_client.get(CHANGELIST, {"cable": cable.reference_id})
    assert len(listed(response)) == count
