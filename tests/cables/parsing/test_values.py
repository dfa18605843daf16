"""What a field says: tags, the classifier and the reasons, as real cables write them."""

from __future__ import annotations

import pytest

from cables.parsing.values import parse_classified_by, parse_reasons, reasons_end, split_tags


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("PGOV, PREL, ECON, PINR, ZI, SA", ["PGOV", "PREL", "ECON", "PINR", "ZI", "SA"]),
        ("PREL MARR AF SP NATO", ["PREL", "MARR", "AF", "SP", "NATO"]),
        ("EINV,EFIN, KTFN", ["EINV", "EFIN", "KTFN"]),
        # The original site's tag lists had each word of a person tag, initials left out.
        ("OVIP (STEINBERG, JAMES B.), PREL", ["OVIP", "STEINBERG", "JAMES", "PREL"]),
        ("PREL, PGOV, USEU BRUSSELS", ["PREL", "PGOV", "USEU", "BRUSSELS"]),
        ("mtcre, parm, prel", ["MTCRE", "PARM", "PREL"]),
        ("PREL, PGOV, PREL", ["PREL", "PGOV"]),
        ("PREL, 12958, - ., KV", ["PREL", "KV"]),
    ],
)
def test_split_tags(text: str, tags: list[str]) -> None:
    assert split_tags(text) == tags


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("Ambassador X; reasons 1.4 (b) and (d).", ["1.4(b)", "1.4(d)"]),
        ("X for reasons 1.5 (B) AND (D).", ["1.5(b)", "1.5(d)"]),
        ("Polcounselor X; reasons: E.O. 12958 1.4 (b,d).", ["1.4(b)", "1.4(d)"]),
        ("X for reasons 1.4(b) an d (d).", ["1.4(b)", "1.4(d)"]),
        ("X; reasons 1.5 (B) a nd (D).", ["1.5(b)", "1.5(d)"]),
        ("X, FOR REAS ONS 1.4 B/D", ["1.4(b)", "1.4(d)"]),
        ("X for Reasons 1:4 b,d", ["1.4(b)", "1.4(d)"]),
        ("X for reasons: 1/4 (B), (D), (E), and (G)", ["1.4(b)", "1.4(d)", "1.4(e)", "1.4(g)"]),
        ("DCM Tom Kelly for reasons b, d.", ["1.4(b)", "1.4(d)"]),
        ("Thomas Shannon, Ambassador; REASON: 1.4(D) 1. (C)", ["1.4(d)"]),
        ("ELISSA G. PITTERLE, DIRECTOR, INR/OPS", []),
    ],
)
def test_parse_reasons(text: str, reasons: list[str]) -> None:
    assert parse_reasons(text) == reasons


def test_where_the_reasons_end() -> None:
    text = "Gene A. Cretz, Ambassador. REASON: 1.4 (b), (d) 1. (C/NF) Summary: While"
    assert text[reasons_end(text) :] == "1. (C/NF) Summary: While"
    assert reasons_end("no reasons here") is None


@pytest.mark.parametrize(
    ("text", "classifier"),
    [
        ("Ambassador William J. Burns.  Reasons: 1.4 (b) and (d).", "Ambassador William J. Burns"),
        ("AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).", "AMBASSADOR TOM MCDONALD"),
        ("Classified by Dep. Chief Jones, reasons 1.4 (b)", "Dep. Chief Jones"),
        (
            "POLITICAL MINISTER COUNSELOR JOSIAH ROSENBLATT, FOR REAS ONS 1.4 B/D",
            "POLITICAL MINISTER COUNSELOR JOSIAH ROSENBLATT",
        ),
        ("Ambassador William J. Burns: 1.4 (d).", "Ambassador William J. Burns"),
        (
            "Mary Warlick, Ambassador, State, EXEC; REASON: 1.4(B), (D)",
            "Mary Warlick, Ambassador, State, EXEC",
        ),
    ],
)
def test_parse_classified_by(text: str, classifier: str) -> None:
    assert parse_classified_by(text) == classifier
