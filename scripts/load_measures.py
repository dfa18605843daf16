"""The figures of `scripts/bench_load.py`: throughput (wrk, and Python clients for the cold
page), render times through Django's test client, what a run of readers and commenters
shows (statuses, latency, comments acknowledged against comments stored, recovery), and the
targets they are held to (`Targets`: PASS or FAIL)."""

from __future__ import annotations

import re
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench_search import percentile
from load_browser import Browser
from load_traffic import RECOVERY_GRACE_SECONDS, Run

WRK_CONNECTIONS = 4
WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
LOCKED = "database is locked"


def milliseconds(seconds: list[float]) -> tuple[float, float, float]:
    """p50, p95 and p99 in ms (zeros for no values)."""
    if not seconds:
        return 0.0, 0.0, 0.0
    p50, p95, p99 = (percentile(seconds, share) * 1000 for share in (0.5, 0.95, 0.99))
    return p50, p95, p99


def statuses(counter: Counter) -> str:
    """ "200 x1,234, 503 x3, reset x1": HTTP statuses first, then requests without an answer."""
    ordered = sorted(counter.items(), key=lambda item: (isinstance(item[0], str), str(item[0])))
    return ", ".join(f"{status} x{count:,}" for status, count in ordered) or "none"


# --- throughput -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Throughput:
    label: str
    path: str
    per_second: float | None = None  # None: not measured, `note` says why
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    failed: int = 0  # answers other than 2xx and 3xx, and socket errors
    note: str = ""


