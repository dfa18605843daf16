"""Fetching another site's page: never our own network, always within the limits.

With the loopback setting off (the default), no URL that points at loopback, a private
network, link-local, multicast, reserved or unspecified addresses is fetched, neither at
first nor after a redirect nor through a host name that resolves there. The proof is the
local source server: every probe is also routed to it, so a probe the fetcher let through
shows up in `source_server.requested()`. With the setting on, the source server plays the
citing sites, and the limits (redirects, time, size) are measured against it.
"""

from __future__ import annotations

import dataclasses
import socket
import threading
import time
from ipaddress import ip_address

import pytest
from django.conf import settings as django_settings

from comments import fetcher
from comments.fetcher import FetchError, FetchPolicy, FetchRefused, fetch, forbidden, pin
from comments.linkback_checks import fetch_policy
from tests.source_server import Answer, SourceServer, blog_post

# A made-up public site (the IANA example address), played by the source server.
PUBLIC_HOST = "blog.example"
PUBLIC_ADDRESS = "93.184.216.34"
OTHER_PUBLIC_ADDRESS = "93.184.216.35"

LOOPBACK_OFF = FetchPolicy(timeout=1.0)  # short, so that a fetcher bug fails fast, not slowly
LOOPBACK_ON = FetchPolicy(allow_loopback=True, timeout=1.0)

# `{port}` is the source server's port, where a server could answer.
FORBIDDEN_URLS = {
    "loopback": "http://127.0.0.1:{port}/secret",
    "loopback-v6": "http://[::1]:{port}/secret",
    "private-10": "http://10.0.0.1:{port}/secret",
    "private-192-168": "http://192.168.1.1:{port}/secret",
    "private-172-16": "http://172.16.0.1:{port}/secret",
    "cloud-metadata": "http://169.254.169.254/latest/meta-data/",
    "unspecified": "http://0.0.0.0:{port}/secret",
    "unspecified-v6": "http://[::]:{port}/secret",
    "name-for-loopback": "http://localhost:{port}/secret",
    "loopback-short-form": "http://127.1:{port}/secret",
    "loopback-as-integer": "http://2130706433:{port}/secret",
    "loopback-in-hex": "http://0x7f000001:{port}/secret",
    "loopback-in-octal": "http://0177.0.0.1:{port}/secret",
    "ipv4-mapped-loopback": "http://[::ffff:127.0.0.1]:{port}/secret",
    "ipv4-mapped-metadata": "http://[::ffff:169.254.169.254]/latest/meta-data/",
    "6to4-of-loopback": "http://[2002:7f00:1::]:{port}/secret",
    "unique-local-v6": "http://[fc00::1]:{port}/secret",
    "link-local-v6": "http://[fe80::1]:{port}/secret",
    "link-local-v6-with-zone": "http://[fe80::1%25eth0]:{port}/secret",
    "multicast-v6": "http://[ff02::1]:{port}/secret",
    "multicast": "http://224.0.0.1:{port}/secret",
    "shared-address-space": "http://100.64.0.1:{port}/secret",
    "reserved": "http://240.0.0.1:{port}/secret",
    "broadcast": "http://255.255.255.255:{port}/secret",
    "file-scheme": "file:///etc/passwd",
    "ftp-scheme": "ftp://127.0.0.1:{port}/secret",
    "gopher-scheme": "gopher://127.0.0.1:{port}/_GET%20/secret",
    "no-scheme": "//127.0.0.1:{port}/secret",
    "user-and-password": "http://user:password@127.0.0.1:{port}/secret",
}


