"""How a cable's text is laid out as a printed telegram: lines of at most 64 characters,
pages of 58 lines, sections of 3 pages, a classification banner on top, and at each page
break a section banner or a 'MOSCOW 00000601  002 OF 003' line."""

from __future__ import annotations

import math
from datetime import datetime

from corpus.shapes import Style, date_line

WIDTH = 64
_PAGE_LINES = 58
_SECTION_PAGES = 3


def wrap(text: str, lines: list[str], width: int = WIDTH) -> None:
    """Break `text` at spaces into lines of at most `width` characters, appended to `lines`."""
    start = 0
    length = len(text)
    while length - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:
            cut = text.find(" ", start + width)
            if cut == -1:
                break
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])


def paginate(
    *,
    head: list[str],
    body: list[str],
    captions: list[str],
    banner_word: str,
    refname: str,
    serial: int,
    created: datetime,
    style: Style,
) -> str:
    """The whole text: the banner, the `head` lines, then the `body` broken into pages."""
    serial_text = f"{refname} {serial:06d}"
    preamble_size = len(head) + 2
    first_page = max(10, _PAGE_LINES - preamble_size)
    pages = 1 + max(0, math.ceil((len(body) - first_page) / _PAGE_LINES))
    sections = math.ceil(pages / _SECTION_PAGES)
    banner_tail = f" SECTION 01 OF {sections:02d}" if sections > 1 else ""
    lines = [date_line(created)] if style.date_line else []
    lines += [f"{banner_word}{banner_tail} {serial_text}", ""]
    lines.extend(head)
    position = 0
    page = 1
    step = first_page
    while position < len(body):
        lines.extend(body[position : position + step])
        position += step
        step = _PAGE_LINES
        if position >= len(body) - 3:
            lines.extend(body[position:])
            break
        page += 1
        section = (page - 1) // _SECTION_PAGES + 1
        page_in_section = (page - 1) % _SECTION_PAGES + 1
        if page_in_section == 1:
            lines.append(f"{banner_word} SECTION {section:02d} OF {sections:02d} {serial_text}")
            lines.extend(captions[-1:])
        else:
            in_section = min(_SECTION_PAGES, pages - (section - 1) * _SECTION_PAGES)
            lines.append(f"{refname} {serial:08d}  {page_in_section:03d} OF {in_section:03d}")
    return "\n".join(lines)
