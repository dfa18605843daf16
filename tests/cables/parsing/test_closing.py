"""The signature a cable ends with and the summary it opens with, as real cables write them."""

from __future__ import annotations

import textwrap

import pytest

from cables.parsing import parse_cable
from cables.parsing.closing import take_signer
from cables.parsing.joining import body_lines


def signer(text: str) -> str | None:
    items, _ = body_lines(textwrap.dedent(text).strip("\n").split("\n"))
    return take_signer(items)


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        ("1. (C) The talks went well.\n\nBURNS", "BURNS"),
        ("1. (C) The talks went well.\nRICE SENDS", "RICE"),
        ("1. (C) The talks went well.\nBeyrle", "Beyrle"),
        ("1. (C) The talks went well.\nSHANNON Shannon", "SHANNON"),
        ("1. (C) The text.\n\nBegin text: all well. End text. SECHE", "SECHE"),
        # After a mission's website, stars, a redacted name, an end marker.
        (
            "1. (C) The talks went well.\nPlease visit Paris' Classified Website at:\n"
            "http://www.state.sgov.gov/p/eur/paris/index.cfm\nSTAPLETON",
            "STAPLETON",
        ),
        ("1. (C) The talks went well.\n****************\nCRETZ", "CRETZ"),
        ("1. (C) More to follow.\nXXXXXXXXXXXX\nAGUIRRE", "AGUIRRE"),
        ("1. (C) The talks went well.\nRICE\nNNNN\nEnd Cable Text", "RICE"),
        ("1. (C) The talks went well.\nEND COMMENT\nDELL", "DELL"),
        ("1. THE TALKS WENT WELL.\nGP-3\nSACCIO", "SACCIO"),
        ("1. (C) text in lower case, and then\nGOLDBERG", "GOLDBERG"),
    ],
)
def test_signers(text: str, signed: str) -> None:
    assert signer(text) == signed


@pytest.mark.parametrize(
    "ending", ["\n\nSCHIEFFER", "\nRICE SENDS", " SECHE", "\n\nSCHIEFFER\n\nNNNN"]
)
def test_the_signer_is_no_paragraph_of_the_body(ending: str) -> None:
    cable = parse_cable(
        "TAGS: PREL\n\nSensitive but unclassified, please protect accordingly.\n\n"
        "1. (C) The talks went well.\n\n2. (C) He will call on the Minister." + ending
    )
    assert cable.signer == ending.split()[0]
    assert [(p.number, p.text) for p in cable.paragraphs] == [
        (None, "Sensitive but unclassified, please protect accordingly."),
        (1, "The talks went well."),
        (2, "He will call on the Minister."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1. (C) The talks went well.\nEnd Summary.",
        "1. (C) The talks went well.\nSIPDIS",
        "1. THE MINISTER SAID THE TALKS WOULD GO ON WITH\nASSISTANCE",
        "1. (C) The talks went well.",
    ],
)
def test_no_signer(text: str) -> None:
    assert signer(text) is None


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("1. (C) SUMMARY: The talks stalled. END SUMMARY.\n\n2. (C) More.", "The talks stalled."),
        (
            "- - - -\nSummary\n- - - -\n\n1. (C) The talks stalled.\n\n2. (C) More.",
            "The talks stalled.",
        ),
        (
            "SUMMARY\n\n1. (SBU) Rights groups support it.\n\n2. (SBU) More.",
            "Rights groups support it.",
        ),
        (
            "--------------------------\nSUMMARY AND Action request\n"
            "--------------------------\n\n1. (C) Washington is concerned.\n\n2. (C) More.",
            "Washington is concerned.",
        ),
        ("1, (C) Summary. During an hour.\n\n2. (C) More.", "During an hour."),
    ],
)
def test_summaries(text: str, summary: str) -> None:
    assert parse_cable("TAGS: PREL\n\n" + text).summary == summary
