"""The lines of a cable's body made ready for paragraphs, and the lines of one paragraph
joined into running text.

Page furniture is dropped wherever it falls, mid-sentence included, and so is the preamble a
printout repeats at the top of each section; what is left remembers whether a blank line or a
page break came before it, which is where paragraphs and headings can begin."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cables.parsing.labels import is_label_line
from cables.parsing.shapes import (
    ADDRESSING_LINE,
    CAPTION_LINE,
    ROUTING_NOISE,
    UNDERLINE,
    banner_kind,
    page_furniture,
)

SENTENCE_END = re.compile(r"""[.!?:)"'\]]$""")
_ENDS_SENTENCE = re.compile(r"[.!?][\"']?$")
_HYPHEN_END = re.compile(r"[A-Za-z]-$")
LIST_ITEM = re.compile(r"^(?:-{1,3}|\*|o|[A-Z]\.|\([A-Za-z0-9]{1,3}\)|[a-z]\)|[ivx]+\))\s")


@dataclass
class Line:
    text: str
    after_break: bool = False  # follows a blank line: a paragraph may start here
    after_page_break: bool = False  # follows a removed page break or section banner
    underlined: bool = False  # a line of dashes under it, dropped: a heading


def body_lines(lines: list[str]) -> tuple[list[Line], bool]:
    """The body's lines without page furniture, each knowing what came before it.

    Blank lines are often printed around page breaks: across a break they separate
    paragraphs only when the text before the break had ended a sentence. Also says whether
    nearly every line ends with a space (a repost that kept the original line ends), which
    `join_lines` relies on."""
    result: list[Line] = []
    nonblank = [line for line in lines if line.strip()]
    ending_in_space = sum(line.endswith(" ") for line in nonblank)
    trailing_spaces = bool(nonblank) and ending_in_space >= 0.8 * len(nonblank)
    blank_before = page_break = repeated_preamble = False
    for raw in lines:
        line = raw.strip()
        if not line:
            blank_before = True
            continue
        if (rest := page_furniture(line)) is not None:
            page_break = True
            if not rest or repeated_preamble:
                continue
            raw = line = rest
        if (kind := banner_kind(line)) in {"section", "class"}:
            page_break = True
            repeated_preamble = repeated_preamble or kind == "section"
            continue
        if repeated_preamble and _repeats_preamble(line):
            continue
        repeated_preamble = False
        if ROUTING_NOISE.match(line):
            continue
        if UNDERLINE.match(line):
            # A rule under a line makes it a heading; a rule on its own is decoration.
            if result and not blank_before:
                result[-1].underlined = True
            continue
        after_break = blank_before
        if page_break and result:
            after_break = blank_before and bool(SENTENCE_END.search(result[-1].text.rstrip()))
        result.append(Line(raw.lstrip(), after_break=after_break, after_page_break=page_break))
        blank_before = page_break = False
    return result, trailing_spaces


def _repeats_preamble(line: str) -> bool:
    """A caption, addressing or field line that a new section repeats from the first."""
    return bool(CAPTION_LINE.match(line) or ADDRESSING_LINE.match(line) or is_label_line(line))


def join_lines(parts: list[str], trailing_spaces: bool) -> tuple[str, list[int]]:
    """Wrapped lines joined into running text (list items keep their own line, a blank part
    makes a paragraph break), and where each part begins in that text.

    The checks look at the last characters written only, never at the whole text so far:
    that made long cables slow."""
    pieces: list[str] = []
    starts: list[int] = []
    length = 0
    tail = ""  # the last two characters written
    in_list = False
    for index, raw in enumerate(parts):
        line = raw.strip()
        if not pieces:
            separator = ""
            in_list = bool(LIST_ITEM.match(line))
        elif line == "":
            separator = "" if tail == "\n\n" else "\n"
            in_list = False
        elif LIST_ITEM.match(line) or tail.endswith("\n"):
            separator = "" if tail == "\n\n" else "\n"
            in_list = bool(LIST_ITEM.match(line))
        elif in_list and _ENDS_SENTENCE.search(tail) and line[:1].isupper():
            separator = "\n"  # running text again after the last list item
            in_list = False
        elif _HYPHEN_END.search(tail) and tail != "--":
            separator = ""  # 'politically-' + 'charged'
        elif (
            trailing_spaces
            and not parts[index - 1].endswith((" ", "\t"))
            and tail[-1:].islower()
            and line[:1].islower()
        ):
            # Where every line ends with a space, one that does not is a word the repost
            # broke in two: 'dis' + 'pute'.
            separator = ""
        else:
            separator = " "
        pieces.append(separator + line)
        starts.append(length + len(separator))
        length += len(separator) + len(line)
        tail = (tail + separator + line)[-2:]
    text = "".join(pieces).rstrip()
    return text, [min(start, len(text)) for start in starts]
