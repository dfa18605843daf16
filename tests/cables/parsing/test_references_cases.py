"""REF lines as real cables write them."""

from __future__ import annotations

import pytest

from tests.cables.parsing.cases import DTG_2008, case, check, dated

REF_CASES = [
    case(
        "ref-lettered-dot-two-digit-years",
        DTG_2008 + "REF: A. 07 MOSCOW 5678 B. 08 STATE 12345",
        references=["07MOSCOW5678", "08STATE12345"],
        other_references=[],
    ),
    case(
        "ref-lettered-closing-paren",
        DTG_2008 + "REF: A) 07 MOSCOW 5678 B) 07 MOSCOW 5901",
        references=["07MOSCOW5678", "07MOSCOW5901"],
    ),
    case(
        "ref-lettered-in-parentheses",
        DTG_2008 + "REF: (A) 07 MOSCOW 5678 (B) 08 MOSCOW 120",
        references=["07MOSCOW5678", "08MOSCOW120"],
    ),
    case(
        "ref-four-digit-years",
        DTG_2008 + "REF: A. 2007 MOSCOW 5678 B. 2008 STATE 12345",
        references=["07MOSCOW5678", "08STATE12345"],
    ),
    case(
        "ref-without-year-takes-the-cables-year",
        DTG_2008 + "REF: MOSCOW 1234",
        references=["08MOSCOW1234"],
    ),
    case(
        "ref-lettered-without-years",
        DTG_2008 + "REF: A. STATE 23456 B. MOSCOW 987",
        references=["08STATE23456", "08MOSCOW987"],
    ),
    case(
        "ref-without-year-in-undated-fragment-kept-as-written",
        "REF: STATE 23456",
        references=[],
        other_references=["STATE 23456"],
    ),
    case(
        "ref-year-from-metadata-created",
        """
        Reference ID  Created  Released  Classification  Origin
        09KABUL100  2009-01-15 08:30  2011-08-30 01:44  SECRET  Embassy Kabul

        REF: KABUL 45
        """,
        references=["09KABUL45"],
    ),
    case(
        "ref-continued-on-following-lines",
        dated(
            """
            REF: A. 07 MOSCOW 5678
                 B. 07 MOSCOW 5901
                 C. 08 STATE 1234
            """
        ),
        references=["07MOSCOW5678", "07MOSCOW5901", "08STATE1234"],
    ),
    case(
        "ref-page-break-between-items",
        dated(
            """
            REF: A. 07 MOSCOW 5678 B. 07 MOSCOW 5901
            MOSCOW 00001234  002 OF 003
            C. 08 STATE 1234
            """
        ),
        references=["07MOSCOW5678", "07MOSCOW5901", "08STATE1234"],
    ),
    case(
        "ref-multi-word-origins",
        DTG_2008 + "REF: A. 08 RIO DE JANEIRO 45 B. 07 SAO PAULO 1100",
        references=["08RIODEJANEIRO45", "07SAOPAULO1100"],
    ),
    case(
        "ref-abbreviated-rio-de-jan",
        DTG_2008 + "REF: RIO DE JAN 0112",
        references=["08RIODEJANEIRO112"],
    ),
    case(
        "ref-la-paz-lettered",
        DTG_2008 + "REF: A. 08 LA PAZ 1234 B. 08 LA PAZ 1301",
        references=["08LAPAZ1234", "08LAPAZ1301"],
    ),
    case(
        "ref-multi-word-origin-without-year",
        DTG_2008 + "REF: LA PAZ 567",
        references=["08LAPAZ567"],
    ),
    case(
        "ref-compact-ids",
        DTG_2008 + "REF: 07MOSCOW5678, 08STATE12345",
        references=["07MOSCOW5678", "08STATE12345"],
    ),
    case(
        "ref-leading-zeros-dropped",
        DTG_2008 + "REF: 08 STATE 012345",
        references=["08STATE12345"],
    ),
    case(
        "ref-notal-note-dropped",
        DTG_2008 + "REF: 08 STATE 12345 (NOTAL)",
        references=["08STATE12345"],
    ),
    case(
        "ref-paragraph-note-dropped",
        DTG_2008 + "REF: A. 08 STATE 12345 (PARA 5) B. 07 MOSCOW 601 (PARAS 3-4)",
        references=["08STATE12345", "07MOSCOW601"],
    ),
    case(
        "ref-email-is-another-reference",
        DTG_2008 + "REF: EMAIL FROM POL/ECON CHIEF, MARCH 3, 2008",
        references=[],
        other_references=["EMAIL FROM POL/ECON CHIEF, MARCH 3, 2008"],
    ),
    case(
        "ref-cable-and-email",
        DTG_2008 + "REF: A. 08 MOSCOW 456 B. E-MAIL FROM EUR/RUS (3/10/08)",
        references=["08MOSCOW456"],
        other_references=["E-MAIL FROM EUR/RUS (3/10/08)"],
    ),
    case(
        "ref-secdef-message-by-dtg",
        DTG_2008 + "REF: SECDEF MSG DTG 301601Z SEP 08",
        references=[],
        other_references=["SECDEF MSG DTG 301601Z SEP 08"],
    ),
    case(
        "ref-cable-and-secdef-message",
        DTG_2008 + "REF: A. 08 KABUL 2345 B. SECDEF MSG DTG 301601Z SEP 08",
        references=["08KABUL2345"],
        other_references=["SECDEF MSG DTG 301601Z SEP 08"],
    ),
    case(
        "ref-report-to-congress",
        DTG_2008 + "REF: A. 08 KABUL 2345 B. INL REPORT TO CONGRESS, MARCH 2008",
        references=["08KABUL2345"],
        other_references=["INL REPORT TO CONGRESS, MARCH 2008"],
    ),
    case(
        "ref-telcon",
        DTG_2008 + "REF: TELCON POL/C SMITH - EUR/RUS JONES 3/5/08",
        references=[],
        other_references=["TELCON POL/C SMITH - EUR/RUS JONES 3/5/08"],
    ),
    case(
        "ref-semicolons-between-items",
        DTG_2008 + "REF: A. 08 STATE 1234; B. 08 STATE 5678",
        references=["08STATE1234", "08STATE5678"],
    ),
    case(
        "ref-commas-without-letters",
        DTG_2008 + "REF: 08 MOSCOW 456, 08 MOSCOW 789, 07 MOSCOW 5678",
        references=["08MOSCOW456", "08MOSCOW789", "07MOSCOW5678"],
    ),
    case(
        "ref-joined-with-and",
        DTG_2008 + "REF: 08 MOSCOW 456 AND 08 MOSCOW 789",
        references=["08MOSCOW456", "08MOSCOW789"],
    ),
    case(
        "ref-duplicates-dropped",
        DTG_2008 + "REF: A. 08 MOSCOW 456 B. 08 MOSCOW 456",
        references=["08MOSCOW456"],
    ),
    case(
        "ref-section-glued-to-serial",
        DTG_2008 + "REF: 08 STATE 12345SECTION 02 OF 03",
        references=["08STATE12345"],
    ),
    case(
        "ref-spacing-typo-year-glued-to-origin",
        DTG_2008 + "REF: A. 08MOSCOW 456 B. 08 MOSCOW789",
        references=["08MOSCOW456", "08MOSCOW789"],
    ),
    case(
        "ref-trailing-period",
        DTG_2008 + "REF: 08 MOSCOW 456.",
        references=["08MOSCOW456"],
    ),
    case(
        "ref-usun-and-secstate-aliases",
        DTG_2008 + "REF: A. USUN 123 B. SECSTATE 45678",
        references=["08USUNNEWYORK123", "08STATE45678"],
    ),
    case(
        "ref-refs-plural-label",
        DTG_2008 + "REFS: A. 08 ANKARA 300, B. 08 ANKARA 412",
        references=["08ANKARA300", "08ANKARA412"],
    ),
    case("ref-reftel-label", DTG_2008 + "REFTEL: MOSCOW 456", references=["08MOSCOW456"]),
    case(
        "ref-mixed-case-label-and-origin",
        DTG_2008 + "Ref: A. 08 Moscow 456 B. 08 Moscow 789",
        references=["08MOSCOW456", "08MOSCOW789"],
    ),
    case(
        "ref-label-without-colon",
        DTG_2008 + "REF A. 08 MOSCOW 456 B. 08 MOSCOW 789",
        references=["08MOSCOW456", "08MOSCOW789"],
    ),
    case(
        "ref-stops-at-classified-by",
        dated(
            """
            REF: A. 08 MOSCOW 456
            Classified By: Ambassador William J. Burns.  Reasons 1.4 (b) and (d).
            """
        ),
        references=["08MOSCOW456"],
        classified_by="Ambassador William J. Burns",
    ),
    case(
        "ref-stops-at-paragraph-one-without-blank-line",
        dated(
            """
            REF: 08 MOSCOW 456
            1. (C) Per reftel, the Embassy delivered the demarche on March 11.
            """
        ),
        references=["08MOSCOW456"],
        numbers=[1],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [*REF_CASES])
def test_case(text, expected) -> None:
    check(text, expected)
