"""One simulated visitor of `scripts/bench_load.py`, over plain HTTP: its connection, its
cookies and its address (`Browser`), what the site answered it (`Answer`), and the fields of
the comment form a page holds (`comment_form_fields`)."""

from __future__ import annotations

import http.client
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlencode

# Longer than gunicorn's 30 s worker timeout: an answer that never comes is gunicorn's to end.
TIMEOUT_SECONDS = 40


@dataclass(frozen=True)
class Answer:
    status: int | str  # an HTTP status, or what went wrong when there was no answer
    headers: dict[str, str]
    text: str
    started: float  # time.monotonic()
    seconds: float

    @property
    def ended(self) -> float:
        return self.started + self.seconds


def _no_answer(error: BaseException) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "refused"
    if isinstance(error, (ConnectionResetError, BrokenPipeError)):
        return "reset"
    if isinstance(error, http.client.RemoteDisconnected):
        return "closed"
    if isinstance(error, TimeoutError):
        return "timeout"
    return type(error).__name__


class Browser:
    """One visitor: a connection to the site, its cookies, its network address."""

    def __init__(self, port: int, *, address: str = "", keep_cookies: bool = True) -> None:
        self.port = port
        self.address = address
        self.keep_cookies = keep_cookies
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT_SECONDS)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(
        self, method: str, path: str, *, form: dict | None = None, headers: dict | None = None
    ) -> Answer:
        sent = {"User-Agent": "bench-load", **(headers or {})}
        if self.address:
            sent["X-Forwarded-For"] = self.address
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        try:
            self.connection.request(method, path, body=body, headers=sent)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            return Answer(_no_answer(error), {}, "", started, time.monotonic() - started)
        seconds = time.monotonic() - started
        if response.will_close:
            self.connection.close()
        if self.keep_cookies:
            self.remember(response.headers.get_all("Set-Cookie") or [])
        answer_headers = {name.lower(): value for name, value in response.getheaders()}
        return Answer(
            response.status, answer_headers, content.decode(errors="replace"), started, seconds
        )

    def remember(self, set_cookies: list[str]) -> None:
        for line in set_cookies:
            try:
                cookie = SimpleCookie(line)
            except CookieError:
                continue
            for name, morsel in cookie.items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)

    def get(self, path: str, **kwargs) -> Answer:
        return self.request("GET", path, **kwargs)


class _CommentForm(HTMLParser):
    """The fields of a page's comment form (the first form that posts to /comments/post/),
    with the values the page gave them: the hidden ones (cable, anchor, parent, the signed
    `served` time, a CSRF token when the page has one), the others mostly empty."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.inside = False
        self.found = False
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and not self.found:
            self.inside = attributes.get("action", "").endswith("/comments/post/")
            self.found = self.inside
        elif self.inside and tag == "input" and attributes.get("name"):
            kind = attributes.get("type", "text")
            if kind in {"submit", "button"} or (kind == "checkbox" and "checked" not in attributes):
                return
            self.fields[attributes["name"]] = attributes.get("value", "on" * (kind == "checkbox"))
        elif self.inside and tag == "textarea" and attributes.get("name"):
            self.textarea = attributes["name"]
            self.fields[self.textarea] = ""

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self.textarea = None
        elif tag == "form":
            self.inside = False


def comment_form_fields(page: str) -> dict[str, str] | None:
    """The fields of the page's comment form, with their values; None when it has none."""
    parser = _CommentForm()
    parser.feed(page)
    return parser.fields if parser.found else None