class FakeDNS:
    """Answers for made-up names, in turn (the last answer repeats); real answers for the rest.
    Records every question, to count them."""

    def __init__(self, answers: dict[str, list[list[str]]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        if host not in self.answers:
            return fetcher.system_resolver(host, port)
        turns = self.answers[host]
        return turns.pop(0) if len(turns) > 1 else turns[0]


class ToSourceServer:
    """Connects to the source server whatever address was pinned, as if it were the whole
    internet; records the pinned address of every connection."""

    def __init__(self, server) -> None:
        self.server = server
        self.addresses: list[str] = []

    def __call__(self, pinned: fetcher.Pinned, timeout: float) -> fetcher.PinnedHTTPConnection:
        self.addresses.append(pinned.address)
        local = dataclasses.replace(pinned, address="127.0.0.1", port=self.server.port)
        return fetcher.PinnedHTTPConnection(local, timeout)


@pytest.fixture(scope="module")
def running_source_server():
    server = SourceServer().start()
    yield server
    server.stop()


@pytest.fixture
def source_server(running_source_server):
    """One source server for the whole module, emptied for each test: stopping a server waits
    out half a second of `serve_forever` polling, and this module has a hundred and more tests."""
    running_source_server.answers.clear()
    running_source_server.requests.clear()
    return running_source_server


@pytest.fixture
def server(source_server):
    """The source server with something worth stealing at the probed paths."""
    source_server.page("/secret", "<p>the secret</p>")
    source_server.page("/latest/meta-data/", "<p>iam/security-credentials</p>")
    source_server.page("/", "<p>an internal home page</p>")
    return source_server


def public_url(server, path: str) -> str:
    return f"http://{PUBLIC_HOST}:{server.port}{path}"


# With the loopback setting off: nothing of ours is fetched.


@pytest.mark.parametrize("url", FORBIDDEN_URLS.values(), ids=FORBIDDEN_URLS.keys())
def test_forbidden_address_is_refused_with_the_setting_off(server, url):
    with pytest.raises(FetchRefused):
        fetch(url.format(port=server.port), policy=LOOPBACK_OFF)

    assert server.requested() == []


@pytest.mark.parametrize("url", FORBIDDEN_URLS.values(), ids=FORBIDDEN_URLS.keys())
def test_forbidden_address_is_refused_even_where_a_server_would_answer(server, url):
    to_server = ToSourceServer(server)

    with pytest.raises(FetchRefused):
        fetch(url.format(port=server.port), policy=LOOPBACK_OFF, connect=to_server)

    assert to_server.addresses == []
    assert server.requested() == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1:{port}/secret",
        "gopher://127.0.0.1:{port}/_GET%20/secret",
        "//127.0.0.1:{port}/secret",
        "http://user:password@127.0.0.1:{port}/secret",
        "http://user@127.0.0.1:{port}/secret",
        "http://127.0.0.1:not-a-port/secret",
        "http:///secret",
    ],
)
def test_what_is_not_a_plain_http_address_is_refused_even_with_loopback_allowed(server, url):
    with pytest.raises(FetchRefused):
        fetch(url.format(port=server.port), policy=LOOPBACK_ON)

    assert server.requested() == []


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/secret",
        "http://localhost:{port}/secret",
        "http://[::1]:{port}/secret",
        "http://[::ffff:127.0.0.1]:{port}/secret",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
    ],
)
def test_a_redirect_from_a_public_site_to_our_network_is_refused(server, target):
    server.redirect("/start", target.format(port=server.port))
    dns = FakeDNS({PUBLIC_HOST: [[PUBLIC_ADDRESS]]})
    to_server = ToSourceServer(server)

    with pytest.raises(FetchRefused):
        fetch(public_url(server, "/start"), policy=LOOPBACK_OFF, resolve=dns, connect=to_server)

    assert server.requested() == ["/start"]
    assert to_server.addresses == [PUBLIC_ADDRESS]


def test_the_public_site_itself_is_fetched_through_the_seams(server):
    """The counterpart of the refusals above: the same seams do fetch a public page."""
    server.page("/post", blog_post(links=["https://cables.example/cable/1.html"]))
    dns = FakeDNS({PUBLIC_HOST: [[PUBLIC_ADDRESS]]})
    to_server = ToSourceServer(server)

    fetched = fetch(
        public_url(server, "/post"), policy=LOOPBACK_OFF, resolve=dns, connect=to_server
    )

    assert fetched.status == 200
    assert "https://cables.example/cable/1.html" in fetched.text
    assert to_server.addresses == [PUBLIC_ADDRESS]


