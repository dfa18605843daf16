"""The labels of the preamble's fields, as real cables write them: in any case, with or
without a colon, abbreviated (`SUBJ`), misspelt (`TAGE`, `CLASSIFED BY`), after a portion
marking (`(U) Classified by`), and sometimes in the middle of a line, glued to the field
before (`E.O. 12958: DECL: 11/29/10 TAGS: PGOV`, `REF: STATE 1234 Classified By: ...`).

`split_labels` cuts a line into (kind, value) segments; the kinds are 'eo', 'tags',
'subject', 'ref', 'classified' and 'derived'."""

from __future__ import annotations

import re
from typing import NamedTuple

# Written without a colon, a label must be followed by capitals, as cables write their
# values: so prose such as 'Subject to change' or 'Tags were found' is not a field.
_THEN_CAPITALS = r"(?:\s*[:.;]\s*|\s+(?=(?-i:[A-Z0-9(\"'])))"
_MARKING = r"(?:\(\s*[A-Za-z/ ]{1,8}\)\s*)?"

_AT_START = {
    "eo": re.compile(
        rf"^{_MARKING}(?:E\.?\s?[O0]\.?\s*1\d{{4}}\b\s*[:.;,]?\s*|EO\s*1\d{{4}}\b\s*[:.;,]?\s*"
        r"|DECL(?:ASSIFY)?(?:\s+ON)?\s*:\s*)",
        re.IGNORECASE,
    ),
    "tags": re.compile(
        rf"^{_MARKING}(?:TAGS?|TAGE|TAGSS|TAFS|TGAS|TASG|TAGD|TAHS|TAQS|TSGS|TAG\s?S){_THEN_CAPITALS}",
        re.IGNORECASE,
    ),
    "subject": re.compile(
        rf"^{_MARKING}(?:SUBJECT|SUBJ|SUBJEC|SUBJET|SUBECT|SUBJCT|SUJBECT|SUBJEXT|SUBJETC)"
        r"(?:\s*[:.;-]\s*|\s+(?=(?-i:[A-Z0-9(\"'])))",
        re.IGNORECASE,
    ),
    "ref": re.compile(
        rf"^{_MARKING}(?:REFS?|REFERENCES?|REFTELS?|REF\s?TELS?|REFTEL\s?[A-Z]?){_THEN_CAPITALS}",
        re.IGNORECASE,
    ),
    "classified": re.compile(
        rf"^{_MARKING}(?:(?:CLASSIFIED|CLASSIFED|CLASIFIED|CLASSIFIEDBY)\s*B[YT]"
        r"(?:\s*[:.;,]\s*|\s+(?=(?-i:[A-Z]))|\s*$)|CLASSIFIED\s*:\s*)",
        re.IGNORECASE,
    ),
    "derived": re.compile(rf"^{_MARKING}DERIVED\s+FROM\s*:?\s*", re.IGNORECASE),
}

# In the middle of a line only the unmistakable forms count: a colon, the dotted E.O., or
# 'Classified by' after a sentence or a wide gap.
_MID_LINE = re.compile(
    r"(?P<eo>(?<![A-Za-z0-9])(?:E\.\s?O\.\s?1\d{4}|EO\s1\d{4})\b\s*[:.;,]?\s*)"
    r"|(?P<tags>(?<![A-Za-z])TAGS?\s*:\s*)"
    r"|(?P<subject>(?<![A-Za-z])SUBJ(?:ECT)?\s*:\s*)"
    r"|(?P<ref>(?<![A-Za-z])REF(?:S|TELS?)?\s*:\s*)"
    r"|(?P<classified>(?<![A-Za-z])(?i:classified\s+by)\s*:\s*"
    r"|(?:(?<=[.;]\s)|(?<=\s\s))(?i:classified\s+by)\s+(?=[A-Z]))"
)
# After the E.O. line, TAGS needs no colon: 'EO 12958 DECL: 11/29/10 TAGS PGOV, PREL'.
_TAGS_AFTER_EO = re.compile(r"(?<![A-Za-z])TAGS?\s+(?=[A-Z]{2})")


class _Segment(NamedTuple):
    kind: str | None  # None: text before the first label of the line
    value: str  # what follows the label, up to the next label
    start: int  # where the value begins in the line


def label_at_start(line: str) -> tuple[str, int] | None:
    """(kind, where the value begins) when the stripped line opens with a label."""
    for kind, pattern in _AT_START.items():
        if match := pattern.match(line):
            return kind, match.end()
    return None


def split_labels(line: str) -> list[_Segment]:
    """'E.O. 12958: DECL: 11/29/10 TAGS: PGOV' -> [('eo', 'DECL: 11/29/10 '), ('tags', 'PGOV')].

    A line without any label is one segment of kind None."""
    start = label_at_start(line)
    kind, position = start if start else (None, 0)
    segments: list[_Segment] = []
    while True:
        found = _next_label(line, position, kind)
        if found is None:
            segments.append(_Segment(kind, line[position:], position))
            return segments
        next_kind, label_start, label_end = found
        segments.append(_Segment(kind, line[position:label_start], position))
        kind, position = next_kind, label_end


def _next_label(line: str, position: int, kind: str | None) -> tuple[str, int, int] | None:
    # A label repeating the kind it is in ('REF: REF: MADRID 3785') is part of the value,
    # and so is the order that reasons for classification cite ('reasons: E.O. 12958 1.4').
    found = [
        (match.lastgroup or "", match.start(), match.end())
        for match in _MID_LINE.finditer(line, position)
        if match.lastgroup != kind
        and match.start() > position
        and not (kind == "classified" and match.lastgroup == "eo")
    ][:1]
    if kind == "eo" and (match := _TAGS_AFTER_EO.search(line, position)):
        found.append(("tags", match.start(), match.end()))
    return min(found, key=lambda label: label[1]) if found else None


def is_label_line(line: str) -> bool:
    return label_at_start(line.strip()) is not None
