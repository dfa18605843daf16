"""Reference IDs ('07MOSCOW601') and the REF lists that cite other cables.

A REF field is a list lettered `A.`, `A)`, `(A)` or not at all, its items separated by `;`,
`,`, `AND` or new lines, each naming a cable (`06 MOSCOW 12345`, `2005 RIO DE JANEIRO 138`,
`STATE 106206 CIRCULAR`, `REFTEL` aside) or something else (an e-mail, a report, a
`SECDEF MSG DTG 301601Z SEP 08`), which is kept as written."""

from __future__ import annotations

import itertools
import re

from cables import fields
from cables.parsing.dates import MONTHS, expand_year
from cables.parsing.text import collapse

_REFERENCE_ID = re.compile(r"([0-9O]{2})([A-Za-z]+)(\d+)(_[A-Za-z0-9]+)?")
_GLUED_SECTION = re.compile(r"\s*SECTION\s*\d*(?:\s*OF\s*\d+)?", re.IGNORECASE)


def wanted_reference_id(text: str) -> str:
    """The reference ID an address or a form means: normalised when it can be, else as given."""
    return normalize_reference_id(text) or text


def normalize_reference_id(value: str | None) -> str | None:
    """Canonical form of a Reference ID: upper case, no spaces, no 'SECTION nn OF nn' glued in,
    a letter O typed for a zero in the year undone ('O7MOSCOW601' -> '07MOSCOW601')."""
    if not value:
        return None
    text = _GLUED_SECTION.sub("", re.sub(r"\s+", "", value).strip(".,;:"))
    match = _REFERENCE_ID.fullmatch(text)
    if not match or not re.search(r"\d", match[1]):
        return text.upper() or None
    year = match[1].replace("O", "0")
    suffix = (match[4] or "").lower()
    return f"{year}{match[2].upper()}{match[3]}{suffix}"


# An item marker: 'A.', 'A)', '(A)', 'A:', also glued to what follows ('C)2008 SAO PAULO').
_ITEM_MARKER = re.compile(r"(?:^|(?<=[\s;,]))(?:\((?P<paren>[A-Z])\)|(?P<letter>[A-Z])[.):])")
# Words that are never part of an origin: a number after them is no cable's serial.
_NOT_ORIGIN_WORDS = """
JANUARY FEBRUARY MARCH APRIL JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER
MSG DTG EMAIL MAIL MEMO TELCON FAX NOTAL PARA PARAS PARAGRAPH PAGE SECTION NOTE
THE OF FOR AND ON IN TO AT BY FROM WITH DATED AS OR NO NUMBER NR REF REFS REFTEL
REPORT REPORTS IIR TD OSC CPP UNSCR RESOLUTION LAW LETTER DIPNOTE NONPAPER
PREVIOUS CIRCULAR EMBASSY AMEMBASSY AMCONSUL CABLE CABLES TELEGRAM MINUTES ARTICLE
DECREE"""
_NOT_ORIGIN = set(_NOT_ORIGIN_WORDS.split())
# Origins whose names hold a word that otherwise ends an origin ('THE', 'OF').
_ORIGINS_WITH_SMALL_WORDS = {r"THE\s+HAGUE": "THEHAGUE", r"PORT\s+OF\s+SPAIN": "PORTOFSPAIN"}
_WORD = re.compile(r"[A-Z]{2,12}")
_NUMBER = re.compile(r"\d{1,6}")
_YEAR = re.compile(r"(?:19|20)\d{2}|\d{2}")
_COMPACT = re.compile(r"(\d{2})([A-Z]{2,20})(\d{1,6})")
_GLUED = re.compile(r"^(\d{2})(?=[A-Z]{2,}$)|^([A-Z]{2,})(?=\d{1,6}$)")


def parse_references(text: str, *, year: int | None) -> tuple[list[str], list[str]]:
    """Split a REF field into cable ids ('06MOSCOW12345') and everything else as written.

    A reference without a year takes `year`, the cable's own; without that it is kept as
    written among the others."""
    cables: list[str] = []
    others: list[str] = []
    for lettered in _items(collapse(text)):
        for item in filter(None, (part.strip(" ,.") for part in lettered.split(";"))):
            found = _references_in(item, year=year)
            if found:
                cables.extend(reference for reference in found if reference not in cables)
            elif item.upper() not in {"NONE", "N/A", "NA"} and item not in others:
                others.append(item)
    return cables, others


def _items(text: str) -> list[str]:
    """The lettered items of a REF field, markers removed; the whole text when unlettered.
    Only markers in sequence count (A, B, C...; a letter repeated, 'A. A)', is one marker):
    so the 'D.' of 'WASHINGTON D.C.' does not cut an item."""
    text = re.sub(r"^REF(?:S|TELS?)?\b\s*", "", text)
    starts: list[tuple[int, int]] = []
    expected = "A"
    for match in _ITEM_MARKER.finditer(text):
        letter = match["paren"] or match["letter"]
        previous = chr(ord(expected) - 1)
        if letter == expected:
            starts.append((match.start(), match.end()))
            expected = chr(ord(expected) + 1)
        elif letter == previous and starts and not text[starts[-1][1] : match.start()].strip():
            starts[-1] = (starts[-1][0], match.end())  # 'A. A)': one marker
    if not starts:
        return [text.strip(" ;,.")] if text.strip(" ;,.") else []
    bounds = [(end, following) for (_, end), (following, _) in itertools.pairwise(starts)]
    bounds.append((starts[-1][1], len(text)))
    head = text[: starts[0][0]].strip(" ;,.")
    items = [head] if head else []
    items.extend(text[start:end].strip(" ;,.") for start, end in bounds)
    return [item for item in items if item]


def _references_in(item: str, *, year: int | None) -> list[str]:
    """The cables one item names: '06 MOSCOW 12345 AND PREVIOUS' -> ['06MOSCOW12345']."""
    text = _GLUED_SECTION.sub(" ", item.upper())
    for written, compact in _ORIGINS_WITH_SMALL_WORDS.items():
        text = re.sub(rf"\b{written}\b", compact, text)
    # '08 KIGALI 00830--05/DEC/2008': a date glued to the serial by dashes.
    words = re.split(r"[\s;,]+|--+", text)
    # '09DHAHRAN 201', 'MOSCOW789': a year or a serial glued to the origin.
    tokens = [
        part
        for word in words
        for part in ([word] if _COMPACT.fullmatch(word) else _GLUED.split(word))
        if part
    ]
    found: list[str] = []
    used = -1  # tokens up to here belong to a reference already read
    for index, token in enumerate(tokens):
        if whole := _COMPACT.fullmatch(token):
            found.append(f"{whole[1]}{fields.reference_origin(whole[2])}{int(whole[3])}")
            used = index
            continue
        if not _NUMBER.fullmatch(token):
            continue
        first = index
        while (
            first - 1 > used
            and index - first < 4
            and _WORD.fullmatch(tokens[first - 1])
            and tokens[first - 1] not in _NOT_ORIGIN
            # 'NOV 9', 'SEP 08': a date, but 'RIO DE JAN 0112' names Rio de Janeiro.
            and not (first == index and tokens[first - 1] in MONTHS and len(token) <= 2)
        ):
            first -= 1
        if first == index:
            continue
        written_year = tokens[first - 1] if first - 1 > used else None
        if written_year is not None and _YEAR.fullmatch(written_year):
            cable_year: int | None = expand_year(written_year)
        else:
            cable_year = year
        if cable_year is None:
            continue
        origin = fields.reference_origin("".join(tokens[first:index]))
        found.append(f"{cable_year % 100:02d}{origin}{int(token)}")
        used = index
    return found