def test_the_host_is_resolved_once_per_hop_and_each_connection_uses_that_answer(server):
    server.redirect("/start", public_url(server, "/post"))
    server.page("/post", "<p>the post</p>")
    dns = FakeDNS({PUBLIC_HOST: [[PUBLIC_ADDRESS], [OTHER_PUBLIC_ADDRESS]]})
    to_server = ToSourceServer(server)

    fetched = fetch(
        public_url(server, "/start"), policy=LOOPBACK_OFF, resolve=dns, connect=to_server
    )

    assert fetched.url == public_url(server, "/post")
    assert dns.asked == [PUBLIC_HOST, PUBLIC_HOST]
    assert to_server.addresses == [PUBLIC_ADDRESS, OTHER_PUBLIC_ADDRESS]


def test_a_name_that_rebinds_to_loopback_gets_no_loopback_connection(server):
    """A public answer for the check, then 127.0.0.1: the one connection goes to the address
    that was checked, and the fetcher does not ask again before connecting."""
    server.page("/post", "<p>the post</p>")
    dns = FakeDNS({PUBLIC_HOST: [[PUBLIC_ADDRESS], ["127.0.0.1"]]})
    to_server = ToSourceServer(server)

    fetch(public_url(server, "/post"), policy=LOOPBACK_OFF, resolve=dns, connect=to_server)

    assert dns.asked == [PUBLIC_HOST]
    assert to_server.addresses == [PUBLIC_ADDRESS]


def test_a_name_that_rebinds_to_loopback_on_a_redirect_is_refused(server):
    server.redirect("/start", public_url(server, "/secret"))
    dns = FakeDNS({PUBLIC_HOST: [[PUBLIC_ADDRESS], ["127.0.0.1"]]})
    to_server = ToSourceServer(server)

    with pytest.raises(FetchRefused):
        fetch(public_url(server, "/start"), policy=LOOPBACK_OFF, resolve=dns, connect=to_server)

    assert to_server.addresses == [PUBLIC_ADDRESS]
    assert server.requested("/secret") == []


@pytest.mark.parametrize(
    "addresses",
    [
        [PUBLIC_ADDRESS, "10.0.0.1"],
        ["127.0.0.1", PUBLIC_ADDRESS],
        [PUBLIC_ADDRESS, "fe80::1%eth0"],
        [PUBLIC_ADDRESS, "::ffff:192.168.1.1"],
    ],
)
def test_a_name_with_any_forbidden_address_among_several_is_refused(server, addresses):
    dns = FakeDNS({PUBLIC_HOST: [addresses]})
    to_server = ToSourceServer(server)

    with pytest.raises(FetchRefused):
        fetch(public_url(server, "/secret"), policy=LOOPBACK_OFF, resolve=dns, connect=to_server)

    assert to_server.addresses == []
    assert server.requested() == []


def test_a_name_without_an_address_is_a_fetch_error_not_a_refusal(server):
    dns = FakeDNS({PUBLIC_HOST: [[]]})

    with pytest.raises(FetchError, match="no address") as raised:
        fetch(public_url(server, "/secret"), policy=LOOPBACK_OFF, resolve=dns)

    assert not isinstance(raised.value, FetchRefused)


def test_the_real_connection_goes_to_the_pinned_address_with_the_name_in_the_host_header(
    source_server,
):
    """blog.example does not exist: the request can only reach the server through the
    address the resolver gave."""
    source_server.page("/post", "<p>the post</p>")
    dns = FakeDNS({PUBLIC_HOST: [["127.0.0.1"]]})

    fetched = fetch(public_url(source_server, "/post"), policy=LOOPBACK_ON, resolve=dns)

    assert fetched.status == 200
    (_path, headers), *_ = source_server.requests
    assert headers["Host"] == f"{PUBLIC_HOST}:{source_server.port}"


# The address rules themselves.


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.255.255.254",
        "::1",
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "::",
        "100.64.0.1",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "198.18.0.1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",
        "2002:a00:1::",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "ff02::1",
        "2001:db8::1",
    ],
)
def test_forbidden_names_every_non_public_address(address):
    assert forbidden(ip_address(address))


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "2002:5db8:d822::1"],
)
def test_forbidden_lets_public_addresses_through(address):
    assert forbidden(ip_address(address)) is None


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "::ffff:127.0.0.1"])
def test_the_setting_allows_loopback_only(address):
    assert forbidden(ip_address(address), allow_loopback=True) is None


