"""The dates of a cable: metadata timestamps, date-time groups ('091554Z FEB 07'), and the
declassification date of the E.O. line. None, never an error, for what is not a date."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from cables.parsing.text import collapse

MONTHS = {
    name: number
    for number, name in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1
    )
}

DATE_TIME_GROUP = re.compile(
    r"^(?P<precedence>(?:NIACT\s+)?[ZOPR](?:\s+[ZOPR])?\s+)?"
    r"(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})Z\s*(?P<month>[A-Za-z]{3})\s*"
    r"(?P<year>\d{4}|\d{2})\b"
)


def expand_year(year: str) -> int:
    """'07' -> 2007, '66' -> 1966: the release runs from 1966 to 2010."""
    value = int(year)
    if len(year) == 4:
        return value
    return 1900 + value if value >= 60 else 2000 + value


def parse_timestamp(text: str | None) -> datetime | None:
    """'2007-02-09 15:54' or '02/09/2007 15:54' (cables.csv) as an aware UTC datetime."""
    if not text:
        return None
    text = text.strip().replace("T", " ")
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def parse_date_time_group(match: re.Match) -> datetime | None:
    """The groups day, hour, minute, month, year of a DATE_TIME_GROUP match, in UTC."""
    month = MONTHS.get(match["month"].upper())
    if month is None:
        return None
    try:
        return datetime(
            expand_year(match["year"]),
            month,
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
            tzinfo=UTC,
        )
    except ValueError:
        return None


_DECLASSIFY = re.compile(
    r"DECL(?:ASSIFY)?(?:\s+ON)?\s*[:.]?\s*(?P<value>[^\s]+(?:\s+\d{1,2},?\s+\d{4})?)", re.IGNORECASE
)
_BARE_DATE = re.compile(r"\s*(?P<value>\d[\d/-]{5,9})\b")
_DECLASSIFY_FORMATS = (
    "%m/%d/%Y",
    "%m/%d/%y",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d-%b-%Y",
    "%d%b%Y",
    "%m-%d-%Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%b %d, %Y",
)


def parse_declassify_on(line: str) -> date | None:
    """'E.O. 12958: DECL: 02/06/2017' -> 2017-02-06; 'N/A', '1.6X1', 'OADR' -> None.

    The date may also come alone, its 'DECL:' label already read: '02/06/2017'."""
    match = _DECLASSIFY.search(line) or _BARE_DATE.match(line)
    if not match:
        return None
    value = collapse(match["value"]).rstrip(".,;")
    for pattern in _DECLASSIFY_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None
