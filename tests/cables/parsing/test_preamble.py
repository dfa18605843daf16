"""The opening of a body: each field wherever it stands, lines of other kinds between them,
and where the body begins. The openings are those of real cables (the pages they come from
are named), trimmed."""

from __future__ import annotations

import textwrap

from cables.parsing.preamble import Opening, read_opening


def opening(text: str) -> tuple[Opening, list[str]]:
    lines = textwrap.dedent(text).strip("\n").split("\n")
    return read_opening(lines), lines


def value(result: Opening, kind: str) -> str | None:
    found = result.value(kind)
    return " ".join(found.split()) if found is not None else None


def test_addressing_and_date_lines_between_the_fields() -> None:
    # 00HARARE6677: the release's date line, addressing lines, labels without colon, and the
    # subject's second line glued to a printout's page line.
    result, lines = opening(
        """
        Wednesday, 29 November 2000, 13:59
        C O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677
        SIPDIS
        NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH
        LONDON FOR CHARLES GURNEY
        EO 12958 DECL: 11/29/10
        TAGS PGOV, PREL, ECON, PINR, ZI, SA
        SUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE
         CONFIDENTIAL
        PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER
        REFTEL: HARARE 6584
        CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).
        1. (C) SUMMARY: ASSISTANT SECRETARY SUSAN E. RICE MET MOVEMENT FOR DEMOCRATIC CHANGE
        """
    )
    assert value(result, "tags") == "PGOV, PREL, ECON, PINR, ZI, SA"
    assert value(result, "subject") == "ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER"
    assert value(result, "ref") == "HARARE 6584"
    assert value(result, "eo") == "DECL: 11/29/10"
    assert result.captions == ["SIPDIS"]
    assert lines[result.end].startswith("1. (C) SUMMARY")
    # The body box shows the opening as written, but for the printout's page line.
    assert "Wednesday, 29 November 2000, 13:59" in result.text
    assert "PAGE 02" not in result.text and "OPPOSITION LEADER" in result.text


def test_a_heading_before_the_first_paragraph_belongs_to_the_body() -> None:
    # 04AMMAN1288
    result, lines = opening(
        """
        S E C R E T SECTION 01 OF 02 AMMAN 001288

        SIPDIS

        EO 12958 DECL: 02/19/2014
        TAGS PREL, PGOV, PTER, IZ, KU, SY, JO
        SUBJECT: MUASHER ON PRODUCTIVE KUWAIT MEETING, PERSISTENT
        PROBLEMS WITH SYRIA

        REF: KUWAIT 539

        Classified By: Amb. Edward W. Gnehm for reasons 1.5 (b) (d)
        -------
        SUMMARY
        -------

        1. (S) FonMin Muasher told the Ambassador February 18 that the Iraq neighbors
        """
    )
    assert (
        value(result, "subject")
        == "MUASHER ON PRODUCTIVE KUWAIT MEETING, PERSISTENT PROBLEMS WITH SYRIA"
    )
    assert value(result, "classified") == "Amb. Edward W. Gnehm for reasons 1.5 (b) (d)"
    assert lines[result.end] == "-------"


def test_a_ref_list_runs_on_across_blank_lines_and_lettered_items() -> None:
    # 04MADRID3914 and 05MADRID4026: items and a serial after a blank line.
    result, _ = opening(
        """
        SUBJECT: CUBA: MFA ON INVITING DISSIDENTS TO SPANISH
        NATIONAL DAY, UN ANTI-EMBARGO RESOLUTION

        REF: A) MADRID 3552 B) BRUSSELS 4080 C) SAINZ E-MAIL

        OF 10/6 D) STATE 215870

        Classified By: Political Counselor Kathy Fitzpatrick; reasons 1.5 (B) a
        nd (D).

        1. (C) Poloff contacted MFA Deputy Director General for
        """
    )
    assert (
        value(result, "ref")
        == "A) MADRID 3552 B) BRUSSELS 4080 C) SAINZ E-MAIL OF 10/6 D) STATE 215870"
    )
    assert (
        value(result, "classified")
        == "Political Counselor Kathy Fitzpatrick; reasons 1.5 (B) a nd (D)."
    )


