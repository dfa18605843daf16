"""The progress bar the long commands (import_cables, generate_corpus, rebuild_search_index)
draw on standard error: on a terminal only, redrawn in place at most twice a second, and
ended once, with a line break, by the final update (before the command's summary). In a log
or a pipe it draws nothing: redrawn lines would only repeat themselves there."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_WIDTH = 30
_EVERY_SECONDS = 0.5


class ProgressBar:
    def __init__(self, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.started = time.monotonic()
        # A command done within the first interval draws its bar once, at the end.
        self.last_drawn = self.started
        self.drawn_width = 0  # characters of the bar on the screen now, 0 for none

    def update(self, share: float, done: int, extra: str = "", *, final: bool = False) -> None:
        """`share` of the work is done, `done` cables; `extra` follows the rate. The final
        update ends the bar's line; any update after it draws nothing."""
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
        # Padded over a longer line drawn before, so that none of it stays on the screen.
        self.stream.write("\r" + line.ljust(self.drawn_width) + ("\n" if final else ""))
        self.stream.flush()
        self.drawn_width = len(line)
        if final:
            self.enabled = False

    def clear(self) -> None:
        """Take the bar off its line, so that a message written next has the line to itself;
        the next update draws it again."""
        if self.enabled and self.drawn_width:
            self.stream.write("\r" + " " * self.drawn_width + "\r")
            self.stream.flush()
            self.drawn_width = 0
