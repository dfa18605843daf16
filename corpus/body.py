"""The body of a cable: numbered paragraphs of whole sentences from the sentence pools until
the cable reaches its size, each with its classification marking (or none), a summary
first and a comment last now and then, headings between them, then the closing and the
signature."""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from cables.citation import MONTHS as MONTH_NAMES
from corpus.chance import pick
from corpus.layout import WIDTH, wrap
from corpus.origins import Origin, signer_at
from corpus.sentences import Vocabulary
from corpus.shapes import Style, website_notice
from corpus.vocabulary import CLOSINGS, HEADINGS, MARKINGS, SUMMARY_OPENERS

_SUMMARY_HEADING = ["-------", "Summary", "-------", ""]


@dataclass
class _Markings:
    """How the paragraphs are marked: the first one so, the others drawn by weight."""

    marked: bool
    first: str
    others: list[str]
    others_cumulative: list[int]

    @classmethod
    def draw(
        cls, rng: random.Random, classification: str, classified: bool, year: int
    ) -> _Markings:
        # Classified cables mark their paragraphs; most unclassified ones, few old ones.
        marked = classified or rng.random() < (0.55 if classification == "UNCLASSIFIED" else 0.85)
        if year < 1995 and rng.random() < 0.6:
            marked = False
        first, others = MARKINGS[classification]
        names = [name for name, _ in others]
        return cls(marked, first, names, list(accumulate(weight for _, weight in others)))

    def of(self, rng: random.Random, number: int) -> str | None:
        if not self.marked:
            return None
        return self.first if number == 1 else pick(rng, self.others, self.others_cumulative)


def body(
    rng: random.Random,
    vocabulary: Vocabulary,
    *,
    origin: Origin,
    tag: str,
    topic: str,
    second: str,
    classification: str,
    classified: bool,
    year: int,
    target: int,
    style: Style,
) -> tuple[list[str], list[str | None]]:
    """The body's lines, and the marking of each numbered paragraph as written. Paragraphs
    come until their text reaches `target` characters, and at least two."""
    old = year < 2000
    pools = (
        vocabulary.pool(tag, topic, old),
        vocabulary.pool(tag, second, old),
        vocabulary.pool(tag, "pol", old),
    )
    rare_at = rng.randint(1, 4) if rng.random() < 0.07 else 0
    markings = _Markings.draw(rng, classification, classified, year)
    headings = HEADINGS.get(topic, HEADINGS["pol"])
    summary = target > 2500 and rng.random() < 0.7
    lines: list[str] = []
    written: list[str | None] = []
    size = 0
    number = 0
    while size < target or number < 2:
        number += 1
        text = _paragraph_text(rng, vocabulary, pools, tag, rare=number == rare_at)
        if number == 1 and summary and style.summary_heading:
            lines.extend(_SUMMARY_HEADING)
        elif number == 1 and summary:
            # '\x01' keeps 'End summary.' on one line: a line 'summary.' alone opens a
            # summary for the parser.
            text = f"{rng.choice(SUMMARY_OPENERS)} {text} End\x01summary."
        elif size + len(text) >= target and number > 2 and rng.random() < 0.4:
            text = f"Comment: {text} End comment."
        marking = markings.of(rng, number)
        written.append(marking)
        opening = f"{number}. ({marking}) " if markings.marked else f"{number}. "
        if number > 2 and rng.random() < 0.12:
            lines.append(rng.choice(headings))
            lines.append("")
        start = len(lines)
        wrap(opening + text, lines)
        if number == 1 and summary:
            lines[start:] = [line.replace("\x01", " ") for line in lines[start:]]
        lines.append("")
        size += len(text) + 8
    _close(rng, lines, origin, year, style)
    return lines, written


def _paragraph_text(
    rng: random.Random,
    vocabulary: Vocabulary,
    pools: tuple[list[str], list[str], list[str]],
    tag: str,
    *,
    rare: bool,
) -> str:
    """2 to 7 sentences, most from the main topic's pool, some from the second topic's and
    the political one's; a rare term among them when `rare`."""
    random_ = rng.random
    main_pool, second_pool, common_pool = pools
    count = rng.randint(2, 7)
    sentences = []
    for _ in range(count):
        roll = random_()
        pool = main_pool if roll < 0.72 else second_pool if roll < 0.9 else common_pool
        sentences.append(pool[int(random_() * len(pool))])
    if rare:
        sentences.insert(int(random_() * count), vocabulary.rare(tag, rng))
    return " ".join(sentences)


def _close(rng: random.Random, lines: list[str], origin: Origin, year: int, style: Style) -> None:
    """The closing, the website notice of some missions, and the signature."""
    closing = rng.choice(CLOSINGS).format(month=rng.choice(MONTH_NAMES))
    # The closing joins the last paragraph rather than opening an unnumbered one.
    last = lines[-2]
    if len(last) + len(closing) < WIDTH:
        lines[-2] = f"{last} {closing}"
    else:
        lines.insert(len(lines) - 1, closing)
    if style.website_notice:
        lines.extend(website_notice(origin.refname.title()))
    signer = signer_at(origin, year).split()[-1]
    lines.append(signer.title() if style.signer_mixed_case else signer.upper())
