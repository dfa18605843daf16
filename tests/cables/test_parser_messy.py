"""The messy forms real cables come in (CABLES.md, "Real cables are messy"), one row each.

Every row is a realistic fragment written the way cables are written (upper-case routing,
`E.O. 12958: DECL:`, wrapped lines, page breaks), the fields it checks and what a reader of
the cable page expects to see. Besides the fields of `ParsedCable`, a row may check
`numbers`, `markings`, `headings` or `texts`: those lists taken over the paragraphs.
"""

from __future__ import annotations

import textwrap
from datetime import UTC, date, datetime
from typing import Any

import pytest

from cables.parsing import CableParseError, ParsedCable, parse_cable

PARAGRAPH_FIELDS = {
    "numbers": "number",
    "markings": "marking",
    "headings": "heading",
    "texts": "text",
}


def case(case_id: str, text: str, **expected: Any) -> Any:
    """One row: the cable text (dedented, outer blank lines dropped) and the expected fields."""
    return pytest.param(textwrap.dedent(text).strip("\n"), expected, id=case_id)


def observed(cable: ParsedCable, name: str) -> Any:
    if name in PARAGRAPH_FIELDS:
        return [getattr(paragraph, PARAGRAPH_FIELDS[name]) for paragraph in cable.paragraphs]
    return getattr(cable, name)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# A date-time group of 12 March 2008, for rows whose references need the cable's own year.
DTG_2008 = "R 121030Z MAR 08\n"


def dated(text: str) -> str:
    return DTG_2008 + textwrap.dedent(text).strip("\n")


TAGS_CASES = [
    case("tags-colon-commas", "TAGS: PREL, PGOV, RS, JA", tags=["PREL", "PGOV", "RS", "JA"]),
    case("tags-no-colon-spaces", "TAGS PREL PGOV ECON RS", tags=["PREL", "PGOV", "ECON", "RS"]),
    case(
        "tags-mixed-case-label", "Tags: PREL, PGOV, KDEM, BR", tags=["PREL", "PGOV", "KDEM", "BR"]
    ),
    case("tags-lower-case-values-upper-cased", "Tags: prel, pgov, br", tags=["PREL", "PGOV", "BR"]),
    case("tags-lower-case-label", "tags: ECON, EFIN, CH", tags=["ECON", "EFIN", "CH"]),
    case("tags-singular-label", "TAG: PHUM", tags=["PHUM"]),
    case("tags-singular-label-no-colon", "TAG PREL, PINR, AF", tags=["PREL", "PINR", "AF"]),
    case("tags-misspelt-tgas", "TGAS: PREL, PARM, IR", tags=["PREL", "PARM", "IR"]),
    case("tags-misspelt-tafs", "TAFS: ECON, EFIN, CH", tags=["ECON", "EFIN", "CH"]),
    case("tags-misspelt-tagss", "TAGSS: ETRD, WTRO, VM", tags=["ETRD", "WTRO", "VM"]),
    case("tags-period-after-label", "TAGS. PTER, ASEC, PK", tags=["PTER", "ASEC", "PK"]),
    case("tags-semicolons", "TAGS: PREL; PGOV; KPAL; IS", tags=["PREL", "PGOV", "KPAL", "IS"]),
    case(
        "tags-commas-and-spaces-mixed",
        "TAGS: PREL PGOV, PINR, KDEM RS",
        tags=["PREL", "PGOV", "PINR", "KDEM", "RS"],
    ),
    case(
        "tags-continued-after-trailing-comma",
        """
        TAGS: ECON, EFIN, ETRD, EINV, BEXP, ELAB,
              PGOV, PREL, BR
        """,
        tags=["ECON", "EFIN", "ETRD", "EINV", "BEXP", "ELAB", "PGOV", "PREL", "BR"],
    ),
    case(
        "tags-continued-space-separated",
        """
        TAGS PREL PGOV PHUM KDEM
        SOCI KJUS RS
        """,
        tags=["PREL", "PGOV", "PHUM", "KDEM", "SOCI", "KJUS", "RS"],
    ),
    case(
        "tags-duplicates-dropped-order-kept",
        "TAGS: PREL, PGOV, PREL, RS, PGOV",
        tags=["PREL", "PGOV", "RS"],
    ),
    # A person tag is listed under each of its words, initials left out, as the original
    # site's tag lists did (/tag/STEINBERG_0.html).
    case(
        "tags-person-tag",
        "TAGS: OVIP (STEINBERG, JAMES B.), PREL, CH",
        tags=["OVIP", "STEINBERG", "JAMES", "PREL", "CH"],
    ),
    case(
        "tags-person-tag-wrapped-inside-parentheses",
        """
        TAGS: PREL, PGOV, OVIP (CLINTON,
              HILLARY), IS
        """,
        tags=["PREL", "PGOV", "OVIP", "CLINTON", "HILLARY", "IS"],
    ),
    case(
        "tags-person-tag-between-space-separated-tags",
        "TAGS PREL OVIP (RICE, CONDOLEEZZA) JA",
        tags=["PREL", "OVIP", "RICE", "CONDOLEEZZA", "JA"],
    ),
    case(
        "tags-two-person-tags",
        "TAGS: OVIP (BIDEN, JOSEPH), OVIP (GATES, ROBERT), PREL, MARR",
        tags=["OVIP", "BIDEN", "JOSEPH", "GATES", "ROBERT", "PREL", "MARR"],
    ),
    case(
        "tags-trailing-period", "TAGS: PREL, MARR, NATO, AF.", tags=["PREL", "MARR", "NATO", "AF"]
    ),
    case(
        "tags-on-the-eo-line",
        "E.O. 12958: DECL: 02/06/2017 TAGS: PREL, PGOV, RS",
        tags=["PREL", "PGOV", "RS"],
        declassify_on=date(2017, 2, 6),
    ),
    case(
        "tags-page-break-between-lines",
        """
        TAGS: PREL, PGOV, ECON,
        MOSCOW 00000601  002 OF 003
        ETRD, RS
        """,
        tags=["PREL", "PGOV", "ECON", "ETRD", "RS"],
    ),
    case(
        "tags-stop-at-subject",
        """
        TAGS: PREL, PGOV
        SUBJECT: RUSSIA: DUMA PASSES NGO LAW
        """,
        tags=["PREL", "PGOV"],
        subject="RUSSIA: DUMA PASSES NGO LAW",
    ),
    case(
        "tags-then-paragraph-one-without-blank-line",
        """
        TAGS: PREL, PGOV
        1. (C) THE MINISTER RECEIVED THE AMBASSADOR ON MARCH 3.
        """,
        tags=["PREL", "PGOV"],
        numbers=[1],
    ),
    case(
        "tags-alone-is-a-fragment-everything-else-empty",
        "TAGS: PREL, PGOV",
        tags=["PREL", "PGOV"],
        reference_id=None,
        subject=None,
        references=[],
        paragraphs=[],
        summary=None,
        header="",
    ),
]

