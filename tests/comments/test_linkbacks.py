"""Linkbacks end to end: TrackBack, Pingback and Webmention as other sites send them.

Pings go through the real endpoints; the sources are pages on a real HTTP server on 127.0.0.1
(tests/source_server.py), fetched by the task worker (`manage.py db_worker`) exactly as in
production; and what is asserted is what a sending client gets back (XML replies, XML-RPC
faults, status codes, headers) and what a reader sees on the cable page afterwards.

Our cable addresses in a source page use the host the ping came to: with Django's test client
that is http://testserver.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import xmlrpc.client
from datetime import timedelta
from http import HTTPStatus
from io import StringIO
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments import linkback_checks, linkbacks
from comments.models import Comment, Kind, Status, Verification
from comments.services import Client
from tests.comments.conftest import make_comment, set_policy
from tests.factories import make_cable
from tests.html import Element, parse_html, squash
from tests.source_server import Answer, blog_post

CABLE_PAGE = "/cable/2008/03/08STATE1234.html"
PARAGRAPH_PAGE = "/cable/2008/03/08STATE1234/par4/"
TRACKBACK = "/cable/2008/03/08STATE1234/trackback/"
CABLE_URL = f"http://testserver{CABLE_PAGE}"
PARAGRAPH_URL = f"http://testserver{PARAGRAPH_PAGE}"
PINGBACK_ENDPOINT = "http://testserver/pingback/"
WEBMENTION_ENDPOINT = "http://testserver/webmention/"
CHANGELIST = "/admin/comments/comment/"
TRACKBACK_NS = "http://madskills.com/public/xml/rss/module/trackback/"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC_NS = "http://purl.org/dc/elements/1.1/"
# How Pingback 1.0 tells clients to find the endpoint in a page.
PINGBACK_LINK = re.compile(r'<link rel="pingback" href="([^"]+)" ?/?>')


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.fixture(autouse=True)
def fetch_local(settings):
    """The sources live on 127.0.0.1, which the fetcher refuses unless told otherwise."""
    settings.LINKBACKS_FETCH_ALLOW_LOOPBACK = True


# --- what a client gets back ----------------------------------------------------------------


def trackback_reply(response) -> tuple[int, str | None]:
    """(error, message) of a TrackBack reply, after checking it is the specification's XML."""
    assert response["Content-Type"].startswith("text/xml")
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    root = ET.fromstring(response.content)
    assert root.tag == "response"
    error = root.findtext("error")
    assert error in ("0", "1"), response.content
    message = root.findtext("message")
    expected = ["error"] if error == "0" else ["error", "message"]
    assert [child.tag for child in root] == expected
    return int(error), message


def send_trackback(client, *, path: str = TRACKBACK, **fields):
    return client.post(path, fields)


def ping_body(*params: str, method: str = "pingback.ping") -> str:
    return xmlrpc.client.dumps(params, methodname=method)


def post_pingback(client, body: str | bytes):
    response = client.post("/pingback/", body, content_type="text/xml")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/xml")
    return response


def pingback(client, source: str, target: str) -> str:
    """pingback.ping's answer; a fault raises xmlrpc.client.Fault."""
    (answer,), _method = xmlrpc.client.loads(
        post_pingback(client, ping_body(source, target)).content
    )
    assert isinstance(answer, str)
    return answer


def send_webmention(client, source: str, target: str):
    return client.post("/webmention/", {"source": source, "target": target})


# --- what a reader sees ---------------------------------------------------------------------


def page_of(response) -> Element:
    assert response.status_code == HTTPStatus.OK
    return parse_html(response.content)


def cable_page(client) -> Element:
    return page_of(client.get(CABLE_PAGE))


def mentions(page: Element) -> list[Element]:
    return page.find("section", id="mentions").find_all("li", cls="mention")


def mention_titles(page: Element) -> list[str]:
    return [squash(item.find("h3", cls="linkback-title").text) for item in mentions(page)]


def mention_sources(page: Element) -> list[str]:
    return [
        item.find("h3", cls="linkback-title").find("a").attrs["href"] for item in mentions(page)
    ]


def thread_entries(page: Element, anchor: str) -> list[Element]:
    return page.find("section", id=f"thread-{anchor}").find_all("li", cls="linkback-entry")


def paragraph_count(page: Element, anchor: str) -> int:
    link = page.find("a", cls="comment-count", **{"data-thread": f"thread-{anchor}"})
    return int(link.find("span", cls="count").text)


def status_page(client, location: str) -> Element:
    return page_of(client.get(urlsplit(location).path))


def status_of(page: Element) -> tuple[str, str]:
    """(check of the source, status) as the webmention status page says them."""
    values = page.find("dl", cls="status-list").find_all("dd")
    return squash(values[2].text), squash(values[3].text)


def linkback() -> Comment:
    return Comment.objects.linkbacks().get()


def source_links_to(source_server, path: str, *targets: str, **options) -> str:
    return source_server.page(path, blog_post(links=list(targets), **options))


# --- TrackBack ------------------------------------------------------------------------------


def test_a_trackback_gets_the_specification_reply_and_waits_for_moderation(
    client, cable, source_server
):
    source = source_links_to(source_server, "/post", CABLE_URL)
    response = send_trackback(
        client,
        url=source,
        title="Moscow and Beijing",
        excerpt="The embassy's reading of the talks.",
        blog_name="Cable Watch",
    )
    assert response.status_code == HTTPStatus.OK
    assert trackback_reply(response) == (0, None)

    stored = linkback()
    assert (stored.kind, stored.status) == (Kind.TRACKBACK, Status.PENDING)
    assert stored.source_url == source
    assert stored.source_title == "Moscow and Beijing"
    assert stored.source_excerpt == "The embassy's reading of the talks."
    assert stored.source_site == "Cable Watch"
    # Nothing is fetched in the request; the check is queued for the worker.
    assert source_server.requested() == []
    assert DBTaskResult.objects.count() == 1
    page = cable_page(client)
    assert mentions(page) == []
    assert "Moscow and Beijing" not in page.text


