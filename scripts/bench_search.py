"""Benchmark: search (and browse) the whole synthetic corpus; print p50/p95 per query.

Run on demand (never in the test suite) against the database DATABASE_URL names; `make
bench-search` runs it in a throwaway PostgreSQL:
    scripts/with-postgres.sh .venv/bin/python scripts/bench_search.py [--count 251287]

Steps: generate the corpus (`manage.py generate_corpus`, or reuse --corpus FILE), import it
with `manage.py import_cables` in a fresh process (time and peak memory printed), VACUUM ANALYZE,
then request each page of a fixed list through Django's test client, with DEBUG off as in
production: the whole view (query, count, snippets, facets, histogram, template), not the SQL
alone. Each page is requested once to warm the caches, then --repeat times.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_import import PYTHON, manage, measured_run  # noqa: E402

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
]
FILTERED = [
    {"q": "gas pipeline", "classification": "secret"},
    {"q": "putin", "created_from": "2008-01-01", "created_to": "2008-12-31"},
    {"q": '"human rights"', "sort": "-created"},
    {"q": "nuclear program", "page": "5"},
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


def build(count: int, corpus: Path | None, folder: str, workers: int) -> None:
    if corpus is None:
        corpus = Path(folder, f"cables-{count}.csv")
        started = time.perf_counter()
        manage(
            "generate_corpus", "--count", str(count), "--seed", "1", "--no-progress", str(corpus)
        )
        print(
            f"generated {count:,} cables in {time.perf_counter() - started:.0f} s, "
            f"{corpus.stat().st_size / 1e9:.2f} GB"
        )
    manage("migrate", "--noinput")
    started = time.perf_counter()
    peak_kb = measured_run(
        [
            PYTHON,
            "manage.py",
            "import_cables",
            "--no-progress",
            "--workers",
            str(workers),
            str(corpus),
        ]
    )
    seconds = time.perf_counter() - started
    print(
        f"imported with {workers} worker(s) in {seconds / 60:.1f} min "
        f"({count / seconds:.0f} cables/s), peak RSS of the largest process "
        f"{peak_kb / 1024:.0f} MB"
    )


def measure(client, address: str, repeat: int) -> tuple[list[float], str]:
    """Timings of the page, and the number of results it says it has."""
    response = client.get(address)
    if response.status_code != 200:
        raise SystemExit(f"{address} answered {response.status_code}")
    said = RESULTS.search(response.content.decode())
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(address)
        timings.append((time.perf_counter() - started) * 1000)
    return timings, said[1] if said else "-"


def report(title: str, addresses: list[tuple[str, str]], client, repeat: int) -> list[float]:
    print(f"\n{title}")
    print(f"{'p50 ms':>8} {'p95 ms':>8} {'hits':>8}  page")
    everything = []
    for label, address in addresses:
        timings, count = measure(client, address, repeat)
        everything += timings
        print(
            f"{percentile(timings, 0.5):8.1f} {percentile(timings, 0.95):8.1f} {count:>8}  {label}"
        )
    print(
        f"{percentile(everything, 0.5):8.1f} {percentile(everything, 0.95):8.1f} "
        f"{'':>8}  all {len(everything)} requests"
    )
    return everything


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=251_287, help="cables to generate")
    parser.add_argument("--corpus", type=Path, help="import this cables.csv instead")
    parser.add_argument("--no-build", action="store_true", help="use the database as it is")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="import_cables --workers"
    )
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "readingroom.settings")
    database = os.environ.get("DATABASE_URL", "sqlite (db.sqlite3)").split("@")[-1]
    print(f"database: {database}")
    if not options.no_build:
        with tempfile.TemporaryDirectory() as folder:
            build(options.count, options.corpus, folder, options.workers)

    # As production serves pages: DEBUG off (no record of every query, templates cached),
    # static files from their manifest.
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost")
    manage("collectstatic", "--noinput")

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from cables.models import Cable

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would, after the import
    print(f"cables: {Cable.objects.count():,}")
    # A plain client: no test environment, whose recording of every template rendered
    # would be timed too. The host is one the settings allow.
    client = Client(SERVER_NAME="localhost")
    searches = [(query, "/search/?" + urlencode({"q": query})) for query in QUERIES]
    searches += [(urlencode(f), "/search/?" + urlencode(f)) for f in FILTERED]
    report(
        "Search (whole view: results, snippets, facets, histogram)",
        searches,
        client,
        options.repeat,
    )
    report("Browse", [(address, address) for address in BROWSE], client, options.repeat)


if __name__ == "__main__":
    main()
