"""The passage a comment quotes, as a W3C Web Annotation TextQuoteSelector. Pure Python.

The reader's browser sends the selected words and a little text on each side. The server
checks the words are really in the paragraph and recomputes the context from the paragraph
itself, so what is stored always describes one place in the text as it was when quoted.
Whitespace is compared collapsed: a selection across a line break reads as one space.
"""

from __future__ import annotations

from dataclasses import dataclass

from comments.markup import normalize_space

_CONTEXT_CHARACTERS = 32
MAX_QUOTE_CHARACTERS = 1000


class PassageNotFound(ValueError):
    """The quoted words are not in the paragraph."""


@dataclass(frozen=True)
class Quote:
    exact: str
    prefix: str = ""
    suffix: str = ""


def locate_quote(paragraph_text: str, exact: str, prefix_hint: str = "") -> Quote:
    """The quote as found in the paragraph; the prefix hint picks between repeated words."""
    text = normalize_space(paragraph_text)
    wanted = normalize_space(exact)
    if not wanted:
        raise PassageNotFound("The quoted passage is empty.")
    if len(wanted) > MAX_QUOTE_CHARACTERS:
        raise PassageNotFound(
            f"Quote at most {MAX_QUOTE_CHARACTERS} characters of the paragraph "
            f"(this quote has {len(wanted)})."
        )
    starts = _occurrences(text, wanted)
    if not starts:
        raise PassageNotFound("The quoted passage is not in the paragraph's text.")
    hint = normalize_space(prefix_hint)
    start = next((s for s in starts if hint and text[:s].rstrip().endswith(hint)), starts[0])
    end = start + len(wanted)
    return Quote(
        exact=wanted,
        prefix=text[max(0, start - _CONTEXT_CHARACTERS) : start],
        suffix=text[end : end + _CONTEXT_CHARACTERS],
    )


def _occurrences(text: str, part: str) -> list[int]:
    starts, index = [], text.find(part)
    while index != -1:
        starts.append(index)
        index = text.find(part, index + 1)
    return starts