def test_a_long_title_and_excerpt_are_cut_to_the_specification_lengths(client, cable):
    title = "Word " * 80
    excerpt = "Passage " * 60
    reply = send_trackback(client, url="http://blog.example/long", title=title, excerpt=excerpt)
    assert trackback_reply(reply) == (0, None)
    stored = linkback()
    assert len(stored.source_title) <= 250
    assert len(stored.source_excerpt) <= 252
    assert stored.source_title.startswith("Word Word")
    assert stored.source_excerpt.startswith("Passage Passage")


def test_a_second_trackback_from_the_same_url_is_refused(client, cable):
    first = send_trackback(client, url="http://blog.example/post", title="First")
    assert trackback_reply(first) == (0, None)
    second = send_trackback(client, url="http://blog.example/post", title="Second")
    error, message = trackback_reply(second)
    assert error == 1
    assert "already registered" in message
    assert linkback().source_title == "First"


def test_the_same_url_may_cite_two_cables(client, cable):
    make_cable("08STATE5678")
    send_trackback(client, url="http://blog.example/post")
    other = send_trackback(
        client, path="/cable/2008/03/08STATE5678/trackback/", url="http://blog.example/post"
    )
    assert trackback_reply(other) == (0, None)
    assert Comment.objects.linkbacks().count() == 2


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"title": "No address"}, id="no-url"),
        pytest.param({"url": "", "title": "Empty address"}, id="empty-url"),
        pytest.param({"url": "blog.example/post"}, id="relative-url"),
        pytest.param({"url": "javascript:alert(1)"}, id="javascript-url"),
        pytest.param({"url": "ftp://blog.example/post"}, id="ftp-url"),
    ],
)
def test_a_trackback_without_a_web_address_is_an_error(client, cable, fields):
    error, message = trackback_reply(send_trackback(client, **fields))
    assert error == 1
    assert "url must be an http or https URL" in message
    assert not Comment.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_trackback_must_be_posted(client, cable):
    response = client.get(TRACKBACK, {"url": "http://blog.example/post"})
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert response["Allow"] == "POST"
    error, message = trackback_reply(response)
    assert error == 1
    assert "POST" in message
    assert not Comment.objects.exists()


def test_a_trackback_to_a_cable_we_do_not_have_is_an_error(client, cable):
    response = send_trackback(
        client, path="/cable/2009/01/09MOSCOW999/trackback/", url="http://blog.example/post"
    )
    error, message = trackback_reply(response)
    assert error == 1
    assert message == "There is no cable 09MOSCOW999 here."
    assert not Comment.objects.exists()


def test_a_trackback_in_the_charset_its_blog_declares_is_read_right(client, cable):
    fields = {
        "url": "http://blog.example/café",
        "title": "Café diplomatique à Moscou",
        "excerpt": "Müller: la coopération stratégique, «prudente».",
        "blog_name": "Le Blogue Français",
    }
    body = urlencode(fields, encoding="iso-8859-1")
    assert "%E9" in body  # é as ISO-8859-1, not UTF-8 (%C3%A9)
    response = client.post(
        TRACKBACK, body, content_type="application/x-www-form-urlencoded; charset=iso-8859-1"
    )
    assert trackback_reply(response) == (0, None)
    stored = linkback()
    assert stored.source_title == "Café diplomatique à Moscou"
    assert stored.source_excerpt == "Müller: la coopération stratégique, «prudente»."
    assert stored.source_site == "Le Blogue Français"


def test_the_cable_page_gives_the_trackback_address(client, cable):
    page = cable_page(client)
    intro = page.find("p", cls="respond-intro")
    assert squash(intro.text) == "Post a comment or leave a trackback: Trackback URL."
    link = intro.find("a", rel="trackback")
    assert squash(link.text) == "Trackback URL"
    assert link.attrs["href"] == f"http://testserver{TRACKBACK}"
    assert squash(page.find("code", cls="trackback-url").text) == f"http://testserver{TRACKBACK}"


@pytest.mark.parametrize(
    "subject",
    [
        pytest.param("RUSSIA: A TEST SUBJECT", id="plain-subject"),
        # Quotes, markup and '--' (which would end the HTML comment early) in a subject.
        pytest.param('A "QUOTED" & -- SUBJECT <X> --> END', id="awkward-subject"),
    ],
)
def test_the_cable_page_carries_trackback_autodiscovery_rdf_in_an_html_comment(client, db, subject):
    cable = make_cable("08STATE1234", subject=subject)
    html = client.get(CABLE_PAGE).content.decode()
    # What TrackBack clients do: find the RDF blocks, keep the one about the page, read its ping.
    blocks = re.findall(r"(<rdf:RDF.*?</rdf:RDF>)", html, re.DOTALL)
    assert len(blocks) == 1
    block = blocks[0]
    comments = re.findall(r"<!--(.*?)-->", html, re.DOTALL)
    assert any(block in comment for comment in comments), "the RDF is not inside an HTML comment"
    about = re.search(r'rdf:about="([^"]+)"', block)[1]
    identifier = re.search(r'dc:identifier="([^"]+)"', block)[1]
    ping = re.search(r'trackback:ping="([^"]+)"', block)[1]
    assert about == identifier == CABLE_URL
    assert ping == f"http://testserver{TRACKBACK}"
    # And it is well-formed RDF/XML with the specification's namespaces.
    description = ET.fromstring(block).find(f"{{{RDF_NS}}}Description")
    assert description.attrib[f"{{{RDF_NS}}}about"] == CABLE_URL
    assert description.attrib[f"{{{DC_NS}}}identifier"] == CABLE_URL
    assert description.attrib[f"{{{DC_NS}}}title"] == cable.title.replace("--", "")
    assert description.attrib[f"{{{DC_NS}}}title"].startswith("08STATE1234, ")
    assert description.attrib[f"{{{TRACKBACK_NS}}}ping"] == f"http://testserver{TRACKBACK}"


