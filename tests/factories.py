"""Build cable texts in the tests: the same shape as real cables, with the parts a test needs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from cables.importer import store_cable
from cables.models import Cable
from cables.origins_and_tags import number_new_origins
from cables.parsing import parse_cable
from cables.search import writing


def cable_text(
    reference_id: str = "08STATE1234",
    *,
    created: str = "2008-03-04 12:30",
    released: str = "2011-08-30 01:44",
    classification: str = "CONFIDENTIAL",
    origin: str = "Secretary of State",
    tags: str = "PREL, PGOV, RS",
    subject: str = "RUSSIA: A TEST SUBJECT",
    references: str = "",
    paragraphs: int = 3,
    paragraph_text: str = "The minister said the talks went well.",
    paragraph_texts: list[str] | None = None,
    marking: str = "C",
    signer: str = "RICE",
) -> str:
    """`paragraph_texts` gives each paragraph its own text (and their number) instead of
    `paragraphs` copies of `paragraph_text`."""
    texts = paragraph_texts or [
        f"{paragraph_text} Paragraph {number} ends here." for number in range(1, paragraphs + 1)
    ]
    body = "\n\n".join(
        f"{number}. ({marking}) {text}" for number, text in enumerate(texts, start=1)
    )
    ref_line = f"REF: {references}\n" if references else ""
    return (
        "Reference ID  Created  Released  Classification  Origin\n"
        f"{reference_id}  {created}  {released}  {classification}  {origin}\n\n"
        "VZCZCXRO1234\n"
        "OO RUEHC\n"
        "DE RUEHC #1234/01 0641230\n"
        "ZNY CCCCC ZZH\n"
        "O 041230Z MAR 08\n"
        "FM SECSTATE WASHDC\n"
        "TO RUEHMO/AMEMBASSY MOSCOW IMMEDIATE 0001\n"
        "INFO RUEHBJ/AMEMBASSY BEIJING PRIORITY 0002\n\n"
        "C O N F I D E N T I A L STATE 001234\n\n"
        "SIPDIS\n\n"
        "E.O. 12958: DECL: 03/04/2018\n"
        f"TAGS: {tags}\n"
        f"SUBJECT: {subject}\n"
        f"{ref_line}\n"
        "Classified By: EUR DAS Jane Doe.  Reasons: 1.4 (b) and (d).\n\n"
        f"{body}\n\n"
        f"{signer}\n"
    )


# Whether make_cable indexes what it stores (the `search_index` fixture turns it on).
INDEXING = False
# Within `indexed_together`, the ids of the cables made, indexed at its end.
_made: list[int] | None = None


def make_cable(reference_id: str = "08STATE1234", **options) -> Cable:
    text = cable_text(reference_id, **options)
    store_cable(parse_cable(text), source_text=text, index=INDEXING and _made is None)
    number_new_origins()
    cable = Cable.objects.get(reference_id=reference_id)
    if _made is not None:
        _made.append(cable.pk)
    return cable


@contextmanager
def indexed_together() -> Iterator[None]:
    """The cables made within are indexed in one commit at the end (where INDEXING), as
    import_cables indexes a batch: a commit of the index costs about 10 ms."""
    global _made
    outer, _made = _made, []
    try:
        yield
        if INDEXING:
            writing.index_cables(_made)
    finally:
        _made = outer


def make_cables(
    count: int, *, prefix: str = "09STATE", first: int = 1000, **options
) -> list[Cable]:
    """`count` cables alike but for their IDs: prefix1000, prefix1001, ... (sorting as numbers)."""
    with indexed_together():
        return [make_cable(f"{prefix}{first + number}", **options) for number in range(count)]
