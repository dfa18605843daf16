"""Summaries as real cables write them."""

from __future__ import annotations

import pytest

from tests.cables.parsing.cases import case, check

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


@pytest.mark.parametrize(("text", "expected"), [*SUMMARY_CASES])
def test_case(text, expected) -> None:
    check(text, expected)