@pytest.mark.django_db(transaction=True)
def test_a_trackback_whose_source_links_to_the_cable_is_published_by_the_worker(
    client, cable, source_server
):
    source = source_links_to(source_server, "/post", CABLE_URL)
    send_trackback(client, url=source, title="Moscow and Beijing", blog_name="Cable Watch")
    run_worker()
    assert source_server.requested() == ["/post"]
    stored = linkback()
    assert (stored.status, stored.verification) == (Status.APPROVED, Verification.VERIFIED)
    page = cable_page(client)
    assert mention_titles(page) == ["Moscow and Beijing"]
    assert mention_sources(page) == [source]
    item = mentions(page)[0]
    assert squash(item.find("span", cls="linkback-kind").text) == "Trackback"
    assert squash(item.find("span", cls="linkback-site").text) == "Cable Watch"
    # The excerpt the sender left out is taken from the paragraph that links.
    assert "which says more than the minister did" in item.find("blockquote").text


@pytest.mark.django_db(transaction=True)
def test_a_trackback_whose_source_does_not_link_stays_held_with_a_note(
    client, cable, source_server
):
    source = source_links_to(
        source_server, "/post", "http://testserver/cable/2009/01/09OTHER1.html"
    )
    send_trackback(client, url=source, title="Not about this cable")
    run_worker()
    stored = linkback()
    assert stored.status == Status.PENDING
    assert stored.verification == Verification.NO_LINK
    assert stored.verification_note == "the source does not link to the cable"
    assert stored.moderation_reason == "held: the source does not link to the cable"
    assert mentions(cable_page(client)) == []


# --- Pingback -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [CABLE_PAGE, PARAGRAPH_PAGE])
def test_cable_pages_advertise_the_pingback_endpoint(client, cable, path):
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK
    assert response["X-Pingback"] == PINGBACK_ENDPOINT
    html = response.content.decode()
    assert PINGBACK_LINK.findall(html) == [PINGBACK_ENDPOINT]
    assert f'<link rel="pingback" href="{PINGBACK_ENDPOINT}" />' in html


@pytest.mark.django_db(transaction=True)
def test_a_pingback_is_registered_then_published_once_its_source_is_checked(
    client, cable, source_server
):
    source = source_links_to(source_server, "/post", CABLE_URL, title="Moscow and Beijing")
    answer = pingback(client, source, CABLE_URL)
    assert isinstance(answer, str)
    assert source in answer
    stored = linkback()
    assert (stored.kind, stored.status) == (Kind.PINGBACK, Status.PENDING)
    assert source_server.requested() == []
    assert mentions(cable_page(client)) == []

    run_worker()
    assert source_server.requested() == ["/post"]
    stored.refresh_from_db()
    assert (stored.status, stored.verification) == (Status.APPROVED, Verification.VERIFIED)
    page = cable_page(client)
    assert mention_titles(page) == ["Moscow and Beijing"]
    item = mentions(page)[0]
    assert squash(item.find("span", cls="linkback-kind").text) == "Pingback"
    assert squash(item.find("span", cls="linkback-site").text) == "A Blog About Cables"


SOURCE = "http://blog.example/post"  # in the refusals, replaced by a real page that links


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "<methodCall><methodName>pingback.ping</methodName><params>", id="malformed-xml"
        ),
        pytest.param("not xml at all", id="not-xml"),
        pytest.param(
            '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">]>'
            "<methodCall><methodName>pingback.ping</methodName><params>"
            f"<param><value>&a;</value></param><param><value>{CABLE_URL}</value></param>"
            "</params></methodCall>",
            id="entity-in-a-dtd",
        ),
        pytest.param(
            ping_body(SOURCE, CABLE_URL, method="system.listMethods"), id="unknown-method"
        ),
        pytest.param(ping_body(SOURCE), id="one-param"),
        pytest.param(ping_body(SOURCE, CABLE_URL, "extra"), id="three-params"),
        pytest.param(xmlrpc.client.dumps((1, 2), methodname="pingback.ping"), id="not-strings"),
        pytest.param(ping_body("", CABLE_URL), id="empty-source"),
        pytest.param(ping_body("ftp://blog.example/post", CABLE_URL), id="source-not-http"),
        pytest.param(ping_body("javascript:alert(1)", CABLE_URL), id="source-javascript"),
        pytest.param(ping_body(SOURCE, f"http://example.org{CABLE_PAGE}"), id="target-other-site"),
        pytest.param(ping_body(SOURCE, "http://testserver/"), id="target-our-home-page"),
        pytest.param(
            ping_body(SOURCE, "http://testserver/cable/2009/01/09MOSCOW999.html"),
            id="target-cable-missing",
        ),
        pytest.param(ping_body(CABLE_URL, CABLE_URL), id="source-is-target"),
        pytest.param(
            ping_body(f"{CABLE_URL}#par2", f"{CABLE_URL}#par4"), id="source-is-target-but-fragment"
        ),
    ],
)
def test_a_refused_pingback_is_fault_zero_and_changes_nothing(client, cable, source_server, body):
    source = source_links_to(source_server, "/post", CABLE_URL)
    response = post_pingback(client, body.replace(SOURCE, source))
    with pytest.raises(xmlrpc.client.Fault) as fault:
        xmlrpc.client.loads(response.content)
    assert fault.value.faultCode == 0
    assert fault.value.faultString
    assert not Comment.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert source_server.requested() == []


@pytest.mark.parametrize(
    "body",
    [
        b"<methodCall><methodName>pingback.ping</methodName><params>",
        b"<methodCall><methodName>&secret_probe;</methodName></methodCall>",
        b'<!DOCTYPE m [<!ENTITY a "x">]><methodCall/>',
        b"\xff\xfe<\x00m\x00",
    ],
    ids=["unclosed", "unknown-entity", "dtd", "garbage"],
)
def test_an_unreadable_pingback_gets_a_fixed_fault_that_echoes_nothing(client, cable, body):
    with pytest.raises(xmlrpc.client.Fault) as fault:
        xmlrpc.client.loads(post_pingback(client, body).content)
    assert (fault.value.faultCode, fault.value.faultString) == (
        0,
        "Unreadable request: not well-formed XML.",
    )


def test_a_repeated_pingback_is_fault_48(client, cable):
    pingback(client, SOURCE, CABLE_URL)
    with pytest.raises(xmlrpc.client.Fault) as fault:
        pingback(client, SOURCE, f"{CABLE_URL}#par2")
    assert fault.value.faultCode == 48
    assert "already registered" in fault.value.faultString
    assert Comment.objects.linkbacks().count() == 1


