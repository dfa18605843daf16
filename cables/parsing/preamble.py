"""The opening of a cable's body: banner, captions, E.O., TAGS, SUBJECT, REF, Classified By.

Real cables put these in any order, with lines of other kinds between them (addressing lines
such as `STATE FOR NEA/ARP`, the release's date line, page lines of a printout), labels with or
without colon, and values wrapped over lines, across page breaks and, for REF, across blank
lines. `read_opening` finds each field wherever it stands before the body (the first numbered
paragraph, the summary, or running text after the fields), keeps the first of a field seen
twice, and says where the body begins: after the last field, so that lines of another kind
between the fields and the first paragraph (a SUMMARY heading) stay with the body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cables.parsing.body import starts_body
from cables.parsing.labels import label_at_start, split_labels
from cables.parsing.shapes import (
    ADDRESSING_LINE,
    CAPTION_LINE,
    UNDERLINE,
    is_added_by_release,
    is_banner,
    page_furniture,
)
from cables.parsing.text import has_lowercase_word, is_prose
from cables.parsing.values import REASON_LABEL, REASON_SECTION, reasons_complete, reasons_end

# Past this many lines without a field, the opening is over whatever follows.
_MAX_GAP = 40
# Past this many characters a subject has run on into something else.
_LONGEST_SUBJECT = 400
# Lines of running text the opening passes over before its first field: a note such as
# "Original Telegram was Confidential but has since been de-classified".
_PROSE_BEFORE_FIELDS = 8


@dataclass
class Opening:
    fields: dict[str, list[str]] = field(default_factory=dict)  # kind -> its lines, no label
    banners: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    text: str = ""  # as written, page furniture left out, for the body box
    end: int = 0  # where the body begins, in the lines read
    # The body's first line when it is glued to the end of the opening's last line:
    # 'Classified By: ... REASON: 1.4(D) 1. (C) ...'.
    carried: str | None = None

    def body(self, lines: list[str]) -> list[str]:
        """The body's lines, of the lines read."""
        return ([self.carried] if self.carried else []) + lines[self.end :]

    def value(self, kind: str) -> str | None:
        return " ".join(self.fields[kind]) if kind in self.fields else None


def read_opening(lines: list[str]) -> Opening:
    scan = _Scan()
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            scan.blank()
            continue
        rest = page_furniture(line)
        if rest == "":
            continue
        if index - scan.last > _MAX_GAP or not scan.take(rest or line, index):
            break
    opening = scan.opening
    opening.end = scan.last + 1
    written = lines[: opening.end]
    if opening.carried:
        last = written[-1].rstrip()
        written[-1] = last[: len(last) - len(opening.carried)]
    opening.text = _as_written(written)
    return opening


class _Scan:
    def __init__(self) -> None:
        self.opening = Opening()
        self.current: str | None = None  # the field whose value may run on
        self.after_blank = False
        self.last = -1  # the last line that belongs to the opening
        self.prose_lines = 0

    def blank(self) -> None:
        self.after_blank = True
        # Only REF and Classified By run on across a blank line.
        if self.current not in {"ref", "classified"}:
            self.current = None

    def take(self, line: str, index: int) -> bool:
        """Read one line of the opening; False when the body begins at it."""
        first, *labelled = split_labels(line)
        text = first.value.strip()
        if first.kind is not None:
            labelled.insert(0, first)
        elif self._runs_on(text):
            self._add(text, index)
        elif starts_body(line) or (text and not self._other(text, index)):
            return False
        for segment in labelled:
            self._open(segment.kind or "", segment.value.strip(), index)
        self.after_blank = False
        return not self._body_glued_on()

    def _runs_on(self, text: str) -> bool:
        """Whether `text`, what comes before any label on its line, carries on the current
        field. Only a REF item or a reason may look like a marked paragraph: '(C) SECSTATE
        36633' after 'B. MADRID 3566', '(c)' after 'reasons 1.4 (b) and'."""
        if self.current is None or not text:
            return False
        if starts_body(text) and not (
            self.current in {"ref", "classified"} and self._next_item(text)
        ):
            return False
        return self._continues(text)

    def _body_glued_on(self) -> bool:
        """Whether the body begins on the same line, after the reasons for classification:
        '... REASON: 1.4(D) 1. (C)', '... 1.4 (a), (b), (d) Summary'. It is cut off and
        carried to the body."""
        block = self.opening.fields.get("classified") if self.current == "classified" else None
        if not block:
            return False
        end = reasons_end(block[-1])
        rest = block[-1][end:].strip() if end is not None else ""
        if not rest or not starts_body(rest):
            return False
        block[-1] = block[-1][:end].rstrip()
        self.opening.carried = rest
        return True

    def _add(self, text: str, index: int) -> None:
        self.opening.fields[self.current or ""].append(text)
        self.last = index
        self.after_blank = False

    def _open(self, kind: str, value: str, index: int) -> None:
        self.last = index
        if kind == self.current and kind in {"ref", "tags"}:
            # 'REF A ...' then 'REF B ...': one list, its label repeated on each item.
            self.opening.fields[kind].append(f"; {value}" if kind == "ref" else value)
            return
        if kind in self.opening.fields:
            self.current = None  # a field seen twice keeps the first
            return
        self.opening.fields[kind] = [value] if value else []
        self.current = kind

    def _other(self, text: str, index: int) -> bool:
        """A line of no field: a banner, a caption, or something else, which the opening
        passes over; False when it is running text, which begins the body (a few lines of
        it before any field, one after)."""
        if is_banner(text):
            # A page's class line can fall inside a field ('... ZIMBABWE', ' CONFIDENTIAL',
            # 'PAGE 02 ... OPPOSITION LEADER'): the field runs on past it.
            self.opening.banners.append(text)
            self.last = index
            return True
        self.current = None
        if CAPTION_LINE.match(text):
            self.opening.captions.append(text)
            self.last = index
        elif is_prose(text):
            self.prose_lines += 1
            return not self.opening.fields and self.prose_lines < _PROSE_BEFORE_FIELDS
        return True

    def _next_item(self, line: str) -> bool:
        """Whether `line` opens the next item of the REF list ('(C) SECSTATE 36633' after
        'B.') or the next letter of the reasons ('(c)' after 'reasons 1.4 (b) and')."""
        block = " ".join(self.opening.fields[self.current or ""])
        if self.current == "ref":
            return _opens_next_item(line, _next_letter(block))
        return _REASON_LETTER.match(line) is not None and REASON_SECTION.search(block) is not None

    def _continues(self, line: str) -> bool:
        """Whether `line`, no label of its own, carries on the current field's value."""
        block = self.opening.fields[self.current or ""]
        if self.current == "subject":
            return _continues_subject(line, block)
        if self.current == "tags":
            return _continues_tags(line)
        if self.current == "ref":
            return _continues_references(line, block, after_blank=self.after_blank)
        if self.current == "classified":
            return _continues_classified(line, block, after_blank=self.after_blank)
        return False


