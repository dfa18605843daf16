"""`manage.py db_worker`: django_tasks_db's command, running operations.worker.Worker (which
outlives database outages and runs abandoned tasks again). This app is listed before
django_tasks_db, so Django finds this command first."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker as package

from operations.worker import Worker


class Command(package.Command):
    help = "Run the task worker; it waits out database outages and reruns abandoned tasks"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--abandoned-after",
            type=package.valid_interval,
            default=settings.TASKS_ABANDONED_AFTER_SECONDS,
            help="Run again a task still RUNNING this many seconds after it started: its worker "
            "was stopped (default: settings.TASKS_ABANDONED_AFTER_SECONDS, %(default)s)",
        )

    # The parent's `**options: dict` would make every other option a dict.
    def handle(  # type: ignore[override]
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        abandoned_after: float = settings.TASKS_ABANDONED_AFTER_SECONDS,
        **options,
    ) -> None:
        # As the package's handle(), which builds its own Worker and offers no way to name
        # another: only the Worker class and abandoned_after differ.
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
            abandoned_after=abandoned_after,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the reloader's child runs the worker
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