@pytest.mark.parametrize(
    ("source", "target", "code"),
    [
        pytest.param("ftp://blog.example/post", CABLE_URL, 0x0010, id="source-not-http"),
        pytest.param(
            SOURCE, "http://testserver/cable/2009/01/09MOSCOW999.html", 0x0020, id="no-such-cable"
        ),
        pytest.param(SOURCE, "gopher://testserver/", 0x0020, id="target-not-http"),
        pytest.param(SOURCE, "http://testserver/", 0x0021, id="not-a-cable-page"),
        pytest.param(SOURCE, f"http://example.org{CABLE_PAGE}", 0x0021, id="other-site"),
    ],
)
def test_the_service_keeps_the_detailed_fault_the_endpoint_hides(cable, source, target, code):
    with pytest.raises(linkbacks.LinkbackRejected) as rejection:
        linkbacks.receive_pingback(
            source=source, target=target, client=Client(), hosts={"testserver"}
        )
    assert rejection.value.fault == code
    assert not Comment.objects.exists()


def test_the_service_says_48_for_a_source_already_registered(cable):
    linkbacks.receive_pingback(
        source=SOURCE, target=CABLE_URL, client=Client(), hosts={"testserver"}
    )
    with pytest.raises(linkbacks.LinkbackRejected) as rejection:
        linkbacks.receive_pingback(
            source=SOURCE, target=CABLE_URL, client=Client(), hosts={"testserver"}
        )
    assert rejection.value.fault == linkbacks.ALREADY_REGISTERED == 48


def page_linking_to(*links: str) -> Answer:
    return Answer(body=blog_post(links=list(links)).encode())


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("answer", "verification"),
    [
        pytest.param(
            page_linking_to("http://testserver/cable/2009/01/09OTHER1.html"),
            Verification.NO_LINK,
            id="links-to-another-cable",
        ),
        pytest.param(
            page_linking_to(f"http://example.org{CABLE_PAGE}"),
            Verification.NO_LINK,
            id="links-to-a-copy-elsewhere",
        ),
        pytest.param(Answer(status=404, body=b"not here"), Verification.NO_LINK, id="not-found"),
        pytest.param(Answer(status=410, body=b"gone"), Verification.GONE, id="gone"),
    ],
)
def test_a_pingback_whose_source_does_not_link_is_removed_and_never_shown(
    client, cable, source_server, answer, verification
):
    source = source_server.answer("/post", answer)
    pingback(client, source, CABLE_URL)
    run_worker()
    assert source_server.requested() == ["/post"]
    stored = linkback()
    assert (stored.status, stored.verification) == (Status.REMOVED, verification)
    assert mentions(cable_page(client)) == []
    assert source not in client.get(CABLE_PAGE).content.decode()


def test_the_pingback_endpoint_only_takes_post(client, cable):
    response = client.get("/pingback/")
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert response["Allow"] == "POST"


# --- Webmention -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", [CABLE_PAGE, PARAGRAPH_PAGE])
def test_cable_pages_advertise_the_webmention_endpoint(client, cable, path):
    response = client.get(path)
    assert response["Link"] == f'<{WEBMENTION_ENDPOINT}>; rel="webmention"'
    links = page_of(response).find_all("link", rel="webmention")
    assert [link.attrs["href"] for link in links] == [WEBMENTION_ENDPOINT]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        pytest.param("", CABLE_URL, id="no-source"),
        pytest.param(SOURCE, "", id="no-target"),
        pytest.param("/post", CABLE_URL, id="relative-source"),
        pytest.param(SOURCE, CABLE_PAGE, id="relative-target"),
        pytest.param("ftp://blog.example/post", CABLE_URL, id="ftp-source"),
        pytest.param(SOURCE, "ftp://testserver/cable/2008/03/08STATE1234.html", id="ftp-target"),
        pytest.param("javascript:alert(1)", CABLE_URL, id="javascript-source"),
        pytest.param(SOURCE, "javascript:alert(1)", id="javascript-target"),
        pytest.param(CABLE_URL, CABLE_URL, id="source-is-target"),
        pytest.param(f"{CABLE_URL}#par1", f"{CABLE_URL}#par4", id="source-is-target-but-fragment"),
        pytest.param(SOURCE, f"http://example.org{CABLE_PAGE}", id="target-other-site"),
        pytest.param(SOURCE, "http://testserver/", id="target-our-home-page"),
        pytest.param(SOURCE, "http://testserver/webmention/", id="target-our-endpoint"),
        pytest.param(
            SOURCE, "http://testserver/cable/2008/03/08STATE1234/feed/", id="target-cable-feed"
        ),
        pytest.param(SOURCE, f"http://testserver{TRACKBACK}", id="target-trackback-address"),
        pytest.param(
            SOURCE, "http://testserver/cable/2009/01/09MOSCOW999.html", id="target-cable-missing"
        ),
    ],
)
def test_a_webmention_that_cannot_be_accepted_is_400_and_changes_nothing(
    client, cable, source_server, source, target
):
    if source == SOURCE:
        source = source_links_to(source_server, "/post", CABLE_URL)
    response = send_webmention(client, source, target)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.content.decode().strip()  # says why
    assert "Location" not in response
    assert not Comment.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert source_server.requested() == []


@pytest.mark.django_db(transaction=True)
def test_a_webmention_is_accepted_then_verified_by_the_worker(client, cable, source_server):
    source = source_links_to(source_server, "/post", CABLE_URL, title="Moscow and Beijing")
    response = send_webmention(client, source, CABLE_URL)
    assert response.status_code == HTTPStatus.ACCEPTED
    location = response["Location"]
    assert location.startswith("http://testserver/webmention/")
    assert location in response.content.decode()
    # Verification happens in the worker, not in the request.
    assert source_server.requested() == []
    assert status_of(status_page(client, location)) == (
        "Waiting to be checked",
        "Waiting for the check of the source",
    )
    assert mentions(cable_page(client)) == []

    run_worker()
    assert source_server.requested() == ["/post"]
    stored = linkback()
    assert (stored.kind, stored.status) == (Kind.WEBMENTION, Status.APPROVED)
    after = status_page(client, location)
    check, status = status_of(after)
    assert check.startswith("Links to the cable")
    assert status == "Published: see it under the cable"
    assert (
        after.find("dd", cls="status-approved").find("a").attrs["href"] == stored.get_absolute_url()
    )
    page = cable_page(client)
    assert mention_titles(page) == ["Moscow and Beijing"]
    assert squash(mentions(page)[0].find("span", cls="linkback-kind").text) == "Webmention"


