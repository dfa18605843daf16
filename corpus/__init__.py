"""The synthetic corpus: `write_corpus(stream, count, seed)` writes cables.csv rows that
`import_cables` reads.

`generator` builds the cables (`Corpus`) from its parts: `release` (classifications and
dates), `countries` and `origins` (who writes about whom), `sentences` (the sentence pools),
`references`, `headers` (the header column), `preamble`, `body` and `layout` (the text),
`shapes` (how the original pages are written) and `chance` (weighted draws). `writing`
writes them as CSV; `vocabulary` holds the words."""

from corpus.generator import Corpus, generate_cables
from corpus.release import FULL_COUNT, class_counts
from corpus.vocabulary import REAL_CLASSIFICATIONS
from corpus.writing import csv_row, write_corpus

__all__ = [
    "FULL_COUNT",
    "REAL_CLASSIFICATIONS",
    "Corpus",
    "class_counts",
    "csv_row",
    "generate_cables",
    "write_corpus",
]
