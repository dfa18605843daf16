"""The processes `scripts/bench_load.py` runs: gunicorn, the task worker, and the PostgreSQL
server of scripts/with-postgres.sh, which it stops and starts again for an outage."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bench_import import PYTHON, ROOT
from load_browser import Browser

SERVER_WORKERS = 2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(folder: Path, port: int, database_url: str, redis_url: str) -> dict:
    """Production settings (DEBUG off, from the environment), on loopback, with the site's
    files (search index, preview cards) in the bench's folder."""
    return os.environ | {
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_COOKIES": "0",  # plain HTTP on loopback: cookies without Secure
        "COMMENTS_BEHIND_PROXY": "1",  # each simulated commenter has its own address
        "READINGROOM_SITE_URL": f"http://127.0.0.1:{port}",
        "READINGROOM_SEARCH_INDEX": str(folder / f"search-index-{port}"),
        "READINGROOM_PREVIEW_CACHE": str(folder / "previews"),
    }


class Children:
    """The processes the bench starts, each in a session of its own (so that Ctrl-C reaches
    the bench alone, which stops them), logging to the bench's folder. Stopped on exit:
    SIGTERM, then SIGKILL."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.running: dict[str, subprocess.Popen] = {}

    def log(self, name: str) -> Path:
        return self.folder / f"{name}.log"

    def start(self, name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen:
        with self.log(name).open("ab") as log:
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.running[name] = process
        return process

    def stop(self, name: str) -> None:
        process = self.running.pop(name, None)
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def __enter__(self) -> Children:
        return self

    def __exit__(self, *exception) -> None:
        for name in list(self.running):
            self.stop(name)

    def tails(self, lines: int = 15) -> str:
        shown = []
        for log in sorted(self.folder.glob("*.log")):
            last = log.read_text(errors="replace").splitlines()[-lines:]
            shown.append(f"--- {log}\n" + "\n".join(last))
        return "\n".join(shown)


@dataclass
class Server:
    """gunicorn serving the project on `port`, or (without a port) the task worker."""

    name: str
    env: dict[str, str]
    port: int = 0

    @property
    def command(self) -> list[str]:
        if not self.port:
            return [PYTHON, "manage.py", "db_worker"]
        return [
            PYTHON,
            "-m",
            "gunicorn",
            "readingroom.wsgi",
            "--workers",
            str(SERVER_WORKERS),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--graceful-timeout",
            "5",
        ]

    def start(self, children: Children) -> subprocess.Popen:
        process = children.start(self.name, self.command, self.env)
        if self.port:
            wait_for_answer(self.port, process, children.log(self.name))
        return process


def wait_for_answer(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn on port {port} exited; see {log}")
        if isinstance(Browser(port).get("/robots.txt").status, int):
            return
        time.sleep(0.2)
    raise SystemExit(f"gunicorn on port {port} did not answer within 60 s; see {log}")


def exit_status(process: subprocess.Popen) -> str:
    """How a process that is no longer running ended."""
    status = process.returncode
    if status is not None and status < 0:
        return f"killed by {signal.Signals(-status).name}"
    return f"exited with status {status}"


def children_of(pid: int) -> list[int]:
    """Processes whose parent is `pid` (gunicorn's workers, for its master)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            # "pid (command) state ppid ...": the command may hold spaces and parentheses.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return sorted(found)


@dataclass(frozen=True)
class Postgres:
    """The server scripts/with-postgres.sh started, as the variables it exports name it."""

    bin_dir: Path
    data_dir: Path
    owner: str
    port: int

    @classmethod
    def from_environment(cls) -> Postgres | None:
        names = ["WITH_POSTGRES_BIN_DIR", "WITH_POSTGRES_DATA_DIR", "WITH_POSTGRES_OWNER"]
        if not all(os.environ.get(name) for name in names):
            return None
        bin_dir, data_dir, owner = (os.environ[name] for name in names)
        port = urlsplit(os.environ["DATABASE_URL"]).port or 5432
        return cls(Path(bin_dir), Path(data_dir), owner, port)

    def pg_ctl(self, mode: str, *args: str) -> None:
        command = [str(self.bin_dir / "pg_ctl"), mode, "-D", str(self.data_dir), *args]
        if os.geteuid() == 0 and self.owner != "root":
            command = ["runuser", "-u", self.owner, "--", *command]
        # From the cluster's folder, which the owner may enter; in a session of its own, so
        # that the server it starts is not stopped by a Ctrl-C meant for the bench.
        subprocess.run(
            command,
            cwd=self.data_dir.parent,
            check=True,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )

    def stop(self) -> None:
        """Stop now: open sessions are ended (-m fast), as when the server fails."""
        self.pg_ctl("stop", "-m", "fast", "-w", "-t", "60")

    def start(self) -> None:
        log = self.data_dir.parent / "postgres-restarted.log"
        self.pg_ctl("start", "-l", str(log), "-w", "-t", "60", "-o", f"-p {self.port}")
