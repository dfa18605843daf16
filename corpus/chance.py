"""Weighted draws: Zipf-skewed picks, and picks by cumulative weights written as 'name3'."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from itertools import accumulate

_ZIPF_CUMULATIVE: dict[tuple[int, float], list[float]] = {}


def zipf_pick[T](rng: random.Random, items: Sequence[T], exponent: float = 1.0) -> T:
    """An item of `items`, the first most often: weight 1 / rank ** exponent."""
    key = (len(items), exponent)
    cumulative = _ZIPF_CUMULATIVE.get(key)
    if cumulative is None:
        weights = (1 / (index + 1) ** exponent for index in range(len(items)))
        cumulative = _ZIPF_CUMULATIVE[key] = list(accumulate(weights))
    return items[bisect(cumulative, rng.random() * cumulative[-1])]


def pick[T](rng: random.Random, names: Sequence[T], cumulative: Sequence[float]) -> T:
    """An item of `names`, drawn by the running totals of their weights."""
    return names[bisect(cumulative, rng.random() * cumulative[-1])]


def weighted(spec: str) -> tuple[list[str], list[float]]:
    """'pol5;econ2;bio' -> the names and the running totals of their weights (1 when none)."""
    names, weights = [], []
    for item in filter(None, spec.split(";")):
        name = item.rstrip("0123456789")
        names.append(name)
        weights.append(float(item[len(name) :] or 1))
    return names, list(accumulate(weights))
