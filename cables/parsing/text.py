"""Small text helpers every reader of a cable uses: normalised lines, collapsed spaces."""

from __future__ import annotations

import re

# A paragraph symbol kept from a copied original page, before '3. (C)' or 'B. STATE 1234'.
_PILCROW = re.compile(r"^[ \t]*\u00b6[ \t]*(?=\d|[A-Z]\.)", re.MULTILINE)
_REPLACEMENTS = (("\r\n", "\n"), ("\r", "\n"), ("\u00a0", " "), ("\t", "    "), ("\ufeff", ""))


def normalise(text: str) -> str:
    """One newline convention, no tabs, no non-breaking spaces, no paragraph symbols."""
    for old, new in _REPLACEMENTS:
        text = text.replace(old, new)
    return _PILCROW.sub("", text)


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def has_lowercase_word(text: str) -> bool:
    return re.search(r"[a-z]{2}", text) is not None


def is_prose(line: str) -> bool:
    """A line of running text: three words in lower case ('This cable was coordinated...')."""
    return len(re.findall(r"\b[A-Za-z]?[a-z]+\b", line)) >= 3
