"""Read what a reader types into the search box, in the syntax of web search engines.

    gas pipeline            both words
    "energy security"       the words next to each other, in this order
    gazprom -ukraine        the first word but not the second
    putin OR medvedev       either word ('OR' binds tighter than the space: `a b OR c` is
                            a and (b or c))

Pure Python, no Django. `parse_query` never fails: whatever it cannot read is taken as words.
The search index's query is built from the parsed terms by `cables.search.queries`; `websearch()`
writes the query back as understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words a search would find in every cable (English stop words, with those PostgreSQL's
# English configuration had, which searched here before): 'the embassy' means 'embassy'.
_STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with you
    your yours yourself yourselves s t don
    """.split()  # noqa: SIM905 (a list of 130 quoted words reads worse)
)

# A phrase, a word, or one of the operators; '-' only counts at the start of a term.
_TOKEN = re.compile(r'(?P<minus>-)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')
_WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 20


@dataclass(frozen=True)
class Term:
    """One word, or a phrase: words that must come in this order, next to each other."""

    words: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    def websearch(self) -> str:
        text = " ".join(self.words)
        return f'"{text}"' if self.is_phrase else text

    def __str__(self) -> str:
        return self.websearch()


@dataclass(frozen=True)
class ParsedQuery:
    """All of `groups` (each satisfied by any one of its terms), none of `excluded`."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def terms(self) -> list[Term]:
        """The terms a match contains, in the order typed: what highlighting marks."""
        return [term for group in self.groups for term in group]

    def websearch(self) -> str:
        """The query as understood, written back in the same syntax (stop words dropped,
        words normalised)."""
        parts = [" or ".join(term.websearch() for term in group) for group in self.groups]
        parts += [f"-{term.websearch()}" for term in self.excluded]
        return " ".join(parts)

    def __str__(self) -> str:
        return self.websearch()


def _words_of(text: str) -> tuple[str, ...]:
    """The words the search index sees in the text: letters and digits, lower case.
    'counter-narcotics' is two words, searched as a phrase."""
    return tuple(word.lower() for word in _WORD.findall(text))


def parse_query(text: str) -> ParsedQuery:
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    joining = False  # the previous token was OR
    for match in _TOKEN.finditer(text[:1000]):
        if match["word"] is not None and match["word"] in {"OR", "|"} and not match["minus"]:
            joining = bool(groups)
            continue
        words = _words_of(match["phrase"] if match["phrase"] is not None else match["word"])
        if all(word in _STOP_WORDS for word in words):
            words = ()
        if not words:
            joining = False
            continue
        term = Term(words)
        if match["minus"]:
            excluded.append(term)
        elif joining:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
    groups = groups[:MAX_TERMS]
    return ParsedQuery(
        groups=tuple(tuple(dict.fromkeys(group)) for group in groups),
        excluded=tuple(dict.fromkeys(excluded))[:MAX_TERMS],
    )
