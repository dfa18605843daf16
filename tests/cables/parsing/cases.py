"""The messy forms real cables come in (CABLES.md, "Real cables are messy"), one row each:
the helpers of the case tables that the tests of each parsing module hold.

Every row is a realistic fragment written the way cables are written (upper-case routing,
`E.O. 12958: DECL:`, wrapped lines, page breaks), the fields it checks and what a reader of
the cable page expects to see. Besides the fields of `ParsedCable`, a row may check
`numbers`, `markings`, `headings` or `texts`: those lists taken over the paragraphs.
"""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from typing import Any

import pytest

from cables.parsing import ParsedCable, parse_cable

PARAGRAPH_FIELDS = {
    "numbers": "number",
    "markings": "marking",
    "headings": "heading",
    "texts": "text",
}

# A date-time group of 12 March 2008, for rows whose references need the cable's own year.
DTG_2008 = "R 121030Z MAR 08\n"


def case(case_id: str, text: str, **expected: Any) -> Any:
    """One row: the cable text (dedented, outer blank lines dropped) and the expected fields."""
    return pytest.param(textwrap.dedent(text).strip("\n"), expected, id=case_id)


def observed(cable: ParsedCable, name: str) -> Any:
    if name in PARAGRAPH_FIELDS:
        return [getattr(paragraph, PARAGRAPH_FIELDS[name]) for paragraph in cable.paragraphs]
    return getattr(cable, name)


def check(text: str, expected: dict[str, Any]) -> None:
    """The text parses, and each expected field reads as expected."""
    cable = parse_cable(text)
    for name, value in expected.items():
        assert observed(cable, name) == value, name


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def dated(text: str) -> str:
    return DTG_2008 + textwrap.dedent(text).strip("\n")
