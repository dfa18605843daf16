"""Routing headers: a modern one, an old printout's, a partial extract's."""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime

from cables.parsing.header import read_header


def header_of(text: str, *, whole: bool = True):
    return read_header(textwrap.dedent(text).strip("\n").split("\n"), whole=whole)


def test_an_old_printout_with_its_distribution_block() -> None:
    # 00HARARE6677's header box.
    header, rest = header_of(
        """
        This record is a partial extract of the original cable. The full text of the original cable is not available.

        291359Z Nov 00


                                   CONFIDENTIAL     PTQ1859

        PAGE 01        HARARE  06677  01 OF 03  291400Z
        ACTION AF-00

        INFO  LOG-00   NP-00    AID-00   ACQ-00   CEA-01   CIAE-00  COME-00
              SAS-00   SWCI-00    /012W
                          ------------------A54E38  291401Z /38
        FM AMEMBASSY HARARE
        TO SECSTATE WASHDC IMMEDIATE 7738
        INFO NSC WASHDC IMMEDIATE
        SOUTHERN AFRICAN DEVELOPMENT COMMUNITY
        AMEMBASSY NAIROBI
        """
    )
    assert rest == []
    assert header.sender == "AMEMBASSY HARARE"
    assert header.recipients == ["SECSTATE WASHDC"]
    assert header.info_recipients == [
        "NSC WASHDC",
        "SOUTHERN AFRICAN DEVELOPMENT COMMUNITY",
        "AMEMBASSY NAIROBI",
    ]
    assert header.date_time_group == datetime(2000, 11, 29, 13, 59, tzinfo=UTC)
    assert header.text.startswith("This record is a partial extract")


def test_in_plain_text_the_header_ends_at_the_banner() -> None:
    header, rest = header_of(
        """
        VZCZCXRO8797
        PP RUEHFL RUEHKW
        DE RUEHMO #0601/01 0401554
        ZNY CCCCC ZZH
        O 091554Z FEB 07
        FM AMEMBASSY MOSCOW
        TO RUEHC/SECSTATE WASHDC IMMEDIATE 1234
        INFO RUEHBJ/AMEMBASSY BEIJING 0001

        C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000601
        SIPDIS
        """,
        whole=False,
    )
    assert header.transmission_id == "VZCZCXRO8797"
    assert header.precedence == "O"
    assert header.recipients == ["SECSTATE WASHDC"]
    assert rest[0].startswith("C O N F I D E N T I A L SECTION 01 OF 02")
