"""The simulated readers and commenters of `scripts/bench_load.py`, over plain HTTP.

Each reader or commenter is a thread with its own `Browser` (one connection, its cookies, its
address in X-Forwarded-For, which the site reads with COMMENTS_BEHIND_PROXY=1). Every request
is kept in a `Recorder`; every comment sent is kept as a `Post`, with the token written in
its text, so that the database can be asked afterwards which were stored.
"""

from __future__ import annotations

import http.client
import itertools
import math
import random
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlencode, urlsplit

# Longer than gunicorn's 30 s worker timeout: an answer that never comes is gunicorn's to end.
TIMEOUT_SECONDS = 40
# The comment form must be older than COMMENTS_FORM_MIN_SECONDS (3 s) when it is sent; its
# timestamp is whole seconds, so wait a little longer.
FORM_WAIT_SECONDS = (3.2, 5.0)
# Between two pages, a reader reads.
READER_PAUSE_SECONDS = (0.5, 1.5)
COMMENTER_PAUSE_SECONDS = (1.0, 3.0)
# The flood limit (COMMENTS_FLOOD_SECONDS, 15 s) holds per address and per e-mail address:
# each commenter takes turns among this many identities, so that it can post every few seconds.
IDENTITIES_PER_COMMENTER = 8
ACKNOWLEDGED = re.compile(r"#comment-(\d+)$")
# After a fault has ended, requests may meet its effects this long (a new gunicorn worker
# starting, connections opened again); then, for at least RECOVERY_SECONDS, they must not.
RECOVERY_GRACE_SECONDS = 5
RECOVERY_SECONDS = 10


def reader_identity(number: int) -> tuple[str, str, str]:
    """Name, e-mail and address of reader `number` (0-199): the 200 seeded comments are theirs,
    so what they post later is approved at once, as a known commenter's is."""
    names = ["Ana", "Boris", "Chiara", "Dmitri", "Emeka", "Fumiko", "Gustavo", "Hanna"]
    name = f"{names[number % len(names)]} {number:03d}"
    return name, f"reader-{number:03d}@example.org", f"10.77.{number // 200}.{number % 200 + 1}"


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


def no_answer(error: BaseException) -> str:
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
            return Answer(no_answer(error), {}, "", started, time.monotonic() - started)
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


class CommentForm(HTMLParser):
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
    parser = CommentForm()
    parser.feed(page)
    return parser.fields if parser.found else None


@dataclass(frozen=True)
class Request:
    kind: str  # "read", "form" (a commenter's page), "post", "after post" (the redirect)
    status: int | str
    started: float
    seconds: float
    page: str = ""  # what a reader read: "cable", "paragraph", "list"

    @property
    def ended(self) -> float:
        return self.started + self.seconds

    @property
    def failed(self) -> bool:
        """No answer, or a server error."""
        return isinstance(self.status, str) or self.status >= 500


@dataclass(frozen=True)
class Post:
    token: str
    status: int | str
    comment_id: int | None  # from the 303's Location, ...#comment-N
    started: float
    seconds: float


@dataclass
class Recorder:
    requests: list[Request] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    formless_pages: int = 0  # a commenter's page answered without a comment form
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, answer: Answer, page: str = "") -> None:
        with self.lock:
            self.requests.append(Request(kind, answer.status, answer.started, answer.seconds, page))

    def add_post(self, token: str, answer: Answer) -> int | None:
        match = ACKNOWLEDGED.search(answer.headers.get("location", ""))
        comment_id = int(match[1]) if answer.status == 303 and match else None
        with self.lock:
            self.requests.append(Request("post", answer.status, answer.started, answer.seconds))
            self.posts.append(
                Post(token, answer.status, comment_id, answer.started, answer.seconds)
            )
        return comment_id

    def statuses(self, kinds: set[str] | None = None) -> Counter:
        return Counter(
            request.status for request in self.requests if kinds is None or request.kind in kinds
        )


