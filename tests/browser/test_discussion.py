"""The discussion in the browser: paragraph threads opened from the count beside a ¶, replies,
permalinks, quoted passages, the no-JavaScript pages and the phone layout."""

import re

import pytest
from playwright.sync_api import expect

from comments.models import Comment, Status
from tests.comments.conftest import make_comment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_PATH = "/cable/2007/02/07MOSCOW601.html"
PAR3_PATH = "/cable/2007/02/07MOSCOW601/par3/"
COMMENT_ID = re.compile(r"#comment-(\d+)$")

ANN = {"name": "Ann Reader", "email": "ann@example.org"}
BOB = {"name": "Bob Analyst", "email": "bob@example.net"}


@pytest.fixture
def quick_posting(settings):
    """Both readers post from 127.0.0.1 within seconds of the page loading, which the anti-bot
    rules refuse (form sent sooner than COMMENTS_FORM_MIN_SECONDS, same IP within
    COMMENTS_FLOOD_SECONDS). Those rules have their own tests; here they would only make the
    test wait. test_form_sent_too_quickly_keeps_the_text keeps the timing rule on."""
    settings.COMMENTS_FORM_MIN_SECONDS = 0
    settings.COMMENTS_FLOOD_SECONDS = 0


@pytest.fixture
def known_readers(seed_cable):
    """A guest's first comment is held for moderation; one approved earlier comment each, on
    the cable as a whole, lets Ann's and Bob's comments appear at once without adding to any
    paragraph's count."""
    for reader in (ANN, BOB):
        make_comment(seed_cable, body=f"{reader['name']} read this before.", **reader)
    return seed_cable


@pytest.fixture
def new_page(browser):
    """Another reader: a browser context of its own (no shared session or cookies)."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def count_bubble(page, anchor: str):
    return page.locator(f'a.comment-count[data-thread="thread-{anchor}"]')


def field_label(text: str) -> re.Pattern:
    """A form field's label, with or without the suffix and the required-field mark."""
    return re.compile(rf"^{re.escape(text)}:?\s*\*?$")


def fill_and_post(form, *, name: str, email: str, body: str) -> None:
    form.get_by_label(field_label("Name")).fill(name)
    form.get_by_label(field_label("E-mail")).fill(email)
    form.get_by_label(field_label("Comment")).fill(body)
    form.get_by_role("button", name="Post Comment").click()


def scroll_to_top(page, selector: str) -> None:
    """Scroll so that a screenshot starts at this element."""
    page.locator(selector).evaluate("element => element.scrollIntoView({block: 'start'})")


def posted_comment(page, path: str) -> Comment:
    """The comment the form just posted, from the #comment-<pk> the redirect landed on."""
    expect(page).to_have_url(re.compile(rf"{re.escape(path)}#comment-\d+$"))
    found = COMMENT_ID.search(page.url)
    assert found is not None, page.url
    return Comment.objects.get(pk=int(found.group(1)))


