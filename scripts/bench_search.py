"""Benchmark: search (and browse) the whole synthetic corpus; print p50/p95 per query.

Run on demand (never in the test suite) against the database DATABASE_URL names; `make
bench-search` runs it in a throwaway PostgreSQL, `make bench-search-sqlite` on a SQLite file:
    scripts/with-postgres.sh .venv/bin/python scripts/bench_search.py [--count 251287]

Steps: generate the corpus (`manage.py generate_corpus`; kept in var/bench/ and used again
with --reuse-corpus, or --corpus FILE), import it with `manage.py import_cables --timings` in a
fresh process (where the time went, and peak memory), then build the search index again from
the database with `manage.py rebuild_search_index` (time, peak memory, size on disk). Then,
with DEBUG off as in production: each search of a fixed list through the engine alone (count,
facets, histogram and the top page, in the index), then each search page and each list and
index page through Django's test client (the whole view: index, database, snippets, template).
Each is run once to warm the caches, then --repeat times.

The search index goes to var/bench/search-index-<database> (READINGROOM_SEARCH_INDEX).
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_import import PYTHON, generated_corpus, manage  # noqa: E402

# 1-3 words and phrases of the kind readers type, from frequent to rare.
QUERIES = [
    "putin",
    "gazprom",
    "berlusconi",
    "human rights",
    '"human rights"',
    "gas pipeline",
    '"gas pipeline"',
    "nuclear program",
    '"nuclear program"',
    "energy security europe",
    '"energy security"',
    "karzai corruption",
    "chavez oil",
    "visa waiver",
    '"free trade agreement"',
    "counter-narcotics",
    "ahmadinejad -nuclear",
    "putin OR medvedev",
    "ambassador",
    "islands dispute japan",
    "minister",
    '"foreign minister"',
    '"prime minister said"',
    "embassy -ambassador",
    "iran OR syria",
]
FILTERED = [
    {"q": "gas pipeline", "classification": "secret"},
    {"q": "putin", "created_from": "2008-01-01", "created_to": "2008-12-31"},
    {"q": '"human rights"', "sort": "-created"},
    {"q": "nuclear program", "page": "5"},
    {"q": "ambassador", "tag": "PREL", "origin": "embassy-moscow"},
    {"q": "minister", "sort": "released", "page": "3"},
]
BROWSE = [
    "/",
    "/tag/PREL/",
    "/tag/PREL/?page=20&sort=released",
    "/origin/embassy-moscow/",
    "/classification/secret/",
    "/date/2008-06/",
    "/reldate/2011-08-30/",
    "/tag/",
    "/origin/",
    "/classification/",
    "/date/",
    "/reldate/",
]


# "1,234 cables match" on a search page.
RESULTS = re.compile(r"([\d,]+) cables? match")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# Runs the command in a child, prints what it printed, then the child's peak memory (KiB).
MEASURE = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[1:], check=True, stdout=subprocess.PIPE, text=True); "
    "print(done.stdout, end=''); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def _measured(*args: str) -> tuple[float, int, str]:
    """Run `manage.py args` in a fresh process: (seconds, peak RSS in MB, what it printed)."""
    started = time.perf_counter()
    result = subprocess.run(
        [PYTHON, "-c", MEASURE, PYTHON, "manage.py", *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    *printed, peak_kb = result.stdout.rstrip("\n").split("\n")
    return time.perf_counter() - started, int(peak_kb) // 1024, "\n".join(printed)


def _build(count: int, corpus: Path | None, reuse: bool, workers: int) -> None:
    if corpus is None:
        corpus = generated_corpus(count, reuse=reuse)
        print(f"corpus: {corpus} ({corpus.stat().st_size / 1e9:.2f} GB)")
    manage("migrate", "--noinput")
    # A new database: the search index of an earlier run names other cables.
    shutil.rmtree(os.environ["READINGROOM_SEARCH_INDEX"], ignore_errors=True)
    workers_args = ["--workers", str(workers)] if workers > 1 else []
    seconds, peak, printed = _measured(
        "import_cables", "--no-progress", "--timings", *workers_args, str(corpus)
    )
    print(
        f"imported with {workers} worker(s) in {seconds / 60:.1f} min ({count / seconds:.0f} "
        f"cables/s), peak RSS of the largest process {peak} MB"
    )
    print("  " + "\n  ".join(printed.splitlines()))


def _rebuild_index() -> None:
    seconds, peak, printed = _measured("rebuild_search_index", "--no-progress")
    folder = Path(printed.rsplit(": ", 1)[-1].strip())
    size = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    print(
        f"search index rebuilt from the database in {seconds:.0f} s, peak RSS {peak} MB, "
        f"{size / 1e6:.0f} MB on disk"
    )


def _engine_alone(criteria, sort: str, repeat: int) -> tuple[list[float], int]:
    """Timings of what the index does for a search page: the exact count, the facets and the
    histogram (one aggregation), and the top page of ids; no database, no template."""
    from cables.search import engine
    from cables.views.search import HITS_PER_PAGE, ORIGIN_FACETS, TAG_FACETS

    def once() -> int:
        searcher, schema = engine.opened()
        query = engine.to_query(criteria, schema)
        aggregations = engine.facet_aggregations(ORIGIN_FACETS, TAG_FACETS)
        result = searcher.aggregate(query, aggregations)
        total = int(result["total"]["value"] or 0)
        engine.cable_ids(criteria, sort, 0, HITS_PER_PAGE)
        return total

    total = once()
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        once()
        timings.append((time.perf_counter() - started) * 1000)
    return timings, total


def _measure(client, address: str, repeat: int) -> tuple[list[float], str]:
    """Timings of the page, rendered each time, and the number of results it says it has.
    The pages are kept under their version (readingroom/caching.py): the cache is emptied
    before each, or this would time the cache."""
    from django.core.cache import cache

    response = client.get(address)
    if response.status_code != 200:
        raise SystemExit(f"{address} answered {response.status_code}")
    said = RESULTS.search(response.content.decode())
    timings = []
    for _ in range(repeat):
        cache.clear()
        started = time.perf_counter()
        client.get(address)
        timings.append((time.perf_counter() - started) * 1000)
    return timings, said[1] if said else "-"


def _report(title: str, addresses: list[tuple[str, str]], client, repeat: int) -> list[float]:
    print(f"\n{title}")
    print(f"{'p50 ms':>8} {'p95 ms':>8} {'hits':>8}  page")
    everything = []
    for label, address in addresses:
        timings, count = _measure(client, address, repeat)
        everything += timings
        print(
            f"{percentile(timings, 0.5):8.1f} {percentile(timings, 0.95):8.1f} {count:>8}  {label}"
        )
    print(
        f"{percentile(everything, 0.5):8.1f} {percentile(everything, 0.95):8.1f} "
        f"{'':>8}  all {len(everything)} requests"
    )
    return everything


def _report_engine(searches: list[tuple[str, dict]], repeat: int) -> None:
    from cables.forms import SearchForm

    print("\nSearch engine alone (count, facets, histogram, top page of ids; in the index)")
    print(f"{'p50 ms':>8} {'p95 ms':>8} {'hits':>8}  query")
    everything = []
    for label, params in searches:
        form = SearchForm(params)
        if not form.is_valid():
            raise SystemExit(f"{label}: {form.errors}")
        timings, total = _engine_alone(form.criteria(), form.order, repeat)
        everything += timings
        print(
            f"{percentile(timings, 0.5):8.1f} {percentile(timings, 0.95):8.1f} {total:>8,}  {label}"
        )
    print(
        f"{percentile(everything, 0.5):8.1f} {percentile(everything, 0.95):8.1f} "
        f"{'':>8}  all {len(everything)} runs"
    )


def main() -> None:
    options = _parse_options()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readingroom.settings")
    url = os.environ.get("DATABASE_URL", "")
    vendor = "postgresql" if url.startswith("postgres") else "sqlite"
    os.environ.setdefault(
        "READINGROOM_SEARCH_INDEX", str(ROOT / "var" / "bench" / f"search-index-{vendor}")
    )
    print(f"database: {url.split('@')[-1] or 'sqlite (db.sqlite3)'}")
    print(f"search index: {os.environ['READINGROOM_SEARCH_INDEX']}")
    workers = options.workers if vendor == "postgresql" else 1
    if not options.no_build:
        _build(options.count, options.corpus, options.reuse_corpus, workers)
        _rebuild_index()
    # As production serves pages: DEBUG off (no record of every query, templates cached),
    # static files from their manifest.
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost")
    manage("collectstatic", "--noinput")
    _report_all(options.repeat)


def _parse_options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=251_287, help="cables to generate")
    parser.add_argument("--corpus", type=Path, help="import this cables.csv instead")
    parser.add_argument(
        "--reuse-corpus", action="store_true", help="use var/bench/'s corpus when it is there"
    )
    parser.add_argument("--no-build", action="store_true", help="use the database as it is")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="import_cables --workers"
    )
    return parser.parse_args()


def _report_all(repeat: int) -> None:
    """Django set up in this process; the engine's timings, then the search pages', then the
    list and index pages', each `repeat` times."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from cables.models import Cable

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would, after the import
    print(f"cables: {Cable.objects.count():,}")
    _report_engine(
        [(query, {"q": query}) for query in QUERIES] + [(urlencode(f), f) for f in FILTERED],
        repeat,
    )
    # A plain client: no test environment, whose recording of every template rendered
    # would be timed too. The host is one the settings allow.
    client = Client(SERVER_NAME="localhost")
    searches = [(query, "/search/?" + urlencode({"q": query})) for query in QUERIES]
    searches += [(urlencode(f), "/search/?" + urlencode(f)) for f in FILTERED]
    _report(
        "Search (whole view: results, snippets, facets, histogram)",
        searches,
        client,
        repeat,
    )
    _report("Browse", [(address, address) for address in BROWSE], client, repeat)


if __name__ == "__main__":
    main()
