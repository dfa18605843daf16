from itertools import batched

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from cables.importer import CableRejected, Outcome, store_cable
from cables.management.progress import ProgressBar
from cables.parser import CableParseError
from cables.sources import Candidate, Failure, Progress, find_files, iter_candidates

# Cables written per transaction. Small enough that an interrupted import loses little (it is
# idempotent: run it again), large enough that commits stop dominating the run.
BATCH_SIZE = 200


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

    def handle(self, *args, **options):
        files, failures = find_files(options["paths"])
        for failure in failures:
            self.report(failure.location, failure.reason)
        total_bytes = sum(path.stat().st_size for path in files)
        progress = Progress(total_bytes)
        counts = dict.fromkeys([*Outcome, "failed"], 0)
        counts["failed"] = len(failures)
        bar = ProgressBar(enabled=not options["no_progress"])
        for batch in batched(iter_candidates(files, progress), BATCH_SIZE):
            # One commit per batch: each cable still has its own savepoint, so a cable the
            # database refuses is rolled back alone, but the disk is synced once per batch.
            with transaction.atomic():
                for item in batch:
                    outcome = self.import_one(item)
                    counts[outcome] += 1
                    self.draw(bar, progress.done / progress.total, counts)
        if files:
            self.draw(bar, 1.0, counts, final=True)
        summary = ", ".join(f"{counts[key]} {key}" for key in [*Outcome, "failed"])
        self.stdout.write(f"Summary: {summary}.")
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} cable(s) could not be imported", returncode=1)

    def import_one(self, item: Candidate | Failure) -> str:
        if isinstance(item, Failure):
            self.report(item.location, item.reason)
            return "failed"
        try:
            return store_cable(item.parse(), source_text=item.source_text)
        except (CableParseError, CableRejected) as error:
            self.report(item.location, str(error))
        except DatabaseError as error:
            self.report(item.location, f"database refused the cable ({error})")
        return "failed"

    def report(self, location: str, reason: str) -> None:
        self.stderr.write(f"{location}: {reason}")

    def draw(self, bar: ProgressBar, share: float, counts: dict, final: bool = False) -> None:
        bar.update(share, sum(counts.values()), f"{counts['failed']} failed", final=final)
