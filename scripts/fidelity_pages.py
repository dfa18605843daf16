"""What an original cable page says, read by the fidelity benchmark on its own terms.

Deliberately simple and independent of the project's parser (it imports nothing of it): regular
expressions over the page's table, its two boxes and its ¶ anchors, and one-line checks of the
kind a person would make by eye ("there is a REF line", "the last line is a name"). The
benchmark compares the project's import with these.

A generated cables.csv row reads the same way: its content column is the body box, and its
anchors are where the original site put them, before every line that opens with 'N. '.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

ANCHOR_WORDS = 5

_CELL = re.compile(r"<td>\s*(?:<a [^>]*>)?(.*?)(?:</a>)?\s*</td>", re.DOTALL)
_BOX = re.compile(r"<code><pre>(.*?)</pre></code>", re.DOTALL)
_ANCHOR = re.compile(r"<a id='par(\w+)' href='#par\w+'>\u00b6</a>")
_TAG = re.compile(r"<[^>]+>")
_LINE_ANCHOR = re.compile(r"^[ \t]*(\d+)\.\s", re.MULTILINE)
_NUMBER_OPENING = re.compile(r"^\s*\d+\s*\.\s*")


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


@dataclass
class Original:
    """One cable as its source shows it."""

    reference_id: str
    cells: dict[str, str]  # created, released, classification, origin, as the table shows
    body: str  # the body box as text
    anchors: dict[str, list[str]] = field(default_factory=dict)  # 'par3' -> its first words

    @property
    def opening(self) -> str:
        """The body before its first numbered paragraph (or its first 60 lines)."""
        first = _LINE_ANCHOR.search(self.body)
        head = self.body[: first.start()] if first else self.body
        return "\n".join(head.split("\n")[:60])


def read_original(page: str) -> Original:
    table = page[page.find("<table class='cable'>") :]
    cells = [html.unescape(_TAG.sub("", cell)).strip() for cell in _CELL.findall(table)[:5]]
    boxes = _BOX.findall(page)
    body_html = boxes[1] if len(boxes) > 1 else (boxes[0] if boxes else "")
    anchors: dict[str, list[str]] = {}
    found = list(_ANCHOR.finditer(body_html))
    for index, match in enumerate(found):
        name = f"par{match[1]}"
        if not match[1].isdigit() or name in anchors:
            continue  # a browser goes to the first of two ids
        end = found[index + 1].start() if index + 1 < len(found) else len(body_html)
        text = _NUMBER_OPENING.sub("", _text(body_html[match.end() : end]), count=1)
        anchors[name] = words(text)[:ANCHOR_WORDS]
    return Original(
        reference_id=cells[0] if cells else "",
        cells=dict(
            zip(("created", "released", "classification", "origin"), cells[1:], strict=False)
        ),
        body=_text(_ANCHOR.sub("", body_html)),
        anchors=anchors,
    )


def read_row(reference_id: str, cells: dict[str, str], content: str) -> Original:
    """A generated row: anchors where the original site would have put them."""
    anchors: dict[str, list[str]] = {}
    found = list(_LINE_ANCHOR.finditer(content))
    for index, match in enumerate(found):
        name = f"par{match[1]}"
        end = found[index + 1].start() if index + 1 < len(found) else len(content)
        if name not in anchors:
            text = _NUMBER_OPENING.sub("", content[match.start() : end], count=1)
            anchors[name] = words(text)[:ANCHOR_WORDS]
    return Original(reference_id, cells, content, anchors)


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment))


# --- what the text has, by eye -------------------------------------------------------------

_SUBJECT = re.compile(r"^\s*(?:\([A-Z/ ]{1,12}\)\s*)?SUBJ\w*\b[\s:.;-]*(?P<value>.*)$", re.I | re.M)
_TAGS = re.compile(r"(?:^\s*|\s)TAGS?\b\s*[:.;]?\s*(?P<value>.*)$", re.M)
_REF = re.compile(r"^\s*REF(?:S|TELS?|ERENCES?)?\b", re.I | re.M)
# 'STATE 106206', '09 MOSCOW 1273', '2005 RIO DE JANEIRO 138'; not 'IIR 6 844 0101'.
_NOT_A_DATE = r"(?!(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]* \d)"
_CABLE_CITED = re.compile(
    rf"(?<![A-Z])(?!IIR\b|OSC\b|TD\b|E-?MAIL\b|MAIL\b){_NOT_A_DATE}"
    rf"[A-Z]{{3,}}(?: {_NOT_A_DATE}[A-Z]{{2,}}){{0,3}} 0*\d{{3,6}}\b(?![/-])"
)
_CLASSIFIED_BY = re.compile(r"\bclassified\s+by", re.I)
_REASONS = re.compile(r"1\s*[.,:/]\s*[45]|reasons?\W+\(?[a-h]\b", re.I)
_SUMMARY = re.compile(
    r"(?:^|\n|\)\s*|[.:]\s+)(?:-+\s*)?(?:BEGIN\s+)?SUMMARY\b\s*(?:[:.;-]|AND\b|\n|$)", re.I
)
_NAME_LINE = re.compile(r"^[A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,2}(?:\s\.)?$")
_SITE_NOTICE = re.compile(r"http|classified (?:web)?site|siprnet", re.I)


def subject_line(original: Original) -> str | None:
    """The text of the SUBJECT line, its label and a marking left out, up to a field glued
    on ('... REF: ...', '... Classified By: ...')."""
    match = _SUBJECT.search(original.opening)
    if match is None:
        return None
    return _GLUED_FIELD.split(match["value"])[0].strip()


_GLUED_FIELD = re.compile(r"\s(?:REF(?:S|TELS?)?|Classified By)\s*:", re.IGNORECASE)
_FIELD_START = re.compile(
    r"^\s*(?:\(\w+\)\s*)?(?:REF|CLASSIFIED|TAGS?\b|E\.?\s?O\.?\s?1|DECL|DERIVED|\d+\.\s|BEGIN|SUMMARY)",
    re.IGNORECASE,
)
_PAGE_LINE = re.compile(r"^\s*(?:PAGE \d+ .*?\d{6}Z\s*|[A-Z][A-Z ]+ \d+\s+\d+(?:\.\d)? OF \d+\s*$)")
_CLASS_LINE = re.compile(r"^\s*(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET)\s*$")


def subject_whole(original: Original) -> str | None:
    """The SUBJECT line and the lines it runs on to: up to a blank line or another field,
    past page lines (keeping what a printout glued after one) and page footers."""
    first = subject_line(original)
    if first is None:
        return None
    lines = original.opening.split("\n")
    start = next(index for index, line in enumerate(lines) if _SUBJECT.match(line))
    value = [first]
    capitals = not re.search(r"[a-z]", first)
    for line in lines[start + 1 :]:
        if _CLASS_LINE.match(line):
            continue
        line = _PAGE_LINE.sub("", line)
        if (
            not line.strip()
            or _FIELD_START.match(line)
            or (capitals and re.search(r"[a-z]{2}", line))
        ):
            break
        if _GLUED_FIELD.search(line):
            value.append(_GLUED_FIELD.split(line)[0])
            break
        value.append(line.strip())
    return " ".join(value)


def tag_line(original: Original) -> list[str]:
    """The tags written on the TAGS line and the lines it runs on to (a person tag word by
    word), up to a SUBJECT, a blank line or another field."""
    lines = original.opening.split("\n")
    for index, line in enumerate(lines):
        match = _TAGS.search(line) if re.match(r"\s*TAGS?\b", line) or "TAGS:" in line else None
        if match is None:
            continue
        value = match["value"]
        for following in lines[index + 1 :]:
            if not following.strip() or re.match(r"\s*[A-Z][A-Za-z ]{0,20}:|\s*SUBJ", following):
                break
            if re.search(r"\d\s+OF\s+\d", following):
                continue  # a page line
            value += " " + following
        value = re.split(r"\bSUBJ", value)[0]
        return [t for t in re.split(r"[\s,;()]+", value) if re.fullmatch(r"[A-Z][A-Z0-9-]+", t)]
    return []


def has_ref_line(original: Original) -> bool:
    """A REF line that cites something ('REF: NONE' cites nothing)."""
    match = _REF.search(original.opening)
    line = original.opening[match.end() :].split("\n")[0] if match else ""
    return match is not None and not re.fullmatch(r"\W*(?:NONE|N/A)\W*", line, re.I)


def ref_names_a_cable(original: Original) -> bool:
    match = _REF.search(original.opening)
    if match is None:
        return False
    block = original.opening[match.start() :].split("\n\n")[0]
    return _CABLE_CITED.search(block.upper()) is not None


def has_classified_by(original: Original) -> bool:
    return _CLASSIFIED_BY.search(original.body[:4000]) is not None


def has_reasons(original: Original) -> bool:
    match = _CLASSIFIED_BY.search(original.body[:4000])
    if match is None:
        return False
    return _REASONS.search(original.body[match.end() : match.end() + 400]) is not None


def has_summary(original: Original) -> bool:
    return _SUMMARY.search(original.body[:6000]) is not None


def has_signer(original: Original) -> bool:
    lines = [line.strip() for line in original.body.split("\n") if line.strip()]
    while lines and _SITE_NOTICE.search(lines[-1]):
        lines.pop()
    last = lines[-1] if lines else ""
    return bool(_NAME_LINE.match(last)) and len(last) < 30 and last.upper() not in {"END", "BT"}


# --- the reading room's page -----------------------------------------------------------------

_LEFT_OUT = {"paragraph-number", "comment-count", "marking-label", "visually-hidden", "pilcrow"}
_VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr"}


class OurPage(HTMLParser):
    """The words of a rendered cable page's paragraphs and section headings, in order, and
    where each id inside them stands."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[set[str]] = []
        self.inside = 0  # depth of the paragraph or heading being read, 0 outside
        self.pieces: list[str] = []
        self.ids: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag not in _VOID:
            self.stack.append(classes)
        if not self.inside and classes & {"paragraph-body", "section-heading"}:
            self.inside = len(self.stack)
        if self.inside and attributes.get("id"):
            self.ids.setdefault(attributes["id"] or "", len(self.pieces))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.stack:
            return
        if len(self.stack) == self.inside:
            self.inside = 0
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.inside and not any(_LEFT_OUT & classes for classes in self.stack):
            self.pieces.append(data)

    def words_after(self, anchor: str) -> list[str] | None:
        """The first words after the id, a number opening them ('2001.') left out as the
        original's are."""
        if anchor not in self.ids:
            return None
        text = " ".join(self.pieces[self.ids[anchor] : self.ids[anchor] + 40])
        return words(_NUMBER_OPENING.sub("", text, count=1))[:ANCHOR_WORDS]