def measure_wrk(
    label: str, port: int, path: str, seconds: int, headers: dict | None = None
) -> Throughput:
    command = ["wrk", "-t1", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    printed = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", printed)
    if rate is None:
        raise SystemExit(f"wrk printed no rate for {path}:\n{printed}")
    latency = {
        share: float(value) * WRK_UNITS[unit] for share, value, unit in WRK_LATENCY.findall(printed)
    }
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", printed)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", printed
    )
    failed = (int(bad[1]) if bad else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
    return Throughput(
        label, path, float(rate[1]), latency.get("50", 0.0), latency.get("99", 0.0), failed
    )


def measure_cold(
    label: str, port: int, path: str, seconds: int, *, clients: int, empty_cache: Callable
) -> Throughput:
    """Every request finds the cache empty: `clients` clients (one per server worker), each
    emptying the cache, then asking, for `seconds`."""
    timings: list[float] = []
    failed: Counter[int | str] = Counter()
    deadline = time.monotonic() + seconds

    def client() -> None:
        browser = Browser(port, keep_cookies=False)
        while time.monotonic() < deadline:
            empty_cache()
            answer = browser.get(path)
            timings.append(answer.seconds)
            if answer.status != 200:
                failed[answer.status] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    p50, _, p99 = milliseconds(timings)
    rate = len(timings) / (time.monotonic() - started)
    note = f"{clients} clients, FLUSHDB before each request"
    return Throughput(label, path, rate, p50, p99, sum(failed.values()), note)


def measure_conditional(label: str, port: int, path: str, seconds: int) -> Throughput:
    """Asking again with the ETag the page came with (If-None-Match), when it has one."""
    etag = Browser(port, keep_cookies=False).get(path).headers.get("etag")
    if not etag:
        return Throughput(label, path, note="no ETag")
    again = Browser(port, keep_cookies=False).get(path, headers={"If-None-Match": etag}).status
    measured = measure_wrk(label, port, path, seconds, {"If-None-Match": etag})
    return Throughput(
        label,
        path,
        measured.per_second,
        measured.p50_ms,
        measured.p99_ms,
        measured.failed,
        f"ETag {etag[:20]}, answered {again}",
    )


def print_throughput(rows: list[Throughput]) -> None:
    """One line each, with the ratio to the first row (the static file)."""
    static = rows[0].per_second or 1.0
    print(
        f"{'':25} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'x static':>9}  address"
    )
    for row in rows:
        if row.per_second is None:
            print(f"{row.label:25} {row.note:>8}  {'':>8} {'':>8} {'':>7} {'':>9}  {row.path}")
            continue
        print(
            f"{row.label:25} {row.per_second:8.1f} {row.p50_ms:8.1f} {row.p99_ms:8.1f} "
            f"{row.failed:7} {row.per_second / static:8.3f}x  {row.path}"
            + (f"  ({row.note})" if row.note else "")
        )


def time_renders(
    path: str, port: int, count: int, *, elsewhere: Callable[[], object]
) -> tuple[dict[str, list[float]], bytes]:
    """Seconds of `count` renders of the page through Django's test client in this process
    (no HTTP), by how much the cache holds: "emptied" before each; "elsewhere", after a change
    elsewhere in the archive (`elsewhere()`, which gives every cable page a new version: the
    page is rendered again, what it is made of that did not change comes from the cache);
    "cached", as it comes. And the page itself."""
    from django.core.cache import cache
    from django.test import Client

    # A plain client: no test environment, whose recording of every template rendered would
    # be timed too. The server's host and port, so that the page is the size it serves.
    client = Client(SERVER_NAME="127.0.0.1", SERVER_PORT=str(port))
    page = client.get(path)
    if page.status_code != 200:
        raise SystemExit(f"{path} answered {page.status_code} through the test client")
    before = {"emptied": cache.clear, "elsewhere": elsewhere, "cached": lambda: None}
    timings: dict[str, list[float]] = {mode: [] for mode in before}
    for mode, prepare in before.items():
        for _ in range(count):
            prepare()
            started = time.perf_counter()
            client.get(path)
            timings[mode].append(time.perf_counter() - started)
    return timings, page.content


# --- a run of readers and commenters --------------------------------------------------------


@dataclass(frozen=True)
class Comments:
    """The comments a run sent, what the site answered, and what the database has."""

    sent: int
    acknowledged: int  # 303 to ...#comment-N
    rejected: Counter  # 4xx: the site refused the comment and said why
    refused: int  # 503: the site said to send it again later
    failed: int  # another 5xx, or no answer
    stored: int
    acknowledged_missing: int  # acknowledged, but not in the database (or another comment)
    stored_unacknowledged: int  # in the database, but its sender was not told
    lost: int  # failed, and not stored

    def __str__(self) -> str:
        rejected = ", ".join(f"{status} x{n}" for status, n in sorted(self.rejected.items()))
        return (
            f"{self.sent} sent, {self.acknowledged} acknowledged, "
            f"{sum(self.rejected.values())} rejected{f' ({rejected})' if rejected else ''}, "
            f"{self.refused} refused with 503, {self.failed} failed (5xx or no answer); "
            f"{self.stored} stored; {self.acknowledged_missing} acknowledged but missing, "
            f"{self.stored_unacknowledged} stored but not acknowledged, {self.lost} lost"
        )


def count_comments(run: Run, stored: dict[str, int]) -> Comments:
    """`stored`: {token: id} of the run's comments in the database."""
    posts = run.recorder.posts
    acknowledged = {post.token: post.comment_id for post in posts if post.comment_id}
    failed = [
        post
        for post in posts
        if isinstance(post.status, str) or (post.status >= 500 and post.status != 503)
    ]
    rejected = Counter(
        post.status for post in posts if isinstance(post.status, int) and 400 <= post.status < 500
    )
    return Comments(
        sent=len(posts),
        acknowledged=len(acknowledged),
        rejected=rejected,
        refused=sum(post.status == 503 for post in posts),
        failed=len(failed),
        stored=len(stored),
        acknowledged_missing=sum(stored.get(token) != pk for token, pk in acknowledged.items()),
        stored_unacknowledged=sum(token not in acknowledged for token in stored),
        lost=sum(post.token not in stored for post in failed),
    )


def read_seconds(run: Run, page: str = "") -> list[float]:
    """How long the reads (of that page) that were answered (not with a 5xx) took."""
    return [
        r.seconds
        for r in run.recorder.requests
        if r.kind == "read" and not r.failed and page in ("", r.page)
    ]


def server_errors(run: Run) -> int:
    return sum(
        count
        for status, count in run.recorder.statuses().items()
        if isinstance(status, int) and status >= 500
    )


def print_run(run: Run, comments: Comments) -> None:
    requests = run.recorder.requests
    seconds = run.ended - run.started
    print(
        f"  {len(requests):,} requests in {seconds:.0f} s ({len(requests) / seconds:.1f}/s): "
        f"{statuses(run.recorder.statuses())}"
    )
    if reads := read_seconds(run):
        p50, _, p99 = milliseconds(reads)
        pages = []
        for page in ("cable", "paragraph", "list"):
            page_p50, _, page_p99 = milliseconds(read_seconds(run, page))
            pages.append(f"{page} {page_p50:.0f}/{page_p99:.0f}")
        print(
            f"  reads: p50 {p50:.0f} ms, p99 {p99:.0f} ms ({len(reads):,} answered; "
            f"p50/p99 ms by page: {', '.join(pages)})"
        )
    print(f"  comments: {comments}")
    if run.recorder.formless_pages:
        print(f"  pages without a comment form: {run.recorder.formless_pages}")
    for note in run.notes:
        print(f"  {note}")


@dataclass(frozen=True)
class Recovery:
    recovered: bool
    text: str


def recovery(run: Run, *, page_after: int | str, gunicorn_gone: str) -> Recovery:
    """Requests succeeded again after the fault, without gunicorn being restarted: from
    RECOVERY_GRACE_SECONDS after the fault ended, none failed (5xx or no answer), a page
    asked after the run was served (`page_after`, its status), and the gunicorn started at
    the beginning is still running (`gunicorn_gone`: how it ended, if it did)."""
    fault_ended = run.fault_ended or run.fault_started or run.started
    later = [r for r in run.recorder.requests if r.started >= fault_ended + RECOVERY_GRACE_SECONDS]
    late_failures = Counter(r.status for r in later if r.failed)
    failures_after = [r.ended for r in run.recorder.requests if r.failed and r.ended >= fault_ended]
    recovered = bool(later) and not late_failures and page_after == 200 and not gunicorn_gone
    last = (
        f"last failure {max(failures_after) - fault_ended:.1f} s after the fault ended"
        if failures_after
        else "no failure after the fault ended"
    )
    return Recovery(
        recovered,
        f"{last}; from {RECOVERY_GRACE_SECONDS} s after it, {len(later):,} requests, failures: "
        f"{statuses(late_failures)}; the cable page after the run: {page_after}; gunicorn "
        + (f"GONE: {gunicorn_gone}" if gunicorn_gone else "the same, never restarted"),
    )


def outage_statuses(run: Run) -> Counter:
    """What the requests answered while PostgreSQL was down (and a second after)."""
    return Counter(
        r.status
        for r in run.recorder.requests
        if run.fault_started is not None
        and run.fault_ended is not None
        and run.fault_started <= r.ended <= run.fault_ended + 1
    )


def count_locked(log: Path) -> int:
    """The "database is locked" errors a server logged (each 500 logs its traceback)."""
    return log.read_text(errors="replace").count(f"OperationalError: {LOCKED}")


# --- the targets ----------------------------------------------------------------------------


@dataclass
class Targets:
    """Each target, whether it was met, and the figure that says so; printed at the end."""

    results: list[tuple[bool, str, str]] = field(default_factory=list)

    def check(self, met: bool, target: str, figure: str) -> None:
        self.results.append((met, target, figure))

    def check_comments(self, name: str, comments: Comments) -> None:
        self.check(comments.lost == 0, f"{name}: 0 comments lost", str(comments.lost))
        self.check(
            comments.acknowledged_missing == 0,
            f"{name}: 0 acknowledged but missing",
            str(comments.acknowledged_missing),
        )

    def print(self) -> None:
        print("\n== Targets ==")
        for met, target, figure in self.results:
            print(f"  {'PASS' if met else 'FAIL'}  {target}: {figure}")
        print(f"  {sum(met for met, _, _ in self.results)} of {len(self.results)} met")