def test_guest_comments_on_paragraph_3_and_a_second_reader_replies(
    page, new_page, live_server, known_readers, quick_posting, screenshot
):
    cable_url = f"{live_server.url}{SEED_PATH}"

    # Reader 1 opens ¶3's thread from the count beside it; the form moves into the thread.
    page.goto(cable_url)
    thread = page.locator("#thread-par3")
    expect(thread).to_be_hidden()
    count_bubble(page, "par3").click()
    expect(thread).to_be_visible()
    form = thread.locator("form.comment-form")
    expect(form).to_be_visible()
    fill_and_post(form, body="Iliyshev's reasons are the MFA line, word for word.", **ANN)

    comment = posted_comment(page, SEED_PATH)
    assert (comment.anchor, comment.status, comment.parent) == ("par3", Status.APPROVED, None)
    posted = page.locator(f"#thread-par3 #comment-{comment.pk}")
    expect(posted).to_be_visible()
    expect(posted.locator(".comment-text")).to_have_text(
        "Iliyshev's reasons are the MFA line, word for word."
    )
    expect(count_bubble(page, "par3").locator(".count")).to_have_text("1")

    # Reader 2, in another browser, replies to it.
    second = new_page()
    second.goto(cable_url)
    count_bubble(second, "par3").click()
    thread = second.locator("#thread-par3")
    expect(thread).to_be_visible()
    thread.get_by_role("link", name="Reply to Ann Reader").click()
    form = second.locator(f"#comment-{comment.pk} > .reply-slot form.comment-form")
    expect(form).to_be_visible()
    expect(form.locator(".replying-to")).to_be_visible()
    expect(form.locator(".replying-to")).to_contain_text("Replying to Ann Reader")
    screenshot(second, "discussion-reply-form")
    fill_and_post(form, body="And Losyukov said the same to the Ambassador.", **BOB)

    reply = posted_comment(second, SEED_PATH)
    assert (reply.anchor, reply.parent_id, reply.status) == ("par3", comment.pk, Status.APPROVED)
    nested = second.locator(f"#comment-{comment.pk} > ol.children > li#comment-{reply.pk}")
    expect(nested).to_be_visible()
    expect(nested.locator(".comment-author")).to_have_text("Bob Analyst")
    expect(count_bubble(second, "par3").locator(".count")).to_have_text("2")
    expect(second.locator("#thread-par3 .thread-title")).to_contain_text("(2 responses)")
    # The earlier comments on the cable as a whole are not counted on any paragraph.
    expect(count_bubble(second, "par1").locator(".count")).to_have_text("0")
    scroll_to_top(second, '.paragraph-body[data-anchor="par3"]')
    screenshot(second, "discussion-par3-thread")

    # The reply's permalink, opened by someone else, opens ¶3's thread on the reply.
    third = new_page()
    third.goto(f"{cable_url}#comment-{reply.pk}")
    expect(third.locator("#thread-par3")).to_be_visible()
    target = third.locator(f"#comment-{reply.pk}")
    expect(target).to_be_in_viewport()
    expect(target).to_have_class(re.compile(r"\btargeted\b"))
    expect(count_bubble(third, "par3")).to_have_attribute("aria-expanded", "true")
    screenshot(third, "discussion-reply-permalink")


def test_form_sent_too_quickly_keeps_the_text(page, live_server, seed_cable, settings, screenshot):
    # A person takes longer than a minute to read the paragraph and write; a bot does not.
    settings.COMMENTS_FORM_MIN_SECONDS = 60
    page.goto(f"{live_server.url}{SEED_PATH}")
    count_bubble(page, "par3").click()
    form = page.locator("#thread-par3 form.comment-form")
    text = "Posted the moment the page opened."
    with page.expect_response(lambda response: response.url.endswith("/comments/post/")) as sent:
        fill_and_post(form, body=text, **ANN)

    assert sent.value.status in (400, 429)
    expect(page.get_by_role("alert")).to_contain_text("too quickly")
    expect(page.get_by_label(field_label("Comment"))).to_have_value(text)
    expect(page.get_by_label(field_label("Name"))).to_have_value("Ann Reader")
    expect(page.locator("h2", has_text="On paragraph 3 of 07MOSCOW601")).to_be_visible()
    assert not Comment.objects.exists()
    screenshot(page, "discussion-too-quickly")


def test_selected_words_become_a_quoted_passage(
    page, new_page, live_server, known_readers, quick_posting, screenshot
):
    words = "increasing economic ties"
    page.goto(f"{live_server.url}{SEED_PATH}")
    page.evaluate(
        """words => {
            const text = document.querySelector('.paragraph-body[data-anchor="par5"] .paragraph-text');
            const node = [...text.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.nodeValue.includes(words));
            const start = node.nodeValue.indexOf(words);
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + words.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }""",
        words,
    )
    button = page.get_by_role("button", name="Comment on this passage")
    expect(button).to_be_visible()
    scroll_to_top(page, '.paragraph-body[data-anchor="par5"]')
    screenshot(page, "discussion-passage-button")
    button.click()

    thread = page.locator("#thread-par5")
    expect(thread).to_be_visible()
    form = thread.locator("form.comment-form")
    expect(form.locator(".quote-preview")).to_be_visible()
    expect(form.locator(".quote-preview .quote-text")).to_have_text(words)
    fill_and_post(form, body="Ties, but not a treaty.", **ANN)

    comment = posted_comment(page, SEED_PATH)
    assert comment.anchor == "par5"
    assert comment.quote_exact == words
    expect(page.locator(f"#comment-{comment.pk} blockquote.passage")).to_contain_text(words)

    reader = new_page()
    reader.goto(f"{live_server.url}{SEED_PATH}#comment-{comment.pk}")
    expect(reader.locator(f"#comment-{comment.pk}")).to_be_in_viewport()
    highlighted = reader.evaluate(
        """() => CSS.highlights.has("passage")
            ? [...CSS.highlights.get("passage")].map(range => range.toString())
            : null"""
    )
    assert highlighted == [words]
    scroll_to_top(reader, '.paragraph-body[data-anchor="par5"]')
    screenshot(reader, "discussion-passage-highlight")


