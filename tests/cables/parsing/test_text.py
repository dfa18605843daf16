"""Text helpers: normalised lines, running text."""

from __future__ import annotations

import pytest

from cables.parsing.text import collapse, is_prose, normalise


def test_normalise() -> None:
    assert normalise("\ufeffA\r\nB\rC\u00a0D\tE") == "A\nB\nC D    E"
    # Paragraph symbols copied from an original page, before a number or a lettered item.
    assert normalise("\u00b63. (C) Text\n  \u00b6B. STATE 1234\nA \u00b6 sign") == (
        "3. (C) Text\nB. STATE 1234\nA \u00b6 sign"
    )


def test_collapse() -> None:
    assert collapse("  A   B\n C ") == "A B C"


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("This cable was coordinated with Embassy Ankara.", True),
        ("Sensitive But Unclassified. Please Protect Accordingly.", True),
        ("STATE FOR NEA/ARP", False),
        ("S/S-O PLEASE PASS NEA A/S BURNS", False),
        ("Department for EUR/WE", False),
    ],
)
def test_is_prose(line: str, prose: bool) -> None:
    assert is_prose(line) is prose
