"""The body's lines made ready for paragraphs: page furniture and a section's repeated
preamble dropped; the lines of a paragraph joined, each line's place in the text kept."""

from __future__ import annotations

import textwrap

from cables.parsing.body import ParsedParagraph, split_paragraphs
from cables.parsing.joining import body_lines, join_lines


def paragraphs_of(text: str) -> list[ParsedParagraph]:
    items, trailing = body_lines(textwrap.dedent(text).strip("\n").split("\n"))
    return split_paragraphs(items, trailing_spaces=trailing)


def test_the_preamble_a_new_section_repeats_is_dropped() -> None:
    # 00HARARE6677: a printout's second section repeats the class line, the distribution,
    # the banner, captions, addressing lines and the E.O. and TAGS lines mid-paragraph.
    result = paragraphs_of(
        """
        5. (C) UNDER NORMAL CIRCUMSTANCES, THE MDC WOULD WAIT UNTIL 2002 FOR CHANGE, IF IT WAITS THAT LONG,
         CONFIDENTIAL
         CONFIDENTIAL PTQ1865
        PAGE 01 HARARE 06677 02 OF 03 291401Z ACTION AF-00
        INFO LOG-00 NP-00 AID-00 ACQ-00 CEA-01 CIAE-00 COME-00  CTME-00 /012W
        C O N F I D E N T I A L SECTION 02 OF 03 HARARE 006677
        SIPDIS
        NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH
        E.O. 12958: DECL: 11/29/10 TAGS: PGOV PREL ECON PINR ZI SA
        PAGE 02 HARARE 06677 02 OF 03 291401Z OPPOSITION LEADER
        THERE WILL BE NOTHING TO VOTE FOR BY THE TIME THE ELECTION ARRIVES.
        """
    )
    assert result[0].text == (
        "UNDER NORMAL CIRCUMSTANCES, THE MDC WOULD WAIT UNTIL 2002 FOR CHANGE, IF IT WAITS "
        "THAT LONG, THERE WILL BE NOTHING TO VOTE FOR BY THE TIME THE ELECTION ARRIVES."
    )


def test_join_lines_says_where_each_line_begins() -> None:
    parts = ["The talks went well.", "2001. Another idea", "", "was to celebrate."]
    text, starts = join_lines(parts, trailing_spaces=False)
    assert text == "The talks went well. 2001. Another idea\n\nwas to celebrate."
    assert starts[0] == 0
    assert text[starts[1] :].startswith("2001. Another idea")
    assert text[starts[3] :] == "was to celebrate."


def test_a_repost_rejoins_a_word_its_line_end_broke() -> None:
    text, _ = join_lines(["the dis ", "pute went on "], trailing_spaces=True)
    assert text == "the dis pute went on"
    text, _ = join_lines(["the dis", "pute went on "], trailing_spaces=True)
    assert text == "the dispute went on"


def test_page_lines_between_two_halves_of_a_sentence() -> None:
    items, _ = body_lines(
        ["1. (C) The minister said that", "", "MOSCOW 00000601  002 OF 002", "", "talks go on."]
    )
    assert [(item.text, item.after_break) for item in items] == [
        ("1. (C) The minister said that", False),
        ("talks go on.", False),
    ]
