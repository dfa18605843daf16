"""Build the search index anew from the database, beside the one in use, and swap it in."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from cables.management.progress import ProgressBar
from cables.search import writing


class Command(BaseCommand):
    help = (
        "Build the search index from the database beside the one in use, then swap it in: "
        "readers never see a half-built index. Cables imported meanwhile are caught up."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw the progress bar."
        )
        parser.add_argument(
            "--if-needed",
            action="store_true",
            help="Only when the index is missing or older than the database (`make run`).",
        )

    def handle(self, *args, **options):
        if options["if_needed"] and (status := writing.status()).current:
            self.stdout.write(f"The search index is up to date ({status.documents:,} cables).")
            return
        bar = ProgressBar(enabled=not options["no_progress"])
        started = time.perf_counter()
        rebuilt = writing.rebuild(
            progress=lambda done, total: bar.update(done / total if total else 1.0, done)
        )
        bar.update(1.0, rebuilt.cables, final=True)
        caught_up = (
            f" ({rebuilt.caught_up:,} changed lately indexed again)" if rebuilt.caught_up else ""
        )
        self.stdout.write(
            f"Indexed {rebuilt.cables:,} cables in {time.perf_counter() - started:.1f} s"
            f"{caught_up}: {rebuilt.folder}"
        )
