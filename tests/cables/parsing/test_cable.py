"""parse_cable end to end: the seed cable (a blog repost of 07MOSCOW601), a full synthetic
cable with every header part, and garbled input that must only ever give a ParsedCable or a
CableParseError. No Django needed."""

from __future__ import annotations

import random
import textwrap
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cables.parsing import CableParseError, ParsedCable, ParsedParagraph, parse_cable
from cables.readers import read_text

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_109c0dc381017bfb.txt"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return read_text(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed(seed_text: str) -> ParsedCable:
    return parse_cable(seed_text)


# --- the seed -------------------------------------------------------------------------------


def test_seed_metadata(seed: ParsedCable) -> None:
    assert seed.reference_id == "07MOSCOW601"
    assert seed.created == datetime(2007, 2, 9, 15, 54, tzinfo=UTC)
    assert seed.released == datetime(2011, 8, 30, 1, 44, tzinfo=UTC)
    assert seed.classification == "CONFIDENTIAL"
    assert seed.origin == "Embassy Moscow"


def test_seed_header(seed: ParsedCable) -> None:
    assert seed.header == "DE RUEHMO #0601/01 0401554\nO 091554Z FEB 07"
    assert seed.precedence == "O"
    assert seed.date_time_group == datetime(2007, 2, 9, 15, 54, tzinfo=UTC)
    assert seed.transmission_id is None
    assert seed.sender is None
    assert seed.recipients == []
    assert seed.info_recipients == []


def test_seed_preamble(seed: ParsedCable) -> None:
    assert seed.preamble == (
        "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000601\n"
        "E.O. 12958: DECL: 02/06/2017\n"
        "Classified By: Ambassador William J. Burns.  Reasons: 1,4 (B/D)."
    )
    assert seed.declassify_on == date(2017, 2, 6)
    assert seed.classified_by == "Ambassador William J. Burns"
    assert seed.classification_reasons == ["1.4(b)", "1.4(d)"]
    # The repost has no TAGS, SUBJECT or REF lines: absent, not invented.
    assert seed.tags == []
    assert seed.subject is None
    assert seed.references == []
    assert seed.other_references == []
    assert seed.captions == []


def test_seed_paragraphs(seed: ParsedCable) -> None:
    assert [paragraph.number for paragraph in seed.paragraphs] == list(range(1, 11))
    assert {paragraph.marking for paragraph in seed.paragraphs} == {"C"}
    headings = {p.number: p.heading for p in seed.paragraphs if p.heading}
    assert headings == {
        2: 'FM Aso\'s Remarks: "Creative"',
        6: "Strategic Dialogue:  Different Agendas",
        7: "Missed Opportunity?",
    }
    assert seed.signer is None


def test_seed_paragraph_text_keeps_the_wording(seed: ParsedCable) -> None:
    first, second, third = seed.paragraphs[:3]
    assert first.text.startswith("Summary.  Despite growing economic ties and a newly launched")
    assert first.text.endswith("presidential elections here in 2008.  End summary.")
    assert second.text == (
        "During a February 5 meeting with the Ambassador, newly appointed Deputy Foreign "
        "Minister for Asia Aleksandr Losyukov reacted to FM Aso's Diet comments in "
        "mid-December about dividing the disputed islands based on acreage by politely "
        'labeling such ideas as "creative."'
    )
    # The list items keep their own lines; the running text after them is one line again.
    assert third.text.split("\n") == [
        "The Head of the MFA's Japan Desk Aleksandr Iliyshev dismissed Aso's remarks for the "
        "following reasons:",
        "--  the MFA does not believe that Japan will change its official position;",
        "--  a mathematical formula, no matter how sophisticated, cannot solve a political "
        "problem.",
        third.text.split("\n")[3],
    ]
    assert third.text.split("\n")[3].startswith("Iliyshev maintained that the territorial")


def test_seed_word_broken_by_the_repost_is_rejoined(seed: ParsedCable) -> None:
    seventh = seed.paragraphs[6]
    assert 'talk about resolving the dispute either "now or never" since the Brezhnev era' in (
        seventh.text
    )
    assert "dis pute" not in seventh.text


