"""Part 4 of `scripts/bench_load.py`: commenters all sending at the same moments to a
second gunicorn, on a SQLite file (writes that collide), and the "database is locked" errors
its log shows. The Django functions need django.setup() first, with the SQLite file as the
database SQLITE_ALIAS."""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import urlsplit

from bench_import import manage
from load_data import seed_discussion, stored_comments
from load_measures import LOCKED, Targets, count_comments, count_locked, print_run
from load_servers import SERVER_WORKERS, Children, Server, free_port, server_environment
from load_traffic import Commenting, run_load

SQLITE_ALIAS = "bench_sqlite"
SQLITE_SENDS_EVERY = 5.0


def run_sqlite(
    options: argparse.Namespace,
    folder: Path,
    children: Children,
    env: dict[str, str],
    sqlite_file: Path,
    targets: Targets,
    *,
    list_paths: list[str],
) -> None:
    """4. Commenters sending all at once to a gunicorn on a SQLite file (seeded as the
    PostgreSQL one was, its list pages `list_paths`)."""
    from django.db import connections

    print(
        f"\n== 4. SQLite: {options.sqlite_commenters} commenters sending together every "
        f"{SQLITE_SENDS_EVERY:.0f} s, {options.fault_duration} s, gunicorn with "
        f"{SERVER_WORKERS} workers =="
    )
    sqlite_file.parent.mkdir(parents=True, exist_ok=True)
    port = free_port()
    # Its own Redis database: the same cable, other comments.
    redis_url = urlsplit(env["REDIS_URL"])._replace(path="/1").geturl()
    sqlite_env = server_environment(folder, port, f"sqlite:///{sqlite_file}", redis_url)
    manage("migrate", "--noinput", "--skip-checks", env=sqlite_env)
    manage("load_seeds", "--skip-checks", env=sqlite_env)
    site = seed_discussion(using=SQLITE_ALIAS, port=port, list_paths=list_paths)
    connections[SQLITE_ALIAS].close()  # no lock held by this process during the run
    Server("gunicorn-sqlite", sqlite_env, port).start(children)
    run = run_load(
        site,
        name="sqlite",
        readers=0,
        commenters=options.sqlite_commenters,
        seconds=options.fault_duration,
        plan=Commenting("sqlite", together_every=SQLITE_SENDS_EVERY),
    )
    children.stop("gunicorn-sqlite")
    comments = count_comments(run, stored_comments(SQLITE_ALIAS, "sqlite"))
    locked = count_locked(children.log("gunicorn-sqlite"))
    print_run(run, comments)
    print(f"  '{LOCKED}' in the server's log: {locked}")
    targets.check(
        locked == 0, f"{options.sqlite_commenters} SQLite commenters: 0 '{LOCKED}'", str(locked)
    )
    targets.check_comments("SQLite", comments)
