"""The body of a cable as paragraphs: numbered ones with their portion markings, the
unnumbered text between them, and the section headings above them.

Paragraph numbers follow the text, so that a link to `#par5` on the original pages lands on the
paragraph that opens with '5.'. The original pages also put an anchor before every line that
opens with a number and a full stop, a year wrapped to the start of a line among them
('in January\n2001. Another idea...'); such a line is no paragraph, but its anchor is kept on
the paragraph it falls in (`inline_anchors`), so that those links land on the same words too."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from cables.parsing.joining import LIST_ITEM, Line, join_lines
from cables.parsing.values import clean_marking


@dataclass(frozen=True)
class ParsedParagraph:
    number: int | None
    marking: str | None
    heading: str | None
    text: str
    # ('par2001', 123): the original pages' anchor for a line inside the paragraph, and where
    # that line begins in `text`.
    inline_anchors: tuple[tuple[str, int], ...] = ()
    # The marking an 'ENTIRE TEXT' line gives a paragraph that is not marked itself.
    implied_marking: str | None = None


# A portion marking as written, '(C)', '( s / nf )', '(S-NF)': checked by clean_marking.
_WRITTEN_MARKING = r"\(\s*[A-Za-z][A-Za-z/ ,-]{0,30}\)"
_PARAGRAPH_START = re.compile(
    r"^\s*(?P<number>\d{1,3})\s*(?P<delimiter>[.)]|,(?=\s*\())\s*"
    rf"(?:(?P<marking>{_WRITTEN_MARKING})|"
    r"(?P<bare_marking>[A-Z]{1,3}(?:/[A-Z]{1,5})?\)))?\s*(?P<rest>.*)$"
)
# A number opens a paragraph only when a space or a marking follows: '2.5 million' does not.
# '1, (C)' too, a typo the marking makes plain.
_PARAGRAPH_NUMBER = re.compile(r"^\s*\d{1,3}\s*(?:[.)](?:\s|\(|$)|,\s*\()")
_MARKED_START = re.compile(rf"^\s*(?P<marking>{_WRITTEN_MARKING})\s*(?P<rest>.*)$")
_LETTERED_ITEM = re.compile(r"^\s*\([A-Za-z]\)")
# Where the original pages put a paragraph anchor: a line opening with digits and '. '.
_ORIGINAL_ANCHOR = re.compile(r"^\s*(?P<digits>\d+)\.(?:\s|$)")
# '--- SUMMARY ---', and a heading with its rule on the same line, as some pages flattened
# it: 'RELATIONSHIP OFF ON THE RIGHT FOOT ----------------'.
_HEADING_DASHED = re.compile(
    r"^-{2,}\s*(?P<text>[^-].*?)\s*-{2,}$|^(?P<before>[^-].*?)\s+-{5,}(?:\s+-+)*$"
)
_SENTENCE_ENDS = set(""".!?:)"']""")
_CLAUSE_END = re.compile(r"[.,;]['\"]*$")
_SHORT_TITLE = re.compile(r"[A-Z][A-Za-z ]{0,30}\.")
_TITLE_START = re.compile(r"""["'(]?[A-Z0-9]""")
SUMMARY_OPEN = re.compile(
    r"^(?:-+\s*)?(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUESTS?))?"
    r"\s*(?:-+\s*)?(?:[.:;-]+\s*|\s+(?=\S)|$)",
    re.IGNORECASE,
)
# The opener as a line of its own, strict enough that 'SUMMARY OF EVENTS' in a wrapped
# subject is not taken for it.
_SUMMARY_OPEN_LINE = re.compile(
    r"^(?:-+\s*)?(?:BEGIN\s+SUMMARY\b|SUMMARY(?:\s+AND\s+[A-Z]+(?:\s+[A-Z]+)?)?"
    r"\s*(?:[.:;-]|$))",
    re.IGNORECASE,
)
SUMMARY_CLOSE = re.compile(r"\s*\(?\s*END\s+(?:OF\s+)?SUMMARY\s*\)?\s*[.:;-]*\s*", re.IGNORECASE)


def _starts_paragraph(line: str) -> bool:
    return bool(_PARAGRAPH_NUMBER.match(line)) and bool(_PARAGRAPH_START.match(line))


def _marking_opening(line: str) -> tuple[str, str] | None:
    """'(SBU) Embassy Ottawa ...' -> ('SBU', 'Embassy Ottawa ...'): a paragraph marked but not
    numbered. None when the parenthesis holds no portion marking."""
    match = _MARKED_START.match(line)
    marking = clean_marking(match["marking"]) if match else None
    return (marking, match["rest"]) if match and marking else None


def starts_body(line: str) -> bool:
    """A line that can only be body text: a paragraph opening or the summary's opener."""
    if _starts_paragraph(line) or _SUMMARY_OPEN_LINE.match(line):
        return True
    return _marking_opening(line) is not None