SUBJECT_CASES = [
    case(
        "subject-plain",
        "SUBJECT: RUSSIA-JAPAN: RELATIONS STILL MOVING AT A GLACIAL PACE",
        subject="RUSSIA-JAPAN: RELATIONS STILL MOVING AT A GLACIAL PACE",
    ),
    case(
        "subject-wrapped-over-two-lines",
        """
        SUBJECT: RUSSIA-JAPAN: DESPITE GROWING ECONOMIC TIES,
        RELATIONS STILL MOVING AT A GLACIAL PACE
        """,
        subject="RUSSIA-JAPAN: DESPITE GROWING ECONOMIC TIES, "
        "RELATIONS STILL MOVING AT A GLACIAL PACE",
    ),
    case(
        "subject-wrapped-indented",
        """
        SUBJECT: BRAZIL: LULA'S ETHANOL PLANS MEET
                 SKEPTICISM IN CONGRESS
        """,
        subject="BRAZIL: LULA'S ETHANOL PLANS MEET SKEPTICISM IN CONGRESS",
    ),
    case(
        "subject-wrapped-over-three-lines",
        """
        SUBJECT: AFGHANISTAN: HELMAND GOVERNOR MANGAL ASKS FOR
        MORE POLICE TRAINERS, PROMISES TO REMOVE CORRUPT
        DISTRICT CHIEFS
        """,
        subject="AFGHANISTAN: HELMAND GOVERNOR MANGAL ASKS FOR MORE POLICE TRAINERS, "
        "PROMISES TO REMOVE CORRUPT DISTRICT CHIEFS",
    ),
    case(
        "subject-subj-label",
        "SUBJ: CODEL PELOSI MEETS PRESIDENT MUSHARRAF",
        subject="CODEL PELOSI MEETS PRESIDENT MUSHARRAF",
    ),
    case(
        "subject-subj-label-no-colon",
        "SUBJ  IRAN: MAJLIS DEBATES GASOLINE RATIONING",
        subject="IRAN: MAJLIS DEBATES GASOLINE RATIONING",
    ),
    case(
        "subject-mixed-case",
        "Subject: Bolivia: Morales Announces Gas Nationalization Decree",
        subject="Bolivia: Morales Announces Gas Nationalization Decree",
    ),
    case(
        "subject-mixed-case-wrapped",
        """
        Subject: Brazil: Foreign Minister Amorim on
        Honduras and Iran
        """,
        subject="Brazil: Foreign Minister Amorim on Honduras and Iran",
    ),
    case(
        "subject-marking-c-dropped",
        "SUBJECT: (C) IRAQ: PM MALIKI ON KIRKUK REFERENDUM",
        subject="IRAQ: PM MALIKI ON KIRKUK REFERENDUM",
    ),
    case(
        "subject-marking-sbu-dropped",
        "SUBJECT: (SBU) NIGERIA: FUEL SCARCITY IN LAGOS",
        subject="NIGERIA: FUEL SCARCITY IN LAGOS",
    ),
    case(
        "subject-marking-u-mixed-case",
        "Subject: (U) Mexico: Calderon Sends Troops to Michoacan",
        subject="Mexico: Calderon Sends Troops to Michoacan",
    ),
    case(
        "subject-marking-s-nf-dropped",
        "SUBJECT: (S//NF) PAKISTAN: ISI CONTACTS WITH HAQQANI NETWORK",
        subject="PAKISTAN: ISI CONTACTS WITH HAQQANI NETWORK",
    ),
    case(
        "subject-marking-then-wrapped",
        """
        SUBJECT: (C) TURKEY: ERDOGAN'S AKP WEIGHS EARLY
        ELECTIONS AFTER PRESIDENTIAL IMPASSE
        """,
        subject="TURKEY: ERDOGAN'S AKP WEIGHS EARLY ELECTIONS AFTER PRESIDENTIAL IMPASSE",
    ),
    case(
        "subject-misspelt-label",
        "SUBJET: KENYA: ODINGA ALLIES PROTEST ELECTION RESULTS",
        subject="KENYA: ODINGA ALLIES PROTEST ELECTION RESULTS",
    ),
    case(
        "subject-doubled-spaces-collapsed",
        "SUBJECT:  RUSSIA:  MEDVEDEV  ON  GEORGIA",
        subject="RUSSIA: MEDVEDEV ON GEORGIA",
    ),
    case(
        "subject-page-break-inside",
        """
        SUBJECT: AFGHANISTAN: KANDAHAR ELDERS ASK FOR
        KABUL 00001234  002 OF 004
        PROTECTION BEFORE THE ELECTION
        """,
        subject="AFGHANISTAN: KANDAHAR ELDERS ASK FOR PROTECTION BEFORE THE ELECTION",
    ),
    case(
        "subject-stops-at-paragraph-one-without-blank-line",
        """
        SUBJECT: GHANA: PRESIDENT KUFUOR ON COCOA PRICES
        1. (U) President Kufuor told the Ambassador on May 3 that prices would hold.
        """,
        subject="GHANA: PRESIDENT KUFUOR ON COCOA PRICES",
        numbers=[1],
        markings=["U"],
    ),
    case(
        "subject-stops-at-summary-without-blank-line",
        """
        SUBJECT: PERU: GARCIA CABINET SHUFFLE
        Summary: President Garcia replaced four ministers on Friday.  End Summary.
        """,
        subject="PERU: GARCIA CABINET SHUFFLE",
        summary="President Garcia replaced four ministers on Friday.",
    ),
    case(
        "subject-wrapped-line-starting-with-the-word-summary",
        """
        SUBJECT: IRAQ: WEEKLY
        SUMMARY OF PROVINCIAL EVENTS, MARCH 2-8
        """,
        subject="IRAQ: WEEKLY SUMMARY OF PROVINCIAL EVENTS, MARCH 2-8",
        summary=None,
    ),
    case(
        "subject-stops-at-unnumbered-marked-paragraph",
        """
        SUBJECT: CANADA: ARCTIC ROUNDTABLE
        (SBU) Embassy Ottawa hosted a roundtable on Arctic policy on May 4.
        """,
        subject="CANADA: ARCTIC ROUNDTABLE",
        markings=["SBU"],
    ),
    case(
        "subject-stops-at-ref",
        """
        SUBJECT: LEBANON: HIZBALLAH ARMS DEBATE
        REF: BEIRUT 1234
        """,
        subject="LEBANON: HIZBALLAH ARMS DEBATE",
    ),
    case(
        "subject-stops-at-classified-by",
        """
        SUBJECT: CHINA: PROVINCIAL DEBT WORRIES
        Classified By: Consul General Robert Goldberg. Reasons: 1.4 (b) and (d)
        """,
        subject="CHINA: PROVINCIAL DEBT WORRIES",
        classified_by="Consul General Robert Goldberg",
    ),
]

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

