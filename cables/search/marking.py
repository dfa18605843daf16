"""Where a query's words stand in a text: the marks on a cable page opened from a search, the
paragraph a hit lands on and its snippet. Pure: the text is read by the index's own analyzer,
so a word is marked exactly where the index found it (*pipelines* for *pipeline*), and a
phrase only where its words stand together.

Marked text carries the control characters START and STOP around each match (a cable's text
never contains them), so that it can be escaped like any other text and the markers then
turned into <mark>: `marked` does that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import tantivy
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cables.query_syntax import ParsedQuery
from cables.search import schema

START, STOP = "\x02", "\x03"
# Words of a snippet, and how many of them come before its first match.
SNIPPET_WORDS = 36
_LEAD_WORDS = 8
_ELLIPSIS = "…"


@cache
def _analyzer() -> tantivy.TextAnalyzer:
    return schema.analyzer()


def analyzed(text: str) -> list[str]:
    """The words of `text` as the index holds them."""
    return _analyzer().analyze(text)


@dataclass(frozen=True)
class Match:
    term: int  # which of the query's terms
    first: int  # index of its first and last word among the text's words
    last: int


@dataclass(frozen=True)
class Passage:
    """The paragraph of a cable that best matches a query, with its words marked."""

    cable_id: int
    anchor: str
    number: int | None
    snippet: SafeString


class Matcher:
    """Finds a query's terms (its words and phrases, excluded ones left out) in texts."""

    def __init__(self, query: ParsedQuery) -> None:
        self.terms = [tuple(analyzed(" ".join(term.words))) for term in query.terms]
        self.group_of = [index for index, group in enumerate(query.groups) for _ in group]
        self.groups = len(query.groups)
        self.vocabulary = frozenset(word for term in self.terms for word in term)
        self.sieve = _sieve(self.vocabulary)

    def may_match(self, text: str) -> bool:
        """False only for a text in which no term can stand (a quick test, without cutting
        the text into words)."""
        return not text.isascii() or self.sieve.search(text) is not None

    def matches(self, words: list[str], tokens: list[tantivy.Token] | None = None) -> list[Match]:
        """The terms among the words (as the analyzer gives them); a phrase only where its
        words stand together, which `tokens` (the same words, with positions) tells when
        given, else their order in `words`."""
        if self.vocabulary.isdisjoint(words):
            return []
        places: dict[str, list[int]] = {}
        for place, word in enumerate(words):
            if word in self.vocabulary:
                places.setdefault(word, []).append(place)
        found = []
        for term, wanted in enumerate(self.terms):
            size = len(wanted)
            for first in places.get(wanted[0], []) if wanted else []:
                if size == 1:
                    found.append(Match(term, first, first))
                elif tuple(words[first : first + size]) == wanted and (
                    tokens is None or _together(tokens[first : first + size])
                ):
                    found.append(Match(term, first, first + size - 1))
        return sorted(found, key=lambda match: (match.first, -match.last))

    def highlighted(self, text: str) -> str | None:
        """The text with every match between START and STOP; None when nothing matches."""
        if not self.may_match(text) or self.vocabulary.isdisjoint(analyzed(text)):
            return None
        tokens = _analyzer().pre_tokenize(text).tokens
        found = self.matches([token.text for token in tokens], tokens)
        if not found:
            return None
        return _with_markers(text, tokens, found, 0, len(text))

    def best_passage(
        self, cable_id: int, paragraphs: list[tuple[str, int | None, str]]
    ) -> Passage | None:
        """Of the cable's paragraphs (anchor, number, text), the first with all the query
        asks for (a term of each group: both words of `gas pipeline`, either of `iran OR
        syria`); else the one with the most of its terms, then the most matches, then the
        first; with a snippet around its matches. None when no paragraph matches."""
        best, best_key = None, None
        for position, (anchor, number, text) in enumerate(paragraphs):
            found = self.matches(analyzed(text)) if self.may_match(text) else []
            if not found:
                continue
            terms = {match.term for match in found}
            every_group = len({self.group_of[term] for term in terms}) == self.groups
            key = (every_group, len(terms), len(found), -position)
            if best_key is None or key > best_key:
                best, best_key = (anchor, number, text), key
            if every_group:
                break  # the first paragraph with all that the query asks for
        if best is None:
            return None
        anchor, number, text = best
        tokens = _analyzer().pre_tokenize(text).tokens
        found = self.matches([token.text for token in tokens], tokens)
        return Passage(cable_id, anchor, number, marked(snippet(text, tokens, found)))


# Stems that begin otherwise than the words they stand for (Snowball's exceptional forms:
# 'dying' is 'die').
_IRREGULAR_STEMS = frozenset({"die", "lie", "tie"})


def _sieve(stems: frozenset[str]) -> re.Pattern:
    """A pattern found in any ASCII text in which one of the stems can stand: the start of a
    word beginning as the stem does. English stemming changes at most the last three letters
    of a stem ('relat' for 'relational', 'cri' for 'cries'), and never the first two but in
    IRREGULAR_STEMS."""
    starts = {
        stem[:1] if stem in _IRREGULAR_STEMS else stem[: max(2, len(stem) - 3)] for stem in stems
    }
    if not starts:
        return re.compile(r"(?!)")  # matches nothing
    alternatives = "|".join(re.escape(start) for start in sorted(starts, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})", re.IGNORECASE)


def _together(tokens: list[tantivy.Token]) -> bool:
    """The words stand next to each other in the text (none dropped between them)."""
    return all(b.position == a.position + 1 for a, b in zip(tokens, tokens[1:], strict=False))


def snippet(text: str, tokens: list[tantivy.Token], found: list[Match]) -> str:
    """About SNIPPET_WORDS words of the text around the run of matches with the most
    different terms, the matches between START and STOP, elisions marked."""
    best_start, best_key = 0, None
    for match in found:
        start = max(0, match.first - _LEAD_WORDS)
        inside = [m for m in found if m.first >= start and m.last < start + SNIPPET_WORDS]
        key = (len({m.term for m in inside}), len(inside))
        if best_key is None or key > best_key:
            best_start, best_key = start, key
    start = max(0, min(best_start, len(tokens) - SNIPPET_WORDS))
    end = min(len(tokens), start + SNIPPET_WORDS)
    begin = 0 if start == 0 else tokens[start].char_offset_from
    finish = len(text) if end == len(tokens) else tokens[end - 1].char_offset_to
    # Whole words as written: "Japan's", not "s".
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    while finish < len(text) and not text[finish].isspace():
        finish += 1
    inside = [m for m in found if m.first >= start and m.last < end]
    body = _with_markers(text, tokens, inside, begin, finish).strip()
    return (
        (_ELLIPSIS + " " if begin else "") + body + (" " + _ELLIPSIS if finish < len(text) else "")
    )


def _with_markers(
    text: str, tokens: list[tantivy.Token], found: list[Match], begin: int, finish: int
) -> str:
    """text[begin:finish] with START and STOP around the matches (overlapping ones as one)."""
    spans: list[list[int]] = []
    for match in found:
        start, end = tokens[match.first].char_offset_from, tokens[match.last].char_offset_to
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    parts, position = [], begin
    for start, end in spans:
        parts += [text[position:start], START, text[start:end], STOP]
        position = end
    parts.append(text[position:finish])
    return "".join(parts)


def marked(text: str) -> SafeString:
    """Text with match markers: escaped, the markers made <mark>."""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)
