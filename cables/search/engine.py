"""Reading the index: results in order, exact counts, facets and the date histogram, all from
the index's posting lists and fast fields; then the cables of one page from the database.

Counts are exact: the facets are `_terms` aggregations asked to keep every term of every
segment, which Tantivy confirms (`doc_count_error_upper_bound` 0; a warning is logged if not).
"""

from __future__ import annotations

import datetime
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import tantivy
from tantivy import Order

from cables.models import Cable, Origin, Paragraph
from cables.query_syntax import ParsedQuery
from cables.search import index
from cables.search.marking import Matcher, Passage
from cables.search.queries import Criteria, to_query
from cables.search.schema import day_of, month_of

logger = logging.getLogger(__name__)

# Each facet's terms a segment keeps: more than there are origins or tags, so counts are exact.
_EVERY_TERM = 1_000_000
# Sort keys of the lists and the search form: the field, and the direction.
_SORT_FIELDS = {
    "created": ("created", Order.Asc),
    "-created": ("created", Order.Desc),
    "released": ("released", Order.Asc),
    "-released": ("released", Order.Desc),
    "latest-released": ("release_order", Order.Desc),
}


@dataclass(frozen=True)
class Facets:
    """How the cables of a search divide: [(value, ..., number of cables)], most first."""

    total: int
    classifications: list[tuple[str, int]]
    origins: list[tuple[str, str, int]]  # (slug, name, number)
    tags: list[tuple[str, int]]
    months: list[tuple[datetime.date, int]]  # in order of time


def _by_count(rows) -> list[tuple]:
    """(value, ..., number) rows, the largest number first, then by value."""
    return sorted(rows, key=lambda row: (-row[-1], *map(str, row[:-1])))


def _terms(field: str, size: int) -> dict:
    return {"terms": {"field": field, "size": size, "segment_size": _EVERY_TERM}}


def _buckets(result: dict) -> list[tuple]:
    if result.get("doc_count_error_upper_bound"):
        logger.warning("Facet counts are estimates: more terms than EVERY_TERM in a segment")
    return [(bucket["key"], bucket["doc_count"]) for bucket in result["buckets"]]


def facet_aggregations(origins: int, tags: int) -> dict:
    # Ties for the last places are settled by name: ask for more than are shown.
    return {
        "classification": _terms("classification", 20),
        "origin": _terms("origin", origins * 4),
        "tag": _terms("tag", tags * 4),
        "month": {"histogram": {"field": "month", "interval": 1, "min_doc_count": 1}},
        "total": {"value_count": {"field": "id"}},
    }


def _read_facets(result: dict, shown_origins: int, tags: int) -> Facets:
    """The facets of an aggregation's result, with the names of the origins shown."""
    names = origins_named()
    return Facets(
        total=int(result["total"]["value"] or 0),
        classifications=_by_count(_buckets(result["classification"])),
        origins=_by_count(
            (*names[int(pk)], count) for pk, count in _buckets(result["origin"]) if int(pk) in names
        )[:shown_origins],
        tags=_by_count(_buckets(result["tag"]))[:tags],
        months=[(month_of(int(key)), count) for key, count in _buckets(result["month"]) if count],
    )


# The facets of a search page are counted in this thread while the page's hits are found in
# the request's: Tantivy lets go of Python's lock while it works, so the two passes over the
# matches run on two cores.
_counting = ThreadPoolExecutor(max_workers=2, thread_name_prefix="search-facets")


def search(
    criteria: Criteria, sort: str, offset: int, limit: int, *, origins: int, tags: int
) -> tuple[Facets, list[int]]:
    """A search page: its facets (with the exact number of matches), and the ids of its
    hits from `offset` in the order `sort` says."""
    searcher, schema = opened()
    query = to_query(criteria, schema)
    counted = _counting.submit(searcher.aggregate, query, facet_aggregations(origins, tags))
    ids, _ = _top(searcher, query, sort, offset, limit)
    return _read_facets(counted.result(), origins, tags), ids


def opened() -> tuple[tantivy.Searcher, tantivy.Schema]:
    reader = index.reader()
    return reader.searcher(), reader.schema


def cable_ids(criteria: Criteria, sort: str, offset: int, limit: int) -> tuple[list[int], int]:
    """The ids of the matches from `offset`, at most `limit` of them, in the order `sort`
    says ('relevance' or a key of SORT_FIELDS); and how many match in all."""
    searcher, schema = opened()
    return _top(searcher, to_query(criteria, schema), sort, offset, limit)


def _top(
    searcher: tantivy.Searcher, query: tantivy.Query, sort: str, offset: int, limit: int
) -> tuple[list[int], int]:
    # Tantivy cannot be asked for no hits, and keeps offset + limit of them in memory.
    if limit <= 0 or offset >= searcher.num_docs:
        return [], _total_of(searcher.search(query, 1, count=True))
    if sort in _SORT_FIELDS:
        field, order = _SORT_FIELDS[sort]
        found = searcher.search(
            query, limit, count=True, offset=offset, order_by_field=field, order=order
        )
    else:
        found = searcher.search(query, limit, count=True, offset=offset)
    addresses = [address for _, address in found.hits]
    ids = searcher.fast_field_values("id", addresses) if addresses else []
    # tantivy's stubs type fast field values loosely.
    return [int(pk) for pk in ids], _total_of(found)  # type: ignore[arg-type]


def _total_of(result: tantivy.SearchResult) -> int:
    """The hits a search counted (`count=True`), which tantivy's stubs leave out."""
    return result.count  # type: ignore[attr-defined]


def count(criteria: Criteria) -> int:
    searcher, schema = opened()
    return _total_of(searcher.search(to_query(criteria, schema), 1, count=True))


