"""Keeping the index in step with the database: a cable's document replaced when it changes,
dropped when it goes, and the whole index rebuilt beside the one in use and swapped in."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import batched

from django.db.models import Max
from django.utils import timezone

from cables.models import Cable
from cables.search import index
from cables.search.documents import Selection, documents
from cables.search.schema import microseconds

logger = logging.getLogger(__name__)

# Cables read from the database at a time by a rebuild.
_REBUILD_CHUNK = 2_000
# A rebuild indexes again the cables changed from this long before it started: a cable
# saved just before may have been committed after the rebuild read its range.
_CATCH_UP = datetime.timedelta(minutes=10)


def index_cables(cable_ids: Iterable[int]) -> None:
    """(Re)index these cables as the database has them now; ids of cables no longer in the
    database are dropped from the index. Call it after every write to a cable's subject,
    dates, origin, classification, tags or paragraphs."""
    ids = sorted(set(cable_ids))
    if not ids:
        return
    try:
        with index.writer() as writer:
            replace(writer, ids)
    except index.StaleIndex as stale:
        # Search is off until the rebuild (the system check says so), which indexes these
        # cables with every other: the write to the database stands.
        logger.warning("%d cables stored but not indexed: %s", len(ids), stale)


def replace(writer, ids: list[int]) -> None:
    for chunk in batched(ids, _REBUILD_CHUNK):
        for pk in chunk:
            writer.delete_documents_by_term("id", pk)
        for document in documents(Selection(ids=chunk)):
            writer.add_document(document.document())


def forget_cables(cable_ids: Iterable[int]) -> None:
    ids = sorted(set(cable_ids))
    if not ids or index.current_folder() is None:
        return
    try:
        with index.writer() as writer:
            for pk in ids:
                writer.delete_documents_by_term("id", pk)
    except index.StaleIndex as stale:
        logger.warning("%d cables not dropped from the index: %s", len(ids), stale)


@dataclass(frozen=True)
class Rebuilt:
    cables: int
    caught_up: int
    folder: str


def rebuild(progress: Callable[[int, int], None] = lambda done, total: None) -> Rebuilt:
    """Build a new index of every cable beside the one in use, then make it the one in use:
    readers never see a half-built index. `progress(done, total)` is told as it goes."""
    started = timezone.now()
    total = Cable.objects.count()
    index.root().mkdir(parents=True, exist_ok=True)
    folder = index.new_folder()
    built = index.create(folder)
    writer = built.writer(heap_size=index.LARGE_HEAP, num_threads=1)
    done = 0
    try:
        for first, last in _id_ranges():
            chunk = documents(Selection(first=first, last=last))
            for document in chunk:
                writer.add_document(document.document())
            done += len(chunk)
            progress(done, total)
        writer.commit()
        # Cables imported or edited while it was built.
        changed = list(
            Cable.objects.filter(modified__gte=started - _CATCH_UP).values_list("pk", flat=True)
        )
        replace(writer, changed)
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        writer.rollback()
        writer.wait_merging_threads()
        raise
    index.make_current(folder)
    index.commits += 1
    index.remove_old(keep=folder)
    return Rebuilt(done, len(changed), str(folder))


def _id_ranges() -> Iterable[tuple[int, int]]:
    """(first id, last id) of consecutive chunks of about REBUILD_CHUNK cables."""
    ids = Cable.objects.order_by("pk").values_list("pk", flat=True)
    last = None
    while True:
        chunk = list((ids.filter(pk__gt=last) if last is not None else ids)[:_REBUILD_CHUNK])
        if not chunk:
            return
        yield chunk[0], chunk[-1]
        last = chunk[-1]


@dataclass(frozen=True)
class Status:
    """How the index compares with the database."""

    exists: bool
    problem: str = ""  # why there is no index to read
    documents: int = 0
    cables: int = 0
    behind: bool = False  # a cable changed after the index last heard of it

    @property
    def current(self) -> bool:
        return self.exists and self.documents == self.cables and not self.behind


def status() -> Status:
    from cables.search import engine

    try:
        searcher = index.searcher()
    except index.SearchUnavailable as error:
        return Status(exists=False, problem=str(error))
    latest = Cable.objects.aggregate(latest=Max("modified"))["latest"]
    indexed = engine.latest_modified(searcher)
    return Status(
        exists=True,
        documents=searcher.num_docs,
        cables=Cable.objects.count(),
        behind=latest is not None and (indexed is None or microseconds(latest) > indexed),
    )
