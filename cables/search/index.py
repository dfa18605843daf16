"""The index on local disk: where it lives, opening it to read, writing to it, swapping in a
rebuilt one.

Under settings.SEARCH_INDEX (READINGROOM_SEARCH_INDEX, default var/search-index):

    current -> generation-20261204T171500-3f2a    a symbolic link, replaced in one rename
    generation-20261204T171500-3f2a/              a Tantivy index

Any number of processes read; one at a time writes (Tantivy's lock on the folder: a second
writer waits here for its turn). A reader sees another process's commit by itself within
about half a second, and a rebuilt index at its next search, when `current` points elsewhere.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import tantivy
from django.conf import settings
from django.utils import timezone

from cables.search import schema

logger = logging.getLogger(__name__)

_LINK = "current"
_PREFIX = "generation-"
# Beside Tantivy's files: which version of the documents (schema.VERSION) the folder holds.
VERSION_FILE = "readingroom.json"
# Memory a writer may fill before it writes a segment; Tantivy's least is 15 MB a thread.
_SMALL_HEAP = 20_000_000
LARGE_HEAP = 400_000_000
# How long a write waits for another process's writer to finish.
_WRITE_WAIT_SECONDS = 120


class SearchUnavailable(Exception):
    """There is no index to read: never built, or built by a version that cannot be read."""


class StaleIndex(SearchUnavailable):
    """The index in use was built by another version of the site: only a rebuild, which reads
    every cable from the database, makes it usable again."""


# The index this process reads, by the folder `current` pointed to when it was opened.
_opened: dict[Path, tantivy.Index] = {}
# Commits made by this process: tests clear the index after a test that wrote to it.
commits = 0


def root() -> Path:
    return Path(settings.SEARCH_INDEX)


def current_folder() -> Path | None:
    """The folder of the index in use, or None when there is none."""
    try:
        target = os.readlink(root() / _LINK)
    except OSError:
        return None
    folder = root() / target
    return folder if (folder / "meta.json").exists() else None


def _index_at(folder: Path) -> tantivy.Index:
    index = _opened.get(folder)
    if index is None:
        if _version_of(folder) != schema.VERSION:
            raise StaleIndex(
                f"the search index in {folder} was built by another version of the site"
            )
        try:
            index = tantivy.Index.open(str(folder))
        except ValueError as error:
            raise SearchUnavailable(
                f"the search index in {folder} cannot be read: {error}"
            ) from error
        index.register_tokenizer(schema.ANALYZER, schema.analyzer())
        _opened.clear()
        _opened[folder] = index
    return index


def reader() -> tantivy.Index:
    """The index in use, opened once per process (and again when a rebuild swaps it)."""
    folder = current_folder()
    if folder is None:
        raise SearchUnavailable(f"there is no search index in {root()}")
    return _index_at(folder)


def searcher() -> tantivy.Searcher:
    return reader().searcher()


def create(folder: Path) -> tantivy.Index:
    folder.mkdir(parents=True)
    (folder / VERSION_FILE).write_text(json.dumps({"version": schema.VERSION}))
    index = tantivy.Index(schema.schema(), path=str(folder))
    index.register_tokenizer(schema.ANALYZER, schema.analyzer())
    return index


def _version_of(folder: Path) -> int | None:
    try:
        return json.loads((folder / VERSION_FILE).read_text())["version"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def new_folder() -> Path:
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
    return root() / f"{_PREFIX}{stamp}-{secrets.token_hex(2)}"


def make_current(folder: Path) -> None:
    """Point `current` at the folder, in one step: a reader sees the old index or the new."""
    temporary = root() / f".{_LINK}-{secrets.token_hex(4)}"
    temporary.symlink_to(folder.name)
    temporary.replace(root() / _LINK)


def remove_old(keep: Path) -> None:
    """Delete the generations but the one in use and the one before it (a process may still
    be reading that one until its next search)."""
    generations = sorted(
        (path for path in root().glob(f"{_PREFIX}*") if path != keep),
        key=lambda path: path.stat().st_mtime,
    )
    for path in generations[:-1]:
        shutil.rmtree(path, ignore_errors=True)


def writable() -> tantivy.Index:
    """The index in use, created empty when there is none yet (a first import)."""
    folder = current_folder()
    if folder is None:
        folder = new_folder()
        create(folder)
        make_current(folder)
    return _index_at(folder)


@contextmanager
def writer(heap: int = _SMALL_HEAP) -> Iterator[tantivy.IndexWriter]:
    """A writer of the index in use, committed at the end of the block (rolled back on an
    error). Waits while another process writes; this process's readers see the commit at
    once."""
    global commits
    index, writing = _acquire(heap)
    try:
        yield writing
        writing.commit()
        commits += 1
        # Merge the small segments of this commit before letting go of the writer.
        writing.wait_merging_threads()
    except BaseException:
        writing.rollback()
        writing.wait_merging_threads()  # lets go of the lock
        raise
    index.reload()


def _acquire(heap: int) -> tuple[tantivy.Index, tantivy.IndexWriter]:
    deadline = time.monotonic() + _WRITE_WAIT_SECONDS
    pause = 0.01
    while True:
        index = writable()
        try:
            return index, index.writer(heap_size=heap, num_threads=1)
        except ValueError as error:
            if "LockBusy" not in str(error) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)
