"""The summary a cable opens with and the signature it ends with.

A summary is opened by `SUMMARY:`, `Summary.`, `BEGIN SUMMARY`, a `--- SUMMARY ---` heading,
and closed by `End Summary`, possibly paragraphs later. The signer is the last line of the
body when it is a name alone ('BURNS', 'Beyrle', 'RICE SENDS'), or the name after the last
sentence ('End text. SECHE')."""

from __future__ import annotations

import re

from cables.parsing.body import SENTENCE_END, SUMMARY_CLOSE, SUMMARY_OPEN, ParsedParagraph
from cables.parsing.joining import Line
from cables.parsing.shapes import CAPTION_LINE

_CAPITALS = r"[A-Z][A-Z.'-]*(?:\s+[A-Z][A-Z.'-]*){0,3}"
_SIGNER = re.compile(
    rf"^(?:(?P<name>{_CAPITALS}?)(?:\s+SENDS)?(?:\s+\.)?|(?P<mixed>[A-Z][a-z]+(?:[A-Z][a-z]+)?))$"
)
_SIGNER_AFTER_TEXT = re.compile(rf"^(?P<text>.*[.!?\"])\s+(?P<name>{_CAPITALS}?)$")
# Lines some missions put after the signature: the address of their classified website.
_SITE_NOTICE = re.compile(r"classified (?:web)?site|siprnet|https?://|sgov\.gov", re.IGNORECASE)
_NOT_NAMES = {"END", "BT", "NNNN", "UNQUOTE", "QUOTE", "SIPDIS", "NOFORN", "NODIS", "EXDIS"}


def take_signer(items: list[Line]) -> tuple[str, str] | None:
    """The signer and the signature line as written, taken out of the body's lines; None
    when the body ends otherwise."""
    position = len(items) - 1
    while position > 0 and _SITE_NOTICE.search(items[position].text):
        position -= 1
    if position < 1:
        return None
    line = items[position]
    last = line.text.strip()
    if SUMMARY_CLOSE.fullmatch(last) or CAPTION_LINE.match(last):
        return None
    if match := _SIGNER.match(last):
        name = match["name"] or match["mixed"]
        set_apart = line.after_break or SENTENCE_END.search(items[position - 1].text.rstrip())
        if set_apart and _is_name(name):
            del items[position]
            return name, last
        return None
    glued = _SIGNER_AFTER_TEXT.match(last)
    if glued and _is_name(glued["name"]) and len(glued["name"]) > 2:
        line.text = glued["text"]
        return glued["name"], glued["name"]
    return None


def _is_name(name: str) -> bool:
    return not name.endswith(".") and name.upper() not in _NOT_NAMES


def find_summary(paragraphs: list[ParsedParagraph]) -> str | None:
    """The text between 'Summary:' (or 'BEGIN SUMMARY', or a SUMMARY heading) and 'End
    Summary', across paragraphs; without a closing line, the opening paragraph alone."""
    for index, paragraph in enumerate(paragraphs):
        opened = SUMMARY_OPEN.match(paragraph.text)
        heading_opens = paragraph.heading and re.fullmatch(
            r"-*\s*(?:BEGIN\s+)?SUMMARY\s*[.:-]*", paragraph.heading, re.IGNORECASE
        )
        if not opened and not heading_opens:
            continue
        start = opened.end() if opened else 0
        texts = [paragraph.text[start:]] + [p.text for p in paragraphs[index + 1 : index + 8]]
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