def _is_heading(line: Line, following: Line | None, previous_text: str | None) -> bool:
    """A short title line between paragraphs: 'Strategic Dialogue:  Different Agendas'."""
    text = line.text.strip()
    if following is None or len(text) < 3:
        return False
    if "--" in text and (dashed := _HEADING_DASHED.match(text)):
        return 3 <= len(dashed["text"] or dashed["before"]) <= 80
    if len(text) > 80:
        return False
    if line.underlined:
        return True
    set_apart = line.after_break or line.after_page_break
    previous_ended = previous_text is None or previous_text.rstrip()[-1:] in _SENTENCE_ENDS
    if not (set_apart or previous_ended):
        return False  # a line inside a paragraph, the commonest by far
    if LIST_ITEM.match(text) or starts_body(text) or SUMMARY_CLOSE.fullmatch(text):
        return False
    if _CLAUSE_END.search(text) and not _SHORT_TITLE.fullmatch(text):
        return False
    if not _TITLE_START.match(text):
        return False
    followed_by_paragraph = starts_body(following.text) or (
        following.after_break and line.after_break
    )
    if not followed_by_paragraph:
        return False
    return not (text.endswith(".") and not (line.after_break and following.after_break))


@dataclass
class _OpenParagraph:
    number: int | None
    marking: str | None
    heading: str | None
    lines: list[str] = field(default_factory=list)
    delimiter: str = "."  # of its number: '1.' or '1)'


class _Opening(NamedTuple):
    number: int | None
    marking: str | None
    first_line: str
    delimiter: str


def _opening(
    item: Line, last: _OpenParagraph | None, current: _OpenParagraph | None
) -> _Opening | None:
    """How `item` opens a paragraph, or None. `last` is the last numbered paragraph."""
    first = item.text.lstrip()[:1]
    if not first.isdigit() and first != "(":
        return None  # neither a number nor a marking: most lines
    start = _PARAGRAPH_START.match(item.text)
    if start and _starts_paragraph(item.text):
        number = int(start["number"])
        written_marking = start["marking"] or start["bare_marking"]
        marking = clean_marking(written_marking)
        last_number = (last.number or 0) if last else 0
        # Without a marking, only a number that follows on is a paragraph: a wrapped date
        # ('on March\n15. The ...') is not, nor the '2)' of a list in a cable whose paragraphs
        # are numbered '2.'.
        plausible = marking is not None or (
            (last is None or last.delimiter == start["delimiter"])
            and (
                number == last_number + 1
                or (item.after_break and last_number < number <= last_number + 3)
                or (current is None and number <= 2)
            )
        )
        if plausible:
            rest = start["rest"]
            if not marking and written_marking:
                rest = f"{written_marking} {rest}".strip()
            return _Opening(number, marking, rest, start["delimiter"])
    opening = _marking_opening(item.text)
    # '(C)' after '(B)' is the next item of a lettered list, not a marking.
    last_line = current.lines[-1] if current and current.lines else ""
    set_apart = current is None or item.after_break or item.after_page_break
    if opening and set_apart and not _LETTERED_ITEM.match(last_line):
        return _Opening(None, opening[0], opening[1], ".")
    return None


def split_paragraphs(items: list[Line], *, trailing_spaces: bool) -> list[ParsedParagraph]:
    paragraphs: list[ParsedParagraph] = []
    current: _OpenParagraph | None = None
    pending_heading: str | None = None
    last: _OpenParagraph | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            paragraphs.append(_finished(current, trailing_spaces))
        current = None

    for index, item in enumerate(items):
        following = items[index + 1] if index + 1 < len(items) else None
        opening = _opening(item, last, current)
        if opening:
            if _empty_twin(current, opening):
                current = None  # '1. (C)' glued to the opening, then paragraph 1 itself
            close()
            current = _OpenParagraph(
                opening.number,
                opening.marking,
                pending_heading,
                [opening.first_line],
                opening.delimiter,
            )
            pending_heading = None
            last = current if opening.number is not None else last
            continue
        previous_text = current.lines[-1] if current and current.lines else None
        if _is_heading(item, following, previous_text):
            close()
            heading = item.text.strip()
            dashed = _HEADING_DASHED.match(heading)
            heading = (dashed["text"] or dashed["before"]) if dashed else heading
            pending_heading = f"{pending_heading} {heading}" if pending_heading else heading
            continue
        if current is None or (item.after_break and current.number is None):
            close()
            current = _OpenParagraph(None, None, pending_heading)
            pending_heading = None
        elif item.after_break and current.lines:
            current.lines.append("")
        current.lines.append(item.text)
    close()
    if pending_heading:
        paragraphs.append(ParsedParagraph(None, None, pending_heading, ""))
    return paragraphs


def _empty_twin(current: _OpenParagraph | None, opening: _Opening) -> bool:
    """Whether `current` is a number and a marking alone, which the next paragraph, of the
    same number, repeats with its text."""
    return (
        current is not None
        and current.number is not None
        and current.number == opening.number
        and not "".join(current.lines).strip()
    )


def _finished(paragraph: _OpenParagraph, trailing_spaces: bool) -> ParsedParagraph:
    text, starts = join_lines(paragraph.lines, trailing_spaces)
    anchors = tuple(
        (f"par{match['digits']}", start)
        for line, start in zip(paragraph.lines[1:], starts[1:], strict=True)
        if (match := _ORIGINAL_ANCHOR.match(line))
    )
    return ParsedParagraph(paragraph.number, paragraph.marking, paragraph.heading, text, anchors)
