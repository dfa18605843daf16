from __future__ import annotations

import multiprocessing
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import batched

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, reset_queries, transaction

from cables.importer import (
    CableRejected,
    Outcome,
    link_all_citing,
    store_batch,
    store_cable,
    validate,
)
from cables.management.progress import ProgressBar
from cables.management.workers import start_worker
from cables.models import Cable
from cables.origins_and_tags import number_new_origins
from cables.parsing import CableParseError, ParsedCable
from cables.search import writing
from cables.sources import Candidate, Failure, Progress, find_files, iter_candidates

# Cables written per transaction. Small enough that an interrupted import loses little (it is
# idempotent: run it again), large enough that commits and round trips stop dominating.
BATCH_SIZE = 200
# Cables the command indexes in one commit of the search index.
INDEX_EVERY = 5_000


@dataclass
class BatchResult:
    counts: Counter[str] = field(default_factory=Counter)
    reports: list[tuple[str, str]] = field(default_factory=list)  # (location, reason)
    stored: list[str] = field(default_factory=list)  # reference IDs imported or updated
    # Seconds spent reading and parsing, and storing (in whichever process ran the batch).
    timings: dict[str, float] = field(default_factory=dict)

    def fail(self, location: str, reason: str) -> None:
        self.counts["failed"] += 1
        self.reports.append((location, reason))


def import_batch(batch: Iterable[Candidate | Failure]) -> BatchResult:
    """Parse and store a batch; runs in the command's process or in a worker process.

    The whole batch is stored at once. If the database refuses it, its cables are stored
    again one by one, each in its own savepoint, so the one at fault is reported and rolled
    back alone and the others land."""
    result = BatchResult()
    ready: list[tuple[Candidate, ParsedCable]] = []
    started = time.perf_counter()
    for item in batch:
        if isinstance(item, Failure):
            result.fail(item.location, item.reason)
            continue
        try:
            parsed = item.parse()
            validate(parsed)
        except (CableParseError, CableRejected) as error:
            result.fail(item.location, str(error))
        else:
            ready.append((item, parsed))
    parsed_at = time.perf_counter()
    outcomes: Sequence[Outcome | None]
    try:
        outcomes = store_batch([(parsed, item.source_text) for item, parsed in ready], index=False)
    except DatabaseError:
        with transaction.atomic():
            outcomes = [store_one(item, parsed, result) for item, parsed in ready]
    result.counts.update(outcome for outcome in outcomes if outcome is not None)
    result.stored = [
        parsed.reference_id
        for (_, parsed), outcome in zip(ready, outcomes, strict=True)
        if outcome in (Outcome.IMPORTED, Outcome.UPDATED) and parsed.reference_id
    ]
    result.timings = {"parsing": parsed_at - started, "storing": time.perf_counter() - parsed_at}
    # With DEBUG on, Django keeps the last 9,000 statements, and a batch's are megabytes.
    reset_queries()
    return result


def store_one(item: Candidate, parsed: ParsedCable, result: BatchResult) -> Outcome | None:
    try:
        return store_cable(parsed, source_text=item.source_text, index=False)
    except CableRejected as error:
        result.fail(item.location, str(error))
    except DatabaseError as error:
        result.fail(item.location, f"database refused the cable ({error})")
    return None


