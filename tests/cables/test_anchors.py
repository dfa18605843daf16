"""Where paragraphs went when a cable was parsed anew (cables.anchors, pure)."""

from __future__ import annotations

from cables.anchors import moved


def test_paragraphs_under_their_anchor_stay() -> None:
    earlier = [("par1", "The talks went well."), ("par2", "They will go on.")]
    assert moved(earlier, earlier) == {}


def test_text_now_under_another_anchor_moves() -> None:
    # The earlier parse missed paragraph 2's number: its text was unnumbered, 'p2'.
    earlier = [("par1", "The talks went well."), ("p2", "They will go on in May.")]
    now = [("par1", "The talks went well."), ("par2", "They will go on in May.")]
    assert moved(earlier, now) == {"p2": "par2"}


def test_text_now_inside_another_paragraph_moves_there() -> None:
    # The earlier parse took a wrapped year for a paragraph of its own.
    earlier = [
        ("par3", "Spain and the U.S. could renew the Joint Declaration signed in January"),
        ("par2001", "Another idea was to celebrate the 10-year anniversary of the Agenda."),
    ]
    now = [
        (
            "par3",
            "Spain and the U.S. could renew the Joint Declaration signed in January 2001. "
            "Another idea was to celebrate the 10-year anniversary of the Agenda.",
        )
    ]
    assert moved(earlier, now) == {"par2001": "par3"}


def test_a_paragraph_found_nowhere_is_left_alone() -> None:
    assert moved([("par4", "Words no longer in the cable.")], [("par1", "Other words.")]) == {}
