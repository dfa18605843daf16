"""Find cables in files and folders: .txt, .html, .csv, and .gz of each.

Yields one `Candidate` per cable, lazily: a 1.6 GB cables.csv is read row by row, so memory
stays flat whatever the input size. Pure Python, no Django."""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cables.parsing import CableParseError, ParsedCable, parse_cable
from cables.readers import CsvCable, parse_csv_cable, parse_html_cable, read_csv, read_text

_SUFFIXES = (".txt", ".html", ".htm", ".csv")


@dataclass
class Candidate:
    """A cable not parsed yet. It pickles (`reader` is a module-level function), so a worker
    process can be handed it and do the parsing."""

    location: str  # 'path' or 'path, line 123' for error messages
    source_text: str
    reader: Callable[[Any], ParsedCable]
    content: Any

    def parse(self) -> ParsedCable:
        return self.reader(self.content)


@dataclass
class Failure:
    location: str
    reason: str


class Progress:
    """Bytes read out of the bytes to read, across all input files."""

    def __init__(self, total: int) -> None:
        self.total = max(total, 1)
        self.done_before = 0
        self.current: io.BufferedReader | None = None

    @property
    def done(self) -> int:
        position = 0
        if self.current is not None and not self.current.closed:
            position = self.current.tell()
        return min(self.done_before + position, self.total)


def _base_suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def find_files(paths: list[str | Path]) -> tuple[list[Path], list[Failure]]:
    files: list[Path] = []
    failures: list[Failure] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and _base_suffix(p) in _SUFFIXES)
            )
        elif path.is_file() and _base_suffix(path) in _SUFFIXES:
            files.append(path)
        elif path.is_file():
            failures.append(Failure(str(path), "not a .txt, .html, .csv file (or .gz of one)"))
        else:
            failures.append(Failure(str(path), "no such file or folder"))
    return files, failures


def _open_text(raw: io.BufferedReader, path: Path) -> io.TextIOWrapper:
    stream = gzip.GzipFile(fileobj=raw) if path.name.lower().endswith(".gz") else raw
    return io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")


def iter_candidates(
    files: list[Path], progress: Progress | None = None
) -> Iterator[Candidate | Failure]:
    for path in files:
        with path.open("rb") as raw:
            if progress:
                progress.current = raw
            try:
                yield from _candidates_in(path, raw)
            except EOFError as error:  # a .gz cut short; the cables before the cut are kept
                yield Failure(str(path), f"truncated file: {error}")
            except (OSError, gzip.BadGzipFile, UnicodeError) as error:
                yield Failure(str(path), f"unreadable file ({error})")
            if progress:
                progress.done_before += path.stat().st_size
                progress.current = None


def _candidates_in(path: Path, raw: io.BufferedReader) -> Iterator[Candidate | Failure]:
    suffix = _base_suffix(path)
    stream = _open_text(raw, path)
    if suffix == ".csv":
        for row in read_csv(stream):
            if isinstance(row, CableParseError):
                yield Failure(str(path), str(row))
            else:
                yield _csv_candidate(path, row)
        return
    text = stream.read()
    if suffix in {".html", ".htm"}:
        yield Candidate(str(path), text, parse_html_cable, text)
    else:
        yield Candidate(str(path), text, _parse_text_cable, text)


def _csv_candidate(path: Path, row: CsvCable) -> Candidate:
    return Candidate(f"{path}, line {row.line}", row.text(), parse_csv_cable, row)


def _parse_text_cable(text: str) -> ParsedCable:
    return parse_cable(read_text(text))
