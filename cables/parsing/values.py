"""The values of the preamble's fields once found: TAGS, Classified By and the reasons for
classification, addressees, handling captions, portion markings. None or an empty list,
never an error, for what does not read."""

from __future__ import annotations

import re

from cables import fields
from cables.parsing.text import collapse

# --- TAGS ----------------------------------------------------------------------------------

# Separators are commas, semicolons, spaces and the parentheses of a person tag: the original
# site listed 'OVIP (STEINBERG, JAMES B.)' under OVIP, STEINBERG and JAMES.
_TAG_SEPARATORS = re.compile(r"[\s,;()]+")
_TAG = re.compile(r"(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*")


def split_tags(text: str) -> list[str]:
    """'PREL, PGOV OVIP (STEINBERG, JAMES B.)' -> ['PREL', 'PGOV', 'OVIP', 'STEINBERG', 'JAMES'].

    What is not a tag is left out: initials ('B.'), numbers, punctuation."""
    tags: list[str] = []
    for token in _TAG_SEPARATORS.split(text.upper()):
        token = token.strip(".:-")
        if len(token) >= 2 and _TAG.fullmatch(token) and token not in tags:
            tags.append(token)
    return tags


# --- Classified By and the reasons ----------------------------------------------------------

# 'Reasons', also broken by a wrapped line: 'REAS ONS', 'reaso ns'.
REASON_LABEL = re.compile(r"\b(?:for\s+)?R\s?E\s?A\s?S\s?O\s?N\s?S?\b\s*[:.;]?", re.IGNORECASE)
# '1.4', also written '1,4', '1:4' or '1/4'.
REASON_SECTION = re.compile(r"1\s*[.,:/]\s*([45])")
_EXECUTIVE_ORDER = r"E\.?\s?O\.?\s*\d{5}"
# The run of text that cites reasons: '1.4 (b) and (d)', '1,4 (B/D)', 'E.O. 12958 1.4 b, d',
# also with 'and' broken by a wrapped line ('an d', 'a nd').
_REASON_TEXT = re.compile(
    rf"(?:\s|[.,;:/&()+\-\[\]]|\ba\s?n\s?d\b|\bor\b|\b{_EXECUTIVE_ORDER}\b|{REASON_SECTION.pattern}|"
    r"(?<![A-Za-z])[A-Ha-h](?![A-Za-z]))+",
    re.IGNORECASE,
)
_REASON_PART = re.compile(
    rf"a\s?n\s?d\b|{REASON_SECTION.pattern}|(?<![A-Za-z])([A-Ha-h])(?![A-Za-z])|{_EXECUTIVE_ORDER}",
    re.IGNORECASE,
)


def reasons_end(text: str) -> int | None:
    """Where the citation of reasons ends in `text` ('... reasons 1.4 (b), (d)| 1. (C)'),
    or None when `text` cites none."""
    label = REASON_LABEL.search(text)
    offset = label.end() if label else 0
    section = REASON_SECTION.search(text, offset)
    start = section.start() if section else offset if label else None
    span = _REASON_TEXT.match(text, start) if start is not None else None
    return span.end() if span and parse_reasons(text) else None


def reasons_complete(text: str) -> bool:
    """Whether `text` already cites a section and a letter: '... reasons 1.4 (b)'."""
    return bool(parse_reasons(text))


def parse_reasons(text: str) -> list[str]:
    """'Reasons: 1,4 (B/D).' -> ['1.4(b)', '1.4(d)']; 'for reasons b, d' -> the same.

    The older numbering stays as written: '1.5 (D)' -> ['1.5(d)']."""
    label = REASON_LABEL.search(text)
    tail = text[label.end() :] if label else text
    section_match = REASON_SECTION.search(tail)
    # Without a section, only letters right after the label: 'for reasons b, d.' (1.4).
    start = section_match.start() if section_match else 0 if label else None
    span = _REASON_TEXT.match(tail[start:]) if start is not None else None
    if not span:
        return []
    reasons: list[str] = []
    section = "1.4"
    for match in _REASON_PART.finditer(span.group(0)):
        if match.group(1):
            section = f"1.{match.group(1)}"
        elif match.group(2):
            reason = f"{section}({match.group(2).lower()})"
            if reason not in reasons:
                reasons.append(reason)
    return reasons