@pytest.mark.parametrize("address", ["10.0.0.1", "169.254.169.254", "0.0.0.0", "fc00::1"])
def test_the_setting_does_not_allow_other_non_public_addresses(address):
    assert forbidden(ip_address(address), allow_loopback=True)


@pytest.mark.parametrize(
    ("url", "port", "path"),
    [
        ("http://blog.example/2024/post.html?page=2#par3", 80, "/2024/post.html?page=2"),
        ("https://blog.example", 443, "/"),
        ("http://blog.example:8080/a", 8080, "/a"),
    ],
)
def test_pin_keeps_the_name_and_the_one_address_to_connect_to(url, port, path):
    pinned = pin(url, policy=LOOPBACK_OFF, resolve=FakeDNS({PUBLIC_HOST: [[PUBLIC_ADDRESS]]}))

    assert (pinned.host, pinned.address, pinned.port, pinned.path) == (
        PUBLIC_HOST,
        PUBLIC_ADDRESS,
        port,
        path,
    )


# With the loopback setting on: the source server plays the citing sites.


def test_a_page_is_fetched_with_its_status_type_and_text(source_server):
    html = blog_post(links=["https://cables.example/cable/2008/03/08STATE1234.html"])
    url = source_server.page("/post", html)

    fetched = fetch(url, policy=LOOPBACK_ON)

    assert (fetched.status, fetched.url, fetched.content_type) == (200, url, "text/html")
    assert fetched.text == html
    assert fetched.is_html
    assert not fetched.truncated


def test_the_request_says_what_it_accepts_and_who_asks(source_server):
    url = source_server.page("/post", "<p>the post</p>")
    policy = dataclasses.replace(LOOPBACK_ON, user_agent="ReadingRoom-Linkbacks/1.0 (+test)")

    fetch(url, policy=policy)

    (path, headers), *_ = source_server.requests
    assert path == "/post"
    assert headers["User-Agent"] == "ReadingRoom-Linkbacks/1.0 (+test)"
    assert headers["Accept"].startswith("text/html")
    assert "text/plain" in headers["Accept"]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("<p>Café à Moscou</p>".encode("iso-8859-1"), "text/html; charset=ISO-8859-1"),
        ("<p>Café à Moscou</p>".encode("iso-8859-1"), 'text/html; charset="iso-8859-1"'),
        ('<meta charset="iso-8859-1"><p>Café à Moscou</p>'.encode("iso-8859-1"), "text/html"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            "<p>Café à Moscou</p>".encode("iso-8859-1"),
            "text/html",
        ),
        ("<p>Café à Moscou</p>".encode(), "text/html"),
        # The header wins over the page.
        ('<meta charset="iso-8859-1"><p>Café à Moscou</p>'.encode(), "text/html; charset=utf-8"),
        # A charset Python does not know: UTF-8.
        ("<p>Café à Moscou</p>".encode(), "text/html; charset=x-unheard-of"),
    ],
    ids=["header", "quoted", "meta", "http-equiv", "default", "header-wins", "unknown"],
)
def test_the_text_is_decoded_with_the_page_charset(source_server, body, content_type):
    url = source_server.answer("/post", Answer(body=body, content_type=content_type))

    assert "Café à Moscou" in fetch(url, policy=LOOPBACK_ON).text


def test_a_page_in_a_cyrillic_charset_is_decoded(source_server):
    html = '<meta charset="windows-1251"><p>Посольство США в Москве</p>'
    url = source_server.answer(
        "/post", Answer(body=html.encode("cp1251"), content_type="text/html")
    )

    assert "Посольство США в Москве" in fetch(url, policy=LOOPBACK_ON).text


def test_a_page_without_a_content_type_is_read_as_html(source_server):
    url = source_server.answer("/post", Answer(body=b"<p>the post</p>", content_type=""))

    fetched = fetch(url, policy=LOOPBACK_ON)

    assert (fetched.content_type, fetched.text) == ("text/html", "<p>the post</p>")