def test_seed_page_break_is_not_text(seed: ParsedCable) -> None:
    for paragraph in seed.paragraphs:
        assert "002 OF 002" not in paragraph.text
        assert "002 OF 002" not in (paragraph.heading or "")
        assert "\n\n" not in paragraph.text
    assert seed.paragraphs[5].text.endswith('about the "common interests" of the two')
    assert seed.paragraphs[6].text.startswith("Many Russian experts thought that Japan")


def test_seed_doubled_quotes_are_undone(seed: ParsedCable) -> None:
    for paragraph in seed.paragraphs:
        assert '""' not in paragraph.text
    assert '"it is difficult to imagine a solution."' in seed.paragraphs[2].text


def test_seed_summary(seed: ParsedCable) -> None:
    assert seed.summary == (
        "Despite growing economic ties and a newly launched strategic dialogue, improvements "
        "in Russian-Japanese bilateral relations will likely continue to move at a glacial "
        "pace.  The disputed Kurile Islands remain a sticking point; oil-rich and confident "
        "Russians see little gain in making concessions to Japan on this politically-charged "
        "issue.  We doubt that much progress toward real improvement in Russian-Japanese "
        "relations is possible in the run-up to presidential elections here in 2008."
    )


def test_seed_page_chrome_is_not_text(seed: ParsedCable) -> None:
    everything = "\n".join(p.text for p in seed.paragraphs) + seed.header + seed.preamble
    for chrome in ("WikiLeaks Link", "WikiSource", "Post a comment", "Leave a Reply", "bloggers"):
        assert chrome not in everything


# --- a full cable with every part ------------------------------------------------------------

FULL_CABLE = textwrap.dedent(
    """
    Reference ID  Created  Released  Classification  Origin
    09RIODEJANEIRO123  2009-04-14 19:05  2011-08-30 01:44  SECRET//NOFORN  Consulate Rio De Janeiro

    VZCZCXRO4321
    OO RUEHRG
    DE RUEHRI #0123/01 1041905
    ZNY SSSSS ZZH
    O 141905Z APR 09
    FM AMCONSUL RIO DE JANEIRO
    TO RUEHC/SECSTATE WASHDC IMMEDIATE 4567
    RUEHBR/AMEMBASSY BRASILIA PRIORITY 8901
    INFO RUEHSO/AMCONSUL SAO PAULO 2345
    RUEHRG/AMCONSUL RECIFE 0678
    RHEHNSC/NSC WASHDC

    S E C R E T SECTION 01 OF 02 RIO DE JANEIRO 000123

    NOFORN
    SIPDIS

    E.O. 12958: DECL: 04/14/2019
    TAGS: PGOV, PREL, SNAR, ASEC, BR,
          OVIP (LULA DA SILVA, LUIZ INACIO)
    SUBJECT: (S) BRAZIL: RIO STATE GOVERNOR SEEKS FEDERAL HELP
    AGAINST FAVELA MILITIAS
    REF: A. RIO DE JANEIRO 98 B. 08 BRASILIA 1567 (NOTAL)
         C. EMAIL FROM WHA/BSC, APRIL 2, 2009
    Classified By: Consul General Dennis Hearne for reasons 1.4 (b)
    and (d).

    1. (S/NF) Summary: Rio de Janeiro Governor Sergio Cabral told the
    Consul General on April 9 that the state cannot dislodge the
    militias without federal troops.  End Summary.

    Militias on the Rise
    --------------------
    2. (C) Cabral said the militias now control more favelas than the
    drug factions.  He named three problems:
    -- police officers who moonlight for the militias;
    -- judges who fear for their families;
    -- councilmen elected with militia money.

    3. (S/NF) A police contact told poloff that the state's intelligence
    RIO DE JANE 00000123  002 OF 002
    unit has identified the militia leaders but lacks the men to act.

    4. (U) Comment: Post will follow up with the Ministry of Justice.

    HEARNE
    """
).strip("\n")


