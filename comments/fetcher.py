"""Fetch someone else's page to verify a linkback, without becoming a tool against our network.

The address a host name resolves to is checked once and then used for the connection itself
(the host name only goes into the Host header and the TLS handshake), so a name that resolves
to a public address for the check and to 127.0.0.1 for the connection (DNS rebinding) gets
nowhere. Loopback, private, link-local, multicast, reserved and unspecified addresses are
refused, in IPv4 and IPv6, also inside IPv4-mapped and 6to4 IPv6 addresses. Every redirect is
checked the same way; at most `max_redirects` are followed, the whole fetch has `timeout`
seconds, and no more than `max_bytes` of the body are read.

No Django here: the caller passes a `FetchPolicy` built from the settings.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

_REDIRECTS = {301, 302, 303, 307, 308}
_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.1"
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHUNK = 64 * 1024

_Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_Resolver = Callable[[str, int], list[str]]


class FetchError(Exception):
    """The page could not be fetched. The message says why, for moderators and logs."""


class FetchRefused(FetchError):
    """Refused before connecting: not http(s), a forbidden address, too many redirects."""


@dataclass(frozen=True)
class FetchPolicy:
    allow_loopback: bool = False  # for tests against a local server only
    timeout: float = 5.0
    max_bytes: int = 1_000_000
    max_redirects: int = 5
    user_agent: str = "ReadingRoom-Linkbacks/1.0"


@dataclass(frozen=True)
class Fetched:
    url: str  # where the page was found, after redirects
    status: int
    content_type: str  # 'text/html', without parameters
    text: str  # the body decoded, '' for a type that is not text
    truncated: bool = False  # the body was longer than max_bytes and was cut there

    @property
    def is_html(self) -> bool:
        return self.content_type in ("text/html", "application/xhtml+xml")


def forbidden(address: _Address, *, allow_loopback: bool = False) -> str | None:
    """Why we must not connect to this address, or None when it is a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return forbidden(embedded, allow_loopback=allow_loopback)
    if address.is_loopback:
        return None if allow_loopback else "a loopback address"
    if isinstance(address, ipaddress.IPv6Address) and address.is_site_local:
        return "a site-local address"
    for name, flag in (
        ("an unspecified address", address.is_unspecified),
        ("a link-local address", address.is_link_local),
        ("a multicast address", address.is_multicast),
        ("a private address", address.is_private),
        ("a reserved address", address.is_reserved),
    ):
        if flag:
            return name
    if not address.is_global:
        return "not a public address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"cannot resolve {host}: {error}") from error
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _resolve_within(resolve: _Resolver, host: str, port: int, timeout: float | None) -> list[str]:
    """The system resolver has no timeout of its own: wait for it in another thread."""
    if timeout is None:
        return resolve(host, port)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(resolve, host, port).result(timeout=timeout)
    except concurrent.futures.TimeoutError:
        raise FetchError(f"resolving {host} took longer than {timeout:.1f} s") from None
    finally:
        pool.shutdown(wait=False)


@dataclass(frozen=True)
class Pinned:
    """A URL with the one address we will connect to."""

    scheme: str
    host: str
    port: int
    address: str
    path: str  # path and query, what goes on the request line


def pin(
    url: str,
    *,
    policy: FetchPolicy,
    resolve: _Resolver = system_resolver,
    timeout: float | None = None,
) -> Pinned:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise FetchRefused(f"not a valid URL: {url}") from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"only http and https addresses are fetched, not {url!r}")
    if parts.username is not None or parts.password is not None:
        raise FetchRefused("addresses with a user name or password are not fetched")
    host = parts.hostname
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        literal: _Address | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    addresses = (
        [str(literal)] if literal is not None else _resolve_within(resolve, host, port, timeout)
    )
    if not addresses:
        raise FetchError(f"{host} has no address")
    for text in addresses:
        address = ipaddress.ip_address(text.split("%")[0])  # drop an IPv6 zone id
        reason = forbidden(address, allow_loopback=policy.allow_loopback)
        if reason:
            raise FetchRefused(f"{host} is {reason} ({address}): not fetched")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Pinned(parts.scheme, host, port, addresses[0], path)


class PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, pinned: Pinned, timeout: float) -> None:
        super().__init__(pinned.host, pinned.port, timeout=timeout)
        self.pinned_address = pinned.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.pinned_address, self.port), self.timeout)
        self.raw_socket = self.sock


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, pinned: Pinned, timeout: float) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(pinned.host, pinned.port, timeout=timeout, context=self.tls)
        self.pinned_address = pinned.address

    def connect(self) -> None:
        raw = socket.create_connection((self.pinned_address, self.port), self.timeout)
        self.raw_socket = raw
        # The certificate is checked against the host name, not the address.
        self.sock = self.tls.wrap_socket(raw, server_hostname=self.host)


