"""The metadata table of a cable: Reference ID, Created, Released, Classification, Origin.

In plain text (a blog repost, the header column of a generated cables.csv) it is a row of
labels and a row of values, or one value a line when copied from a table; an original page
gives it as the cells of its table, with the origin's number in the origin's link."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from cables import fields
from cables.parsing.dates import DATE_TIME_GROUP, parse_timestamp
from cables.parsing.header import is_routing_line
from cables.parsing.labels import is_label_line
from cables.parsing.references import normalize_reference_id
from cables.parsing.shapes import BANNER_LINE, page_furniture
from cables.parsing.text import collapse


@dataclass
class Metadata:
    """The metadata table's values; a parsed cable has them too."""

    reference_id: str | None = None
    created: datetime | None = None
    released: datetime | None = None
    classification: str | None = None
    origin: str | None = None
    # The number the original site gave the origin, in its list address /origin/67_0.html.
    origin_number: int | None = None


_LABELS = re.compile(
    r"^\s*Reference\s*ID\W+Created\W+Released\W+Classification\W+Origin\s*$", re.IGNORECASE
)
_TIMESTAMP = r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?"
_ROW = re.compile(
    rf"^\s*(?P<reference_id>\S+)\s+(?P<created>{_TIMESTAMP})\s+(?:(?P<released>{_TIMESTAMP})\s+)?"
    rf"(?P<classification>{'|'.join(re.escape(c) for c in fields.CLASSIFICATIONS)})"
    r"(?:\s+(?P<origin>\S.*?))?\s*$"
)
# 'Embassy Moscow', 'USUN New York', 'REO Basrah': words, no digits, no sentence.
_ORIGIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'()&/-]{1,60}$")


def metadata_from_cells(cells: list[str], origin_number: int | None = None) -> Metadata:
    """The five cells of an original page's table, as their text."""
    reference_id, created, released, classification, origin = (cells + [""] * 5)[:5]
    return Metadata(
        reference_id=normalize_reference_id(reference_id),
        created=parse_timestamp(created),
        released=parse_timestamp(released),
        classification=classification.strip().upper() or None,
        origin=collapse(origin) or None,
        origin_number=origin_number,
    )


def read_metadata(lines: list[str]) -> tuple[Metadata | None, list[str]]:
    """The table at the top of the text, and the lines after it (page chrome before it
    dropped); (None, lines) when there is none."""
    for index, line in enumerate(lines):
        if _LABELS.match(line):
            return _values_under_labels(lines, index + 1)
        row = _ROW.match(line)
        if row and index < 12:
            return _from_row(row), lines[index + 1 :]
    return None, lines


def _values_under_labels(lines: list[str], start: int) -> tuple[Metadata | None, list[str]]:
    """The values under the labels: one row, or one value a line (copied from a table)."""
    positions = [
        index for index in range(start, min(start + 9, len(lines))) if lines[index].strip()
    ]

    def row_of(count: int) -> re.Match | None:
        return _ROW.match(" ".join(lines[index].strip() for index in positions[:count]))

    for count in range(1, len(positions) + 1):
        row = row_of(count)
        if row is None:
            continue
        # Four values already make a row; the origin is the fifth, on the next line when the
        # values come one a line.
        if not row["origin"] and count < len(positions) and _is_origin(lines[positions[count]]):
            row, count = row_of(count + 1) or row, count + 1
        return _from_row(row), lines[positions[count - 1] + 1 :]
    return None, lines[start:]


def _is_origin(line: str) -> bool:
    """'Embassy Brasilia' under the timestamps and class, not the routing header's first line."""
    text = line.strip()
    if not _ORIGIN_NAME.match(text):
        return False
    header_line = is_routing_line(text) or DATE_TIME_GROUP.match(text) or BANNER_LINE.match(text)
    return not header_line and not is_label_line(text) and page_furniture(text) is None


def _from_row(row: re.Match) -> Metadata:
    return Metadata(
        reference_id=normalize_reference_id(row["reference_id"]),
        created=parse_timestamp(row["created"]),
        released=parse_timestamp(row["released"]),
        classification=row["classification"],
        origin=collapse(row["origin"]) if row["origin"] else None,
    )
