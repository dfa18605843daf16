"""The corpus as cables.csv: `write_corpus(stream, count, seed)` writes `count` rows that
`import_cables` reads: 8 quoted columns, no header row (numeric id, created 'MM/DD/YYYY
HH:MM', reference id, origin, classification, references, header, content). The same count
and seed give byte-identical output."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from corpus.generator import Corpus
from corpus.release import FULL_COUNT

_BATCH = 1000


def csv_row(cells: list[str]) -> str:
    """QUOTE_ALL with doubled quotes and '\\r\\n' line ends: what csv.writer writes, faster."""
    return ",".join(['"' + cell.replace('"', '""') + '"' for cell in cells]) + "\r\n"


def write_corpus(
    stream: TextIO,
    count: int = FULL_COUNT,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write `count` rows to `stream` (text, opened with newline=''); return the characters
    written. `progress(done, count)` is called every 1,000 cables and at the end."""
    written = 0
    write = stream.write
    batch: list[str] = []
    for cable in Corpus(count, seed).cables():
        batch.append(csv_row(cable.row()))
        if len(batch) == _BATCH:
            chunk = "".join(batch)
            write(chunk)
            written += len(chunk)
            batch = []
            if progress:
                progress(cable.row_id, count)
    if batch:
        chunk = "".join(batch)
        write(chunk)
        written += len(chunk)
    if progress:
        progress(count, count)
    return written
