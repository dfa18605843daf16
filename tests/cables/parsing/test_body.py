"""Paragraphs: numbers that follow the text, so that the original pages' #parN links land on
the same words; the anchors those pages put inside a paragraph; markings."""

from __future__ import annotations

import textwrap

from cables.parsing.body import ParsedParagraph, split_paragraphs
from cables.parsing.joining import body_lines


def paragraphs(text: str) -> list[ParsedParagraph]:
    items, trailing = body_lines(textwrap.dedent(text).strip("\n").split("\n"))
    return split_paragraphs(items, trailing_spaces=trailing)


def test_a_numbered_list_inside_a_paragraph_is_no_paragraph() -> None:
    # 09MOSCOW2754: '1)' ... '4)' inside paragraph 1, then the real paragraph 2.
    result = paragraphs(
        """
        1. (SBU) The USG and GOR have four existing mechanisms.

        1) Joint Staff Talks (JSTs):  This event is hosted annually.

        2) Bilateral Defense Consultations (BDCs):  Hosted by ASD/ISA.

        2. (SBU) In addition, as a result of the Presidential summit
        """
    )
    assert [(p.number, p.marking) for p in result] == [(1, "SBU"), (2, "SBU")]
    assert "2) Bilateral Defense Consultations" in result[0].text


def test_a_year_wrapped_to_the_start_of_a_line_keeps_its_anchor() -> None:
    # 04MADRID4367: the original pages anchored '#par2001' before '2001. Another idea'.
    result = paragraphs(
        """
        3. (C) Spain and the U.S. could renew the Joint Declaration signed in January
        2001. Another idea was to celebrate the 10-year anniversary
        of the Transatlantic Agenda.
        """
    )
    assert len(result) == 1
    ((name, offset),) = result[0].inline_anchors
    assert name == "par2001"
    assert result[0].text[offset:].startswith("2001. Another idea")


def test_an_anchor_keeps_its_digits_as_written() -> None:
    result = paragraphs(
        """
        4. (S) Reports said that at
        0200. Reports indicate many casualties
        """
    )
    assert [name for name, _ in result[0].inline_anchors] == ["par0200"]


def test_a_number_and_marking_alone_before_the_same_paragraph() -> None:
    # 10BRASILIA51: '1. (C)' glued to the Classified By line, then paragraph 1.
    result = paragraphs(
        """
        1. (C)

        1. (C) During Ambassador Shannon's introductory call
        """
    )
    assert [(p.number, p.text) for p in result] == [
        (1, "During Ambassador Shannon's introductory call")
    ]


def test_a_comma_for_a_full_stop_before_a_marking() -> None:
    result = paragraphs("1, (C) Summary. During an hour and a half conversation")
    assert [(p.number, p.marking) for p in result] == [(1, "C")]


def test_markings_as_real_cables_write_them() -> None:
    result = paragraphs(
        """
        1. (S-NF) A shipment of 33 Ukrainian tanks.

        2. (S//FGI//NF) NEA - Lebanon.

        3.  (Secret/Rel Armenia) Begin Letter:

        4.  (SNF)  The Ambassador would like to thank the team.
        """
    )
    assert [p.marking for p in result] == ["S-NF", "S//FGI//NF", "SECRET/REL ARMENIA", "SNF"]


def test_a_heading_between_paragraphs() -> None:
    result = paragraphs(
        """
        1. (C) The first paragraph.

        --------------------------
        MASS ACTION IS ON THE TABLE
        --------------------------

        2. (C) The second paragraph.
        """
    )
    assert [(p.number, p.heading) for p in result] == [
        (1, None),
        (2, "MASS ACTION IS ON THE TABLE"),
    ]


def test_headings_under_a_rule_split_in_two_or_with_their_rule_on_the_line() -> None:
    # 04BRUSSELS1868 and 02BRASILIA4227.
    result = paragraphs(
        """
        1. (C) The first paragraph.

        Next Steps On Cyprus/Papadopolous' Dubious Character...
        --------------------------------------------- ----------

        2. (C) The next steps.

        "THE PT IS A MODEL FOR LATIN AMERICAN LEFTISTS" --------------------------------------------- --

        3. (C) Ambassador Reich asked Mercadante.
        """
    )
    assert [p.heading for p in result] == [
        None,
        "Next Steps On Cyprus/Papadopolous' Dubious Character...",
        '"THE PT IS A MODEL FOR LATIN AMERICAN LEFTISTS"',
    ]
