"""The shape of the 2011 release: how many cables of each classification, when they were
written (mostly 2004-2010, a thin tail back to 1966, rows in created order) and when they
were released (from 2010-11-28, the bulk on 2011-08-30 .. 09-01)."""

from __future__ import annotations

import random
from bisect import bisect
from datetime import datetime, timedelta
from itertools import accumulate

from corpus.vocabulary import REAL_CLASSIFICATIONS

FULL_COUNT = 251_287

# Share of the cables per created year: a thin tail back to 1966, the bulk 2004-2010.
_YEAR_WEIGHTS = {year: 0.02 for year in range(1966, 1985)}
_YEAR_WEIGHTS.update({year: 0.12 for year in range(1985, 2000)})
_YEAR_WEIGHTS.update({2000: 0.35, 2001: 0.5, 2002: 0.6, 2003: 0.9})
_YEAR_WEIGHTS.update({2004: 3.0, 2005: 6.5, 2006: 16.5, 2007: 21.5, 2008: 22.0, 2009: 21.0})
_YEAR_WEIGHTS[2010] = 4.0  # January and February only

_FIRST_RELEASE = datetime(2010, 11, 28, 12, 0)
_BULK_RELEASE = datetime(2011, 8, 30, 0, 0)
_LAST_CREATED = datetime(2010, 2, 28, 23, 59)


def class_counts(count: int) -> list[tuple[str, int]]:
    """The real counts scaled to `count` by largest remainder: exact for the full corpus."""
    total = sum(REAL_CLASSIFICATIONS.values())
    shares = [(name, real * count / total) for name, real in REAL_CLASSIFICATIONS.items()]
    counts = {name: int(share) for name, share in shares}
    rest = count - sum(counts.values())
    by_remainder = sorted(shares, key=lambda item: item[1] - int(item[1]), reverse=True)
    for name, _ in by_remainder[:rest]:
        counts[name] += 1
    return list(counts.items())


def created_dates(rng: random.Random, count: int) -> list[datetime]:
    """`count` created dates, to the minute, in order."""
    years = list(_YEAR_WEIGHTS)
    cumulative = list(accumulate(_YEAR_WEIGHTS.values()))
    offsets = []
    for _ in range(count):
        year = years[bisect(cumulative, rng.random() * cumulative[-1])]
        start = datetime(year, 1, 1)
        end = _LAST_CREATED if year == 2010 else datetime(year + 1, 1, 1)
        offsets.append(
            start + timedelta(minutes=rng.randrange(int((end - start).total_seconds() // 60)))
        )
    offsets.sort()
    return offsets


def release_dates(rng: random.Random) -> tuple[list[datetime], list[datetime]]:
    """A trickle of release batches from 2010-11-28, then the bulk of 2011-08-30 .. 09-01."""
    trickle_days = sorted(rng.sample(range((_BULK_RELEASE - _FIRST_RELEASE).days), 140))
    trickle = [
        _FIRST_RELEASE + timedelta(days=day, minutes=rng.randrange(-600, 660))
        for day in trickle_days
    ]
    trickle[0] = _FIRST_RELEASE
    bulk = [_BULK_RELEASE + timedelta(minutes=rng.randrange(3 * 24 * 60)) for _ in range(40)]
    bulk.append(datetime(2011, 8, 30, 1, 44))
    return trickle, bulk
