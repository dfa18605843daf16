"""Whole texts: odd encodings kept apart, and texts that are no cable refused."""

from __future__ import annotations

import pytest

from cables.parsing import CableParseError, parse_cable
from tests.cables.parsing.cases import case, check

ROBUSTNESS_CASES = [
    case(
        "windows-line-endings",
        "TAGS: PREL, PGOV\r\nSUBJECT: FOO BAR\r\n\r\n1. (C) Text here.\r\n",
        tags=["PREL", "PGOV"],
        subject="FOO BAR",
        texts=["Text here."],
    ),
    case(
        "byte-order-mark-and-no-break-spaces",
        "\ufeffTAGS:\u00a0PREL, PGOV\n\n1.\u00a0(C) Text\u00a0here.",
        tags=["PREL", "PGOV"],
        markings=["C"],
    ),
    case(
        "tabs-for-indentation",
        "TAGS:\tPREL,\tPGOV\nSUBJECT:\tTHE TITLE\n\t\n1.\t(C)\tText here.",
        tags=["PREL", "PGOV"],
        subject="THE TITLE",
        numbers=[1],
    ),
    case(
        "trailing-spaces-on-every-line",
        "TAGS: PREL, PGOV \nSUBJECT: THE TITLE \n \n1. (C) Text \nwrapped here. \n",
        subject="THE TITLE",
        texts=["Text wrapped here."],
    ),
    case(
        "redacted-names-kept",
        "1. (S) XXXXXXXXXXXX told poloff that XXXXXXXXXXXX would resign.",
        texts=["XXXXXXXXXXXX told poloff that XXXXXXXXXXXX would resign."],
    ),
]


NOT_CABLES = [
    pytest.param("", "empty", id="not-a-cable-empty"),
    pytest.param("   \n\t  \n\n", "empty", id="not-a-cable-whitespace"),
    pytest.param(
        "The weather in Moscow was cold this week.\nWe walked along the river and had tea.",
        "not a cable",
        id="not-a-cable-prose",
    ),
    pytest.param(
        "Subject to availability, prices may change without notice.\nCall us today.",
        "not a cable",
        id="not-a-cable-prose-starting-with-subject-to",
    ),
    pytest.param(
        "References available on request.\nI have ten years of experience in sales.",
        "not a cable",
        id="not-a-cable-prose-starting-with-references",
    ),
    pytest.param(
        "Classified ads\nBicycle for sale, barely used.",
        "not a cable",
        id="not-a-cable-prose-starting-with-classified",
    ),
    pytest.param(
        "Tags were found on all of the vehicles.\nNobody knew who put them there.",
        "not a cable",
        id="not-a-cable-prose-starting-with-tags",
    ),
    pytest.param(
        "<html><head><title>Blog</title></head><body><div class='post'>Hello</div></body></html>",
        "not a cable",
        id="not-a-cable-html-junk",
    ),
    pytest.param(
        "\x00\x01\x02\x7f\ufffd\ufffd\x1b[0m\x03PK\x03\x04",
        "not a cable",
        id="not-a-cable-binary-junk",
    ),
    pytest.param(
        '{"id": 1, "name": "cable", "tags": ["PREL"]}', "not a cable", id="not-a-cable-json"
    ),
    pytest.param(
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
        "not a cable",
        id="not-a-cable-lorem-ipsum",
    ),
    pytest.param(
        "1. Buy milk\n2. Call the plumber\n3. Water the plants",
        "not a cable",
        id="not-a-cable-numbered-list-without-markings",
    ),
    pytest.param("!!! ??? ... --- ***", "not a cable", id="not-a-cable-punctuation"),
]


@pytest.mark.parametrize(("text", "message"), NOT_CABLES)
def test_not_a_cable_names_what_is_missing(text: str, message: str) -> None:
    with pytest.raises(CableParseError, match=message):
        parse_cable(text)


def test_not_a_cable_message_lists_what_a_cable_has() -> None:
    with pytest.raises(CableParseError) as raised:
        parse_cable("Just a sentence.")
    for part in ("Reference ID", "routing header", "TAGS", "SUBJECT", "portion marking"):
        assert part in str(raised.value)


@pytest.mark.parametrize(("text", "expected"), [*ROBUSTNESS_CASES])
def test_case(text, expected) -> None:
    check(text, expected)
