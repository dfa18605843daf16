"""Metadata tables as blog reposts copy them."""

from __future__ import annotations

import pytest

from tests.cables.parsing.cases import case, check, utc

METADATA_CASES = [
    case(
        "metadata-table",
        """
        Reference ID  Created  Released  Classification  Origin
        07MOSCOW601  2007-02-09 15:54  2011-08-30 01:44  CONFIDENTIAL  Embassy Moscow
        """,
        reference_id="07MOSCOW601",
        created=utc(2007, 2, 9, 15, 54),
        released=utc(2011, 8, 30, 1, 44),
        classification="CONFIDENTIAL",
        origin="Embassy Moscow",
    ),
    case(
        "metadata-tab-separated",
        "Reference ID\tCreated\tReleased\tClassification\tOrigin\n"
        "08KABUL2345\t2008-09-10 04:12\t2011-08-30 01:44\tSECRET\tEmbassy Kabul",
        reference_id="08KABUL2345",
        classification="SECRET",
        origin="Embassy Kabul",
    ),
    case(
        "metadata-values-one-per-line",
        """
        Reference ID Created Released Classification Origin
        09BRASILIA1300
        2009-11-03 17:40
        2011-08-30 01:44
        UNCLASSIFIED
        Embassy Brasilia
        """,
        reference_id="09BRASILIA1300",
        created=utc(2009, 11, 3, 17, 40),
        classification="UNCLASSIFIED",
        origin="Embassy Brasilia",
    ),
    case(
        "metadata-secret-noforn",
        """
        Reference ID Created Released Classification Origin
        09ISLAMABAD2295 2009-09-23 13:05 2010-11-30 16:30 SECRET//NOFORN Embassy Islamabad
        """,
        classification="SECRET//NOFORN",
        origin="Embassy Islamabad",
    ),
    case(
        "metadata-unclassified-fouo",
        "Reference ID Created Released Classification Origin\n"
        "08MEXICO3377 2008-11-14 22:10 2011-08-30 01:44 "
        "UNCLASSIFIED//FOR OFFICIAL USE ONLY Embassy Mexico",
        classification="UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        origin="Embassy Mexico",
    ),
    case(
        "metadata-multi-word-origin",
        """
        Reference ID Created Released Classification Origin
        08RIODEJANEIRO45 2008-02-20 11:09 2011-08-30 01:44 CONFIDENTIAL Consulate Rio De Janeiro
        """,
        reference_id="08RIODEJANEIRO45",
        origin="Consulate Rio De Janeiro",
    ),
    case(
        "metadata-lower-case-reference-id",
        """
        Reference ID Created Released Classification Origin
        07moscow601 2007-02-09 15:54 2011-08-30 01:44 CONFIDENTIAL Embassy Moscow
        """,
        reference_id="07MOSCOW601",
    ),
    case(
        "metadata-reference-id-with-section-glued-in",
        """
        Reference ID Created Released Classification Origin
        08BAGHDAD1234SECTION01OF02 2008-04-18 15:01 2011-08-30 01:44 SECRET Embassy Baghdad
        """,
        reference_id="08BAGHDAD1234",
    ),
    case(
        "metadata-reference-id-letter-o-for-zero",
        """
        Reference ID Created Released Classification Origin
        O7MOSCOW601 2007-02-09 15:54 2011-08-30 01:44 CONFIDENTIAL Embassy Moscow
        """,
        reference_id="07MOSCOW601",
    ),
    case(
        "metadata-row-without-released",
        "07MOSCOW601 2007-02-09 15:54 CONFIDENTIAL Embassy Moscow",
        reference_id="07MOSCOW601",
        created=utc(2007, 2, 9, 15, 54),
        released=None,
        classification="CONFIDENTIAL",
    ),
    case(
        "metadata-row-without-origin-before-the-body",
        """
        Reference ID  Created  Released  Classification  Origin
        08STATE1  2008-01-01 10:00  2011-01-01 10:00  SECRET

        1. (S) The Department requests that posts deliver the demarche.
        """,
        reference_id="08STATE1",
        origin=None,
        numbers=[1],
    ),
    case(
        "metadata-values-one-per-line-header-follows-without-origin",
        """
        Reference ID Created Released Classification Origin
        09BRASILIA1300
        2009-11-03 17:40
        2011-08-30 01:44
        UNCLASSIFIED
        DE RUEHBR #1300 3071740
        """,
        origin=None,
        header="DE RUEHBR #1300 3071740",
    ),
    case(
        "metadata-after-blog-chrome",
        """
        WikiLeaks Link
        To understand the justification used for the classification of each cable, please use
        this WikiSource article as reference.
        Reference ID Created Released Classification Origin
        10STATE17263 2010-02-24 19:45 2010-11-28 18:00 SECRET Secretary of State
        """,
        reference_id="10STATE17263",
        origin="Secretary of State",
        paragraphs=[],
    ),
    case(
        "metadata-seconds-in-timestamps",
        """
        Reference ID Created Released Classification Origin
        06LAPAZ3020 2006-11-08 14:02:00 2011-08-30 01:44:00 CONFIDENTIAL Embassy La Paz
        """,
        created=utc(2006, 11, 8, 14, 2),
        origin="Embassy La Paz",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [*METADATA_CASES])
def test_case(text, expected) -> None:
    check(text, expected)
