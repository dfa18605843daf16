"""TAGS and the reasons for classification, as real cables write them."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cables.parsing.cases import case, check

TAGS_CASES = [
    case("tags-colon-commas", "TAGS: PREL, PGOV, RS, JA", tags=["PREL", "PGOV", "RS", "JA"]),
    case("tags-no-colon-spaces", "TAGS PREL PGOV ECON RS", tags=["PREL", "PGOV", "ECON", "RS"]),
    case(
        "tags-mixed-case-label", "Tags: PREL, PGOV, KDEM, BR", tags=["PREL", "PGOV", "KDEM", "BR"]
    ),
    case("tags-lower-case-values-upper-cased", "Tags: prel, pgov, br", tags=["PREL", "PGOV", "BR"]),
    case("tags-lower-case-label", "tags: ECON, EFIN, CH", tags=["ECON", "EFIN", "CH"]),
    case("tags-singular-label", "TAG: PHUM", tags=["PHUM"]),
    case("tags-singular-label-no-colon", "TAG PREL, PINR, AF", tags=["PREL", "PINR", "AF"]),
    case("tags-misspelt-tgas", "TGAS: PREL, PARM, IR", tags=["PREL", "PARM", "IR"]),
    case("tags-misspelt-tafs", "TAFS: ECON, EFIN, CH", tags=["ECON", "EFIN", "CH"]),
    case("tags-misspelt-tagss", "TAGSS: ETRD, WTRO, VM", tags=["ETRD", "WTRO", "VM"]),
    case("tags-period-after-label", "TAGS. PTER, ASEC, PK", tags=["PTER", "ASEC", "PK"]),
    case("tags-semicolons", "TAGS: PREL; PGOV; KPAL; IS", tags=["PREL", "PGOV", "KPAL", "IS"]),
    case(
        "tags-commas-and-spaces-mixed",
        "TAGS: PREL PGOV, PINR, KDEM RS",
        tags=["PREL", "PGOV", "PINR", "KDEM", "RS"],
    ),
    case(
        "tags-continued-after-trailing-comma",
        """
        TAGS: ECON, EFIN, ETRD, EINV, BEXP, ELAB,
              PGOV, PREL, BR
        """,
        tags=["ECON", "EFIN", "ETRD", "EINV", "BEXP", "ELAB", "PGOV", "PREL", "BR"],
    ),
    case(
        "tags-continued-space-separated",
        """
        TAGS PREL PGOV PHUM KDEM
        SOCI KJUS RS
        """,
        tags=["PREL", "PGOV", "PHUM", "KDEM", "SOCI", "KJUS", "RS"],
    ),
    case(
        "tags-duplicates-dropped-order-kept",
        "TAGS: PREL, PGOV, PREL, RS, PGOV",
        tags=["PREL", "PGOV", "RS"],
    ),
    # A person tag is listed under each of its words, initials left out, as the original
    # site's tag lists did (/tag/STEINBERG_0.html).
    case(
        "tags-person-tag",
        "TAGS: OVIP (STEINBERG, JAMES B.), PREL, CH",
        tags=["OVIP", "STEINBERG", "JAMES", "PREL", "CH"],
    ),
    case(
        "tags-person-tag-wrapped-inside-parentheses",
        """
        TAGS: PREL, PGOV, OVIP (CLINTON,
              HILLARY), IS
        """,
        tags=["PREL", "PGOV", "OVIP", "CLINTON", "HILLARY", "IS"],
    ),
    case(
        "tags-person-tag-between-space-separated-tags",
        "TAGS PREL OVIP (RICE, CONDOLEEZZA) JA",
        tags=["PREL", "OVIP", "RICE", "CONDOLEEZZA", "JA"],
    ),
    case(
        "tags-two-person-tags",
        "TAGS: OVIP (BIDEN, JOSEPH), OVIP (GATES, ROBERT), PREL, MARR",
        tags=["OVIP", "BIDEN", "JOSEPH", "GATES", "ROBERT", "PREL", "MARR"],
    ),
    case(
        "tags-trailing-period", "TAGS: PREL, MARR, NATO, AF.", tags=["PREL", "MARR", "NATO", "AF"]
    ),
    case(
        "tags-on-the-eo-line",
        "E.O. 12958: DECL: 02/06/2017 TAGS: PREL, PGOV, RS",
        tags=["PREL", "PGOV", "RS"],
        declassify_on=date(2017, 2, 6),
    ),
    case(
        "tags-page-break-between-lines",
        """
        TAGS: PREL, PGOV, ECON,
        MOSCOW 00000601  002 OF 003
        ETRD, RS
        """,
        tags=["PREL", "PGOV", "ECON", "ETRD", "RS"],
    ),
    case(
        "tags-stop-at-subject",
        """
        TAGS: PREL, PGOV
        SUBJECT: RUSSIA: DUMA PASSES NGO LAW
        """,
        tags=["PREL", "PGOV"],
        subject="RUSSIA: DUMA PASSES NGO LAW",
    ),
    case(
        "tags-then-paragraph-one-without-blank-line",
        """
        TAGS: PREL, PGOV
        1. (C) THE MINISTER RECEIVED THE AMBASSADOR ON MARCH 3.
        """,
        tags=["PREL", "PGOV"],
        numbers=[1],
    ),
    case(
        "tags-alone-is-a-fragment-everything-else-empty",
        "TAGS: PREL, PGOV",
        tags=["PREL", "PGOV"],
        reference_id=None,
        subject=None,
        references=[],
        paragraphs=[],
        summary=None,
        header="",
    ),
]


REASON_CASES = [
    case(
        "reasons-b-and-d",
        "Classified By: Ambassador William J. Burns.  Reasons: 1.4 (b) and (d).",
        classified_by="Ambassador William J. Burns",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-upper-case-comma-separated",
        "CLASSIFIED BY: DCM DANIEL A. RUSSELL. REASONS 1.4(B), (D)",
        classified_by="DCM DANIEL A. RUSSELL",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-bare-letters",
        "Classified By: Political Counselor Alice Wells, reasons 1.4 b and d",
        classified_by="Political Counselor Alice Wells",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-comma-for-dot-and-slash",
        "Classified By: Ambassador John Beyrle.  Reasons: 1,4 (B/D).",
        classified_by="Ambassador John Beyrle",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-older-numbering-1-5",
        "Classified By: Charge d'Affaires Daniel Russell for reasons 1.5 (D).",
        classified_by="Charge d'Affaires Daniel Russell",
        classification_reasons=["1.5(d)"],
    ),
    case(
        "reasons-wrapped-label-and-section",
        """
        Classified By: Deputy Chief of Mission Eric Rubin for reasons
        1.4 (b) and (d)
        """,
        classified_by="Deputy Chief of Mission Eric Rubin",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-wrapped-inside-the-list",
        """
        Classified By: PolCouns Alice Wells.  Reasons 1.4 (b),
        (d) and (h).
        """,
        classification_reasons=["1.4(b)", "1.4(d)", "1.4(h)"],
    ),
    case(
        "reasons-label-on-next-line",
        """
        Classified By: Political Officer Jane Doe.
        Reasons: 1.4(b) and (d).
        """,
        classified_by="Political Officer Jane Doe",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-single",
        "Classified By: Ambassador Ryan C. Crocker. Reason: 1.4(d).",
        classified_by="Ambassador Ryan C. Crocker",
        classification_reasons=["1.4(d)"],
    ),
    case(
        "reasons-stacked-parentheses",
        "Classified by: A/DCM Mark Tesone for reasons 1.4(a)(b)(c)(d)",
        classified_by="A/DCM Mark Tesone",
        classification_reasons=["1.4(a)", "1.4(b)", "1.4(c)", "1.4(d)"],
    ),
    case(
        "reasons-ampersand",
        "Classified By: CDA Lawrence Butler, Reasons: 1.4 (b) & (d)",
        classified_by="CDA Lawrence Butler",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-executive-order-cited",
        "CLASSIFIED BY: AMBASSADOR ZALMAY KHALILZAD, REASONS E.O. 12958 1.4 (B) AND (D)",
        classified_by="AMBASSADOR ZALMAY KHALILZAD",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-under-executive-order-13526",
        "Classified By: Ambassador Karl Eikenberry under E.O. 13526, reasons 1.4 (b) and (d)",
        classified_by="Ambassador Karl Eikenberry",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-missing",
        "Classified By: Ambassador John Beyrle.",
        classified_by="Ambassador John Beyrle",
        classification_reasons=[],
    ),
    case(
        "reasons-upper-case-letters-without-parentheses",
        "CLASSIFIED BY: CHARGE D'AFFAIRES A.I. JAMES KNIGHT. REASON 1.4 B, D",
        classified_by="CHARGE D'AFFAIRES A.I. JAMES KNIGHT",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-misspelt-label",
        "Classifed By: PolOff Sarah Lee, Reasons 1.4 (b) and (d)",
        classified_by="PolOff Sarah Lee",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-per-without-reason-label",
        "Classified by Ambassador Michael McFaul per 1.4 (b) and (d)",
        classified_by="Ambassador Michael McFaul",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-e-and-h",
        "Classified By: ISN/RA Director Richard Nephew, Reasons 1.4 (e) and (h)",
        classification_reasons=["1.4(e)", "1.4(h)"],
    ),
    case(
        "reasons-slash-without-spaces",
        "Classified By: Ambassador Robert Godec, reasons 1.4(B/D)",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "reasons-duplicates-dropped",
        "Classified By: DCM Kathleen Fitzpatrick. Reasons: 1.4 (b), (d) and (d).",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "classified-by-name-wrapped",
        """
        Classified By: Acting Deputy Chief of Mission
        James Smith, reasons 1.4 (b) and (d)
        """,
        classified_by="Acting Deputy Chief of Mission James Smith",
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
    case(
        "classified-by-without-reasons-then-paragraph-one",
        """
        Classified By: Ambassador John Beyrle.
        1. (C) The Foreign Minister received the Ambassador on March 3.
        """,
        classified_by="Ambassador John Beyrle",
        classification_reasons=[],
        numbers=[1],
    ),
    case(
        "reasons-page-break-inside",
        """
        Classified By: Ambassador William J. Burns for reasons
        MOSCOW 00000601  002 OF 002
        1.4 (b) and (d).
        """,
        classification_reasons=["1.4(b)", "1.4(d)"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [*TAGS_CASES, *REASON_CASES])
def test_case(text, expected) -> None:
    check(text, expected)