def test_full_cable_metadata_and_header() -> None:
    cable = parse_cable(FULL_CABLE)
    assert cable.reference_id == "09RIODEJANEIRO123"
    assert cable.created == datetime(2009, 4, 14, 19, 5, tzinfo=UTC)
    assert cable.released == datetime(2011, 8, 30, 1, 44, tzinfo=UTC)
    assert cable.classification == "SECRET//NOFORN"
    assert cable.origin == "Consulate Rio De Janeiro"
    assert cable.transmission_id == "VZCZCXRO4321"
    assert cable.precedence == "O"
    assert cable.date_time_group == datetime(2009, 4, 14, 19, 5, tzinfo=UTC)
    assert cable.sender == "AMCONSUL RIO DE JANEIRO"
    assert cable.recipients == ["SECSTATE WASHDC", "AMEMBASSY BRASILIA"]
    assert cable.info_recipients == ["AMCONSUL SAO PAULO", "AMCONSUL RECIFE", "NSC WASHDC"]
    assert cable.header.startswith("VZCZCXRO4321\nOO RUEHRG\nDE RUEHRI #0123/01 1041905\n")
    assert cable.header.endswith("RHEHNSC/NSC WASHDC")


def test_full_cable_preamble() -> None:
    cable = parse_cable(FULL_CABLE)
    assert cable.captions == ["NOFORN", "SIPDIS"]
    assert cable.declassify_on == date(2019, 4, 14)
    assert cable.tags == [
        *("PGOV", "PREL", "SNAR", "ASEC", "BR", "OVIP"),
        *("LULA", "DA", "SILVA", "LUIZ", "INACIO"),
    ]
    assert cable.subject == "BRAZIL: RIO STATE GOVERNOR SEEKS FEDERAL HELP AGAINST FAVELA MILITIAS"
    assert cable.references == ["09RIODEJANEIRO98", "08BRASILIA1567"]
    assert cable.other_references == ["EMAIL FROM WHA/BSC, APRIL 2, 2009"]
    assert cable.classified_by == "Consul General Dennis Hearne"
    assert cable.classification_reasons == ["1.4(b)", "1.4(d)"]
    assert cable.preamble.startswith("S E C R E T SECTION 01 OF 02 RIO DE JANEIRO 000123\n")
    assert cable.preamble.endswith(
        "Classified By: Consul General Dennis Hearne for reasons 1.4 (b)\nand (d)."
    )


def test_full_cable_body() -> None:
    cable = parse_cable(FULL_CABLE)
    assert cable.paragraphs == [
        ParsedParagraph(
            1,
            "S/NF",
            None,
            "Summary: Rio de Janeiro Governor Sergio Cabral told the Consul General on April 9 "
            "that the state cannot dislodge the militias without federal troops.  End Summary.",
        ),
        ParsedParagraph(
            2,
            "C",
            "Militias on the Rise",
            "Cabral said the militias now control more favelas than the drug factions.  He "
            "named three problems:\n-- police officers who moonlight for the militias;\n"
            "-- judges who fear for their families;\n-- councilmen elected with militia money.",
        ),
        ParsedParagraph(
            3,
            "S/NF",
            None,
            "A police contact told poloff that the state's intelligence unit has identified "
            "the militia leaders but lacks the men to act.",
        ),
        ParsedParagraph(4, "U", None, "Comment: Post will follow up with the Ministry of Justice."),
    ]
    assert cable.signer == "HEARNE"
    assert cable.summary == (
        "Rio de Janeiro Governor Sergio Cabral told the Consul General on April 9 that the "
        "state cannot dislodge the militias without federal troops."
    )


# --- garbled input ---------------------------------------------------------------------------

