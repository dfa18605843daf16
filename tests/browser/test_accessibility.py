"""Each kind of page, checked in Chromium by axe-core (the npm package of package.json, which
`make test` installs with `npm ci`): no violation of impact "serious" or "critical" (low
contrast, a field without a label, a button without a name...) on the cable page with its
comments, a paragraph's page, search results, a list, the comment form opened for a reply and
the admin's list of comments to moderate."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission

from comments.models import Status
from tests.comments.conftest import make_comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent.parent.parent / "node_modules" / "axe-core" / "axe.min.js"
SEED_PATH = "/cable/2007/02/07MOSCOW601.html"
PARAGRAPH_4_PATH = "/cable/2007/02/07MOSCOW601/par4/"
FAILING_IMPACTS = {"serious", "critical"}
# A comment count is one or two digits: axe leaves text that short "to be checked by hand"
# (it could be an icon) unless told it is text, which it is here.
_RUN_OPTIONS = {
    "resultTypes": ["violations"],
    "checks": {"color-contrast": {"options": {"ignoreLength": True}}},
}


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed ({AXE} is missing): run `npm ci` (make test does)")
    return AXE.read_text(encoding="utf-8")


def assert_accessible(page, axe_source: str) -> None:
    """Fails listing each serious or critical violation: its rule, impact, what it means and
    the elements (CSS selectors) with axe's reason for each. axe is evaluated through the
    DevTools protocol, which the site's Content-Security-Policy (scripts of our own origin
    only, inline ones with a nonce) does not govern: the page is checked as served."""
    page.evaluate(axe_source)
    results = page.evaluate("options => axe.run(document, options)", _RUN_OPTIONS)
    failing = [rule for rule in results["violations"] if rule["impact"] in FAILING_IMPACTS]
    lines = []
    for rule in failing:
        lines.append(f"{rule['id']} ({rule['impact']}): {rule['help']} <{rule['helpUrl']}>")
        for node in rule["nodes"]:
            reason = " ".join(node["failureSummary"].split())
            lines.append(f"    {' > '.join(map(str, node['target']))}: {reason}")
    if failing:
        summary = f"{len(failing)} serious or critical accessibility violation(s) on {page.url}:"
        pytest.fail("\n".join([summary, *lines]), pytrace=False)


@pytest.fixture
def discussed_cable(search_index, seed_cable):
    """The seed cable (searchable) with comments on paragraphs 2 and 4, a reply among them,
    and one on the cable as a whole: the counts beside those ¶ are not zero."""
    first = make_comment(seed_cable, anchor="par4", body="Gazprom's *role* here is striking.")
    make_comment(
        seed_cable, parent=first, name="Bob Analyst", email="bob@example.net", body="Agreed."
    )
    make_comment(seed_cable, anchor="par2", body="See [the report](https://example.org/r).")
    make_comment(seed_cable, body="A comment on the cable as a whole.")
    return seed_cable


def test_cable_page_with_comment_counts(page, live_server, discussed_cable, axe_source):
    page.goto(f"{live_server.url}{SEED_PATH}")
    assert page.locator("a.comment-count:not(.none)").count() == 2
    assert_accessible(page, axe_source)


def test_open_paragraph_thread_and_reply_form(page, live_server, discussed_cable, axe_source):
    page.goto(f"{live_server.url}{SEED_PATH}")
    page.locator('a.comment-count[data-thread="thread-par4"]').click()
    thread = page.locator("#thread-par4")
    assert thread.locator("form.comment-form").is_visible()
    assert_accessible(page, axe_source)

    page.locator("#responses").get_by_role("link", name="Reply to Ann Reader").click()
    reply_form = page.locator("#responses li.comment form.comment-form")
    assert reply_form.is_visible()
    assert reply_form.locator(".replying-to").is_visible()
    assert_accessible(page, axe_source)


def test_paragraph_page(page, live_server, discussed_cable, axe_source):
    page.goto(f"{live_server.url}{PARAGRAPH_4_PATH}")
    assert page.locator("#responses li.comment").count() == 2
    assert_accessible(page, axe_source)


def test_search_results(page, live_server, discussed_cable, axe_source):
    page.goto(f"{live_server.url}/search/?q=kunadze")
    assert page.locator(".hit").count() == 1
    assert page.locator(".hit mark").count() >= 1
    assert_accessible(page, axe_source)


def test_home_and_a_list(page, live_server, discussed_cable, axe_source):
    page.goto(f"{live_server.url}/")
    assert_accessible(page, axe_source)
    page.goto(f"{live_server.url}{discussed_cable.origin.get_absolute_url()}")
    assert page.locator("table.cable-list tbody tr").count() == 1
    assert_accessible(page, axe_source)


def test_admin_moderation_list(page, live_server, discussed_cable, axe_source, django_user_model):
    make_comment(
        discussed_cable, anchor="par5", body="Held for a moderator.", status=Status.PENDING
    )
    moderator = django_user_model.objects.create_user(
        "moderator", "moderator@example.org", "moderator-password-1", is_staff=True
    )
    moderator.user_permissions.set(
        Permission.objects.filter(content_type__app_label="comments", codename__endswith="comment")
    )
    page.goto(f"{live_server.url}/admin/comments/comment/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill("moderator-password-1")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/admin/comments/comment/")
    assert page.locator("#result_list tbody tr").count() == 5
    assert_accessible(page, axe_source)