@pytest.mark.django_db(transaction=True)
def test_a_plain_text_source_that_gives_the_address_is_a_mention(client, cable, source_server):
    source = source_server.answer(
        "/notes.txt",
        Answer(
            body=f"Notes on the talks\n\nSee {CABLE_URL}#par4 for the embassy's view.\n".encode(),
            content_type="text/plain; charset=utf-8",
        ),
    )
    send_webmention(client, source, CABLE_URL)
    run_worker()
    stored = linkback()
    assert (stored.status, stored.anchor) == (Status.APPROVED, "par4")
    assert mention_titles(cable_page(client)) == ["Notes on the talks"]


def test_an_unknown_webmention_status_page_is_404(client, cable):
    assert client.get("/webmention/not-a-token/").status_code == HTTPStatus.NOT_FOUND


@pytest.mark.django_db(transaction=True)
def test_a_repeated_webmention_updates_the_same_mention(client, cable, source_server):
    source = source_links_to(source_server, "/post", CABLE_URL, title="First title")
    send_webmention(client, source, CABLE_URL)
    run_worker()
    stored = linkback()
    first_check = stored.verified
    assert mention_titles(cable_page(client)) == ["First title"]

    source_links_to(source_server, "/post", CABLE_URL, title="Corrected title")
    again = send_webmention(client, source, CABLE_URL)
    assert again.status_code == HTTPStatus.ACCEPTED
    run_worker()
    assert source_server.requested() == ["/post", "/post"]
    updated = linkback()
    assert updated.pk == stored.pk
    assert updated.verified > first_check
    assert updated.source_title == "Corrected title"
    assert mention_titles(cable_page(client)) == ["Corrected title"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("answer", "verification"),
    [
        pytest.param(Answer(status=410, body=b"deleted"), Verification.GONE, id="gone"),
        pytest.param(None, Verification.NO_LINK, id="no-longer-links"),
    ],
)
def test_a_webmention_whose_source_is_gone_or_no_longer_links_is_removed(
    client, cable, source_server, answer, verification
):
    source = source_links_to(source_server, "/post", CABLE_URL, title="Moscow and Beijing")
    location = send_webmention(client, source, CABLE_URL)["Location"]
    run_worker()
    assert mention_titles(cable_page(client)) == ["Moscow and Beijing"]

    if answer is None:
        source_links_to(source_server, "/post", "http://testserver/cable/2009/01/09OTHER1.html")
    else:
        source_server.answer("/post", answer)
    send_webmention(client, source, CABLE_URL)
    run_worker()
    stored = linkback()
    assert (stored.status, stored.verification) == (Status.REMOVED, verification)
    assert mentions(cable_page(client)) == []
    assert status_of(status_page(client, location))[1] == "Not published"


H_ENTRY = """<!doctype html>
<html><head><meta charset="utf-8"><title>Olga's notebook: archive</title></head>
<body>
<article class="h-entry">
  <h1 class="p-name">What Moscow told Tokyo</h1>
  <p>By <a class="p-author h-card" href="/about">Olga Petrova</a>,
     <time class="dt-published" datetime="2011-09-02T23:30:00-05:00">2 September</time></p>
  <div class="e-content">
    <p>The embassy's summary is in <a href="{target}">the fourth paragraph</a> of the cable.</p>
  </div>
</article>
</body></html>"""


@pytest.mark.django_db(transaction=True)
def test_h_entry_microformats_give_the_author_title_and_date(client, cable, source_server):
    source = source_server.page("/entry", H_ENTRY.format(target=CABLE_URL))
    send_webmention(client, source, CABLE_URL)
    run_worker()
    item = mentions(cable_page(client))[0]
    assert squash(item.find("h3", cls="linkback-title").text) == "What Moscow told Tokyo"
    assert squash(item.find("span", cls="linkback-author").text) == "Olga Petrova"
    # The day as the source gives it, in its own time zone (it was already 3 September in UTC).
    time = item.find("time")
    assert time.attrs["datetime"].startswith("2011-09-02")
    assert squash(time.text) == "2 September 2011"
    excerpt = squash(item.find("blockquote", cls="linkback-excerpt").text)
    assert excerpt == "The embassy's summary is in the fourth paragraph of the cable."


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("kind", "link", "target"),
    [
        pytest.param(
            "webmention", f"{CABLE_URL}#par4", f"{CABLE_URL}#par4", id="webmention-fragment"
        ),
        pytest.param("webmention", f"{CABLE_URL}#par4", CABLE_URL, id="webmention-to-the-cable"),
        pytest.param("webmention", PARAGRAPH_URL, PARAGRAPH_URL, id="webmention-paragraph-page"),
        pytest.param("pingback", PARAGRAPH_URL, CABLE_URL, id="pingback-paragraph-page"),
        pytest.param("trackback", f"{CABLE_URL}#par4", None, id="trackback-fragment"),
    ],
)
def test_a_mention_of_a_paragraph_joins_that_paragraphs_thread(
    client, cable, source_server, kind, link, target
):
    source = source_links_to(source_server, "/post", link, title="On paragraph four")
    if kind == "webmention":
        send_webmention(client, source, target)
    elif kind == "pingback":
        pingback(client, source, target)
    else:
        send_trackback(client, url=source)
    run_worker()
    stored = linkback()
    assert (stored.status, stored.anchor) == (Status.APPROVED, "par4")

    page = cable_page(client)
    entries = thread_entries(page, "par4")
    assert [entry.attrs["id"] for entry in entries] == [stored.html_id]
    assert squash(entries[0].find("h3", cls="linkback-title").text) == "On paragraph four"
    assert paragraph_count(page, "par4") == 1
    assert [paragraph_count(page, f"par{n}") for n in (1, 2, 3, 5)] == [0, 0, 0, 0]
    # Also under "Mentioned in", with a link to its place in the paragraph's thread.
    assert mention_titles(page) == ["On paragraph four"]
    on_paragraph = mentions(page)[0].find("a", **{"data-thread": "thread-par4"})
    assert squash(on_paragraph.text) == "¶4"
    assert on_paragraph.attrs["href"] == f"{CABLE_PAGE}#{stored.html_id}"
    # And on the paragraph's own page.
    paragraph = page_of(client.get(PARAGRAPH_PAGE))
    assert [entry.attrs["id"] for entry in paragraph.find_all("li", cls="linkback-entry")] == [
        stored.html_id
    ]