CABLE_PIECES = [
    "TAGS:",
    "SUBJECT:",
    "REF: A.",
    "1. (C)",
    "(S//NF)",
    "SECTION 01 OF 02",
    "MOSCOW 00000601  002 OF 002",
    "E.O. 12958: DECL:",
    "Classified By:",
    "Reasons: 1.4 (b)",
    "O 091554Z FEB 07",
    "FM AMEMBASSY",
    "TO RUEHC/",
    "C O N F I D E N T I A L",
    "End Summary.",
    "Summary:",
    "--",
    "(",
    ")",
    "/",
    "\n",
    "\n\n",
    "  ",
    "07MOSCOW601",
    "Reference ID Created Released Classification Origin",
    "2007-02-09 15:54",
    "OVIP (",
    "\u00b6",
    "\x00",
]


def garbled_inputs(seed_text: str, count: int) -> list[str]:
    rng = random.Random(20101128)
    lines = seed_text.split("\n")
    words = seed_text.split()
    makers = [
        lambda: seed_text[rng.randrange(len(seed_text)) :][: rng.randrange(1, 3000)],
        lambda: "\n".join(rng.sample(lines, k=rng.randrange(1, len(lines)))),
        lambda: " ".join(rng.choices(words, k=rng.randrange(1, 200))),
        lambda: "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(0, 300))),
        lambda: "".join(chr(rng.randrange(0x20, 0x7F)) for _ in range(rng.randrange(0, 300))),
        lambda: "".join(rng.choices(CABLE_PIECES, k=rng.randrange(1, 60))),
        lambda: " ".join(rng.choices(CABLE_PIECES + words[:200], k=rng.randrange(1, 120))),
        lambda: seed_text.replace(rng.choice(words), rng.choice(CABLE_PIECES)),
    ]
    return [rng.choice(makers)() for _ in range(count)]


def test_garbled_text_gives_a_cable_or_a_parse_error_and_nothing_else(seed_text: str) -> None:
    outcomes = {"parsed": 0, "refused": 0}
    for text in garbled_inputs(seed_text, 3000):
        try:
            cable = parse_cable(text)
        except CableParseError as error:
            assert str(error)
            outcomes["refused"] += 1
            continue
        assert isinstance(cable, ParsedCable)
        assert all(tag == tag.upper() for tag in cable.tags)
        assert len(cable.tags) == len(set(cable.tags))
        assert cable.subject is None or "\n" not in cable.subject
        assert all(isinstance(paragraph, ParsedParagraph) for paragraph in cable.paragraphs)
        outcomes["parsed"] += 1
    # Both branches ran: the garbling neither always breaks the cable nor never does.
    assert outcomes["parsed"] > 100
    assert outcomes["refused"] > 100


@pytest.mark.parametrize(
    "line",
    [
        "SECRET " + "AB 12 " * 40 + "x",
        "CONFIDENTIAL " + "MOSCOW 000601 " * 30 + "lower",
        "C O N F I D E N T I A L " + "SECTION 01 OF 02 " * 30 + "?",
        "U N C L A S " + "E F T O " * 50 + "!",
    ],
    ids=["banner-words-and-numbers", "banner-serials", "banner-sections", "banner-efto"],
)
def test_long_lines_of_capitals_parse_quickly(line: str) -> None:
    # These once sent the banner regex into backtracking that ran for minutes.
    started = time.perf_counter()
    with pytest.raises(CableParseError):
        parse_cable(line)
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("value", [None, 601, b"07MOSCOW601", ["TAGS: PREL"]])
def test_not_text_at_all_is_a_parse_error(value: object) -> None:
    with pytest.raises(CableParseError, match="expected cable text"):
        parse_cable(value)  # type: ignore[arg-type]


def test_classified_by_written_in_the_first_paragraph() -> None:
    cable = parse_cable(
        textwrap.dedent(
            """
            C O N F I D E N T I A L HARARE 001234

            SIPDIS

            E.O. 12958: DECL: 11/29/10
            TAGS: PGOV, PREL
            SUBJECT: A SUBJECT

            1. (U) Classified by Ambassador Tom McDonald for reasons 1.5 (B) and (D).

            2. (C) The talks went well.
            """
        )
    )
    assert cable.classified_by == "Ambassador Tom McDonald"
    assert cable.classification_reasons == ["1.5(b)", "1.5(d)"]