_CLASSIFIED_BY_LABEL = re.compile(
    r"^(?:\(\s*[A-Za-z/ ]{1,8}\)\s*)?(?:CLASSIFIED|CLASSIFED)\s+B[YT]\s*[:.;,]?\s*", re.IGNORECASE
)
# Where the classifier's name ends: the first citation of the order or of section 1.4 / 1.5.
_CLASSIFIER_END = re.compile(rf"\b{_EXECUTIVE_ORDER}|\b1\s*[.,]\s*[45]\b", re.IGNORECASE)
_CLASSIFIER_TRAILER = re.compile(r"(?:[\s,;:.(]|\b(?:for|per|under|by)\b)+$", re.IGNORECASE)


def parse_classified_by(text: str) -> str | None:
    """'Ambassador W. Burns.  Reasons: 1.4 (b)' -> 'Ambassador W. Burns' (the label, also
    written twice, 'Classified By: Classified by ...', may still be there)."""
    body = collapse(text)
    while label := _CLASSIFIED_BY_LABEL.match(body):
        body = body[label.end() :]
    reason = REASON_LABEL.search(body)
    classifier = body[: reason.start()] if reason else body
    classifier = _CLASSIFIER_END.split(classifier, maxsplit=1)[0]
    classifier = _CLASSIFIER_TRAILER.sub("", classifier).strip()
    return classifier or None


# --- addressees ----------------------------------------------------------------------------


def parse_recipients(lines: list[str]) -> list[str]:
    """'RUEHC/SECSTATE WASHDC IMMEDIATE 1234' -> 'SECSTATE WASHDC', each once, in order."""
    recipients: list[str] = []
    for line in lines:
        name = re.sub(r"^[A-Z0-9]{3,8}/", "", line.strip())
        name = re.sub(r"\s+\d{1,6}$", "", name)
        name = re.sub(r"\s+(?:NIACT\s+)?(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH)$", "", name)
        name = collapse(name)
        if name and name not in recipients:
            recipients.append(name)
    return recipients


def origin_from_sender(sender: str | None) -> str | None:
    """'AMEMBASSY LA PAZ' -> 'Embassy La Paz', as the release names origins."""
    if not sender:
        return None
    for prefix, kind in (("AMEMBASSY", "Embassy"), ("AMCONSUL", "Consulate")):
        if sender.startswith(prefix + " "):
            return f"{kind} {sender[len(prefix) + 1 :].title()}"
    if sender.startswith("SECSTATE"):
        return "Secretary of State"
    return None


# --- captions and markings -------------------------------------------------------------------

_CAPTION_NAMES = ("SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "ORCON", "PROPIN")
_RELEASABLE_TO = re.compile(r"\bREL(?:\s+TO)?\s+[A-Z]{2,4}(?:\s*,\s*[A-Z]{2,4})*\b")


def captions_in(text: str, *, caption_line: bool = False) -> list[str]:
    """The handling captions named in a banner or caption line; 'REL TO ...' as written.

    'SENSITIVE' counts only as a line of its own: inside a banner the word can be prose."""
    found = [name for name in _CAPTION_NAMES if re.search(rf"\b{name}\b", text)]
    if re.search(r"\bE\s?F\s?T\s?O\b", text):
        found.append("EFTO")
    if caption_line and text.strip() == "SENSITIVE":
        found.append("SENSITIVE")
    found.extend(collapse(match.group(0)) for match in _RELEASABLE_TO.finditer(text))
    return found


def clean_marking(raw: str | None) -> str | None:
    """'( s / nf )' -> 'S/NF'; None when the parenthesis holds no portion marking."""
    if not raw:
        return None
    text = raw.strip().strip("()").strip().upper()
    text = _SPACES.sub(" ", _SPACED_SLASHES.sub(r"\1", text))
    return text if fields.is_portion_marking(text) else None


_SPACED_SLASHES = re.compile(r"\s*(/+)\s*")
_SPACES = re.compile(r"\s+")


def strip_marking(text: str) -> str:
    """A subject that opens or ends with its own portion marking, '(C) RUSSIA: ...' or
    'GERMAN TEST CHAMBER (S)', loses it."""
    text = text.strip()
    match = re.match(r"^(\([A-Za-z/ ,]{1,30}\))\s*", text)
    if match and clean_marking(match[1]):
        text = text[match.end() :].strip()
    match = re.search(r"\s*(\([A-Za-z/ ,]{1,30}\))$", text)
    if match and match.start() > 0 and clean_marking(match[1]):
        text = text[: match.start()].strip()
    return text
