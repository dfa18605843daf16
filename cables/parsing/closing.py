"""The summary a cable opens with and the signature it ends with.

A summary is opened by `SUMMARY:`, `Summary.`, `BEGIN SUMMARY`, a `--- SUMMARY ---` heading,
and closed by `End Summary`, possibly paragraphs later. The signer is the last line of the
body when it is a name alone ('BURNS', 'Beyrle', 'RICE SENDS'), or the name after the last
sentence ('End text. SECHE')."""

from __future__ import annotations

import re

from cables.parsing.body import SUMMARY_CLOSE, SUMMARY_OPEN, ParsedParagraph
from cables.parsing.joining import SENTENCE_END, Line
from cables.parsing.shapes import CAPTION_LINE

_CAPITALS = r"[A-Z][A-Z.'-]*(?:\s+[A-Z][A-Z.'-]*){0,3}"
_SIGNER = re.compile(
    rf"^(?:(?P<name>{_CAPITALS}?)(?:\s+SENDS)?(?:\s+\.)?|(?P<mixed>[A-Z][a-z]+(?:[A-Z][a-z]+)?))$"
)
_SIGNER_AFTER_TEXT = re.compile(rf"^(?P<text>.*[.!?\"])\s+(?P<name>{_CAPITALS}?)$")
# Lines after the signature: the address of a mission's classified website, an end marker.
_TRAILER = re.compile(
    r"classified (?:web)?\s?site|siprnet|https?://|sgov\.gov"
    r"|^(?:nnnn|bt|end(?: of)? cable(?: text)?)\.?$",
    re.IGNORECASE,
)
# What may stand between the text and the signature: rules, stars, a redacted name, the
# end of a comment, an old downgrading group ('GP-3').
_DECORATION = re.compile(r"^(?:[*=_X\s-]+|END\b.*|GP-\d)$", re.IGNORECASE)
_NOT_NAMES = {"END", "BT", "NNNN", "UNQUOTE", "QUOTE", "SIPDIS", "NOFORN", "NODIS", "EXDIS"}


def take_signer(items: list[Line]) -> str | None:
    """The signer, whose line is taken out of the body's lines ('RICE SENDS' gives 'RICE', a
    name glued to the last sentence is cut off it); None when the body ends otherwise."""
    position = len(items) - 1
    while position > 0 and _TRAILER.search(items[position].text.strip()):
        position -= 1
    if position < 1:
        return None
    line = items[position]
    last = line.text.strip()
    if SUMMARY_CLOSE.fullmatch(last) or CAPTION_LINE.match(last):
        return None
    words = last.split()
    if len(words) == 2 and words[0].upper() == words[1].upper():
        last = words[0]  # 'SHANNON Shannon': signed twice
    if match := _SIGNER.match(last):
        name = match["name"] or match["mixed"]
        if _is_name(name) and _set_apart(line, items[position - 1].text.strip()):
            del items[position]
            return name
        return None
    glued = _SIGNER_AFTER_TEXT.match(last)
    if glued and _is_name(glued["name"]) and len(glued["name"]) > 2:
        line.text = glued["text"]
        return glued["name"]
    return None


def _set_apart(line: Line, previous: str) -> bool:
    """Whether a name alone on the last line stands apart from the text before it: after a
    blank line, a sentence, a rule or a website's address, or in capitals after text in
    lower case ('push ahead' then 'GOLDBERG')."""
    if line.after_break or SENTENCE_END.search(previous) or _DECORATION.match(previous):
        return True
    return _TRAILER.search(previous) is not None or re.search(r"[a-z]{2}", previous) is not None


def _is_name(name: str) -> bool:
    return not name.endswith(".") and name.upper() not in _NOT_NAMES


# 'SUMMARY', '--- Summary ---', 'Summary and Comment', 'SUMMARY AND ACTION REQUEST', also
# after the heading before it ('SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY SUMMARY').
_SUMMARY_HEADING = re.compile(
    r"(?:^|.*[\s-])(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+[A-Z]+(?:\s+[A-Z]+)?)?\s*[.:-]*",
    re.IGNORECASE,
)


def find_summary(paragraphs: list[ParsedParagraph]) -> str | None:
    """The text between 'Summary:' (or 'BEGIN SUMMARY', or a SUMMARY heading) and 'End
    Summary', across paragraphs; without a closing line, the opening paragraph alone."""
    for index, paragraph in enumerate(paragraphs):
        opened = SUMMARY_OPEN.match(paragraph.text)
        heading_opens = paragraph.heading and _SUMMARY_HEADING.fullmatch(paragraph.heading)
        if not opened and not heading_opens:
            continue
        start = opened.end() if opened else 0
        texts = [paragraph.text[start:]] + [p.text for p in paragraphs[index + 1 : index + 8]]
        if not texts[0].strip():
            texts = texts[1:]  # 'SUMMARY' on a line of its own, before the paragraph
        collected: list[str] = []
        for position, text in enumerate(texts):
            close = SUMMARY_CLOSE.search(text)
            if close:
                collected.append(text[: close.start()])
                break
            collected.append(text)
            if position == 0 and not any(SUMMARY_CLOSE.search(t) for t in texts[1:]):
                break
        summary = "\n\n".join(part.strip() for part in collected if part.strip())
        return summary or None
    return None