@pytest.mark.django_db(transaction=True)
def test_a_mention_of_the_whole_cable_stays_out_of_the_paragraph_threads(
    client, cable, source_server
):
    source = source_links_to(source_server, "/post", CABLE_URL, title="On the cable")
    send_webmention(client, source, CABLE_URL)
    run_worker()
    page = cable_page(client)
    assert mention_titles(page) == ["On the cable"]
    assert page.find_all("li", cls="linkback-entry") == []
    assert [paragraph_count(page, f"par{n}") for n in range(1, 6)] == [0, 0, 0, 0, 0]


# --- moderation -----------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["title", "excerpt", "blog_name"])
def test_a_disallowed_word_in_a_trackback_sends_it_to_spam(client, cable, field):
    set_policy(disallowed_words="casino")
    fields = {"url": "http://blog.example/post", "title": "A post", field: "Best CASINO bonus"}
    assert trackback_reply(send_trackback(client, **fields)) == (0, None)
    assert linkback().status == Status.SPAM


@pytest.mark.django_db(transaction=True)
def test_a_disallowed_word_in_the_source_page_sends_a_webmention_to_spam(
    client, cable, source_server, settings
):
    settings.COMMENTS_DISALLOWED_WORDS = ["casino"]
    source = source_links_to(source_server, "/post", CABLE_URL, title="Casino diplomacy")
    send_webmention(client, source, CABLE_URL)
    run_worker()
    stored = linkback()
    assert (stored.status, stored.verification) == (Status.SPAM, Verification.VERIFIED)
    assert "casino" in stored.moderation_reason
    assert mentions(cable_page(client)) == []


@pytest.mark.django_db(transaction=True)
def test_a_moderation_word_holds_a_verified_trackback(client, cable, source_server):
    set_policy(moderation_words="leak")
    source = source_links_to(source_server, "/post", CABLE_URL)
    send_trackback(client, url=source, title="The leak, read closely")
    run_worker()
    stored = linkback()
    assert (stored.status, stored.verification) == (Status.PENDING, Verification.VERIFIED)
    assert stored.moderation_reason == "contains the moderation word “leak”"
    assert mentions(cable_page(client)) == []


@pytest.mark.django_db(transaction=True)
def test_site_wide_moderation_holds_verified_linkbacks(client, cable, source_server, settings):
    settings.COMMENTS_HOLD_ALL = True
    source = source_links_to(source_server, "/post", CABLE_URL)
    location = send_webmention(client, source, CABLE_URL)["Location"]
    run_worker()
    stored = linkback()
    assert (stored.status, stored.verification) == (Status.PENDING, Verification.VERIFIED)
    assert mentions(cable_page(client)) == []
    assert status_of(status_page(client, location))[1] == "Awaiting moderation"


def run_action(admin_client, action: str, comments: list[Comment]):
    response = admin_client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [comment.pk for comment in comments], "index": 0},
        follow=True,
    )
    assert response.status_code == HTTPStatus.OK
    return response


def test_moderators_approve_mark_spam_and_remove_linkbacks_in_bulk(admin_client, client, cable):
    for number in range(2):
        send_trackback(client, url=f"http://blog.example/{number}", title=f"Post {number}")
    held = list(Comment.objects.linkbacks())
    assert {comment.status for comment in held} == {Status.PENDING}

    run_action(admin_client, "approve", held)
    assert sorted(mention_titles(cable_page(client))) == ["Post 0", "Post 1"]

    run_action(admin_client, "mark_spam", held[:1])
    assert mention_titles(cable_page(client)) == ["Post 1"]

    run_action(admin_client, "remove", held[1:])
    assert mentions(cable_page(client)) == []
    assert dict(Comment.objects.values_list("source_title", "status")) == {
        "Post 0": Status.SPAM,
        "Post 1": Status.REMOVED,
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("kind", "links", "action", "kept"),
    [
        pytest.param("webmention", True, "mark_spam", Status.SPAM, id="spam-though-it-links"),
        pytest.param("webmention", True, "remove", Status.REMOVED, id="removed-though-it-links"),
        pytest.param("trackback", False, "approve", Status.APPROVED, id="approved-without-link"),
    ],
)
def test_a_status_a_moderator_set_survives_a_new_check_of_the_source(
    admin_client, client, cable, source_server, kind, links, action, kept
):
    target = CABLE_URL if links else "http://testserver/cable/2009/01/09OTHER1.html"
    source = source_links_to(source_server, "/post", target, title="Moscow and Beijing")
    if kind == "webmention":
        send_webmention(client, source, CABLE_URL)
    else:
        send_trackback(client, url=source, title="Moscow and Beijing")
    run_worker()
    stored = linkback()
    first_check = stored.verified
    run_action(admin_client, action, [stored])

    response = run_action(admin_client, "check_source_again", [stored])
    assert "1 linkback(s) queued for a new check of their source." in response.content.decode()
    run_worker()
    assert source_server.requested() == ["/post", "/post"]
    stored.refresh_from_db()
    assert stored.verified > first_check
    assert stored.status == kept
    shown = mention_titles(cable_page(client))
    assert shown == (["Moscow and Beijing"] if kept == Status.APPROVED else [])


@pytest.mark.django_db(transaction=True)
def test_a_mention_a_moderator_marked_spam_stays_spam_when_its_sender_sends_it_again(
    admin_client, client, cable, source_server
):
    source = source_links_to(source_server, "/post", CABLE_URL, title="Moscow and Beijing")
    send_webmention(client, source, CABLE_URL)
    run_worker()
    run_action(admin_client, "mark_spam", [linkback()])
    location = send_webmention(client, source, CABLE_URL)["Location"]
    run_worker()
    assert source_server.requested() == ["/post", "/post"]
    assert (linkback().status, linkback().verification) == (Status.SPAM, Verification.VERIFIED)
    assert mentions(cable_page(client)) == []
    assert status_of(status_page(client, location))[1] == "Not published"


