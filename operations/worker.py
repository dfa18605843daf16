"""The task worker that `manage.py db_worker` runs: django_tasks_db's, kept alive through
database outages.

The package's worker exits on the first database error it does not expect, and a task whose
worker died while running it stays RUNNING for ever. This one:

- waits when the database does not answer, trying again after 0.5, 1, 2, 4 ... up to 30
  seconds, and goes on where it was: no restart needed;
- runs again a task the database interrupted: the task raised a database error, or its outcome
  could not be recorded because the database went away while it ran;
- runs again a task RUNNING for longer than `abandoned_after` seconds
  (settings.TASKS_ABANDONED_AFTER_SECONDS): its worker was killed while running it (a deploy,
  the OOM killer, a machine restart). Checked when the worker starts and every minute.

A task is run at most MAX_ATTEMPTS times (every run counts, also one whose worker died); after
that it is left failed. A task run again must be safe to run again: comments.tasks are (a
reply notice is claimed before it is sent, a linkback check applies what it finds).
"""

from __future__ import annotations

import logging
import random
import time
from contextlib import suppress
from datetime import timedelta
from uuid import UUID

from django.db import close_old_connections, connections
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands import db_worker as package
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from operations.outages import DATABASE_ERRORS

logger = logging.getLogger(__name__)

_MAX_ATTEMPTS = 5
_FIRST_WAIT_SECONDS = 0.5
_LONGEST_WAIT_SECONDS = 30.0
_ABANDONED_CHECK_SECONDS = 60.0

# How a failure by a database error is recorded on the task (DBTaskResult.exception_class_path).
_DATABASE_ERROR_PATHS = {f"{error.__module__}.{error.__qualname__}" for error in DATABASE_ERRORS}


class TaskAbandoned(Exception):
    """Recorded on a task whose workers died while running it MAX_ATTEMPTS times."""


class Worker(package.Worker):
    def __init__(self, *, abandoned_after: float, **options) -> None:
        super().__init__(**options)
        self.abandoned_after = abandoned_after
        self.failed_connections = 0
        self.interrupted: set[UUID] = set()  # tasks to queue again once the database answers
        self.next_abandoned_check = 0.0  # time.monotonic(); at once when the worker starts

    def run(self) -> None:
        """The package's loop, with every database step inside one guard: a database error
        means wait and try again, not exit."""
        package.logger.info(
            "Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names)
        )
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # several workers starting together do not collide
        while self.running:
            try:
                close_old_connections()
                self.queue_again_what_was_cut_short()
                task_result = self.claim_next()
                self.database_answers()
                if task_result is not None:
                    self.run_task(task_result)
            except DATABASE_ERRORS as error:
                self.wait_for_database(error)
                continue
            if task_result is None and self.batch:
                package.logger.info("No more tasks for worker_id=%s - exiting.", self.worker_id)
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                package.logger.info("Ran the maximum of %d tasks - exiting.", self._run_tasks)
                return
            if self.running and task_result is None:
                time.sleep(self.interval)

    def claim_next(self) -> DBTaskResult | None:
        """The next ready task, marked RUNNING by this worker (locked while it is claimed, so
        that no other worker takes it too)."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result

    def run_task(self, db_task_result: DBTaskResult) -> None:
        try:
            super().run_task(db_task_result)
        except DATABASE_ERRORS:
            # The task's outcome could not be recorded: the database went away meanwhile.
            self.interrupted.add(db_task_result.pk)
            raise
        if (
            db_task_result.status == TaskResultStatus.FAILED
            and db_task_result.exception_class_path in _DATABASE_ERROR_PATHS
        ):
            self.interrupted.add(db_task_result.pk)

    def queue_again_what_was_cut_short(self) -> None:
        if self.interrupted:
            for task_result in DBTaskResult.objects.filter(pk__in=self.interrupted):
                # Unless another worker took it meanwhile (the outage outlasted abandoned_after).
                if task_result.worker_ids[-1:] == [self.worker_id]:
                    _run_again(task_result, why="interrupted by a database error")
            self.interrupted.clear()
        if time.monotonic() >= self.next_abandoned_check:
            started_before = timezone.now() - timedelta(seconds=self.abandoned_after)
            abandoned = DBTaskResult.objects.running().filter(
                backend_name=self.backend_name, started_at__lt=started_before
            )
            for task_result in abandoned:
                _run_again(
                    task_result,
                    why=f"still running after {self.abandoned_after:g} s: its worker stopped",
                )
            self.next_abandoned_check = time.monotonic() + _ABANDONED_CHECK_SECONDS

    def database_answers(self) -> None:
        if self.failed_connections:
            logger.warning(
                "The database answers again, after %d failed attempts", self.failed_connections
            )
            self.failed_connections = 0

    def wait_for_database(self, error: Exception) -> None:
        wait = min(_LONGEST_WAIT_SECONDS, _FIRST_WAIT_SECONDS * 2**self.failed_connections)
        self.failed_connections += 1
        logger.warning(
            "The database does not answer (%s): trying again in %g s", _summary(error), wait
        )
        # A connection that failed is not used again: the next attempt opens a new one.
        for connection in connections.all(initialized_only=True):
            with suppress(Exception):
                connection.close()
        time.sleep(wait)


def _summary(error: Exception) -> str:
    """The first line of a database error (psycopg's run to several)."""
    return next(iter(str(error).strip().splitlines()), "") or type(error).__name__


def _run_again(task_result: DBTaskResult, *, why: str) -> None:
    """Queue the task again, or fail it for good after MAX_ATTEMPTS runs. The row changes only
    if it is as it was read (no other worker has taken it or recorded its end meanwhile)."""
    if task_result.status not in (TaskResultStatus.RUNNING, TaskResultStatus.FAILED):
        return
    unchanged = DBTaskResult.objects.filter(
        pk=task_result.pk, status=task_result.status, started_at=task_result.started_at
    )
    attempts = len(task_result.worker_ids)
    if attempts < _MAX_ATTEMPTS:
        if unchanged.update(status=TaskResultStatus.READY, finished_at=None):
            logger.warning(
                "Task %s (%s) %s: queued again (%d of %d runs so far)",
                task_result.pk, task_result.task_path, why, attempts, _MAX_ATTEMPTS,
            )  # fmt: skip
        return
    if task_result.status == TaskResultStatus.RUNNING:
        unchanged.update(
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            return_value=None,
            exception_class_path=f"{TaskAbandoned.__module__}.{TaskAbandoned.__qualname__}",
            traceback=f"{TaskAbandoned.__qualname__}: {why}, {attempts} times\n",
        )
    logger.error(
        "Task %s (%s) %s, after %d runs: left failed",
        task_result.pk, task_result.task_path, why, attempts,
    )  # fmt: skip