def test_paragraph_thread_works_without_javascript(
    browser, live_server, known_readers, quick_posting, screenshot
):
    earlier = make_comment(known_readers, anchor="par3", body="The MFA will not move.", **ANN)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{SEED_PATH}")
    bubble = count_bubble(page, "par3")
    assert bubble.get_attribute("href") == PAR3_PATH
    bubble.click()
    expect(page).to_have_url(f"{live_server.url}{PAR3_PATH}")

    expect(page.locator('.paragraph-body[data-anchor="par3"]')).to_contain_text(
        "The Head of the MFA's Japan Desk"
    )
    expect(page.locator(f"#comment-{earlier.pk}")).to_contain_text("The MFA will not move.")
    form = page.locator("#respond form.comment-form")
    expect(form).to_be_visible()
    fill_and_post(form, body="Nothing here about the 1956 declaration.", **BOB)

    comment = posted_comment(page, PAR3_PATH)
    assert (comment.anchor, comment.parent) == ("par3", None)
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text("1956 declaration")

    page.get_by_role("link", name="Reply to Ann Reader").click()
    expect(page).to_have_url(f"{live_server.url}{PAR3_PATH}?replytocom={earlier.pk}#respond")
    form = page.locator("#respond form.comment-form")
    expect(form.locator("input[name=parent]")).to_have_value(str(earlier.pk))
    expect(form.locator(".replying-to")).to_be_visible()
    expect(form.locator(".replying-to")).to_contain_text("Replying to Ann Reader")
    screenshot(page, "discussion-nojs-reply-form")
    fill_and_post(form, body="It moved once, in 1956.", **BOB)

    reply = posted_comment(page, PAR3_PATH)
    assert reply.parent_id == earlier.pk
    expect(
        page.locator(f"#comment-{earlier.pk} > ol.children > li#comment-{reply.pk}")
    ).to_be_visible()
    context.close()


def test_open_thread_fits_a_phone(phone, live_server, seed_cable, screenshot):
    first = make_comment(
        seed_cable,
        anchor="par3",
        body="A long address to check wrapping: https://example.org/" + "very-long-path-" * 8,
    )
    second = make_comment(seed_cable, parent=first, name="Bob Analyst", body="A reply.")
    make_comment(seed_cable, parent=second, body="A reply to the reply, three levels deep.")
    phone.goto(f"{live_server.url}{SEED_PATH}")
    count_bubble(phone, "par3").click()
    thread = phone.locator("#thread-par3")
    expect(thread).to_be_visible()
    expect(thread.locator("form.comment-form")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    scroll_to_top(phone, "#thread-par3")
    screenshot(phone, "discussion-phone-thread")


def test_a_new_guest_sees_their_held_comment_on_the_shared_page(
    page, new_page, live_server, seed_cable, quick_posting, screenshot
):
    """The page is everyone's (no cookie until the reader posts); the reader's own layer shows
    a held comment, its edit link and the remembered name to its author only."""
    cable_url = f"{live_server.url}{SEED_PATH}"
    response = page.goto(cable_url)
    assert "set-cookie" not in response.headers
    assert page.context.cookies() == []
    form = page.locator("#respond form.comment-form")
    form.get_by_label(re.compile("Save my name")).check()
    fill_and_post(form, body="A first comment, held until a moderator reads it.", **ANN)

    comment = Comment.objects.get(body__startswith="A first comment")
    assert comment.status == Status.PENDING
    expect(page).to_have_url(f"{live_server.url}/comments/{comment.pk}/")
    expect(page.locator("h1")).to_have_text("Your comment awaits moderation")

    page.goto(cable_url)
    mine = page.locator(f"#responses li#comment-{comment.pk}")
    expect(mine).to_contain_text("Your comment is awaiting moderation")
    expect(mine.locator("a.edit-link")).to_have_attribute("href", f"/comments/{comment.pk}/edit/")
    expect(form.get_by_label(field_label("Name"))).to_have_value(ANN["name"])
    scroll_to_top(page, f"#comment-{comment.pk}")
    screenshot(page, "held-comment-shown-to-its-author")

    stranger = new_page()
    stranger.goto(cable_url)
    expect(stranger.locator("#responses h2#responses-title")).to_contain_text("0 responses")
    expect(stranger.locator(f"#comment-{comment.pk}")).to_have_count(0)
    expect(
        stranger.locator("#respond form.comment-form").get_by_label(field_label("Name"))
    ).to_have_value("")
