"""REF lists: the cables they cite, canonical, and what else they cite, as written. The lists
are those of real cables (the page named)."""

from __future__ import annotations

import pytest

from cables.parsing.references import normalize_reference_id, parse_references


@pytest.mark.parametrize(
    ("text", "year", "cables", "others"),
    [
        (  # 04MADRID3914: lettered 'A)', an e-mail cut by a blank line
            "A) MADRID 3552 B) BRUSSELS 4080 C) SAINZ E-MAIL OF 10/6 D) STATE 215870",
            2004,
            ["04MADRID3552", "04BRUSSELS4080", "04STATE215870"],
            ["SAINZ E-MAIL OF 10/6"],
        ),
        (  # 04RANGOON88: 'AND PREVIOUS', a two-digit year in the middle
            "STATE 297614 AND PREVIOUS 03 RANGOON 1427",
            2004,
            ["04STATE297614", "03RANGOON1427"],
            [],
        ),
        (  # 05MADRID4026: the label repeated, SECSTATE for STATE
            "REF (A) MADRID 3785 (B) MADRID 3566 (C) SECSTATE 36633",
            2005,
            ["05MADRID3785", "05MADRID3566", "05STATE36633"],
            [],
        ),
        (  # 05MADRID1178: a letter written twice, 'A. A)'
            "A. A) SECSTATE 52920 B. B) HALL - MANZANARES E-MAIL OF 3/23",
            2005,
            ["05STATE52920"],
            ["HALL - MANZANARES E-MAIL OF 3/23"],
        ),
        (  # 06CARACAS219: reports that are not cables
            "A. A: HAVANA 00118 B. B: HAVANA 00697 C. C: TD-314/63777-05 LIMITED DISTRIBUTION "
            "D. D: IIR 6 902 9698 06",
            2006,
            ["06HAVANA118", "06HAVANA697"],
            ["TD-314/63777-05 LIMITED DISTRIBUTION", "IIR 6 902 9698 06"],
        ),
        (  # 09STATE37561: a date glued to the serial by dashes
            "A. 08 KIGALI 00830--05/DEC/2008 B. 08 STATE 122706--19/NOV/2008",
            2009,
            ["08KIGALI830", "08STATE122706"],
            [],
        ),
        (  # 10RIYADH184: the year glued to the origin
            "A. 09DHAHRAN 201 B. 09RIYADH 1302",
            2010,
            ["09DHAHRAN201", "09RIYADH1302"],
            [],
        ),
        (  # 66BUENOSAIRES2481: a circular, then something else after a semicolon
            "STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966",
            1966,
            ["66STATE106206"],
            ["STATE CA-3400 NOV 2, 1966"],
        ),
        (  # multi-word origins, four-digit years
            "A. 2005 RIO DE JANEIRO 138 B. USUN NEW YORK 512 C. 2008 SAO PAULO 260",
            2009,
            ["05RIODEJANEIRO138", "09USUNNEWYORK512", "08SAOPAULO260"],
            [],
        ),
        (  # mixed case, semicolons
            "A) State 11501; B) 09 Tripoli 753; C) 09 Tripoli 960",
            2010,
            ["10STATE11501", "09TRIPOLI753", "09TRIPOLI960"],
            [],
        ),
        (  # origins whose names hold 'THE' or 'OF'
            "A. THE HAGUE 24 B. 98 PORT OF SPAIN 6773 C. HAGUE 19",
            2007,
            ["07THEHAGUE24", "98PORTOFSPAIN6773", "07THEHAGUE19"],
            [],
        ),
        ("SECDEF MSG DTG 301601Z SEP 08", 2008, [], ["SECDEF MSG DTG 301601Z SEP 08"]),
        ("OSC CPP20071019968173", 2007, [], ["OSC CPP20071019968173"]),
        ("10 AUGUST 2008 U.S. NON PAPER", 2009, [], ["10 AUGUST 2008 U.S. NON PAPER"]),
        ("NONE", 2006, [], []),
        ("WASHINGTON D.C. MEETING", 2006, [], ["WASHINGTON D.C. MEETING"]),
    ],
)
def test_parse_references(text: str, year: int, cables: list[str], others: list[str]) -> None:
    assert parse_references(text, year=year) == (cables, others)


def test_without_a_year_a_reference_is_kept_as_written() -> None:
    assert parse_references("MOSCOW 1234", year=None) == ([], ["MOSCOW 1234"])


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("07MOSCOW601", "07MOSCOW601"),
        ("07moscow601", "07MOSCOW601"),
        ("O7MOSCOW601", "07MOSCOW601"),
        ("07 MOSCOW 601", "07MOSCOW601"),
        ("07MOSCOW601SECTION01OF02", "07MOSCOW601"),
        ("07STATE135205.", "07STATE135205"),
    ],
)
def test_normalize_reference_id(written: str, canonical: str) -> None:
    assert normalize_reference_id(written) == canonical