class Command(BaseCommand):
    help = (
        "Import cables from files and folders of .txt, .html and .csv (cables.csv rows), "
        "plain or .gz. Idempotent; every bad cable is reported and leaves the database untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw the progress bar."
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="Processes that parse and store side by side (PostgreSQL only; "
            "one per core suits a full cables.csv). Default 1.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Cables per transaction ({BATCH_SIZE}).",
        )
        parser.add_argument(
            "--timings",
            action="store_true",
            help="Say where the time went: reading and parsing, storing, indexing.",
        )

    def handle(self, *args, **options):
        workers, batch_size = options["workers"], options["batch_size"]
        if workers < 1 or batch_size < 1:
            raise CommandError("--workers and --batch-size take a number of at least 1.")
        if workers > 1 and connection.vendor != "postgresql":
            raise CommandError(
                f"--workers needs PostgreSQL: {connection.vendor} takes one writer at a time."
            )
        # On the command's own standard error, where the failures are reported too.
        bar = ProgressBar(
            enabled=not options["no_progress"], stream=options.get("stderr") or sys.stderr
        )
        files, failures = find_files(options["paths"])
        for failure in failures:
            self.report(bar, failure.location, failure.reason)
        total_bytes = sum(path.stat().st_size for path in files)
        progress = Progress(total_bytes)
        counts = Counter(dict.fromkeys([*Outcome, "failed"], 0))
        counts["failed"] = len(failures)
        batches = batched(iter_candidates(files, progress), batch_size)
        started = time.perf_counter()
        timings: defaultdict[str, float] = defaultdict(float)
        indexer = Indexer(timings)
        for result in run_batches(batches, workers):
            counts.update(result.counts)
            for step, seconds in result.timings.items():
                timings[step] += seconds
            indexer.add(result.stored)
            for location, reason in result.reports:
                self.report(bar, location, reason)
            self.draw(bar, progress.done / progress.total, counts)
        indexer.flush()
        if workers > 1:
            link_all_citing()
        number_new_origins()
        if files:
            self.draw(bar, 1.0, counts, final=True)
        summary = ", ".join(f"{counts[key]} {key}" for key in [*Outcome, "failed"])
        self.stdout.write(f"Summary: {summary}.")
        if options["timings"]:
            self.stdout.write(
                f"Time: {time.perf_counter() - started:.1f} s in all; reading and parsing "
                f"{timings['parsing']:.1f} s and storing {timings['storing']:.1f} s (summed "
                f"over {workers} process(es)), indexing {timings['indexing']:.1f} s."
            )
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} cable(s) could not be imported", returncode=1)

    def report(self, bar: ProgressBar, location: str, reason: str) -> None:
        """A failure on a line of its own, not after the bar drawn so far."""
        bar.clear()
        self.stderr.write(f"{location}: {reason}")

    def draw(self, bar: ProgressBar, share: float, counts: Counter, final: bool = False) -> None:
        bar.update(share, counts.total(), f"{counts['failed']} failed", final=final)


class Indexer:
    """Indexes the cables the batches stored, from this process (the one writer of the
    search index, whatever the number of workers), INDEX_EVERY cables to a commit."""

    def __init__(self, timings: defaultdict[str, float]) -> None:
        self.pending: list[str] = []
        self.timings = timings

    def add(self, reference_ids: list[str]) -> None:
        self.pending += reference_ids
        if len(self.pending) >= INDEX_EVERY:
            self.flush()

    def flush(self) -> None:
        started = time.perf_counter()
        ids = [
            pk
            for chunk in batched(self.pending, 1_000)
            for pk in Cable.objects.filter(reference_id__in=chunk).values_list("pk", flat=True)
        ]
        writing.index_cables(ids)
        self.pending = []
        self.timings["indexing"] += time.perf_counter() - started


def run_batches(batches: Iterator[tuple], workers: int) -> Iterator[BatchResult]:
    """Results of import_batch over the batches, in this process or in `workers` spawned
    ones. A few batches per worker are in flight at most, so memory stays flat however
    large the input: reading waits for the workers."""
    if workers == 1:
        yield from map(import_batch, batches)
        return
    # Fresh processes rather than forks of this one, whose threads and open connection a
    # fork would copy mid-use; each sets Django up and connects to the same database.
    context = multiprocessing.get_context("spawn")
    database = connection.settings_dict["NAME"]
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=start_worker, initargs=(database,)
    ) as pool:
        pending: set[Future] = set()
        for batch in batches:
            if len(pending) >= 2 * workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
            pending.add(pool.submit(import_batch, batch))
        for future in pending:
            yield future.result()