class Results:
    """The cables matching criteria in a given order, a page at a time: a sequence that
    Paginator can page through. Counting is one pass in the index; a page is one search in
    the index and one query for its cables."""

    def __init__(
        self,
        criteria: Criteria,
        sort: str,
        total: int | None = None,
        found: tuple[int, list[int]] = (0, []),
    ) -> None:
        """`found`: (offset, ids) of a page already found."""
        self.criteria, self.sort, self.total = criteria, sort, total
        self.found = found

    def count(self) -> int:
        if self.total is None:
            self.total = count(self.criteria)
        return self.total

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Cable]:
        start = window.start or 0
        offset, ids = self.found
        if not (offset == start and ids and len(ids) <= window.stop - start):
            ids, self.total = cable_ids(self.criteria, self.sort, start, window.stop - start)
        cables = Cable.objects.listing().in_bulk(ids)
        return [cables[pk] for pk in ids if pk in cables]


def best_passages(query: ParsedQuery, cable_ids: list[int]) -> dict[int, Passage]:
    """For each cable, its paragraph matching the most of the query (all of it where one
    does), with a snippet around the matched words. Cables matched only by subject, ID or
    tags have none. One query, whatever the number of cables."""
    if not query or not cable_ids:
        return {}
    matcher = Matcher(query)
    paragraphs: dict[int, list[tuple[str, int | None, str]]] = {}
    rows = Paragraph.objects.filter(cable_id__in=cable_ids).order_by("cable_id", "position")
    for cable_id, anchor, number, text in rows.values_list("cable_id", "anchor", "number", "text"):
        paragraphs.setdefault(cable_id, []).append((anchor, number, text))
    found = {
        cable_id: matcher.best_passage(cable_id, items) for cable_id, items in paragraphs.items()
    }
    return {cable_id: passage for cable_id, passage in found.items() if passage is not None}


def highlighted_paragraphs(query: ParsedQuery, paragraphs: list[Paragraph]) -> dict[int, str]:
    """Of these paragraphs, those that contain any of the query's terms, whole, the terms
    between the START and STOP markers: {paragraph id: text}."""
    if not query:
        return {}
    matcher = Matcher(query)
    found = {paragraph.pk: matcher.highlighted(paragraph.text) for paragraph in paragraphs}
    return {pk: text for pk, text in found.items() if text is not None}


# --- Counts over every cable, for the indexes of the lists --------------------------------


@dataclass(frozen=True)
class Totals:
    """Cables by tag, origin id, classification, month of creation and day of release."""

    tags: dict[str, int]
    origins: dict[int, int]
    classifications: dict[str, int]
    months: list[tuple[datetime.date, int]]
    release_days: list[tuple[datetime.date, int]]
    cables: int
    released: int


_kept: dict[str, tuple[tuple, object]] = {}
_kept_lock = threading.Lock()


def commit_stamp() -> tuple[str, int]:
    """Which commit of which index is in use: (its folder, the time of its last commit in
    nanoseconds). Changes with every import, an edit of a cable and a rebuild; raises
    SearchUnavailable without an index."""
    folder = index.current_folder()
    if folder is None:
        raise index.SearchUnavailable("there is no search index")
    return folder.name, os.stat(folder / "meta.json").st_mtime_ns


def _per_commit[T](name: str, compute: Callable[[], T]) -> T:
    """`compute()`, kept in this process until the index's next commit (or swap): what
    changes only when cables are imported, counted or read once per import rather than on
    every request. Raises SearchUnavailable without an index."""
    stamp = commit_stamp()
    kept = _kept.get(name)
    if kept is not None and kept[0] == stamp:
        return kept[1]  # type: ignore[return-value]
    with _kept_lock:
        kept = _kept.get(name)
        if kept is None or kept[0] != stamp:
            kept = (stamp, compute())
            _kept[name] = kept
    return kept[1]  # type: ignore[return-value]


def totals() -> Totals:
    """Counted once per commit of the index (per process), so that the indexes of the lists
    cost nothing to count while the archive does not change."""
    return _per_commit("totals", _count_totals)


def origins_named() -> dict[int, tuple[str, str]]:
    """{origin id: (slug, name)} of every origin, in name order: the search form's list and
    the facets' names, read once per commit of the index (origins come with imports)."""
    return _per_commit(
        "origins",
        lambda: {
            pk: (slug, name)
            for pk, slug, name in Origin.objects.order_by("name").values_list("pk", "slug", "name")
        },
    )


def _count_totals() -> Totals:
    searcher = index.searcher()
    result = searcher.aggregate(
        tantivy.Query.all_query(),
        {
            "tag": _terms("tag", _EVERY_TERM),
            "origin": _terms("origin", _EVERY_TERM),
            "classification": _terms("classification", 100),
            "month": {"histogram": {"field": "month", "interval": 1, "min_doc_count": 1}},
            "release_day": {
                "histogram": {"field": "release_day", "interval": 1, "min_doc_count": 1}
            },
        },
    )
    release_days = [(day_of(int(key)), n) for key, n in _buckets(result["release_day"]) if n]
    return Totals(
        tags=dict(_buckets(result["tag"])),
        origins={int(key): n for key, n in _buckets(result["origin"])},
        classifications=dict(_buckets(result["classification"])),
        months=[(month_of(int(key)), n) for key, n in _buckets(result["month"]) if n],
        release_days=release_days,
        cables=searcher.num_docs,
        released=sum(n for _, n in release_days),
    )


def latest_modified(searcher: tantivy.Searcher) -> int | None:
    """When the newest change the index knows of was made (microseconds since 1970)."""
    if not searcher.num_docs:
        return None
    result = searcher.aggregate(
        tantivy.Query.all_query(), {"latest": {"max": {"field": "modified"}}}
    )
    value = result["latest"]["value"]
    return int(value) if value is not None else None