def test_a_plain_text_page_is_text(source_server):
    url = source_server.answer(
        "/note.txt", Answer(body=b"See https://cables.example/c", content_type="text/plain")
    )

    fetched = fetch(url, policy=LOOPBACK_ON)

    assert (fetched.content_type, fetched.text) == ("text/plain", "See https://cables.example/c")
    assert not fetched.is_html


def test_a_page_that_is_not_text_gives_no_text(source_server):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2048
    url = source_server.answer("/picture", Answer(body=png, content_type="image/png"))

    fetched = fetch(url, policy=LOOPBACK_ON)

    assert (fetched.status, fetched.content_type, fetched.text) == (200, "image/png", "")


@pytest.mark.parametrize("status", [404, 410, 500])
def test_an_error_status_is_returned_not_raised(source_server, status):
    url = source_server.answer("/post", Answer(status, b"<p>gone away</p>"))

    fetched = fetch(url, policy=LOOPBACK_ON)

    assert fetched.status == status
    assert fetched.text == "<p>gone away</p>"


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_followed_to_the_final_url(source_server, status):
    source_server.redirect("/old", "/new", status=status)
    new = source_server.page("/new", "<p>moved here</p>")

    fetched = fetch(source_server.url("/old"), policy=LOOPBACK_ON)

    assert (fetched.status, fetched.url, fetched.text) == (200, new, "<p>moved here</p>")
    assert source_server.requested() == ["/old", "/new"]


def redirect_chain(server, redirects: int) -> str:
    """/hop0 -> /hop1 -> ... -> /hop{redirects}, which is a page."""
    for hop in range(redirects):
        server.redirect(f"/hop{hop}", server.url(f"/hop{hop + 1}"))
    server.page(f"/hop{redirects}", "<p>the end of the chain</p>")
    return server.url("/hop0")


def test_five_redirects_are_followed(source_server):
    fetched = fetch(redirect_chain(source_server, 5), policy=LOOPBACK_ON)

    assert fetched.url == source_server.url("/hop5")
    assert fetched.text == "<p>the end of the chain</p>"


def test_a_sixth_redirect_is_refused(source_server):
    with pytest.raises(FetchRefused, match="redirects"):
        fetch(redirect_chain(source_server, 6), policy=LOOPBACK_ON)

    assert source_server.requested() == [f"/hop{hop}" for hop in range(6)]


def test_a_redirect_loop_ends(source_server):
    source_server.redirect("/loop", "/loop")

    with pytest.raises(FetchRefused, match="redirects"):
        fetch(source_server.url("/loop"), policy=LOOPBACK_ON)

    assert len(source_server.requested("/loop")) == 6


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/",
        "http://192.168.1.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fc00::1]/",
        "file:///etc/passwd",
    ],
)
def test_a_redirect_to_a_private_address_is_refused_with_loopback_allowed(source_server, target):
    source_server.redirect("/start", target)

    with pytest.raises(FetchRefused):
        fetch(source_server.url("/start"), policy=LOOPBACK_ON)


def test_a_large_body_is_cut_at_the_limit(source_server):
    url = source_server.answer(
        "/huge", Answer(body=b"a" * 3_000_000, content_type="text/plain; charset=utf-8")
    )
    policy = FetchPolicy(allow_loopback=True)

    fetched = fetch(url, policy=policy)

    assert fetched.truncated
    assert 0 < len(fetched.text) <= 1_000_000


@pytest.mark.parametrize(("size", "truncated"), [(1000, False), (1001, True)])
def test_the_limit_is_on_the_bytes_past_it(source_server, size, truncated):
    url = source_server.answer("/post", Answer(body=b"a" * size, content_type="text/plain"))

    fetched = fetch(url, policy=dataclasses.replace(LOOPBACK_ON, max_bytes=1000))

    assert fetched.truncated is truncated
    assert fetched.text == "a" * 1000


def test_a_server_slower_than_the_timeout_is_given_up(source_server):
    url = source_server.answer("/slow", Answer(body=b"<p>late</p>", delay=2))
    policy = dataclasses.replace(LOOPBACK_ON, timeout=0.5)

    with pytest.raises(FetchError) as raised:
        started = time.monotonic()
        fetch(url, policy=policy)
    took = time.monotonic() - started

    assert not isinstance(raised.value, FetchRefused)
    assert took < 1.2


