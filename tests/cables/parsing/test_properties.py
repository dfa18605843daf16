"""Properties of the parser over texts it has never seen (hypothesis).

- Any text gives a `ParsedCable` or a `CableParseError`, nothing else.
- Wrapping the fields of a cable's opening at another width does not change its subject,
  tags or references: cables were wrapped at 69 columns, reposts at anything.
"""

from __future__ import annotations

import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cables.parsing import CableParseError, ParsedCable, parse_cable

# Pieces of real cables, so that the texts drawn reach the parser's deeper branches.
PIECES = [
    "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000601",
    "UNCLAS SECTION 01 OF 05 KABUL 003934",
    "SIPDIS",
    "NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH",
    "Wednesday, 29 November 2000, 13:59",
    "E.O. 12958: DECL: 02/06/2017",
    "EO 12958 DECL: 11/29/10 TAGS PGOV, PREL",
    "TAGS: PREL, PGOV, OVIP (STEINBERG, JAMES B.)",
    "SUBJECT: RUSSIA-JAPAN: TOO EARLY FOR A THAW",
    "REF: A. 06 MOSCOW 12345 B. STATE 67890",
    "(C) SECSTATE",
    "36633",
    "Classified By: Ambassador William J. Burns.  Reasons: 1.4 (b/d).",
    "CLASSIFIED BY: X; REASON: 1.4(D) 1. (C)",
    "PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER",
    "MOSCOW 00000601  002 OF 002",
    " CONFIDENTIAL",
    "INFO  LOG-00   NP-00    AID-00",
    "1. (C) Summary: The talks stalled.",
    "2. (S//NF) End Summary.",
    "3) a list item",
    "2001. Another idea was",
    "-------",
    "Strategic Dialogue:  Different Agendas",
    "1. (C - ENTIRE TEXT).",
    "BURNS",
    "",
]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=40).map("\n".join),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_a_cable_or_a_parse_error(text: str) -> None:
    try:
        cable = parse_cable(text)
    except CableParseError:
        return
    assert isinstance(cable, ParsedCable)


# --- re-wrapping -------------------------------------------------------------------------

SUBJECT_WORDS = """RUSSIA JAPAN TALKS: MINISTER AMBASSADOR MEETS WITH THE ON AND OF FOREIGN
POLICY ENERGY, GAS PIPELINE OPPOSITION LEADER U.S.-EU DEMARCHE CODEL VISIT (PART I)
XXXXXXXXXXXX 'CREATIVE' "DIPLOMACY" SECURITY; IRAN'S"""
WORDS = st.sampled_from(SUBJECT_WORDS.split())
TAG_NAMES = "PREL PGOV ECON PINR ETRD KNNP MARR RS JA ZI SA IR AF"
TAGS = st.sampled_from(TAG_NAMES.split())
ORIGINS = st.sampled_from(["MOSCOW", "STATE", "RIO DE JANEIRO", "USUN NEW YORK", "TOKYO"])
REFERENCE = st.tuples(st.sampled_from(["", "06 ", "2005 "]), ORIGINS, st.integers(1, 999999))


def wrapped(label: str, value: str, width: int) -> str:
    return textwrap.fill(f"{label} {value}", width=width, break_on_hyphens=False)


@settings(max_examples=150, deadline=None)
@given(
    subject=st.lists(WORDS, min_size=1, max_size=25),
    tags=st.lists(TAGS, min_size=1, max_size=12, unique=True),
    references=st.lists(REFERENCE, max_size=5),
    width=st.integers(min_value=20, max_value=120),
)
def test_rewrapping_keeps_subject_tags_and_references(subject, tags, references, width) -> None:
    letters = "ABCDEFGHIJ"
    ref_text = " ".join(
        f"{letters[index]}. {year}{origin} {serial}"
        for index, (year, origin, serial) in enumerate(references)
    )
    opening = [
        "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000601",
        "",
        "SIPDIS",
        "",
        "E.O. 12958: DECL: 02/06/2017",
        wrapped("TAGS:", ", ".join(tags), width),
        wrapped("SUBJECT:", " ".join(subject), width),
        "",
    ]
    if references:
        opening += [wrapped("REF:", ref_text, width), ""]
    text = "\n".join(
        [
            "R 121030Z MAR 07",
            "FM AMEMBASSY MOSCOW",
            "",
            *opening,
            "Classified By: Ambassador William J. Burns.  Reasons: 1.4 (b/d).",
            "",
            "1. (C) The talks went well.",
        ]
    )
    cable = parse_cable(text)
    assert cable.subject == " ".join(subject)
    assert cable.tags == tags
    expected = []
    for year, origin, serial in references:
        written = year.strip()
        reference = f"{written[-2:] if written else '07'}{origin.replace(' ', '')}{serial}"
        if reference not in expected:
            expected.append(reference)
    assert cable.references == expected
