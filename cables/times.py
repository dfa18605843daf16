"""Times as the archive stores and asks for them: aware datetimes from what a cursor returns,
and the bounds of whole days (UTC)."""

from __future__ import annotations

import datetime

from django.utils.dateparse import parse_datetime


def as_datetime(value: datetime.datetime | str | None) -> datetime.datetime | None:
    """A time as a cursor returns it (SQLite: text in UTC) made an aware datetime."""
    if value is None or isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value
    moment = value if isinstance(value, datetime.datetime) else parse_datetime(value)
    if moment is None:
        raise ValueError(f"not a time: {value!r}")
    return moment.replace(tzinfo=datetime.UTC) if moment.tzinfo is None else moment


def a_time(value: datetime.datetime | str) -> datetime.datetime:
    """`as_datetime` of a time that is there."""
    moment = as_datetime(value)
    if moment is None:
        raise ValueError("no time")
    return moment


def day_range(field: str, first: datetime.date | None, last: datetime.date | None) -> dict:
    """Lookups for `field` from the start of the first day to the end of the last (UTC)."""
    lookups = {}
    if first:
        lookups[f"{field}__gte"] = _day_start(first)
    if last:
        lookups[f"{field}__lt"] = _day_start(last + datetime.timedelta(days=1))
    return lookups


def _day_start(day: datetime.date) -> datetime.datetime:
    """The first moment of the day, UTC, as the lists, the search filters and the form count
    days."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