def test_a_slow_drip_is_stopped_by_the_overall_deadline(source_server):
    """Each kilobyte comes well within the timeout; the whole body would take 4 s."""
    url = source_server.answer("/drip", Answer(body=b"a" * 200 * 1024, drip=0.02))
    policy = dataclasses.replace(LOOPBACK_ON, timeout=0.5)

    with pytest.raises(FetchError):
        started = time.monotonic()
        fetch(url, policy=policy)
    took = time.monotonic() - started

    assert took < 1.2


def test_the_timeout_covers_all_the_redirects_together(source_server):
    """Three hops of 0.3 s each: within a per-hop timeout of 0.5 s, over a total of 0.5 s."""
    for hop in range(2):
        source_server.answer(
            f"/hop{hop}", Answer(302, headers={"Location": f"/hop{hop + 1}"}, delay=0.3)
        )
    source_server.answer("/hop2", Answer(body=b"<p>the end</p>", delay=0.3))
    policy = dataclasses.replace(LOOPBACK_ON, timeout=0.5)

    with pytest.raises(FetchError):
        started = time.monotonic()
        fetch(source_server.url("/hop0"), policy=policy)
    took = time.monotonic() - started

    assert took < 0.8


def test_a_closed_port_is_a_fetch_error():
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]

    with pytest.raises(FetchError) as raised:
        fetch(f"http://127.0.0.1:{port}/post", policy=LOOPBACK_ON)

    assert not isinstance(raised.value, FetchRefused)


# The setting.


def test_loopback_is_refused_unless_the_settings_allow_it():
    assert django_settings.LINKBACKS_FETCH_ALLOW_LOOPBACK is False
    assert fetch_policy().allow_loopback is False
    assert FetchPolicy().allow_loopback is False


def test_the_default_limits_are_five_redirects_five_seconds_one_megabyte():
    policy = fetch_policy()

    assert (policy.max_redirects, policy.timeout, policy.max_bytes) == (5, 5.0, 1_000_000)


def test_the_fetch_policy_follows_the_settings(settings):
    settings.LINKBACKS_FETCH_ALLOW_LOOPBACK = True
    settings.LINKBACKS_FETCH_TIMEOUT = 1.5
    settings.LINKBACKS_FETCH_MAX_BYTES = 2048
    settings.LINKBACKS_FETCH_MAX_REDIRECTS = 2

    policy = fetch_policy()

    assert (policy.allow_loopback, policy.timeout, policy.max_bytes, policy.max_redirects) == (
        True,
        1.5,
        2048,
        2,
    )


def test_the_policy_from_the_settings_refuses_the_source_server(server):
    with pytest.raises(FetchRefused):
        fetch(server.url("/secret"), policy=fetch_policy())

    assert server.requested() == []


# --- the deadline holds whatever the server drips ---------------------------------------------


@pytest.fixture
def dripping_headers():
    """A raw server that answers a status line, then one header line every 0.2 s, forever."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.recv(4096)
                try:
                    connection.sendall(b"HTTP/1.1 200 OK\r\n")
                    while not stop.is_set():
                        connection.sendall(b"X-Slow: yes\r\n")
                        time.sleep(0.2)
                except OSError:
                    pass  # the fetcher hung up: what the test wants

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    stop.set()
    thread.join(2)
    listener.close()


def test_headers_dripping_in_are_cut_off_at_the_deadline(dripping_headers):
    started = time.monotonic()
    with pytest.raises(fetcher.FetchError, match="longer than 1 s"):
        fetch(dripping_headers, policy=FetchPolicy(allow_loopback=True, timeout=1))
    assert time.monotonic() - started < 2


def test_a_resolver_that_hangs_is_given_up_on():
    def hanging(host: str, port: int) -> list[str]:
        time.sleep(3)
        return ["93.184.216.34"]

    started = time.monotonic()
    with pytest.raises(fetcher.FetchError, match="resolving"):
        fetch("http://slow-dns.example/", policy=FetchPolicy(timeout=0.5), resolve=hanging)
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("address", ["fec0::1", "feff::1"])
def test_deprecated_ipv6_site_local_addresses_are_refused(address):
    assert forbidden(ip_address(address)) == "a site-local address"
