"""Who cites the seed cable, in the browser: a webmention to ¶4, a pingback sent by the standard
library's own XML-RPC client, and a trackback, each from a page on a real local web server,
verified by the task worker; the cable's references and the cables citing it."""

import datetime
import urllib.parse
import urllib.request
import xmlrpc.client

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from cables.models import Cable
from comments.models import Comment, Status
from tests.factories import make_cable

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_PATH = "/cable/2007/02/07MOSCOW601.html"


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def h_entry_post(*, cable_url: str) -> str:
    return f"""<!doctype html><html><head><meta charset="utf-8">
<title>Kuril talks, 2007 · Northern Notes</title></head><body>
<article class="h-entry">
  <h1 class="p-name">Moscow saw no gain in a Kuril compromise</h1>
  <p>By <a class="p-author h-card" href="/about">Mariko Sato</a>,
     <time class="dt-published" datetime="2011-09-02T08:30:00+09:00">2 September 2011</time></p>
  <div class="e-content">
    <p>Russian officials, the embassy wrote, dismissed Foreign Minister Aso's acreage idea:
       <a href="{cable_url}#par4">Japan experts called it amateurish and offhand</a>.</p>
  </div>
</article></body></html>"""


def plain_post(*, cable_url: str, title: str, sentence: str) -> str:
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="The Cable Desk"></head><body>
<p>{sentence} <a href="{cable_url}">07MOSCOW601</a>.</p></body></html>"""


@pytest.fixture
def cited_seed(seed_cable, settings):
    """The seed cable, a later cable whose REF line names it, and a cable it would cite."""
    settings.LINKBACKS_FETCH_ALLOW_LOOPBACK = True
    make_cable(
        "07TOKYO2700",
        created="2007-06-14 09:12",
        subject="JAPAN-RUSSIA: MOFA ON PUTIN-ABE MEETING",
        references="A. 07 MOSCOW 601 B. 07 TOKYO 1234",
        paragraphs=2,
    )
    return seed_cable


def post_form(url: str, fields: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(url, data=data, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_the_seed_cable_shows_its_references_mentions_and_a_paragraph_mention(
    live_server, cited_seed, source_server, page, screenshot
):
    cable_url = f"{live_server.url}{SEED_PATH}"

    # A webmention for ¶4, from an h-entry post.
    essay = source_server.page("/2011/09/kuril-talks", h_entry_post(cable_url=cable_url))
    status, headers, _body = post_form(
        f"{live_server.url}/webmention/", {"source": essay, "target": f"{cable_url}#par4"}
    )
    assert status == 202 and "/webmention/" in headers["Location"]

    # A pingback, through the endpoint the page advertises, with a real XML-RPC client.
    with urllib.request.urlopen(cable_url, timeout=10) as response:
        endpoint = response.headers["X-Pingback"]
    report = source_server.page(
        "/desk/russia-japan",
        plain_post(
            cable_url=cable_url,
            title="Russia and Japan, a glacial thaw",
            sentence="Moscow expected nothing from the strategic dialogue, as the embassy reported in",
        ),
    )
    answer = xmlrpc.client.ServerProxy(endpoint).pingback.ping(report, cable_url)
    assert "registered" in answer

    # A trackback from a blog post that links to the cable.
    blog = source_server.page(
        "/blog/islands",
        plain_post(
            cable_url=cable_url,
            title="Islands",
            sentence="Nothing will move on the islands before 2008, says",
        ),
    )
    _status, _headers, reply = post_form(
        f"{live_server.url}/cable/2007/02/07MOSCOW601/trackback/",
        {"url": blog, "title": "Four islands, two views", "blog_name": "Island Watch",
         "excerpt": "Why the Kurils stay stuck."},
    )  # fmt: skip
    assert b"<error>0</error>" in reply

    assert source_server.requested() == []  # nothing fetched while the pings were answered
    run_worker()
    assert set(Comment.objects.values_list("kind", "status")) == {
        ("webmention", Status.APPROVED),
        ("pingback", Status.APPROVED),
        ("trackback", Status.APPROVED),
    }

    page.goto(cable_url)
    mentions = page.locator("#mentions .mention")
    expect(mentions).to_have_count(3)
    essay_mention = mentions.filter(has_text="Moscow saw no gain in a Kuril compromise")
    expect(essay_mention).to_contain_text("Mariko Sato")
    expect(essay_mention).to_contain_text("2 September 2011")
    expect(essay_mention).to_contain_text("on ¶4")
    expect(mentions.filter(has_text="Russia and Japan, a glacial thaw")).to_contain_text(
        "The Cable Desk"
    )
    expect(mentions.filter(has_text="Four islands, two views")).to_contain_text("Island Watch")

    # References and "Cited by".
    references = page.locator("nav.references")
    expect(references).to_contain_text("Cited by")
    expect(references.locator("a", has_text="07TOKYO2700")).to_be_visible()
    page.evaluate(
        "document.querySelector('nav.references').scrollIntoView(); window.scrollBy(0, -90)"
    )
    screenshot(page, "linkbacks-references")

    # ¶4 counts the mention, and its thread shows it.
    bubble = page.locator('a.comment-count[data-thread="thread-par4"]')
    expect(bubble.locator(".count")).to_have_text("1")
    bubble.click()
    thread = page.locator("#thread-par4")
    expect(thread).to_be_visible()
    expect(thread.locator(".linkback")).to_contain_text("Moscow saw no gain")
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.evaluate("document.getElementById('par4').scrollIntoView()")
    screenshot(page, "linkbacks-paragraph-4")

    page.locator("#mentions").scroll_into_view_if_needed()
    screenshot(page, "linkbacks-mentioned-in")
    path = screenshot(page, "linkbacks-full-page", full_page=True)
    assert path.stat().st_size > 50_000


def test_mentioned_in_lists_the_mentions_newest_first_then_the_articles(
    live_server, source_server, settings, page, screenshot
):
    """07TOKYO2690 as the walk through the site found it: two articles from the original cable
    page, and mentions received since, one from a page that names neither its site nor its
    author (on 127.0.0.1 here, as a local blog would be)."""
    settings.LINKBACKS_FETCH_ALLOW_LOOPBACK = True
    cable = make_cable(
        "07TOKYO2690",
        created="2007-06-14 09:12",
        subject="JAPAN: MOFA ON THE NORTHERN TERRITORIES",
        paragraphs=4,
    )
    Cable.objects.filter(pk=cable.pk).update(
        articles=[
            {"url": "https://www.asahi.com/special/wikileaks/", "title": "Asahi Shimbun"},
            {"url": "https://www.theguardian.com/world/us-embassy-cables", "title": "The Guardian"},
        ]
    )
    cable_url = f"{live_server.url}{cable.get_absolute_url()}"
    dated = source_server.page("/2011/09/kuril-talks", h_entry_post(cable_url=cable_url))
    bare = source_server.page(
        "/notes",
        "<!doctype html><html><head><title>Notes on the northern territories</title></head>"
        f'<body><p>Tokyo saw it otherwise: <a href="{cable_url}">the cable</a>.</p></body></html>',
    )
    for source in (bare, dated):  # received in this order
        status, _headers, _body = post_form(
            f"{live_server.url}/webmention/", {"source": source, "target": cable_url}
        )
        assert status == 202
    run_worker()
    # Received earlier, from a blog that gives its host only.
    Comment.objects.create(
        cable=cable,
        kind="webmention",
        author_name="www.blog.example.org",
        source_url="https://www.blog.example.org/2010/12/tokyo-cables",
        source_title="What Tokyo told Washington",
        status=Status.APPROVED,
        verification="verified",
        published=datetime.date(2010, 12, 1),
    )

    page.goto(cable_url)
    section = page.locator("#mentions")
    expect(section).not_to_contain_text("No article or blog post")
    titles = section.locator(".mention .linkback-title")
    expect(titles).to_have_text(
        [
            "Notes on the northern territories",
            "Moscow saw no gain in a Kuril compromise",
            "What Tokyo told Washington",
        ]
    )
    bare_mention = section.locator(".mention").first
    expect(bare_mention.locator(".linkback-site")).to_have_count(0)
    expect(bare_mention).not_to_contain_text("127.0.0.1")
    expect(section.locator(".mention").last.locator(".linkback-site")).to_have_text(
        "blog.example.org"
    )
    expect(section.locator(".media-articles a")).to_have_text(["Asahi Shimbun", "The Guardian"])
    section.scroll_into_view_if_needed()
    page.evaluate("document.getElementById('mentions').scrollIntoView(); window.scrollBy(0, -20)")
    screenshot(page, "mentioned-in")