def _open_connection(pinned: Pinned, timeout: float) -> http.client.HTTPConnection:
    kind = _PinnedHTTPSConnection if pinned.scheme == "https" else PinnedHTTPConnection
    return kind(pinned, timeout)


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def remaining(self) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise FetchError(f"the source took longer than {self.seconds:g} s to answer")
        return left


class _Watchdog:
    """Shuts the connection's socket when the deadline passes, whatever it is waiting for: the
    TLS handshake, headers that drip in a line at a time, the body. Socket timeouts alone
    bound each wait, not their sum."""

    def __init__(self, connection: http.client.HTTPConnection, seconds: float) -> None:
        self.connection = connection
        self.fired = False
        self.timer = threading.Timer(seconds, self.fire)
        self.timer.daemon = True

    def fire(self) -> None:
        self.fired = True
        sock = getattr(self.connection, "raw_socket", None) or self.connection.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Watchdog:
        self.timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.timer.cancel()


def fetch(
    url: str,
    *,
    policy: FetchPolicy,
    resolve: _Resolver = system_resolver,
    connect: Callable[[Pinned, float], http.client.HTTPConnection] = _open_connection,
) -> Fetched:
    """GET `url` within the policy's limits. Any HTTP status is returned, redirects apart."""
    deadline = _Deadline(policy.timeout)
    for _hop in range(policy.max_redirects + 1):
        pinned = pin(url, policy=policy, resolve=resolve, timeout=deadline.remaining())
        connection = connect(pinned, deadline.remaining())
        watchdog = _Watchdog(connection, deadline.remaining())
        try:
            with watchdog:
                response, sock = _request(connection, pinned, policy)
                location = response.getheader("Location")
                if response.status in _REDIRECTS and location:
                    url = urljoin(url, location.strip())
                    continue
                fetched = _read_response(url, response, policy=policy, deadline=deadline, sock=sock)
            if watchdog.fired:  # a shut socket reads as the end of the body: not a whole page
                raise FetchError(f"the source took longer than {policy.timeout:g} s to answer")
            return fetched
        except (OSError, http.client.HTTPException) as error:
            if watchdog.fired:
                raise FetchError(
                    f"the source took longer than {policy.timeout:g} s to answer"
                ) from error
            raise FetchError(f"could not fetch {url}: {error or type(error).__name__}") from error
        finally:
            connection.close()
    raise FetchRefused(f"more than {policy.max_redirects} redirects: not followed")


def _request(
    connection: http.client.HTTPConnection, pinned: Pinned, policy: FetchPolicy
) -> tuple[http.client.HTTPResponse, socket.socket | None]:
    """Send the GET; also return the socket, which `getresponse` hands over to the response
    (the connection forgets it), so that every read can be given what is left of the time."""
    connection.request(
        "GET",
        pinned.path,
        headers={
            "Accept": _ACCEPT,
            "Accept-Encoding": "identity",
            "User-Agent": policy.user_agent,
            "Connection": "close",
        },
    )
    sock = connection.sock
    return connection.getresponse(), sock


def _read_response(
    url: str,
    response: http.client.HTTPResponse,
    *,
    policy: FetchPolicy,
    deadline: _Deadline,
    sock: socket.socket | None,
) -> Fetched:
    content_type, charset = _split_content_type(response.getheader("Content-Type", ""))
    if content_type and content_type not in _TEXT_TYPES:
        return Fetched(url, response.status, content_type, "")
    body = bytearray()
    truncated = False
    while True:
        if response.isclosed():  # the whole body has been read
            break
        if sock is not None:
            sock.settimeout(deadline.remaining())
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        body.extend(chunk)
        if len(body) > policy.max_bytes:
            del body[policy.max_bytes :]
            truncated = True
            break
    content_type = content_type or "text/html"
    return Fetched(
        url, response.status, content_type, _decode(bytes(body), charset, content_type), truncated
    )


def _split_content_type(header: str) -> tuple[str, str | None]:
    media, _, parameters = header.partition(";")
    match = re.search(r'charset\s*=\s*"?([\w.:-]+)', parameters, re.IGNORECASE)
    return media.strip().lower(), match[1] if match else None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def _decode(body: bytes, charset: str | None, content_type: str) -> str:
    if charset is None and content_type != "text/plain":
        match = _META_CHARSET.search(body[:2048])
        charset = match[1].decode("ascii") if match else None
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know
        return body.decode("utf-8", errors="replace")