def test_a_ref_item_that_looks_like_a_marked_paragraph() -> None:
    result, lines = opening(
        """
        REF: REF (A) MADRID 3785 (B) MADRID 3566 (C) SECSTATE

        36633

        (SBU) Poloff delivered reftel demarche on April 21.
        """
    )
    assert value(result, "ref") == "REF (A) MADRID 3785 (B) MADRID 3566 (C) SECSTATE 36633"
    assert lines[result.end] == ""


def test_a_marked_paragraph_after_the_ref_line_is_body() -> None:
    # 08KUALALUMPUR317: no blank line, no number, a date in the text.
    result, lines = opening(
        """
        SUBJECT: DEMARCHE: US-EU PRISONERS OF CONSCIENCE DECLARATION
        REF: STATE 40380
         (SBU) Poloff delivered reftel demarche and nonpaper on April 21 and urged that
        KEITH
        """
    )
    assert value(result, "ref") == "STATE 40380"
    assert lines[result.end].strip().startswith("(SBU) Poloff")


def test_the_first_of_a_field_seen_twice_is_kept() -> None:
    result, _ = opening(
        """
        SUBJECT: THE FIRST SUBJECT
        TAGS: PREL
        SUBJECT: A SECOND ONE
        """
    )
    assert value(result, "subject") == "THE FIRST SUBJECT"


def test_ref_items_each_labelled() -> None:
    # 09ABUDHABI754: 'REF A ...' then 'REF B ...'.
    result, _ = opening(
        """
        REF A SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS
        REF B SECSTATE 76108

        1. (S) Summary: Abu Dhabi Crown Prince Mohammed bin Zayed
        """
    )
    assert (
        value(result, "ref") == "A SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS ; B SECSTATE 76108"
    )


def test_the_body_glued_to_the_reasons_is_carried_to_the_body() -> None:
    # 09TRIPOLI65: paragraph 1 on the Classified By line.
    result, lines = opening(
        """
        SUBJECT: LIBYA: A SUBJECT
        CLASSIFIED BY: Gene A. Cretz, Ambassador. REASON: 1.4 (b), (d) 1. (C/NF) Summary: While Libya
        has a number of other pressing foreign policy issues
        """
    )
    assert value(result, "classified") == "Gene A. Cretz, Ambassador. REASON: 1.4 (b), (d)"
    assert result.carried == "1. (C/NF) Summary: While Libya"
    assert result.body(lines)[:2] == [
        "1. (C/NF) Summary: While Libya",
        "has a number of other pressing foreign policy issues",
    ]
    assert result.text.endswith("REASON: 1.4 (b), (d)")


def test_reasons_after_a_page_line_and_blank_lines() -> None:
    # 07PARIS170
    result, _ = opening(
        """
        CLASSIFIED BY: POLITICAL MINISTER-COUNSELOR JOSIAH ROSENBLATT, REASONS



        PAGE 02 RUEHFRA0170 S E C R E T
        1.4 (B) AND (D).

        1. (S)  LE MONDE'S JAN. 17 EDITION
        """
    )
    assert value(result, "classified") == (
        "POLITICAL MINISTER-COUNSELOR JOSIAH ROSENBLATT, REASONS 1.4 (B) AND (D)."
    )


def test_running_text_after_the_fields_begins_the_body() -> None:
    result, lines = opening(
        """
        TAGS: PGOV SOCI KISL ASEC TU
        SUBJECT: REFLEXIVE TURKISH NATIONALISM ENSNARES MASTERCARD


        This cable was coordinated with Embassy Ankara.

        Summary: After briefly basking in the reflected
        """
    )
    assert lines[result.end] == ""
    assert "This cable" not in result.text


def test_a_note_before_the_fields_is_passed_over() -> None:
    # 66BUENOSAIRES2481: a note of the archives above the E.O. line.
    result, _ = opening(
        """
        UNCLASSIFIED BUENOS AIRES 2481

        Original Telegram was Confidential but has since been
        de-classified

        Copy from the National Archives
        RG 59: General Records of the Department of state
        1964-66 Central Foreign Policy File

        E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009
        TAGS: EFIS PBTS AR
        SUBJECT:  EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS
        """
    )
    assert value(result, "subject") == "EXTENDED NATIONAL JURISDICTIONS OVER HIGH SEAS"
    assert value(result, "tags") == "EFIS PBTS AR"


def test_a_text_without_fields_opens_with_its_body() -> None:
    result, _ = opening(
        """
        1. (C) The talks went well.

        2. (C) They will go on.
        """
    )
    assert result.fields == {} and result.end == 0
