"""The progress bar the long commands (import_cables, generate_corpus) draw on standard
error: redrawn in place on a terminal, a line at a time in a log, at most twice a second."""

from __future__ import annotations

import sys
import time

_WIDTH = 30
_EVERY_SECONDS = 0.5


class ProgressBar:
    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.last_drawn = 0.0

    def update(self, share: float, done: int, extra: str = "", *, final: bool = False) -> None:
        """`share` of the work is done, `done` cables; `extra` follows the rate."""
        now = time.monotonic()
        if not self.enabled or (not final and now - self.last_drawn <= _EVERY_SECONDS):
            return
        self.last_drawn = now
        elapsed = now - self.started
        filled = int(share * _WIDTH)
        rate = done / elapsed if elapsed > 0 else 0.0
        line = (
            f"[{'#' * filled}{'.' * (_WIDTH - filled)}] {share:6.1%}  {done} cables  {rate:,.0f}/s"
        )
        if extra:
            line += f"  {extra}"
        stream = sys.stderr
        if stream.isatty():
            stream.write("\r" + line + ("\n" if final else ""))
        else:
            stream.write(line + "\n")
        stream.flush()