@dataclass(frozen=True)
class Site:
    """What the traffic needs to know about the site."""

    port: int
    cable_path: str
    paragraph_paths: list[str]
    list_paths: list[str]
    reply_to: list[int]  # seeded comments whose authors want reply notices
    passages: dict[str, list[str]]  # anchor: words of that paragraph a comment may be on

    def reading(self, rng: random.Random) -> tuple[str, str]:
        """What to read, and where: half the reads are the cable page, a fifth a paragraph's
        page, the rest lists."""
        draw = rng.random()
        if draw < 0.5:
            return "cable", self.cable_path
        if draw < 0.7:
            return "paragraph", rng.choice(self.paragraph_paths)
        return "list", rng.choice(self.list_paths)

    def commenting(self, rng: random.Random) -> str:
        """Half comment on the cable, a quarter on a paragraph, a quarter answer a comment."""
        draw = rng.random()
        if draw < 0.5:
            return self.cable_path
        if draw < 0.75:
            return rng.choice(self.paragraph_paths)
        return f"{self.cable_path}?replytocom={rng.choice(self.reply_to)}"


TOPICS = [
    "the islands dispute",
    "the gas pipeline",
    "the visa talks",
    "the Foreign Ministry's line",
    "the ambassador's reading",
    "the energy question",
]
LINKS = [
    "https://en.wikipedia.org/wiki/Kuril_Islands_dispute",
    "https://www.mid.ru/en/",
    "https://www.state.gov/",
    "https://www.mofa.go.jp/",
]


def comment_body(rng: random.Random, token: str) -> str:
    """Markdown as readers write it: paragraphs, emphasis, sometimes a list, a quotation,
    code or one link (two would send it to moderation), and the token that finds it again."""
    topic = rng.choice(TOPICS)
    parts = [
        rng.choice(
            [
                f"The cable reads *{topic}* as a message to Tokyo more than to Washington.",
                f"What strikes me is how little **{topic}** changed between 2007 and now.",
                f"Compare {topic} here with the cables of the same month from Tokyo.",
                f"I doubt the embassy had the whole picture on {topic}.",
            ]
        )
    ]
    if rng.random() < 0.3:
        parts.append("> Both sides are expected to avoid public statements before the visit.")
    extra = rng.random()
    if extra < 0.25:
        parts.append(
            "Three things to note:\n\n1. who briefed the embassy,\n2. when,\n3. what was left out."
        )
    elif extra < 0.45:
        parts.append(f"Background: [{topic}]({rng.choice(LINKS)}).")
    elif extra < 0.6:
        parts.append("The reference is in the header: `REF: A. 07 MOSCOW 431`.")
    if rng.random() < 0.5:
        parts.append(
            "Long read, but worth it. " * rng.randint(1, 12)
            + "The tone of the last paragraphs is _telling_."
        )
    parts.append(f"-- {token}")
    return "\n\n".join(parts)


def read_forever(site: Site, number: int, stop: threading.Event, recorder: Recorder) -> None:
    rng = random.Random(number)
    browser = Browser(site.port, address=f"10.66.{number // 200}.{number % 200 + 1}")
    stop.wait(rng.uniform(0, READER_PAUSE_SECONDS[1]))  # readers arrive one by one
    while not stop.is_set():
        page, path = site.reading(rng)
        recorder.add("read", browser.get(path), page)
        stop.wait(rng.uniform(*READER_PAUSE_SECONDS))


@dataclass(frozen=True)
class Commenting:
    """How a run's commenters behave. `run` goes into every token; `first_identity` picks the
    readers (0-199) whose names they use; with `together_every` set, the commenters all send
    at the same moments, that many seconds apart, and as often as they can (the SQLite run:
    writes that collide)."""

    run: str
    first_identity: int = 0
    together_every: float | None = None