@pytest.mark.django_db(transaction=True)
def test_checking_the_source_again_removes_a_webmention_that_stopped_linking(
    admin_client, client, cable, source_server
):
    source = source_links_to(source_server, "/post", CABLE_URL, title="Moscow and Beijing")
    send_webmention(client, source, CABLE_URL)
    run_worker()
    assert mention_titles(cable_page(client)) == ["Moscow and Beijing"]
    source_server.answer("/post", Answer(status=410))
    run_action(admin_client, "check_source_again", [linkback()])
    run_worker()
    assert linkback().status == Status.REMOVED
    assert mentions(cable_page(client)) == []


# --- the cable page's queries ---------------------------------------------------------------


def test_the_cable_page_needs_seven_queries_with_linkbacks(
    client, cable, django_assert_num_queries
):
    for number, kind in enumerate([Kind.TRACKBACK, Kind.PINGBACK, Kind.WEBMENTION] * 4):
        make_comment(
            cable,
            kind=kind,
            name=f"Blog {number}",
            anchor=f"par{number % 5 + 1}" if number % 2 else "",
            source_url=f"http://blog.example/{number}",
            source_title=f"Post {number}",
            source_site=f"Blog {number}",
            verification=Verification.VERIFIED,
        )
    make_comment(cable, anchor="par2", body="A reader's comment.")
    # The version, the sign-in choices (read once, then cached), then what the page shows.
    with django_assert_num_queries(7):
        response = client.get(CABLE_PAGE)
    page = page_of(response)
    assert len(mentions(page)) == 12
    assert len(page.find_all("li", cls="linkback-entry")) == 6
    assert paragraph_count(page, "par2") == 3  # two linkbacks (numbers 1, 11) and the comment


# --- the seed article -----------------------------------------------------------------------


def test_the_seed_article_waits_in_the_moderation_queue_as_a_trackback(client, db):
    call_command("load_seeds", stdout=StringIO())
    stored = linkback()
    assert stored.kind == Kind.TRACKBACK
    assert stored.cable.reference_id == "07MOSCOW601"
    assert stored.status == Status.PENDING
    assert stored.source_title == "Russia Flirted as China Flexed, Documents Show"
    assert stored.source_excerpt.startswith("China’s growing military might compelled Japan")
    assert len(stored.source_excerpt) <= 252
    assert stored.source_site == "Japan Real Time"

    page = page_of(client.get(stored.cable.get_absolute_url()))
    assert mentions(page) == []
    assert "Russia Flirted" not in page.text

    call_command("load_seeds", stdout=StringIO())
    assert Comment.objects.linkbacks().count() == 1


# --- too many pings from one address ----------------------------------------------------------


def test_one_address_registers_a_limited_number_of_new_linkbacks_a_minute(client, cable, settings):
    settings.LINKBACKS_PER_MINUTE = 3
    target = f"http://testserver{cable.get_absolute_url()}"
    assert send_webmention(client, "http://one.example/a", target).status_code == 202
    assert trackback_reply(send_trackback(client, url="http://two.example/b")) == (0, None)
    assert "registered" in pingback(client, "http://three.example/c", target)

    refused = send_webmention(client, "http://four.example/d", target)
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "wait a minute" in refused.content.decode()
    error, message = trackback_reply(send_trackback(client, url="http://five.example/e"))
    assert error == 1 and "wait a minute" in message
    with pytest.raises(xmlrpc.client.Fault) as fault:
        pingback(client, "http://six.example/f", target)
    assert fault.value.faultCode == 0
    assert Comment.objects.count() == 3

    # Another address is not held back, and a minute later this one may send again.
    other = client.post(
        "/webmention/",
        {"source": "http://seven.example/g", "target": target},
        REMOTE_ADDR="198.51.100.7",
    )
    assert other.status_code == 202
    Comment.objects.update(created=timezone.now() - timedelta(minutes=2))
    assert send_webmention(client, "http://four.example/d", target).status_code == 202


# --- decisions that later checks and repeats must respect -------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_moderators_approval_does_not_cover_new_text_from_the_source(
    admin_client, client, cable, source_server, settings
):
    settings.COMMENTS_HOLD_ALL = True
    source = source_links_to(source_server, "/post", CABLE_URL, title="Moscow and Beijing")
    send_webmention(client, source, CABLE_URL)
    run_worker()
    assert linkback().status == Status.PENDING
    run_action(admin_client, "approve", [linkback()])
    settings.COMMENTS_HOLD_ALL = False
    settings.COMMENTS_DISALLOWED_WORDS = ["casino"]

    # The same page, checked again: the approval stands.
    run_action(admin_client, "check_source_again", [linkback()])
    run_worker()
    assert linkback().status == Status.APPROVED

    # New text is judged again.
    source_links_to(source_server, "/post", CABLE_URL, title="Cheap casino bonus")
    send_webmention(client, source, CABLE_URL)
    run_worker()
    assert (linkback().source_title, linkback().status) == ("Cheap casino bonus", Status.SPAM)
    assert mentions(cable_page(client)) == []


@pytest.mark.django_db(transaction=True)
def test_a_source_gone_removes_a_mention_a_moderator_had_approved(
    admin_client, client, cable, source_server
):
    source = source_links_to(source_server, "/post", CABLE_URL, title="Moscow and Beijing")
    send_webmention(client, source, CABLE_URL)
    run_worker()
    run_action(admin_client, "approve", [linkback()])
    source_server.answer("/post", Answer(410, b"gone"))
    send_webmention(client, source, CABLE_URL)
    run_worker()
    assert (linkback().status, linkback().verification) == (Status.REMOVED, Verification.GONE)
    assert mentions(cable_page(client)) == []


