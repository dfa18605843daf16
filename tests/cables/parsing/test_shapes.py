"""Lines that are not prose: page furniture of a printout, banners, class lines."""

from __future__ import annotations

import pytest

from cables.parsing.shapes import banner_kind, page_furniture


@pytest.mark.parametrize(
    ("line", "glued"),
    [
        ("MOSCOW 00000601  002 OF 002", ""),
        ("MADRID 00001952 001.2 OF 002", ""),
        ("RIO DE JANEIRO 00000357  002 OF 002", ""),
        ("PAGE 02 HARARE 06677 01 OF 03 291400Z", ""),
        ("PAGE 02 MOSCOW 00601 091554Z", ""),
        # An old printout glues the next line onto its page line.
        ("PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER", "OPPOSITION LEADER"),
        ("PAGE 02 RUEHFRA0170 S E C R E T", ""),
        ("PAGE 01 HARARE 06677 02 OF 03 291401Z ACTION AF-00", ""),
        ("ACTION AF-00", ""),
        ("INFO  LOG-00   NP-00    AID-00   ACQ-00   CEA-01   CIAE-00  COME-00", ""),
        ("      CTME-00  DINT-00  DODE-00  DOTE-00  SRPP-00  DS-00    EB-00".strip(), ""),
        ("SAS-00   SWCI-00    /012W", ""),
        ("------------------A54E38  291401Z /38", ""),
        ("Wednesday, 29 November 2000, 13:59", ""),
        (
            "This record is a partial extract of the original cable. The full text of the "
            "original cable is not available.",
            "",
        ),
    ],
)
def test_page_furniture_and_what_is_glued_to_it(line: str, glued: str) -> None:
    assert page_furniture(line) == glued


@pytest.mark.parametrize(
    "line",
    [
        "The Minister said that 2 of 3 proposals were acceptable.",
        "SUBJECT: PART 1 OF 3: THE LIFE AND TIMES OF SOUTH AFRICA'S",
        "1. (C) Summary: the talks stalled.",
        "PAGE 02 OF THE REPORT",
        "C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 000601",
    ],
)
def test_text_is_not_furniture(line: str) -> None:
    assert page_furniture(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("C O N F I D E N T I A L SECTION 02 OF 03 HARARE 006677", "section"),
        ("UNCLAS SECTION 01 OF 05 KABUL 003934", "section"),
        ("CONFIDENTIAL", "class"),
        ("C O N F I D E N T I A L PTQ1865", "class"),
        ("S E C R E T STATE 015113", "banner"),
        ("SECRET SERVICE AGENTS MET THE DELEGATION", "banner"),
        ("The talks went well.", None),
    ],
)
def test_banners_sections_and_class_lines(line: str, kind: str | None) -> None:
    assert banner_kind(line) == kind
