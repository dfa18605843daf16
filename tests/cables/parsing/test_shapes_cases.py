"""Classification banners and captions as real cables write them."""

from __future__ import annotations

import pytest

from tests.cables.parsing.cases import DTG_2008, case, check

BANNER_CASES = [
    case(
        "caption-sipdis",
        """
        C O N F I D E N T I A L MOSCOW 000601

        SIPDIS

        E.O. 12958: DECL: 02/06/2017
        """,
        captions=["SIPDIS"],
        classification="CONFIDENTIAL",
    ),
    case(
        "caption-noforn-makes-the-class-noforn",
        """
        S E C R E T SECTION 01 OF 03 BAGHDAD 001234

        NOFORN
        SIPDIS
        """,
        captions=["NOFORN", "SIPDIS"],
        classification="SECRET//NOFORN",
    ),
    case(
        "caption-nodis",
        """
        S E C R E T STATE 012345

        NODIS
        SIPDIS
        """,
        captions=["NODIS", "SIPDIS"],
        classification="SECRET",
    ),
    case(
        "caption-exdis",
        """
        C O N F I D E N T I A L SECTION 01 OF 02 ANKARA 000412

        EXDIS
        SIPDIS
        """,
        captions=["EXDIS", "SIPDIS"],
    ),
    case(
        "caption-limdis",
        """
        C O N F I D E N T I A L TEL AVIV 002210

        LIMDIS
        """,
        captions=["LIMDIS"],
    ),
    case(
        "caption-rel-nato",
        """
        S E C R E T USNATO 000123

        SIPDIS
        REL NATO
        """,
        captions=["SIPDIS", "REL NATO"],
    ),
    case(
        "caption-rel-to-country-list-as-written",
        """
        C O N F I D E N T I A L KABUL 001234

        REL TO USA, AUS, CAN, GBR, NZL
        SIPDIS
        """,
        captions=["REL TO USA, AUS, CAN, GBR, NZL", "SIPDIS"],
    ),
    case(
        "caption-efto-in-banner",
        "UNCLAS E F T O SECTION 01 OF 02 STATE 012345",
        captions=["EFTO"],
        classification="UNCLASSIFIED",
    ),
    case(
        "caption-noforn-in-metadata-classification",
        """
        Reference ID Created Released Classification Origin
        09ISLAMABAD2295 2009-09-23 13:05 2010-11-30 16:30 SECRET//NOFORN Embassy Islamabad
        """,
        captions=["NOFORN"],
    ),
    case(
        "banner-plain-word",
        """
        CONFIDENTIAL MOSCOW 000601

        SIPDIS
        """,
        classification="CONFIDENTIAL",
        captions=["SIPDIS"],
    ),
    case(
        "banner-unclas-sensitive-is-fouo",
        """
        UNCLAS SECTION 01 OF 03 MEXICO 003377

        SENSITIVE
        SIPDIS
        """,
        classification="UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        captions=["SENSITIVE", "SIPDIS"],
    ),
    case(
        "banner-limited-official-use-is-fouo",
        "LIMITED OFFICIAL USE MOSCOW 001234",
        classification="UNCLASSIFIED//FOR OFFICIAL USE ONLY",
    ),
    case(
        "banner-gives-reference-id-with-the-dtg-year",
        """
        O 091554Z FEB 07

        C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000601
        """,
        reference_id="07MOSCOW601",
    ),
    case(
        "banner-multi-word-origin",
        DTG_2008 + "\nUNCLAS RIO DE JANEIRO 000112",
        reference_id="08RIODEJANEIRO112",
        classification="UNCLASSIFIED",
    ),
    case(
        "banner-multi-word-origin-with-section",
        DTG_2008 + "\nC O N F I D E N T I A L SECTION 02 OF 03 LA PAZ 001234",
        reference_id="08LAPAZ1234",
    ),
    case(
        "banner-metadata-reference-id-wins",
        """
        Reference ID Created Released Classification Origin
        07MOSCOW601 2007-02-09 15:54 2011-08-30 01:44 CONFIDENTIAL Embassy Moscow

        C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000599
        """,
        reference_id="07MOSCOW601",
    ),
    case(
        "banner-kept-in-preamble-as-written",
        """
        S E C R E T SECTION 01 OF 02 KABUL 000456

        SIPDIS

        E.O. 12958: DECL: 03/01/2019
        TAGS: PREL, AF
        """,
        preamble="S E C R E T SECTION 01 OF 02 KABUL 000456\n\nSIPDIS\n\n"
        "E.O. 12958: DECL: 03/01/2019\nTAGS: PREL, AF",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [*BANNER_CASES])
def test_case(text, expected) -> None:
    check(text, expected)
