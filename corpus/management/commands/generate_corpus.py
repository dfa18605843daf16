import gzip
import io
import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cables.management.progress import ProgressBar
from corpus import FULL_COUNT, write_corpus


class Command(BaseCommand):
    help = (
        "Write a deterministic synthetic corpus in the shape of cables.csv (what import_cables "
        "reads): the release's classifications, origins, dates and lengths, text built from "
        "pools of sentences. The same count and seed give the same bytes. OUT ending in .gz is "
        "compressed."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", metavar="OUT", help="The file to write: .csv or .csv.gz.")
        parser.add_argument(
            "--count",
            type=int,
            default=FULL_COUNT,
            help=f"How many cables (default {FULL_COUNT:,}, the size of the release).",
        )
        parser.add_argument("--seed", type=int, default=1, help="The random seed (default 1).")
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw the progress bar."
        )

    def handle(self, *args, **options):
        count = options["count"]
        if count < 1:
            raise CommandError(f"--count must be at least 1, not {count}")
        out = Path(options["out"])
        if out.is_dir():
            raise CommandError(f"{out} is a directory, not a file")
        # Written beside the target and renamed at the end: an interrupted run leaves no
        # half-written corpus under the final name.
        partial = out.with_name(f".{out.name}.partial")
        try:
            raw = open(partial, "wb")  # noqa: SIM115 - closed in the finally below
        except OSError as error:
            raise CommandError(f"cannot write {out}: {error.strerror or error}") from error
        started = time.monotonic()
        bar = ProgressBar(enabled=not options["no_progress"])

        def progress(done: int, total: int) -> None:
            bar.update(done / total, done, final=done == total)

        try:
            # mtime=0 keeps a .gz byte-identical from one run to the next.
            binary = (
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6)
                if (out.suffix == ".gz")
                else raw
            )
            stream = io.TextIOWrapper(binary, encoding="utf-8", newline="")
            try:
                written = write_corpus(stream, count, options["seed"], progress=progress)
                stream.flush()
            finally:
                stream.close()
            os.replace(partial, out)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(f"cannot write {out}: {error.strerror or error}") from error
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        finally:
            raw.close()
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"Wrote {count:,} cables ({written / 1e6:,.1f} MB of text) to {out} in {elapsed:.1f} s."
        )
