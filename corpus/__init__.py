"""The synthetic corpus: `write_corpus(stream, count, seed)` writes cables.csv rows that
`import_cables` reads. `generator` builds the cables; `vocabulary` holds the words."""

from corpus.generator import (
    FULL_COUNT,
    Corpus,
    class_counts,
    csv_row,
    generate_cables,
    write_corpus,
)
from corpus.vocabulary import REAL_CLASSIFICATIONS

__all__ = [
    "FULL_COUNT",
    "REAL_CLASSIFICATIONS",
    "Corpus",
    "class_counts",
    "csv_row",
    "generate_cables",
    "write_corpus",
]