def _continues_subject(line: str, block: list[str]) -> bool:
    if is_banner(line) or CAPTION_LINE.match(line) or UNDERLINE.match(line) or starts_body(line):
        return False
    if sum(len(piece) for piece in block) > _LONGEST_SUBJECT:
        return False
    # Subjects written in capitals wrap onto capitals; a line in mixed case is the body.
    capitals_only = not re.search(r"[a-z]", " ".join(block))
    return not (capitals_only and has_lowercase_word(line))


def _continues_tags(line: str) -> bool:
    if re.search(r"[a-z]", line) or is_banner(line) or CAPTION_LINE.match(line):
        return False
    return len(line) < 80 and not ADDRESSING_LINE.match(line) and not UNDERLINE.match(line)


_ITEM_LETTER = re.compile(r"(?:^|(?<=[\s;,]))(?:\(([A-Z])\)|([A-Z])[.):])")
_REASON_LETTER = re.compile(r"\(?[a-hA-H]\)")


def _next_letter(references: str) -> str | None:
    """The letter the next item of a lettered REF list takes, None for an unlettered one."""
    letters = [a or b for a, b in _ITEM_LETTER.findall(references)]
    return chr(ord(max(letters)) + 1) if letters else None


def _opens_next_item(line: str, following: str | None) -> bool:
    """Whether `line` opens the REF list's item lettered `following`: 'B. PARIS 7525'."""
    return bool(following) and re.match(rf"\(?{following}[.):]", line) is not None


def _continues_references(line: str, block: list[str], *, after_blank: bool) -> bool:
    if is_banner(line) or CAPTION_LINE.match(line) or label_at_start(line):
        return False
    following = _next_letter(" ".join(block))
    opens_next_item = _opens_next_item(line, following)
    if not after_blank:
        return opens_next_item or not is_prose(line)
    # Across a blank line only what must belong to the list: its next item ('B. PARIS 7525'),
    # or the number of an item cut before it ('(C) SECSTATE' then '36633').
    if opens_next_item or (following and re.search(rf"(?:^|\s)\(?{following}[.)]\s", line)):
        return True
    written = " ".join(block).rstrip()
    return bool(re.match(r"\d{1,6}\b", line)) and re.search(r"[A-Z]$", written) is not None


_REASONS_GO_ON = re.compile(r"^(?:and\b|or\b|&|,|\(|\)|[a-hA-H]\b|1\s*[.,]\s*[45]|[a-z]{1,3}\b)")


def _continues_classified(line: str, block: list[str], *, after_blank: bool) -> bool:
    if label_at_start(line) or is_banner(line):
        return False
    text = " ".join(block)
    if after_blank:
        # 'Reasons:' on a line of its own, or the reasons after a label that ended a line.
        label_before = re.search(r"REASONS?\W*$", text, re.IGNORECASE) is not None
        section = REASON_SECTION.match(line) is not None
        opens = REASON_LABEL.match(line) is not None or (label_before and section)
        return opens and not reasons_complete(text)
    if not reasons_complete(text):
        return len(block) < 3 and not starts_body(line)
    # The reasons go on: '(d).', 'and (D).', or a word the wrap cut: 'a' + 'nd (D).'.
    return _REASONS_GO_ON.match(line) is not None


def _as_written(lines: list[str]) -> str:
    kept = []
    for raw in lines:
        line = raw.strip()
        rest = page_furniture(line) if line else None
        if rest is None or is_added_by_release(line):
            kept.append(raw.rstrip())
        elif rest:
            kept.append(rest)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
