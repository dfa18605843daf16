"""Routing headers as real cables write them."""

from __future__ import annotations

import pytest

from tests.cables.parsing.cases import case, check, utc

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


@pytest.mark.parametrize(("text", "expected"), [*HEADER_CASES])
def test_case(text, expected) -> None:
    check(text, expected)
