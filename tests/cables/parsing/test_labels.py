"""The labels of the preamble's fields, at the start of a line or glued inside one."""

from __future__ import annotations

import pytest

from cables.parsing.labels import label_at_start, split_labels


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("TAGS: PREL, PGOV", "tags"),
        ("TAGS PGOV, PREL, ECON", "tags"),
        ("Tags: prel", "tags"),
        ("TAGE: PREL", "tags"),
        ("SUBJECT: RUSSIA", "subject"),
        ("SUBJ: RUSSIA", "subject"),
        ("Subject: Ambassador's call", "subject"),
        ("REF: STATE 1234", "ref"),
        ("REFTEL: HARARE 6584", "ref"),
        ("REFS: A. STATE 1", "ref"),
        ("E.O. 12958: DECL: 02/06/2017", "eo"),
        ("EO 12958 DECL: 11/29/10", "eo"),
        ("E.0. 12958: N/A", "eo"),
        ("DECL: 02/06/2017", "eo"),
        ("Classified By: Ambassador William J. Burns", "classified"),
        ("CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B)", "classified"),
        ("(U) Classified by Polcounselor John Kunstadter", "classified"),
        ("CLASSIFED BY: DCM X", "classified"),
        ("DERIVED FROM: DSCG 05-1 B, D", "derived"),
    ],
)
def test_labels_at_the_start(line: str, kind: str) -> None:
    found = label_at_start(line)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(
    "line",
    [
        "Subject to change without notice.",
        "Tags were found on all of the vehicles.",
        "References available on request.",
        "Classified ads for sale.",
        "STATE FOR NEA/ARP",
        "S/S-O PLEASE PASS NEA A/S BURNS",
    ],
)
def test_prose_and_addressing_lines_have_no_label(line: str) -> None:
    assert label_at_start(line) is None


@pytest.mark.parametrize(
    ("line", "segments"),
    [
        (
            "E.O. 12958: DECL: 11/29/10 TAGS: PGOV PREL",
            [("eo", "DECL: 11/29/10 "), ("tags", "PGOV PREL")],
        ),
        (
            "EO 12958 DECL: 11/29/10 TAGS PGOV, PREL",
            [("eo", "DECL: 11/29/10 "), ("tags", "PGOV, PREL")],
        ),
        (
            "DEPT FOR WHA/BSC E.O. 12958: DECL: 11/22/2012",
            [(None, "DEPT FOR WHA/BSC "), ("eo", "DECL: 11/22/2012")],
        ),
        (
            "REF: A. STATE 183800 B. BRASILIA 1396 Classified By: Political Officer Ojikutu",
            [
                ("ref", "A. STATE 183800 B. BRASILIA 1396 "),
                ("classified", "Political Officer Ojikutu"),
            ],
        ),
        (
            "REF: STATE 6461  PLEASE PASS TO RSO.  Classified by S/CT DAS, Susan F. Burk",
            [
                ("ref", "STATE 6461  PLEASE PASS TO RSO.  "),
                ("classified", "S/CT DAS, Susan F. Burk"),
            ],
        ),
        # The order the reasons cite is part of them, not an E.O. line.
        (
            "Classified by John Kunstadter; reasons: E.O. 12958 1.4 (b,d).",
            [("classified", "John Kunstadter; reasons: E.O. 12958 1.4 (b,d).")],
        ),
        # A label that repeats its own kind is part of the value.
        ("REF: REF (A) MADRID 3785", [("ref", "REF (A) MADRID 3785")]),
        ("STATE FOR NEA/ARP", [(None, "STATE FOR NEA/ARP")]),
    ],
)
def test_split_labels(line: str, segments: list[tuple[str | None, str]]) -> None:
    assert [(segment.kind, segment.value) for segment in split_labels(line)] == segments


def test_segments_say_where_their_values_begin() -> None:
    line = "E.O. 12958: DECL: 11/29/10 TAGS: PGOV PREL"
    for segment in split_labels(line):
        assert line[segment.start : segment.start + len(segment.value)] == segment.value
