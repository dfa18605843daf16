"""Benchmark: how long a comment takes to render; print each hostile input against 50 ms.

Run on demand (never in the test suite):
    .venv/bin/python scripts/bench_markdown.py [--runs 9] [--only SUBSTRING]

The inputs are the table of tests/comments/pathological_markdown.py (the unit test renders the
same ones), each as long as the comment form allows (BODY_LIMIT characters). Each goes through
`comments.markup.render_markdown` as a post, an edit or a preview does: cmark, the limits, nh3.
A refused comment is timed until it is refused, which is what it costs a worker. Each input is
rendered once to warm up, then --runs times; the table gives the best and the median, and the
median must be at most 50 ms. Then: the memory a worker holds after 200 renders of the input
for which cmark writes the most HTML (cmarkgfm's own wrapper leaked all of it).

Other processes on the machine slow every figure: the load average is printed before and
after. Exit status 1 when a median is over the target.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readingroom.settings")

import django  # noqa: E402

django.setup()

from importlib.metadata import version  # noqa: E402

from cmarkgfm import _cmark  # noqa: E402

from comments.forms import BODY_LIMIT  # noqa: E402
from comments.markup import MarkupRefused, render_markdown  # noqa: E402
from tests.comments.pathological_markdown import CASES, Case  # noqa: E402

TARGET_MS = 50.0
REASONS = {
    "marks for emphasis": "refused: emphasis",
    "too much formatting": "refused: size",
    "levels deep": "refused: nesting",
    "HTML tags (": "refused: HTML tags",
}


def render_once(text: str) -> tuple[float, str]:
    """Milliseconds, and what became of the comment."""
    started = time.perf_counter()
    try:
        html = render_markdown(text)
    except MarkupRefused as refusal:
        elapsed = time.perf_counter() - started
        return elapsed * 1000, next(v for k, v in REASONS.items() if k in str(refusal))
    return (time.perf_counter() - started) * 1000, f"shown, {len(html):,} chars"


def measure(case: Case, runs: int) -> tuple[str, float, float]:
    text = case.text(BODY_LIMIT)
    render_once(text)
    timings, outcome = [], ""
    for _ in range(runs):
        elapsed, outcome = render_once(text)
        timings.append(elapsed)
    return outcome, min(timings), statistics.median(timings)


def resident_megabytes() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def memory_after_renders(count: int = 200) -> None:
    if not os.path.exists("/proc/self/statm"):
        return
    text = "> " * (BODY_LIMIT // 2)  # cmark writes 884,574 characters of HTML for it
    render_once(text)
    before = resident_megabytes()
    for _ in range(count):
        render_once(text)
    print(
        f"\nResident memory after {count} renders of {BODY_LIMIT // 2:,} nested quotations: "
        f"{resident_megabytes() - before:+.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per input (default 9)")
    parser.add_argument("--only", default="", help="inputs whose name contains this")
    options = parser.parse_args()

    cases = [case for case in CASES if options.only in case.name]
    cmark = _cmark.ffi.string(_cmark.lib.cmark_version_string()).decode()
    print(
        f"render_markdown on {len(cases)} inputs of {BODY_LIMIT:,} characters, {options.runs} "
        f"runs each; Python {platform.python_version()}, cmarkgfm {version('cmarkgfm')} "
        f"(cmark-gfm {cmark}), nh3 {version('nh3')}; load average {os.getloadavg()[0]:.2f}\n"
    )
    width = max(len(case.name) for case in cases)
    print(
        f"{'input':<{width}}  {'chars':>6}  {'result':<24}{'best ms':>8}{'median ms':>10}  target"
    )
    failures, medians = 0, []
    for case in cases:
        outcome, best, median = measure(case, options.runs)
        medians.append((median, case.name))
        verdict = "pass" if median <= TARGET_MS else "FAIL"
        failures += verdict == "FAIL"
        print(
            f"{case.name:<{width}}  {BODY_LIMIT:>6}  {outcome:<24}{best:>8.1f}{median:>10.1f}  "
            f"{verdict}",
            flush=True,
        )
    slowest, name = max(medians)
    print(
        f"\n{len(cases) - failures} of {len(cases)} within {TARGET_MS:.0f} ms (median); slowest: "
        f"{name}, {slowest:.1f} ms. Load average now {os.getloadavg()[0]:.2f}."
    )
    memory_after_renders()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
