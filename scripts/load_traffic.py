"""The simulated readers and commenters of `scripts/bench_load.py`, over plain HTTP.

Each reader or commenter is a thread with its own `Browser` (load_browser.py: one connection,
its cookies, its address in X-Forwarded-For, which the site reads with
COMMENTS_BEHIND_PROXY=1). Every request is kept in a `Recorder`; every comment sent is kept as
a `Post`, with the token written in its text, so that the database can be asked afterwards
which were stored.
"""

from __future__ import annotations

import itertools
import math
import random
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from load_browser import TIMEOUT_SECONDS, Answer, Browser, comment_form_fields

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


def _read_forever(site: Site, number: int, stop: threading.Event, recorder: Recorder) -> None:
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


def _comment_forever(
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
    identities = _identities(plan, number)
    browsers: dict[str, Browser] = {}
    for sent in itertools.count(1):
        if stop.is_set():
            return
        name, email, address = next(identities)
        browser = browsers.setdefault(email, Browser(site.port, address=address))
        path = site.commenting(rng)
        page, fields = _open_form(browser, path, recorder)
        if fields is None:
            stop.wait(1)
            continue
        if stop.wait(max(0.0, _sending_time(plan, page, started, rng) - time.monotonic())):
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
        _send(browser, path, form, token, recorder)
        if not plan.together_every:
            stop.wait(rng.uniform(*COMMENTER_PAUSE_SECONDS))


def _identities(plan: Commenting, number: int) -> Iterator[tuple[str, str, str]]:
    """Commenter `number`'s identities (reader_identity), in turn, without end."""
    return itertools.cycle(
        reader_identity((plan.first_identity + number * IDENTITIES_PER_COMMENTER + turn) % 200)
        for turn in range(IDENTITIES_PER_COMMENTER)
    )


def _open_form(
    browser: Browser, path: str, recorder: Recorder
) -> tuple[Answer, dict[str, str] | None]:
    """The page at `path`, and the fields of its comment form (None: no form, or no page)."""
    page = browser.get(path)
    recorder.add("form", page)
    fields = comment_form_fields(page.text) if page.status == 200 else None
    if fields is None and page.status == 200:
        with recorder.lock:
            recorder.formless_pages += 1
    return page, fields


def _sending_time(plan: Commenting, page: Answer, started: float, rng: random.Random) -> float:
    """When to send the form of `page` (monotonic time): after a reader's writing, or at the
    next moment the run's commenters all send together (from `started` on)."""
    if plan.together_every:
        slots = math.ceil((page.ended + FORM_WAIT_SECONDS[0] - started) / plan.together_every)
        return started + plan.together_every * slots
    return page.ended + rng.uniform(*FORM_WAIT_SECONDS)


def _send(
    browser: Browser, path: str, form: dict[str, str], token: str, recorder: Recorder
) -> None:
    """Post the comment form as a browser does, and open the page it is sent to."""
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
        threading.Thread(target=_read_forever, args=(site, number, stop, recorder), daemon=True)
        for number in range(readers)
    ] + [
        threading.Thread(
            target=_comment_forever,
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
