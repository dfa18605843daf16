"""Benchmark: import a synthetic cables.csv and print time and peak memory.

Run on demand (not in the test suite), against the database DATABASE_URL names, e.g.
    scripts/with-postgres.sh .venv/bin/python scripts/bench_import.py --rows 2000 --rows 20000
Each size is imported into an empty database by a fresh `manage.py import_cables` process;
peak resident memory that stays flat while the file grows tenfold shows the import streams.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_109c0dc381017bfb.txt"
PYTHON = sys.executable


def seed_body() -> tuple[str, str]:
    text = SEED.read_text(encoding="utf-8")
    start = text.index("DE RUEHMO")
    end = text.index("Post a comment")
    cable = text[start:end].replace('""', '"')
    header, _, body = cable.partition("\n\n")
    return header, body


def write_corpus(path: Path, rows: int) -> None:
    header, body = seed_body()
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        for number in range(1, rows + 1):
            year = 2004 + number % 7
            serial = 1000 + number
            writer.writerow(
                [
                    number,
                    f"{1 + number % 12:02d}/{1 + number % 28:02d}/{year} 15:54",
                    f"{year % 100:02d}MOSCOW{serial}",
                    "Embassy Moscow",
                    "CONFIDENTIAL",
                    "",
                    header,
                    body.replace("MOSCOW 000601", f"MOSCOW {serial:06d}")
                    + f"\n11. (C) Row {number} of the benchmark corpus.\n",
                ]
            )


def manage(*args: str, env: dict[str, str] | None = None) -> None:
    """Run `manage.py args` (in this environment, or in `env`); its output is not shown."""
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


# A fresh wrapper process per run, so its children's peak is the import's alone.
MEASURE = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def generated_corpus(count: int, *, reuse: bool, skip_checks: bool = False) -> Path:
    """var/bench/cables-<count>-seed1.csv, generated (`manage.py generate_corpus`) unless
    `reuse` and it is there already: the corpus the benchmarks share."""
    corpus = ROOT / "var" / "bench" / f"cables-{count}-seed1.csv"
    if not (reuse and corpus.exists()):
        corpus.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        checks = ["--skip-checks"] if skip_checks else []
        manage(
            "generate_corpus",
            "--count",
            str(count),
            "--seed",
            "1",
            "--no-progress",
            *checks,
            str(corpus),
            # The corpus app is a development tool, installed with DEBUG or this.
            env={**os.environ, "READINGROOM_DEVELOPMENT_TOOLS": "1"},
        )
        print(f"generated {count:,} cables in {time.perf_counter() - started:.0f} s")
    return corpus


def measured_run(command: list[str]) -> int:
    """Run the command; return its peak resident memory in KiB."""
    result = subprocess.run(
        [PYTHON, "-c", MEASURE, *command], cwd=ROOT, check=True, capture_output=True, text=True
    )
    return int(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, action="append", help="corpus sizes (repeatable)")
    options = parser.parse_args()
    sizes = options.rows or [2000, 20000]
    database = os.environ.get("DATABASE_URL", "sqlite (db.sqlite3)").split("@")[-1]
    print(f"database: {database}")
    print(f"{'rows':>8} {'file MB':>8} {'seconds':>8} {'cables/s':>9} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            corpus = Path(folder, f"cables-{rows}.csv")
            write_corpus(corpus, rows)
            manage("flush", "--noinput")
            manage("migrate", "--noinput")
            started = time.perf_counter()
            peak_kb = measured_run(
                [PYTHON, "manage.py", "import_cables", "--no-progress", str(corpus)]
            )
            seconds = time.perf_counter() - started
            peak_mb = peak_kb / 1024
            size_mb = corpus.stat().st_size / 1e6
            print(
                f"{rows:>8} {size_mb:>8.1f} {seconds:>8.1f} {rows / seconds:>9.0f} {peak_mb:>12.1f}"
            )
            corpus.unlink()


if __name__ == "__main__":
    main()
