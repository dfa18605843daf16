"""How the release's cables are written, measured on the original pages, so that the synthetic
corpus is written the same way: labels with and without their colon, addressing lines between
the fields, partial extracts with the release's notice and date line, lettered and unlettered
REF lists, wrapped Classified By lines, missions' website notices before the signature.

`SHARES` are the shares of the 648 original pages of ../shared/real-cables that have each
shape, as `scripts/measure_shapes.py` prints them (docs/benchmarks.md, "Fidelity"); the
generator draws a `Style` per cable from them. Shares of fields that only some cables have
(REF, Classified By) are of the cables that have the field."""

from __future__ import annotations

import random
from dataclasses import dataclass

SHARES = {
    "partial_extract": 0.071,  # the header box is the release's notice, not the routing
    "date_line": 0.097,  # 'Wednesday, 29 November 2000, 13:59' opens the body
    "addressing_lines": 0.435,  # 'STATE FOR EUR/WE' between the captions and the E.O. line
    "plain_labels": 0.307,  # 'EO 12958 DECL: ...' and 'TAGS PGOV, PREL': no colons
    "tags_wrap": 0.042,  # the TAGS line runs on to a second line
    "subject_mixed_case": 0.047,  # 'Subject: Ambassador Shannon's Meeting with ...'
    "subject_short_label": 0.002,  # 'SUBJ:'
    "ref": 0.546,  # a REF line
    "ref_letters_dot": 0.472,  # of the REF lines: 'A. MOSCOW 123 B. ...'
    "ref_letters_paren": 0.042,  # 'A) MOSCOW 123'
    "ref_letters_both": 0.023,  # '(A) MOSCOW 123'
    "ref_semicolons": 0.076,  # unlettered, 'MOSCOW 123; STATE 456'
    "ref_four_digit_year": 0.073,  # '2005 MOSCOW 1234'
    "ref_not_a_cable": 0.071,  # an e-mail, a report among the references
    "classified_capitals": 0.091,  # of the Classified By lines: 'CLASSIFIED BY: ...'
    "classified_no_colon": 0.028,  # 'Classified by Ambassador ...'
    "classified_wrapped": 0.162,  # the reasons on the next line
    "summary_heading": 0.049,  # '-------', 'Summary', '-------' above paragraph 1
    "website_notice": 0.145,  # "Visit London's Classified Website: http://..." before the name
    "signer_mixed_case": 0.134,  # 'Beyrle' rather than 'BEYRLE'
}

ADDRESSING = [
    "STATE FOR {bureau}",
    "DEPT FOR {bureau}",
    "NSC FOR {name}",
    "STATE PASS TO USAID FOR {bureau}",
    "DEPARTMENT FOR {bureau} AND {bureau}",
    "TREASURY FOR {name}",
    "USEU FOR {name}",
    "DEFENSE FOR OSD/ISP",
    "S/S-O PLEASE PASS {bureau} A/S {name}",
]
BUREAUS = ["EUR/WE", "NEA/ARP", "WHA/BSC", "EAP/CM", "SCA/A", "AF/S", "EUR/RUS", "INR", "DRL"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PARTIAL_EXTRACT = (
    "This record is a partial extract of the original cable. "
    "The full text of the original cable is not available."
)
NOT_CABLES = [
    "{name} E-MAIL OF {day}/{month}",
    "IIR 6 {serial} 10",
    "{name}-{other} EMAILS/TELCONS",
]


@dataclass
class Style:
    """The shapes one cable is written in."""

    partial_extract: bool = False
    date_line: bool = False
    addressing_lines: int = 0
    plain_labels: bool = False
    tags_wrap: bool = False
    subject_mixed_case: bool = False
    subject_short_label: bool = False
    ref: bool = False
    ref_letters: str = "A."  # 'A.', 'A)', '(A)', or '' for none
    ref_semicolons: bool = False
    ref_four_digit_year: bool = False
    ref_not_a_cable: bool = False
    classified_capitals: bool = False
    classified_no_colon: bool = False
    classified_wrapped: bool = False
    summary_heading: bool = False
    website_notice: bool = False
    signer_mixed_case: bool = False

    @classmethod
    def draw(cls, rng: random.Random) -> Style:
        def chance(name: str) -> bool:
            return rng.random() < SHARES[name]

        lettering = rng.random()
        letters = (
            "A."
            if lettering < SHARES["ref_letters_dot"]
            else "A)"
            if lettering < SHARES["ref_letters_dot"] + SHARES["ref_letters_paren"]
            else "(A)"
            if lettering
            < SHARES["ref_letters_dot"] + SHARES["ref_letters_paren"] + SHARES["ref_letters_both"]
            else ""
        )
        return cls(
            partial_extract=chance("partial_extract"),
            date_line=chance("date_line"),
            addressing_lines=rng.choice((1, 1, 2, 2, 3)) if chance("addressing_lines") else 0,
            plain_labels=chance("plain_labels"),
            tags_wrap=chance("tags_wrap"),
            subject_mixed_case=chance("subject_mixed_case"),
            subject_short_label=chance("subject_short_label"),
            ref=chance("ref"),
            ref_letters=letters,
            ref_semicolons=chance("ref_semicolons"),
            ref_four_digit_year=chance("ref_four_digit_year"),
            ref_not_a_cable=chance("ref_not_a_cable"),
            classified_capitals=chance("classified_capitals"),
            classified_no_colon=chance("classified_no_colon"),
            classified_wrapped=chance("classified_wrapped"),
            summary_heading=chance("summary_heading"),
            website_notice=chance("website_notice"),
            signer_mixed_case=chance("signer_mixed_case"),
        )


def addressing_lines(rng: random.Random, count: int, names: list[str]) -> list[str]:
    return [
        rng.choice(ADDRESSING).format(bureau=rng.choice(BUREAUS), name=rng.choice(names).upper())
        for _ in range(count)
    ]


def date_line(created) -> str:
    return f"{WEEKDAYS[created.weekday()]}, {created.day} {created:%B %Y, %H:%M}"


def not_a_cable(rng: random.Random, names: list[str]) -> str:
    name, other = rng.choice(names).upper(), rng.choice(names).upper()
    return rng.choice(NOT_CABLES).format(
        name=name,
        other=other,
        day=rng.randint(1, 28),
        month=rng.randint(1, 12),
        serial=f"{rng.randint(100, 999)} {rng.randint(1000, 9999)}",
    )


def website_notice(post: str) -> list[str]:
    return [f"Visit {post}'s Classified Website:", "http://www.state.sgov.gov/p/classified/"]


def title_case(subject: str) -> str:
    """'RUSSIA: TALKS WITH THE MINISTER' -> 'Russia: Talks with the Minister'."""
    small = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
    words = subject.lower().split(" ")
    return " ".join(
        word if index and word in small else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )
