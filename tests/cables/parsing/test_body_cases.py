"""Portion markings and paragraphs as real cables write them."""

from __future__ import annotations

import pytest

from tests.cables.parsing.cases import case, check


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
        # The signer is no paragraph of the body.
        numbers=[10],
        texts=["Only a breakthrough will result in dramatic change."],
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
        texts=["Post will report further developments."],
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


@pytest.mark.parametrize(("text", "expected"), [*MARKING_CASES, *PARAGRAPH_CASES])
def test_case(text, expected) -> None:
    check(text, expected)