def comment_forever(
    site: Site,
    number: int,
    plan: Commenting,
    stop: threading.Event,
    recorder: Recorder,
    started: float,
) -> None:
    """Open a page with the form, wait as a reader writing would, send the form's fields with
    a new text, follow the redirect; again, as the next of this commenter's identities."""
    rng = random.Random(f"{plan.run}-{number}")
    identities = itertools.cycle(
        reader_identity((plan.first_identity + number * IDENTITIES_PER_COMMENTER + turn) % 200)
        for turn in range(IDENTITIES_PER_COMMENTER)
    )
    browsers: dict[str, Browser] = {}
    for sent in itertools.count(1):
        if stop.is_set():
            return
        name, email, address = next(identities)
        browser = browsers.setdefault(email, Browser(site.port, address=address))
        path = site.commenting(rng)
        page = browser.get(path)
        recorder.add("form", page)
        fields = comment_form_fields(page.text) if page.status == 200 else None
        if fields is None:
            if page.status == 200:
                with recorder.lock:
                    recorder.formless_pages += 1
            stop.wait(1)
            continue
        if plan.together_every:
            slots = math.ceil((page.ended + FORM_WAIT_SECONDS[0] - started) / plan.together_every)
            ready = started + plan.together_every * slots
        else:
            ready = page.ended + rng.uniform(*FORM_WAIT_SECONDS)
        if stop.wait(max(0.0, ready - time.monotonic())):
            return
        token = f"load-{plan.run}-c{number:02d}-n{sent:03d}"
        form = fields | {
            "name": name,
            "email": email,
            "url": "",
            "body": comment_body(rng, token),
            "homepage": "",
        }
        if rng.random() < 0.3:
            form["notify"] = "on"
        anchor = fields.get("anchor", "")
        if anchor in site.passages and not fields.get("parent") and rng.random() < 0.5:
            form["quote_exact"] = rng.choice(site.passages[anchor])
        # A browser's headers on a same-origin form post; the CSRF token, when the page has
        # one, came with the fields, and its cookie with the page.
        headers = {
            "Origin": browser.origin,
            "Sec-Fetch-Site": "same-origin",
            "Referer": browser.origin + path,
        }
        answer = browser.request("POST", "/comments/post/", form=form, headers=headers)
        recorder.add_post(token, answer)
        if answer.status == 303 and answer.headers.get("location"):
            location = urlsplit(answer.headers["location"])  # what a browser opens next
            following = location.path + (f"?{location.query}" if location.query else "")
            recorder.add("after post", browser.get(following))
        if not plan.together_every:
            stop.wait(rng.uniform(*COMMENTER_PAUSE_SECONDS))


@dataclass
class Run:
    """A run of readers and commenters; when its fault began and ended (monotonic times)."""

    name: str
    recorder: Recorder
    started: float
    ended: float
    fault_started: float | None = None
    fault_ended: float | None = None
    notes: list[str] = field(default_factory=list)


def run_load(
    site: Site,
    *,
    name: str,
    readers: int,
    commenters: int,
    seconds: float,
    plan: Commenting,
    fault: Callable[[Run], None] | None = None,
) -> Run:
    """Readers and commenters for `seconds`. The fault, if any, comes at half time, and the
    run goes on long enough after it to see whether the site recovered."""
    recorder = Recorder()
    stop = threading.Event()
    started = time.monotonic()
    run = Run(name, recorder, started, started + seconds)
    threads = [
        threading.Thread(target=read_forever, args=(site, number, stop, recorder), daemon=True)
        for number in range(readers)
    ] + [
        threading.Thread(
            target=comment_forever,
            args=(site, number, plan, stop, recorder, started),
            daemon=True,
        )
        for number in range(commenters)
    ]
    for thread in threads:
        thread.start()
    end = started + seconds
    if fault is not None:
        time.sleep(max(0.0, started + seconds / 2 - time.monotonic()))
        fault(run)
        fault_ended = run.fault_ended or run.fault_started or time.monotonic()
        end = max(end, fault_ended + RECOVERY_GRACE_SECONDS + RECOVERY_SECONDS)
    time.sleep(max(0.0, end - time.monotonic()))
    stop.set()
    for thread in threads:
        thread.join(timeout=TIMEOUT_SECONDS + 20)
    run.ended = time.monotonic()
    return run
