"""Part 3 of `scripts/bench_load.py`: the load again, with a fault at half time (a gunicorn
worker killed, PostgreSQL stopped for OUTAGE_SECONDS, the task worker killed), and whether
the site recovered from each without gunicorn being restarted. The Django functions need
django.setup() first."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass

from load_browser import Browser
from load_data import stored_comments, wait_for_tasks, waiting_tasks
from load_measures import (
    Comments,
    Targets,
    count_comments,
    outage_statuses,
    print_run,
    recovery,
    statuses,
)
from load_servers import Children, Postgres, Server, children_of, exit_status
from load_traffic import Commenting, Run, Site, run_load

OUTAGE_SECONDS = 5
TASKS_DRAIN_SECONDS = 60


@dataclass
class _Faults:
    """The faults, each called at half time of a run; `master` is the gunicorn serving the
    site (another one if the bench had to start it again)."""

    children: Children
    postgres: Postgres
    master: subprocess.Popen

    def kill_gunicorn_worker(self, run: Run) -> None:
        before = children_of(self.master.pid)
        run.fault_started = time.monotonic()
        os.kill(before[0], signal.SIGKILL)
        while time.monotonic() - run.fault_started < 30:
            now = children_of(self.master.pid)
            if len(now) == len(before) and before[0] not in now:
                break
            time.sleep(0.05)
        run.fault_ended = time.monotonic()
        run.notes.append(
            f"worker {before[0]} killed; {len(children_of(self.master.pid))} workers again "
            f"{run.fault_ended - run.fault_started:.1f} s later"
        )

    def stop_postgres(self, run: Run) -> None:
        run.fault_started = time.monotonic()
        self.postgres.stop()
        time.sleep(OUTAGE_SECONDS)
        self.postgres.start()
        run.fault_ended = time.monotonic()
        run.notes.append(
            f"PostgreSQL down for {run.fault_ended - run.fault_started:.1f} s (stopped with "
            f"-m fast, {OUTAGE_SECONDS} s, started again)"
        )

    def kill_task_worker(self, run: Run) -> None:
        process = self.children.running["db_worker"]
        run.fault_started = time.monotonic()
        process.kill()
        process.wait()
        run.notes.append("task worker killed (SIGKILL); started again after the run")


def run_faults(
    options: argparse.Namespace,
    site: Site,
    children: Children,
    site_server: Server,
    worker: Server,
    postgres: Postgres,
    targets: Targets,
) -> None:
    """3. The load again, with a fault at half time: a gunicorn worker killed, PostgreSQL
    stopped for OUTAGE_SECONDS, the task worker killed (and started again after the run)."""
    faults = _Faults(children, postgres, master=children.running[site_server.name])
    cases = [
        ("worker killed", "a gunicorn worker killed (SIGKILL)", faults.kill_gunicorn_worker),
        ("outage", f"PostgreSQL stopped for {OUTAGE_SECONDS} s", faults.stop_postgres),
        ("task worker", "the task worker killed (SIGKILL)", faults.kill_task_worker),
    ]
    for number, (name, title, fault) in enumerate(cases, start=1):
        run, comments = _run_with_fault(options, site, number, title, name, fault)
        # The gunicorn started at the beginning must still be serving: nothing restarts it.
        gunicorn_gone = exit_status(faults.master) if faults.master.poll() is not None else ""
        _check_recovery(run, comments, site, name, gunicorn_gone, targets)
        if gunicorn_gone:
            print(f"  gunicorn {gunicorn_gone}, not by the bench's doing: started again")
            faults.master = site_server.start(children)
        process = children.running.get("db_worker")
        if name == "task worker":
            _check_tasks_done(name, worker, children, targets)
        elif process is None or process.poll() is not None:
            status = exit_status(process) if process else "gone"
            print(f"  the task worker {status} during the run: started again")
            targets.check(False, f"{name}: the task worker keeps running", status)
            worker.start(children)


def _run_with_fault(
    options: argparse.Namespace,
    site: Site,
    number: int,
    title: str,
    name: str,
    fault: Callable[[Run], None],
) -> tuple[Run, Comments]:
    """Fault `number` (1-3) under the load; what the run showed, printed."""
    print(
        f"\n== 3{' abc'[number]}. Fault: {title} at half time; {options.readers} readers, "
        f"{options.commenters} commenters, {options.fault_duration} s or more =="
    )
    run = run_load(
        site,
        name=name,
        readers=options.readers,
        commenters=options.commenters,
        seconds=options.fault_duration,
        # Other names than the run before used: the flood limit holds for 15 s.
        plan=Commenting(f"fault{number}", first_identity=80 * number),
        fault=fault,
    )
    comments = count_comments(run, stored_comments("default", f"fault{number}"))
    print_run(run, comments)
    return run, comments


def _check_recovery(
    run: Run, comments: Comments, site: Site, name: str, gunicorn_gone: str, targets: Targets
) -> None:
    """No 500 (during the outage, 503 instead), no comment lost, and the site serving again
    after the fault without a restart (`gunicorn_gone`: how gunicorn ended, if it did)."""
    result = recovery(
        run,
        page_after=Browser(site.port).get(site.cable_path).status,
        gunicorn_gone=gunicorn_gone,
    )
    recovered = "yes" if result.recovered else "NO"
    if name == "outage":
        during = outage_statuses(run)
        print(f"  answers during the outage: {statuses(during)}")
        targets.check(
            during[500] == 0,
            f"{name}: 503, not 500, during the outage",
            f"500 x{during[500]}, 503 x{during[503]}",
        )
    errors = run.recorder.statuses()[500]
    targets.check(errors == 0, f"{name}: no 500", str(errors))
    targets.check_comments(name, comments)
    print(f"  recovered without restarting gunicorn: {recovered}: {result.text}")
    targets.check(result.recovered, f"{name}: recovered without restart", recovered)


def _check_tasks_done(name: str, worker: Server, children: Children, targets: Targets) -> None:
    """Start the killed task worker again: the tasks queued while it was down must be done
    within TASKS_DRAIN_SECONDS."""
    waiting, _ = waiting_tasks()
    worker.start(children)
    drained, ready, running = wait_for_tasks(TASKS_DRAIN_SECONDS)
    text = f"{waiting} tasks waiting when it started again, " + (
        f"all done {drained:.1f} s later"
        if drained is not None
        else f"{ready} still waiting and {running} running {TASKS_DRAIN_SECONDS} s later"
    )
    print(f"  task worker: {text}")
    targets.check(
        drained is not None and waiting > 0,
        f"{name}: the tasks queued while it was down done after the restart",
        text,
    )
