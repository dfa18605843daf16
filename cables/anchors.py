"""Where a paragraph went when a cable's text was parsed anew.

Comments and linkbacks hold a paragraph by its anchor ('par3', 'p7'). When a better parse of
the same cable numbers its paragraphs differently (a paragraph the old parse missed, text
the old parse took for a heading), the words a reader commented on may now stand under
another anchor; `moved` says which. Pure Python."""

from __future__ import annotations

import re

# Enough words to tell paragraphs of one cable apart.
_OPENING_WORDS = 8


def moved(earlier: list[tuple[str, str]], now: list[tuple[str, str]]) -> dict[str, str]:
    """{earlier anchor: anchor now} for each earlier (anchor, text) whose opening words now
    open, or stand inside, a paragraph under another anchor. A paragraph still under its
    anchor, or found nowhere, is left out."""
    now_text = dict(now)
    now_words = [(anchor, _words(text)) for anchor, text in now]
    moves: dict[str, str] = {}
    for anchor, text in earlier:
        opening = _words(text)[:_OPENING_WORDS]
        if not opening or _words(now_text.get(anchor, ""))[: len(opening)] == opening:
            continue
        target = next((a for a, words in now_words if words[: len(opening)] == opening), None)
        target = target or next((a for a, words in now_words if _contains(words, opening)), None)
        if target and target != anchor:
            moves[anchor] = target
    return moves


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _contains(words: list[str], run: list[str]) -> bool:
    width = len(run)
    return any(words[start : start + width] == run for start in range(len(words) - width + 1))
