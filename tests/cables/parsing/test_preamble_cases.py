"""SUBJECT lines as real cables write them."""

from __future__ import annotations

import pytest

from tests.cables.parsing.cases import case, check

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


@pytest.mark.parametrize(("text", "expected"), [*SUBJECT_CASES])
def test_case(text, expected) -> None:
    check(text, expected)