@pytest.mark.django_db(transaction=True)
def test_a_status_set_in_the_change_form_is_a_moderators_decision(
    admin_client, client, cable, source_server
):
    source = source_links_to(source_server, "/post", CABLE_URL)
    send_webmention(client, source, CABLE_URL)
    run_worker()
    stored = linkback()
    form = admin_client.get(f"{CHANGELIST}{stored.pk}/change/")
    assert form.status_code == HTTPStatus.OK
    data = {
        field.name: field.value() if field.value() is not None else ""
        for field in form.context["adminform"].form
    }
    data["status"] = Status.SPAM
    response = admin_client.post(f"{CHANGELIST}{stored.pk}/change/", data)
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    assert linkback().moderated is not None
    send_webmention(client, source, CABLE_URL)
    run_worker()
    assert linkback().status == Status.SPAM


@pytest.mark.django_db(transaction=True)
def test_a_check_queued_before_its_task_moved_is_still_run(client, cable, source_server):
    """Queued under comments.tasks, where the task was before an upgrade moved it beside the
    check it runs: the migration points the queued task at its new home, and the worker runs
    it."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    moved = importlib.import_module("comments.migrations.0003_verify_linkback_task_moved")
    source = source_links_to(source_server, "/post", CABLE_URL)
    send_webmention(client, source, CABLE_URL)
    assert DBTaskResult.objects.get().task_path == moved.NEW
    DBTaskResult.objects.update(task_path=moved.OLD)
    moved.point(moved.OLD, moved.NEW)(apps, SimpleNamespace(connection=connection))
    run_worker()
    assert (linkback().status, linkback().verification) == (
        Status.APPROVED,
        Verification.VERIFIED,
    )


def test_a_check_that_ends_after_a_moderators_decision_keeps_the_decision(
    client, cable, source_server
):
    source = source_links_to(source_server, "/post", CABLE_URL)
    send_webmention(client, source, CABLE_URL)
    loaded_by_the_worker = linkback()
    # Meanwhile, in the admin:
    from comments import services

    services.moderate(comments=Comment.objects.linkbacks(), status=Status.SPAM)
    linkback_checks.verify(loaded_by_the_worker, hosts={"testserver"})
    assert (linkback().status, linkback().verification) == (Status.SPAM, Verification.VERIFIED)


def test_the_status_page_does_not_repeat_what_the_fetcher_found_out(client, cable, settings):
    settings.LINKBACKS_FETCH_ALLOW_LOOPBACK = False
    location = send_webmention(client, "http://127.0.0.1:9/secret", CABLE_URL)["Location"]
    linkback_checks.verify(linkback(), hosts={"testserver"})
    assert "loopback" in linkback().verification_note  # for moderators
    page = client.get(urlsplit(location).path).content.decode()
    assert "Could not be fetched" in page
    assert "loopback" not in page and "127.0.0.1:9/secret" not in page.split("Source")[0]


def test_a_long_source_address_that_fails_keeps_a_reason_that_fits(client, cable, settings):
    settings.LINKBACKS_FETCH_ALLOW_LOOPBACK = False
    source = "http://127.0.0.1:9/" + "a" * 280
    send_trackback(client, url=source, title="Long")
    linkback_checks.verify(linkback(), hosts={"testserver"})
    stored = linkback()
    assert stored.status == Status.PENDING and len(stored.moderation_reason) <= 200


@pytest.mark.django_db(transaction=True)
def test_a_repeated_webmention_is_checked_at_most_once_a_minute(
    client, cable, source_server, settings
):
    settings.LINKBACKS_RECHECK_SECONDS = 60
    source = source_links_to(source_server, "/post", CABLE_URL)
    for _ in range(3):  # the check is still queued: no second one
        assert send_webmention(client, source, CABLE_URL).status_code == 202
    assert DBTaskResult.objects.count() == 1
    run_worker()
    assert source_server.requested() == ["/post"]
    for _ in range(3):  # checked a moment ago
        assert send_webmention(client, source, CABLE_URL).status_code == 202
    assert DBTaskResult.objects.count() == 1
    Comment.objects.update(verified=timezone.now() - timedelta(minutes=2))
    send_webmention(client, source, CABLE_URL)
    assert DBTaskResult.objects.count() == 2


def test_one_page_is_one_linkback_whatever_fragment_it_is_sent_with(client, cable):
    assert send_webmention(client, "http://blog.example/e#one", CABLE_URL).status_code == 202
    assert send_webmention(client, "http://blog.example/e#two", CABLE_URL).status_code == 202
    with pytest.raises(xmlrpc.client.Fault) as fault:
        pingback(client, "http://blog.example/e#three", CABLE_URL)
    assert fault.value.faultCode == 48
    assert list(Comment.objects.values_list("source_url", flat=True)) == ["http://blog.example/e"]


def test_a_ping_for_the_whole_cable_stays_with_the_cable_when_the_page_also_links_a_paragraph(
    client, cable, source_server
):
    source = source_links_to(source_server, "/post", CABLE_URL, f"{CABLE_URL}#par2")
    send_webmention(client, source, CABLE_URL)
    linkback_checks.verify(linkback(), hosts={"testserver"})
    assert (linkback().anchor, linkback().status) == ("", Status.APPROVED)


@pytest.mark.parametrize("status", [408, 429, 503])
def test_a_source_that_says_not_now_keeps_a_published_mention(client, cable, source_server, status):
    source = source_links_to(source_server, "/post", CABLE_URL)
    send_webmention(client, source, CABLE_URL)
    linkback_checks.verify(linkback(), hosts={"testserver"})
    source_server.answer("/post", Answer(status, b"later"))
    linkback_checks.verify(linkback(), hosts={"testserver"})
    assert (linkback().status, linkback().verification) == (
        Status.APPROVED,
        Verification.UNREACHABLE,
    )


@pytest.mark.parametrize("charset", ["base64", "rot13", "no-such-charset"])
def test_a_trackback_declaring_a_charset_that_is_no_text_encoding_is_read_as_utf8(
    client, cable, charset
):
    response = client.generic(  # client.post would encode the body in that "charset"
        "POST",
        TRACKBACK,
        urlencode({"url": "http://blog.example/post", "title": "Café"}).encode(),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert trackback_reply(response) == (0, None)
    assert linkback().source_title == "Café"