REASON_CASES = [
    case(
        "reasons-b-and-d",
        "Classified By: Ambassador William J. Burns.  Reasons: 1.4 (b) and (d).",
        classified_by="Ambassador William J. Burns",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-upper-case-comma-separated",
        "CLASSIFIED BY: DCM DANIEL A. RUSSELL. REASONS 1.4(B), (D)",
        classified_by="DCM DANIEL A. RUSSELL",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-bare-letters",
        "Classified By: Political Counselor Alice Wells, reasons 1.4 b and d",
        classified_by="Political Counselor Alice Wells",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-comma-for-dot-and-slash",
        "Classified By: Ambassador John Beyrle.  Reasons: 1,4 (B/D).",
        classified_by="Ambassador John Beyrle",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-older-numbering-1-5",
        "Classified By: Charge d'Affaires Daniel Russell for reasons 1.5 (D).",
        classified_by="Charge d'Affaires Daniel Russell",
        classification_reasons=["1.5(d)"],
    ),
    case(
        "reasons-wrapped-label-and-section",
        """
        Classified By: Deputy Chief of Mission Eric Rubin for reasons
        1.4 (b) and (d)
        """,
        classified_by="Deputy Chief of Mission Eric Rubin",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-wrapped-inside-the-list",
        """
        Classified By: PolCouns Alice Wells.  Reasons 1.4 (b),
        (d) and (h).
        """,
        classification_reasons=["1.4(b)", "1.4(d)", "1.4(h)"],
    ),
    case(
        "reasons-label-on-next-line",
        """
        Classified By: Political Officer Jane Doe.
        Reasons: 1.4(b) and (d).
        """,
        classified_by="Political Officer Jane Doe",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-single",
        "Classified By: Ambassador Ryan C. Crocker. Reason: 1.4(d).",
        classified_by="Ambassador Ryan C. Crocker",
        classification_reasons=["1.4(d)"],
    ),
    case(
        "reasons-stacked-parentheses",
        "Classified by: A/DCM Mark Tesone for reasons 1.4(a)(b)(c)(d)",
        classified_by="A/DCM Mark Tesone",
        classification_reasons=["1.4(a)", "1.4(b)", "1.4(c)", "1.4(d)"],
    ),
    case(
        "reasons-ampersand",
        "Classified By: CDA Lawrence Butler, Reasons: 1.4 (b) & (d)",
        classified_by="CDA Lawrence Butler",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-executive-order-cited",
        "CLASSIFIED BY: AMBASSADOR ZALMAY KHALILZAD, REASONS E.O. 12958 1.4 (B) AND (D)",
        classified_by="AMBASSADOR ZALMAY KHALILZAD",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-under-executive-order-13526",
        "Classified By: Ambassador Karl Eikenberry under E.O. 13526, reasons 1.4 (b) and (d)",
        classified_by="Ambassador Karl Eikenberry",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-missing",
        "Classified By: Ambassador John Beyrle.",
        classified_by="Ambassador John Beyrle",
        classification_reasons=[],
    ),
    case(
        "reasons-upper-case-letters-without-parentheses",
        "CLASSIFIED BY: CHARGE D'AFFAIRES A.I. JAMES KNIGHT. REASON 1.4 B, D",
        classified_by="CHARGE D'AFFAIRES A.I. JAMES KNIGHT",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-misspelt-label",
        "Classifed By: PolOff Sarah Lee, Reasons 1.4 (b) and (d)",
        classified_by="PolOff Sarah Lee",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-per-without-reason-label",
        "Classified by Ambassador Michael McFaul per 1.4 (b) and (d)",
        classified_by="Ambassador Michael McFaul",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-e-and-h",
        "Classified By: ISN/RA Director Richard Nephew, Reasons 1.4 (e) and (h)",
        classification_reasons=["1.4(e)", "1.4(h)"],
    ),
    case(
        "reasons-slash-without-spaces",
        "Classified By: Ambassador Robert Godec, reasons 1.4(B/D)",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-duplicates-dropped",
        "Classified By: DCM Kathleen Fitzpatrick. Reasons: 1.4 (b), (d) and (d).",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "classified-by-name-wrapped",
        """
        Classified By: Acting Deputy Chief of Mission
        James Smith, reasons 1.4 (b) and (d)
        """,
        classified_by="Acting Deputy Chief of Mission James Smith",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "classified-by-without-reasons-then-paragraph-one",
        """
        Classified By: Ambassador John Beyrle.
        1. (C) The Foreign Minister received the Ambassador on March 3.
        """,
        classified_by="Ambassador John Beyrle",
        classification_reasons=[],
        numbers=[1],
    ),
    case(
        "reasons-page-break-inside",
        """
        Classified By: Ambassador William J. Burns for reasons
        MOSCOW 00000601  002 OF 002
        1.4 (b) and (d).
        """,
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
]

DECLASSIFY_CASES = [
    case("decl-month-day-year", "E.O. 12958: DECL: 02/06/2017", declassify_on=date(2017, 2, 6)),
    case("decl-single-digits", "E.O. 12958: DECL: 2/6/2017", declassify_on=date(2017, 2, 6)),
    case("decl-two-digit-year", "E.O. 12958: DECL: 02/06/17", declassify_on=date(2017, 2, 6)),
    case("decl-iso-date", "E.O. 13526: DECL: 2020-01-15", declassify_on=date(2020, 1, 15)),
    case(
        "decl-year-first-slashes", "E.O. 12958: DECL: 2018/03/31", declassify_on=date(2018, 3, 31)
    ),
    case("decl-not-applicable", "E.O. 12958: N/A", declassify_on=None, preamble="E.O. 12958: N/A"),
    case("decl-1-6x1", "E.O. 12958: DECL: 1.6X1", declassify_on=None),
    case("decl-25x1-human", "E.O. 12958: DECL: 25X1-HUMAN", declassify_on=None),
    case("decl-oadr", "E.O. 12356: DECL: OADR", declassify_on=None),
    case("decl-eo-without-space", "E.O.12958: DECL: 10/10/2018", declassify_on=date(2018, 10, 10)),
    case("decl-eo-without-dots", "EO 12958 DECL: 03/04/2018", declassify_on=date(2018, 3, 4)),
    case(
        "decl-declassify-on-label",
        "E.O. 12958: DECLASSIFY ON: 05/05/2015",
        declassify_on=date(2015, 5, 5),
    ),
    case("decl-no-colon", "E.O. 12958: DECL 01/01/2017", declassify_on=date(2017, 1, 1)),
    case(
        "decl-as-amended",
        "E.O. 12958 AS AMENDED: DECL: 11/20/2018",
        declassify_on=date(2018, 11, 20),
    ),
    case(
        "decl-month-name",
        "E.O. 12958: DECL: FEBRUARY 6, 2017",
        declassify_on=date(2017, 2, 6),
    ),
    case(
        "decl-day-month-abbreviation",
        "E.O. 12958: DECL: 06-FEB-2017",
        declassify_on=date(2017, 2, 6),
    ),
    case("decl-impossible-date", "E.O. 12958: DECL: 13/45/2017", declassify_on=None),
    case("decl-lower-case", "e.o. 12958: decl: 02/06/2017", declassify_on=date(2017, 2, 6)),
    case("decl-trailing-period", "E.O. 12958: DECL: 02/06/2017.", declassify_on=date(2017, 2, 6)),
]

HEADER_CASES = [
    case(
        "dtg-immediate",
        "O 091554Z FEB 07",
        precedence="O",
        date_time_group=utc(2007, 2, 9, 15, 54),
    ),
    case(
        "dtg-priority",
        "P 121030Z MAR 08",
        precedence="P",
        date_time_group=utc(2008, 3, 12, 10, 30),
    ),
    case(
        "dtg-routine",
        "R 010001Z JAN 09",
        precedence="R",
        date_time_group=utc(2009, 1, 1, 0, 1),
    ),
    case(
        "dtg-flash",
        "Z 230515Z AUG 08",
        precedence="Z",
        date_time_group=utc(2008, 8, 23, 5, 15),
    ),
    case(
        "dtg-four-digit-year",
        "O 091554Z FEB 2007",
        date_time_group=utc(2007, 2, 9, 15, 54),
    ),
    case(
        "dtg-without-spaces",
        "P 121030ZMAR08",
        precedence="P",
        date_time_group=utc(2008, 3, 12, 10, 30),
    ),
    case(
        "dtg-mixed-case-month",
        "R 311200Z Dec 09",
        precedence="R",
        date_time_group=utc(2009, 12, 31, 12, 0),
    ),
    case(
        "dtg-impossible-day-is-none-precedence-kept",
        "O 311554Z FEB 07",
        precedence="O",
        date_time_group=None,
    ),
    case(
        "dtg-without-precedence",
        "091554Z FEB 07",
        precedence=None,
        date_time_group=utc(2007, 2, 9, 15, 54),
    ),
    case("dtg-nineties", "R 150830Z JUN 95", date_time_group=utc(1995, 6, 15, 8, 30)),
    case("dtg-sixties", "R 281848Z DEC 66", date_time_group=utc(1966, 12, 28, 18, 48)),
    case(
        "dtg-gives-created-without-metadata",
        """
        O 091554Z FEB 07
        FM AMEMBASSY MOSCOW
        """,
        created=utc(2007, 2, 9, 15, 54),
        released=None,
    ),
    case(
        "dtg-precedence-wins-over-routing-line",
        """
        PP RUEHFL
        DE RUEHMO #0601/01 0401554
        O 091554Z FEB 07
        """,
        precedence="O",
    ),
    case(
        "precedence-from-routing-line-without-dtg",
        """
        RR RUEHWEB
        DE RUEHMO #0601 0401554
        """,
        precedence="R",
        date_time_group=None,
    ),
    case(
        "precedence-niact-immediate",
        """
        O 091554Z FEB 07
        FM AMEMBASSY MOSCOW
        TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 1234
        """,
        precedence="NIACT",
        recipients=["SECSTATE WASHDC"],
    ),
    case(
        "transmission-id-and-routing",
        """
        VZCZCXRO8797
        PP RUEHFL RUEHKW RUEHLH
        DE RUEHMO #0601/01 0401554
        ZNY CCCCC ZZH
        """,
        transmission_id="VZCZCXRO8797",
        precedence="P",
    ),
    case(
        "to-single-recipient",
        """
        FM AMEMBASSY MOSCOW
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 1234
        """,
        sender="AMEMBASSY MOSCOW",
        recipients=["SECSTATE WASHDC"],
        origin="Embassy Moscow",
    ),
    case(
        "to-continued-on-following-lines",
        """
        FM AMEMBASSY MOSCOW
        TO RUEHC/SECSTATE WASHDC PRIORITY 4321
        RUEHBJ/AMEMBASSY BEIJING PRIORITY 0567
        RUEHKO/AMEMBASSY TOKYO 0890
        """,
        recipients=["SECSTATE WASHDC", "AMEMBASSY BEIJING", "AMEMBASSY TOKYO"],
        info_recipients=[],
    ),
    case(
        "info-continued-on-following-lines",
        """
        FM AMEMBASSY MOSCOW
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 1234
        INFO RUEHBJ/AMEMBASSY BEIJING 0001
        RUEHKO/AMEMBASSY TOKYO 0002
        RUEHUL/AMEMBASSY SEOUL 0003
        """,
        recipients=["SECSTATE WASHDC"],
        info_recipients=["AMEMBASSY BEIJING", "AMEMBASSY TOKYO", "AMEMBASSY SEOUL"],
    ),
    case(
        "info-collectives",
        """
        FM AMEMBASSY MOSCOW
        TO RUEHC/SECSTATE WASHDC 1234
        INFO RUCNCIS/CIS COLLECTIVE
        RUEHXD/MOSCOW POLITICAL COLLECTIVE
        """,
        info_recipients=["CIS COLLECTIVE", "MOSCOW POLITICAL COLLECTIVE"],
    ),
    case(
        "to-without-routing-indicator",
        """
        FM SECSTATE WASHDC
        TO AMEMBASSY KABUL IMMEDIATE
        """,
        recipients=["AMEMBASSY KABUL"],
        origin="Secretary of State",
    ),
    case(
        "to-military-addressees",
        """
        FM AMEMBASSY BAGHDAD
        TO RUEKJCS/SECDEF WASHDC PRIORITY
        RHMFISS/CDR USCENTCOM MACDILL AFB FL PRIORITY
        RUEHC/SECSTATE WASHDC PRIORITY 0987
        """,
        recipients=["SECDEF WASHDC", "CDR USCENTCOM MACDILL AFB FL", "SECSTATE WASHDC"],
    ),
    case(
        "recipients-duplicates-dropped",
        """
        FM AMEMBASSY TOKYO
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 1234
        RUEHC/SECSTATE WASHDC IMMEDIATE 1235
        """,
        recipients=["SECSTATE WASHDC"],
    ),
    case(
        "recipients-stop-at-banner",
        """
        FM AMEMBASSY MOSCOW
        INFO RUEHBJ/AMEMBASSY BEIJING 0001

        C O N F I D E N T I A L MOSCOW 000601
        """,
        info_recipients=["AMEMBASSY BEIJING"],
        classification="CONFIDENTIAL",
    ),
    case(
        "sender-consulate-multi-word-city",
        "FM AMCONSUL RIO DE JANEIRO",
        sender="AMCONSUL RIO DE JANEIRO",
        origin="Consulate Rio De Janeiro",
    ),
    case(
        "sender-embassy-la-paz",
        "FM AMEMBASSY LA PAZ",
        sender="AMEMBASSY LA PAZ",
        origin="Embassy La Paz",
    ),
    case(
        "header-kept-as-written",
        """
        DE RUEHMO #0601/01 0401554
        ZNY CCCCC ZZH
        O 091554Z FEB 07
        FM AMEMBASSY MOSCOW
        """,
        header="DE RUEHMO #0601/01 0401554\nZNY CCCCC ZZH\nO 091554Z FEB 07\nFM AMEMBASSY MOSCOW",
    ),
]

METADATA_CASES = [
    case(
        "metadata-table",
        """
        Reference ID  Created  Released  Classification  Origin
        07MOSCOW601  2007-02-09 15:54  2011-08-30 01:44  CONFIDENTIAL  Embassy Moscow
        """,
        reference_id="07MOSCOW601",
        created=utc(2007, 2, 9, 15, 54),
        released=utc(2011, 8, 30, 1, 44),
        classification="CONFIDENTIAL",
        origin="Embassy Moscow",
    ),
    case(
        "metadata-tab-separated",
        "Reference ID\tCreated\tReleased\tClassification\tOrigin\n"
        "08KABUL2345\t2008-09-10 04:12\t2011-08-30 01:44\tSECRET\tEmbassy Kabul",
        reference_id="08KABUL2345",
        classification="SECRET",
        origin="Embassy Kabul",
    ),
    case(
        "metadata-values-one-per-line",
        """
        Reference ID Created Released Classification Origin
        09BRASILIA1300
        2009-11-03 17:40
        2011-08-30 01:44
        UNCLASSIFIED
        Embassy Brasilia
        """,
        reference_id="09BRASILIA1300",
        created=utc(2009, 11, 3, 17, 40),
        classification="UNCLASSIFIED",
        origin="Embassy Brasilia",
    ),
    case(
        "metadata-secret-noforn",
        """
        Reference ID Created Released Classification Origin
        09ISLAMABAD2295 2009-09-23 13:05 2010-11-30 16:30 SECRET//NOFORN Embassy Islamabad
        """,
        classification="SECRET//NOFORN",
        origin="Embassy Islamabad",
    ),
    case(
        "metadata-unclassified-fouo",
        "Reference ID Created Released Classification Origin\n"
        "08MEXICO3377 2008-11-14 22:10 2011-08-30 01:44 "
        "UNCLASSIFIED//FOR OFFICIAL USE ONLY Embassy Mexico",
        classification="UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        origin="Embassy Mexico",
    ),
    case(
        "metadata-multi-word-origin",
        """
        Reference ID Created Released Classification Origin
        08RIODEJANEIRO45 2008-02-20 11:09 2011-08-30 01:44 CONFIDENTIAL Consulate Rio De Janeiro
        """,
        reference_id="08RIODEJANEIRO45",
        origin="Consulate Rio De Janeiro",
    ),
    case(
        "metadata-lower-case-reference-id",
        """
        Reference ID Created Released Classification Origin
        07moscow601 2007-02-09 15:54 2011-08-30 01:44 CONFIDENTIAL Embassy Moscow
        """,
        reference_id="07MOSCOW601",
    ),
    case(
        "metadata-reference-id-with-section-glued-in",
        """
        Reference ID Created Released Classification Origin
        08BAGHDAD1234SECTION01OF02 2008-04-18 15:01 2011-08-30 01:44 SECRET Embassy Baghdad
        """,
        reference_id="08BAGHDAD1234",
    ),
    case(
        "metadata-reference-id-letter-o-for-zero",
        """
        Reference ID Created Released Classification Origin
        O7MOSCOW601 2007-02-09 15:54 2011-08-30 01:44 CONFIDENTIAL Embassy Moscow
        """,
        reference_id="07MOSCOW601",
    ),
    case(
        "metadata-row-without-released",
        "07MOSCOW601 2007-02-09 15:54 CONFIDENTIAL Embassy Moscow",
        reference_id="07MOSCOW601",
        created=utc(2007, 2, 9, 15, 54),
        released=None,
        classification="CONFIDENTIAL",
    ),
    case(
        "metadata-row-without-origin-before-the-body",
        """
        Reference ID  Created  Released  Classification  Origin
        08STATE1  2008-01-01 10:00  2011-01-01 10:00  SECRET

        1. (S) The Department requests that posts deliver the demarche.
        """,
        reference_id="08STATE1",
        origin=None,
        numbers=[1],
    ),
    case(
        "metadata-values-one-per-line-header-follows-without-origin",
        """
        Reference ID Created Released Classification Origin
        09BRASILIA1300
        2009-11-03 17:40
        2011-08-30 01:44
        UNCLASSIFIED
        DE RUEHBR #1300 3071740
        """,
        origin=None,
        header="DE RUEHBR #1300 3071740",
    ),
    case(
        "metadata-after-blog-chrome",
        """
        WikiLeaks Link
        To understand the justification used for the classification of each cable, please use
        this WikiSource article as reference.
        Reference ID Created Released Classification Origin
        10STATE17263 2010-02-24 19:45 2010-11-28 18:00 SECRET Secretary of State
        """,
        reference_id="10STATE17263",
        origin="Secretary of State",
        paragraphs=[],
    ),
    case(
        "metadata-seconds-in-timestamps",
        """
        Reference ID Created Released Classification Origin
        06LAPAZ3020 2006-11-08 14:02:00 2011-08-30 01:44:00 CONFIDENTIAL Embassy La Paz
        """,
        created=utc(2006, 11, 8, 14, 2),
        origin="Embassy La Paz",
    ),
]

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


def marked(marking: str) -> str:
    return f"1. {marking} The Foreign Minister told the Ambassador that talks would resume."


MARKING_TEXT = "The Foreign Minister told the Ambassador that talks would resume."

MARKING_CASES = [
    case("marking-u", marked("(U)"), markings=["U"], texts=[MARKING_TEXT]),
    case("marking-sbu", marked("(SBU)"), markings=["SBU"], texts=[MARKING_TEXT]),
    case("marking-c", marked("(C)"), markings=["C"], texts=[MARKING_TEXT]),
    case("marking-s", marked("(S)"), markings=["S"], texts=[MARKING_TEXT]),
    case("marking-u-fouo", marked("(U//FOUO)"), markings=["U//FOUO"], texts=[MARKING_TEXT]),
    case("marking-c-nf", marked("(C/NF)"), markings=["C/NF"], texts=[MARKING_TEXT]),
    case("marking-s-nf", marked("(S/NF)"), markings=["S/NF"], texts=[MARKING_TEXT]),
    case("marking-s-double-slash-nf", marked("(S//NF)"), markings=["S//NF"], texts=[MARKING_TEXT]),
    case("marking-sbu-n", marked("(SBU/N)"), markings=["SBU/N"], texts=[MARKING_TEXT]),
    case("marking-c-rel-uk", marked("(C/REL UK)"), markings=["C/REL UK"], texts=[MARKING_TEXT]),
    case(
        "marking-s-rel-to-country-list",
        marked("(S//REL TO USA, GBR)"),
        markings=["S//REL TO USA, GBR"],
        texts=[MARKING_TEXT],
    ),
    case("marking-lou", marked("(LOU)"), markings=["LOU"], texts=[MARKING_TEXT]),
    case("marking-lower-case", marked("(c)"), markings=["C"], texts=[MARKING_TEXT]),
    case("marking-spaced-inside", marked("( C )"), markings=["C"], texts=[MARKING_TEXT]),
    case(
        "marking-spaced-around-slash", marked("(S / NF)"), markings=["S/NF"], texts=[MARKING_TEXT]
    ),
    case("marking-malformed-closing-only", marked("C)"), markings=["C"], texts=[MARKING_TEXT]),
    case(
        "marking-malformed-s-nf-closing-only",
        marked("S/NF)"),
        markings=["S/NF"],
        texts=[MARKING_TEXT],
    ),
    case(
        "marking-number-with-parenthesis",
        f"1) (C) {MARKING_TEXT}",
        numbers=[1],
        markings=["C"],
        texts=[MARKING_TEXT],
    ),
    case(
        "marking-without-spaces",
        f"1.(C){MARKING_TEXT}",
        numbers=[1],
        markings=["C"],
        texts=[MARKING_TEXT],
    ),
    case(
        "marking-after-double-space",
        f"1.  (SBU)  {MARKING_TEXT}",
        markings=["SBU"],
        texts=[MARKING_TEXT],
    ),
    case(
        "marking-on-unnumbered-paragraph",
        """
        (SBU) Embassy Ottawa hosted a roundtable on Arctic policy on May 4.

        (SBU) Participants agreed that the Northwest Passage dispute would persist.
        """,
        numbers=[None, None],
        markings=["SBU", "SBU"],
        texts=[
            "Embassy Ottawa hosted a roundtable on Arctic policy on May 4.",
            "Participants agreed that the Northwest Passage dispute would persist.",
        ],
    ),
    case(
        "marking-absent-parenthesis-that-is-not-a-marking-stays-text",
        """
        TAGS: PREL, CA

        1. (Embassy note: the meeting was postponed twice.) The Minister finally received us.
        """,
        markings=[None],
        texts=[
            "(Embassy note: the meeting was postponed twice.) The Minister finally received us."
        ],
    ),
    case(
        "markings-differ-per-paragraph",
        """
        1. (U) The Embassy hosted the annual trade fair on June 3.

        2. (C) Privately, the Minister complained about visa delays.

        3. (S/NF) A contact reported that the Minister plans to resign.
        """,
        numbers=[1, 2, 3],
        markings=["U", "C", "S/NF"],
    ),
]

PARAGRAPH_CASES = [
    case(
        "paragraphs-without-markings",
        """
        UNCLAS SECTION 01 OF 02 OTTAWA 000321

        1. Summary: The Government of Canada will extend the mission.  End Summary.

        2. The Prime Minister announced the decision in Parliament.
        """,
        numbers=[1, 2],
        markings=[None, None],
        summary="The Government of Canada will extend the mission.",
    ),
    case(
        "paragraphs-numbered-with-parenthesis",
        """
        UNCLAS HANOI 000567

        1) The National Assembly approved the budget on Friday.

        2) Delegates criticized the pace of land reform.
        """,
        numbers=[1, 2],
        texts=[
            "The National Assembly approved the budget on Friday.",
            "Delegates criticized the pace of land reform.",
        ],
    ),
    case(
        "paragraph-wrapped-lines-joined-with-spaces",
        """
        1. (C) Deputy Foreign Minister Losyukov told the Ambassador
        that Moscow saw no reason to reopen the question of the
        islands before the presidential election.
        """,
        texts=[
            "Deputy Foreign Minister Losyukov told the Ambassador that Moscow saw no reason "
            "to reopen the question of the islands before the presidential election."
        ],
    ),
    case(
        "paragraph-rejoined-across-page-break",
        """
        1. (C) The Minister said that the government would
        MOSCOW 00000601  002 OF 003
        act before the end of the session.
        """,
        texts=["The Minister said that the government would act before the end of the session."],
    ),
    case(
        "paragraph-rejoined-across-page-break-with-blank-lines",
        """
        1. (C) The Minister said that the government would

        MOSCOW 00000601  002 OF 003

        act before the end of the session.
        2. (C) He did not say when.
        """,
        numbers=[1, 2],
        texts=[
            "The Minister said that the government would act before the end of the session.",
            "He did not say when.",
        ],
    ),
    case(
        "paragraph-rejoined-across-section-banner-and-sipdis",
        """
        1. (C) Opposition leaders told poloff that they would
        boycott the vote.

        C O N F I D E N T I A L SECTION 02 OF 02 CARACAS 001122

        SIPDIS

        2. (C) The electoral council dismissed the threat.
        """,
        numbers=[1, 2],
        texts=[
            "Opposition leaders told poloff that they would boycott the vote.",
            "The electoral council dismissed the threat.",
        ],
    ),
    case(
        "paragraph-split-by-section-banner-mid-sentence",
        """
        1. (S) The Defense Minister described the
        S E C R E T SECTION 02 OF 03 ANKARA 000412
        operation as limited in scope.
        """,
        texts=["The Defense Minister described the operation as limited in scope."],
    ),
    case(
        "paragraph-old-style-page-header-removed",
        """
        1. (C) THE AMBASSADOR RAISED THE ISSUE WITH THE FOREIGN
        PAGE 02        MOSCOW  00601  091554Z
        MINISTER ON FEBRUARY 8.
        """,
        texts=["THE AMBASSADOR RAISED THE ISSUE WITH THE FOREIGN MINISTER ON FEBRUARY 8."],
    ),
    case(
        "paragraph-list-items-on-their-own-lines",
        """
        3. (C) The MFA gave two reasons:
        --  Japan will not change its official position;
        --  a formula cannot solve a political problem.
        """,
        texts=[
            "The MFA gave two reasons:\n--  Japan will not change its official position;\n"
            "--  a formula cannot solve a political problem."
        ],
    ),
    case(
        "paragraph-wrapped-list-item-joined",
        """
        4. (SBU) Post recommends:
        -- that the Department fund the second phase of the
        border project;
        -- that the Ambassador raise the issue with the President.
        """,
        texts=[
            "Post recommends:\n"
            "-- that the Department fund the second phase of the border project;\n"
            "-- that the Ambassador raise the issue with the President."
        ],
    ),
    case(
        "paragraph-running-text-after-list",
        """
        5. (C) Kunadze listed his conditions:
        -- a peace treaty first;
        -- no foreign troops on the islands.
        He did not expect Tokyo to accept either.
        """,
        texts=[
            "Kunadze listed his conditions:\n-- a peace treaty first;\n"
            "-- no foreign troops on the islands.\nHe did not expect Tokyo to accept either."
        ],
    ),
    case(
        "paragraph-hyphenated-word-broken-at-line-end",
        """
        1. (C) Oil-rich Russians see little gain on this politically-
        charged issue.
        """,
        texts=["Oil-rich Russians see little gain on this politically-charged issue."],
    ),
    case(
        "paragraph-wrapped-date-is-not-a-new-paragraph",
        """
        1. (C) Talks resumed in Geneva on March
        15. The Iranian side brought new proposals.
        """,
        numbers=[1],
        texts=["Talks resumed in Geneva on March 15. The Iranian side brought new proposals."],
    ),
    case(
        "paragraph-wrapped-decimal-is-not-a-new-paragraph",
        """
        1. (SBU) The loan totals USD
        2.5 billion over five years.
        """,
        numbers=[1],
        texts=["The loan totals USD 2.5 billion over five years."],
    ),
    case(
        "paragraph-lettered-subparagraphs-stay-inside",
        """
        2. (C) The demands were:
        A. (C) release of the detained journalists;
        B. (C) access to the northern districts.
        """,
        numbers=[2],
        texts=[
            "The demands were:\nA. (C) release of the detained journalists;\n"
            "B. (C) access to the northern districts."
        ],
    ),
    case(
        "paragraph-numbers-may-skip-when-marked",
        """
        1. (C) First point.

        2. (C) Second point.

        4. (C) Fourth point; paragraph 3 was dropped in transmission.
        """,
        numbers=[1, 2, 4],
    ),
    case(
        "paragraph-unnumbered-preamble-text",
        """
        TAGS: PGOV, KDEM, NI
        SUBJECT: NIGERIA: GOVERNORS MEET ON ELECTORAL REFORM

        This message is sensitive but unclassified.  Please protect accordingly.

        1. (SBU) Governors from the six northern states met in Kaduna on May 12.
        """,
        numbers=[None, 1],
        markings=[None, "SBU"],
        texts=[
            "This message is sensitive but unclassified.  Please protect accordingly.",
            "Governors from the six northern states met in Kaduna on May 12.",
        ],
    ),
    case(
        "paragraphs-entire-text-marked-once-not-inherited",
        """
        C O N F I D E N T I A L LUSAKA 000345

        E.O. 12958: DECL: 04/04/2018
        TAGS: PGOV, ZA

        1. CONFIDENTIAL - ENTIRE TEXT.

        2. President Mwanawasa's health is worse than officials admit.

        3. The Vice President is positioning himself as successor.
        """,
        numbers=[1, 2, 3],
        markings=[None, None, None],
        texts=[
            "CONFIDENTIAL - ENTIRE TEXT.",
            "President Mwanawasa's health is worse than officials admit.",
            "The Vice President is positioning himself as successor.",
        ],
    ),
    case(
        "paragraph-entire-text-with-marking",
        """
        1. (U) Entire text sensitive but unclassified; not for internet distribution.

        2. (U) The Embassy issued a warden message on June 2.
        """,
        numbers=[1, 2],
        markings=["U", "U"],
    ),
    case(
        "heading-between-paragraphs",
        """
        1. (C) The Prime Minister opened the session.
        Economic Ties: Slow Growth
        2. (C) Trade grew by four percent last year.
        """,
        headings=[None, "Economic Ties: Slow Growth"],
        texts=["The Prime Minister opened the session.", "Trade grew by four percent last year."],
    ),
    case(
        "heading-dashed",
        """
        1. (C) The Prime Minister opened the session.

        --- BACKGROUND ---

        2. (C) The dispute dates to 1956.
        """,
        headings=[None, "BACKGROUND"],
    ),
    case(
        "heading-between-blank-lines",
        """
        1. (C) The succession remains unsettled.

        Putin's Succession

        2. (C) Two candidates lead the field.
        """,
        headings=[None, "Putin's Succession"],
        texts=["The succession remains unsettled.", "Two candidates lead the field."],
    ),
    case(
        "heading-question",
        """
        6. (C) The first round of talks yielded little.
        Missed Opportunity?
        7. (C) Many experts thought Japan missed a window.
        """,
        headings=[None, "Missed Opportunity?"],
        numbers=[6, 7],
    ),
    case(
        "heading-upper-case",
        """
        1. (S) Militants attacked the convoy near the border.

        COMMENT

        2. (S) The attack suggests the militants have regrouped.
        """,
        headings=[None, "COMMENT"],
    ),
    case(
        "heading-underlined-with-dashes",
        """
        1. (C) The Prime Minister opened the session.

        Militias on the Rise
        --------------------
        2. (C) The militias now control more favelas.
        """,
        headings=[None, "Militias on the Rise"],
        texts=["The Prime Minister opened the session.", "The militias now control more favelas."],
    ),
    case(
        "rule-on-its-own-line-is-decoration",
        """
        1. (C) The Prime Minister opened the session.

        ----------------------------------------

        2. (C) The militias now control more favelas.
        """,
        numbers=[1, 2],
        texts=["The Prime Minister opened the session.", "The militias now control more favelas."],
    ),
    case(
        "lettered-list-item-c-is-not-a-marking",
        """
        2. (C) The Ministry sees three options:

        (A) extend the mandate;

        (B) hand over to the African Union;

        (C) withdraw by December.
        """,
        numbers=[2],
        markings=["C"],
        texts=[
            "The Ministry sees three options:\n\n(A) extend the mandate;\n\n"
            "(B) hand over to the African Union;\n\n(C) withdraw by December."
        ],
    ),
    case(
        "pilcrow-copied-from-an-original-page",
        """
        \u00b61. (C) The first paragraph.

        \u00b62. (S) The second paragraph.
        """,
        numbers=[1, 2],
        markings=["C", "S"],
        texts=["The first paragraph.", "The second paragraph."],
    ),
    case(
        "heading-not-taken-from-wrapped-text",
        """
        1. (C) The Minister said the disputed islands
        were not Russia's to give.
        2. (C) He did not elaborate.
        """,
        headings=[None, None],
        texts=[
            "The Minister said the disputed islands were not Russia's to give.",
            "He did not elaborate.",
        ],
    ),
    case(
        "signature-after-blank-line",
        """
        10. (C) Only a breakthrough will result in dramatic change.

        BURNS
        """,
        signer="BURNS",
        numbers=[10, None],
        texts=["Only a breakthrough will result in dramatic change.", "BURNS"],
    ),
    case(
        "signature-right-after-text",
        """
        5. (C) We will continue to press the Ministry.
        BEYRLE
        """,
        signer="BEYRLE",
    ),
    case(
        "signature-before-end-of-message",
        """
        5. (SBU) Post will report further developments.

        RUBINSTEIN

        NNNN
        """,
        signer="RUBINSTEIN",
    ),
    case(
        "signature-of-the-secretary",
        """
        3. (U) Posts should deliver the demarche by March 15.

        CLINTON
        """,
        signer="CLINTON",
    ),
    case(
        "signature-two-words",
        """
        4. (C) Embassy will follow up with the Palace.

        MC FARLAND
        """,
        signer="MC FARLAND",
    ),
    case(
        "signature-absent-when-text-ends-with-end-summary",
        """
        1. (C) Summary: The talks stalled.
        END SUMMARY.
        """,
        signer=None,
    ),
]

SUMMARY_CASES = [
    case(
        "summary-colon-end-summary",
        "1. (C) Summary: Moscow sees little to gain from concessions.  End Summary.",
        summary="Moscow sees little to gain from concessions.",
    ),
    case(
        "summary-period",
        "1. (C) Summary.  Relations will move at a glacial pace.  End summary.",
        summary="Relations will move at a glacial pace.",
    ),
    case(
        "summary-begin-summary",
        "1. (S) BEGIN SUMMARY: THE GENERAL ASKED FOR MORE HELICOPTERS. END SUMMARY.",
        summary="THE GENERAL ASKED FOR MORE HELICOPTERS.",
    ),
    case(
        "summary-lower-case-opener",
        "1. (SBU) summary: the strike ended on Tuesday.  end summary.",
        summary="the strike ended on Tuesday.",
    ),
    case(
        "summary-dashed-heading-over-paragraphs",
        """
        --- SUMMARY ---

        1. (C) Ukraine's coalition collapsed on Friday.

        2. (C) New elections are likely in the spring.  End Summary.

        3. (C) Details follow.
        """,
        summary="Ukraine's coalition collapsed on Friday.\n\n"
        "New elections are likely in the spring.",
        headings=["SUMMARY", None, None],
    ),
    case(
        "summary-spanning-two-paragraphs",
        """
        1. (C) Summary: The Prime Minister survived the vote.

        2. (C) His coalition remains fragile.  End Summary.

        3. (C) The vote was 231 to 198.
        """,
        summary="The Prime Minister survived the vote.\n\nHis coalition remains fragile.",
    ),
    case(
        "summary-not-closed-is-the-first-paragraph",
        """
        1. (SBU) Summary: Only this paragraph summarizes.

        2. (SBU) Details follow here.
        """,
        summary="Only this paragraph summarizes.",
    ),
    case(
        "summary-closed-with-parentheses",
        "1. (C) Summary: The deal is off. (End Summary)",
        summary="The deal is off.",
    ),
    case(
        "summary-and-comment",
        "1. (C) Summary and Comment: The reshuffle strengthens the hardliners. "
        "End Summary and Comment.",
        summary="The reshuffle strengthens the hardliners.",
    ),
    case(
        "summary-and-action-request",
        "1. (SBU) Summary and Action Request: Post requests guidance by May 1.  End Summary.",
        summary="Post requests guidance by May 1.",
    ),
    case(
        "summary-unnumbered-before-paragraph-one",
        """
        SUBJECT: PERU: GARCIA CABINET SHUFFLE

        Summary: President Garcia replaced four ministers.  End Summary.

        1. (U) The new ministers were sworn in on Friday.
        """,
        summary="President Garcia replaced four ministers.",
        numbers=[None, 1],
    ),
    case(
        "summary-page-break-inside",
        """
        1. (C) Summary: The ruling party will keep its majority after the
        CARACAS 00001122  002 OF 003
        election.  End Summary.
        """,
        summary="The ruling party will keep its majority after the election.",
    ),
    case(
        "summary-end-of-summary",
        "1. (C) SUMMARY: THE TALKS STALLED. END OF SUMMARY.",
        summary="THE TALKS STALLED.",
    ),
    case(
        "summary-begin-summary-unnumbered-upper-case",
        """
        TAGS: PREL, IR

        BEGIN SUMMARY. THE MAJLIS PASSED THE BILL. END SUMMARY.
        """,
        summary="THE MAJLIS PASSED THE BILL.",
    ),
    case(
        "summary-absent",
        "1. (C) The Ambassador met the Minister on Tuesday.",
        summary=None,
    ),
    case(
        "summary-text-stays-in-paragraph",
        "1. (C) Summary: The talks stalled.  End Summary.",
        texts=["Summary: The talks stalled.  End Summary."],
    ),
]

ROBUSTNESS_CASES = [
    case(
        "windows-line-endings",
        "TAGS: PREL, PGOV\r\nSUBJECT: FOO BAR\r\n\r\n1. (C) Text here.\r\n",
        tags=["PREL", "PGOV"],
        subject="FOO BAR",
        texts=["Text here."],
    ),
    case(
        "byte-order-mark-and-no-break-spaces",
        "\ufeffTAGS:\u00a0PREL, PGOV\n\n1.\u00a0(C) Text\u00a0here.",
        tags=["PREL", "PGOV"],
        markings=["C"],
    ),
    case(
        "tabs-for-indentation",
        "TAGS:\tPREL,\tPGOV\nSUBJECT:\tTHE TITLE\n\t\n1.\t(C)\tText here.",
        tags=["PREL", "PGOV"],
        subject="THE TITLE",
        numbers=[1],
    ),
    case(
        "trailing-spaces-on-every-line",
        "TAGS: PREL, PGOV \nSUBJECT: THE TITLE \n \n1. (C) Text \nwrapped here. \n",
        subject="THE TITLE",
        texts=["Text wrapped here."],
    ),
    case(
        "redacted-names-kept",
        "1. (S) XXXXXXXXXXXX told poloff that XXXXXXXXXXXX would resign.",
        texts=["XXXXXXXXXXXX told poloff that XXXXXXXXXXXX would resign."],
    ),
]

CASES = [
    *TAGS_CASES,
    *SUBJECT_CASES,
    *REF_CASES,
    *REASON_CASES,
    *DECLASSIFY_CASES,
    *HEADER_CASES,
    *METADATA_CASES,
    *BANNER_CASES,
    *MARKING_CASES,
    *PARAGRAPH_CASES,
    *SUMMARY_CASES,
    *ROBUSTNESS_CASES,
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_messy_cable(text: str, expected: dict[str, Any]) -> None:
    cable = parse_cable(text)
    for name, value in expected.items():
        assert observed(cable, name) == value, name


NOT_CABLES = [
    pytest.param("", "empty", id="not-a-cable-empty"),
    pytest.param("   \n\t  \n\n", "empty", id="not-a-cable-whitespace"),
    pytest.param(
        "The weather in Moscow was cold this week.\nWe walked along the river and had tea.",
        "not a cable",
        id="not-a-cable-prose",
    ),
    pytest.param(
        "Subject to availability, prices may change without notice.\nCall us today.",
        "not a cable",
        id="not-a-cable-prose-starting-with-subject-to",
    ),
    pytest.param(
        "References available on request.\nI have ten years of experience in sales.",
        "not a cable",
        id="not-a-cable-prose-starting-with-references",
    ),
    pytest.param(
        "Classified ads\nBicycle for sale, barely used.",
        "not a cable",
        id="not-a-cable-prose-starting-with-classified",
    ),
    pytest.param(
        "Tags were found on all of the vehicles.\nNobody knew who put them there.",
        "not a cable",
        id="not-a-cable-prose-starting-with-tags",
    ),
    pytest.param(
        "<html><head><title>Blog</title></head><body><div class='post'>Hello</div></body></html>",
        "not a cable",
        id="not-a-cable-html-junk",
    ),
    pytest.param(
        "\x00\x01\x02\x7f\ufffd\ufffd\x1b[0m\x03PK\x03\x04",
        "not a cable",
        id="not-a-cable-binary-junk",
    ),
    pytest.param(
        '{"id": 1, "name": "cable", "tags": ["PREL"]}', "not a cable", id="not-a-cable-json"
    ),
    pytest.param(
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
        "not a cable",
        id="not-a-cable-lorem-ipsum",
    ),
    pytest.param(
        "1. Buy milk\n2. Call the plumber\n3. Water the plants",
        "not a cable",
        id="not-a-cable-numbered-list-without-markings",
    ),
    pytest.param("!!! ??? ... --- ***", "not a cable", id="not-a-cable-punctuation"),
]


@pytest.mark.parametrize(("text", "message"), NOT_CABLES)
def test_not_a_cable_names_what_is_missing(text: str, message: str) -> None:
    with pytest.raises(CableParseError, match=message):
        parse_cable(text)


def test_not_a_cable_message_lists_what_a_cable_has() -> None:
    with pytest.raises(CableParseError) as raised:
        parse_cable("Just a sentence.")
    for part in ("Reference ID", "routing header", "TAGS", "SUBJECT", "portion marking"):
        assert part in str(raised.value)


def test_the_table_is_big_enough() -> None:
    assert len(CASES) + len(NOT_CABLES) >= 170
