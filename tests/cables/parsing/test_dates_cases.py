"""E.O. lines and their declassification dates, as real cables write them."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cables.parsing.cases import case, check

DECLASSIFY_CASES = [
    case("decl-month-day-year", "E.O. 12958: DECL: 02/06/2017", declassify_on=date(2017, 2, 6)),
    case("decl-single-digits", "E.O. 12958: DECL: 2/6/2017", declassify_on=date(2017, 2, 6)),
    case("decl-two-digit-year", "E.O. 12958: DECL: 02/06/17", declassify_on=date(2017, 2, 6)),
    case("decl-iso-date", "E.O. 13526: DECL: 2020-01-15", declassify_on=date(2020, 1, 15)),
    case(
        "decl-year-first-slashes", "E.O. 12958: DECL: 2018/03/31", declassify_on=date(2018, 3, 31)
    ),
    case("decl-not-applicable", "E.O. 12958: N/A", declassify_on=None, preamble="E.O. 12958: N/A"),
    case("decl-1-6x1", "E.O. 12958: DECL: 1.6X1", declassify_on=None),
    case("decl-25x1-human", "E.O. 12958: DECL: 25X1-HUMAN", declassify_on=None),
    case("decl-oadr", "E.O. 12356: DECL: OADR", declassify_on=None),
    case("decl-eo-without-space", "E.O.12958: DECL: 10/10/2018", declassify_on=date(2018, 10, 10)),
    case("decl-eo-without-dots", "EO 12958 DECL: 03/04/2018", declassify_on=date(2018, 3, 4)),
    case(
        "decl-declassify-on-label",
        "E.O. 12958: DECLASSIFY ON: 05/05/2015",
        declassify_on=date(2015, 5, 5),
    ),
    case("decl-no-colon", "E.O. 12958: DECL 01/01/2017", declassify_on=date(2017, 1, 1)),
    case(
        "decl-as-amended",
        "E.O. 12958 AS AMENDED: DECL: 11/20/2018",
        declassify_on=date(2018, 11, 20),
    ),
    case(
        "decl-month-name",
        "E.O. 12958: DECL: FEBRUARY 6, 2017",
        declassify_on=date(2017, 2, 6),
    ),
    case(
        "decl-day-month-abbreviation",
        "E.O. 12958: DECL: 06-FEB-2017",
        declassify_on=date(2017, 2, 6),
    ),
    case("decl-impossible-date", "E.O. 12958: DECL: 13/45/2017", declassify_on=None),
    case("decl-lower-case", "e.o. 12958: decl: 02/06/2017", declassify_on=date(2017, 2, 6)),
    case("decl-trailing-period", "E.O. 12958: DECL: 02/06/2017.", declassify_on=date(2017, 2, 6)),
]


@pytest.mark.parametrize(("text", "expected"), [*DECLASSIFY_CASES])
def test_case(text, expected) -> None:
    check(text, expected)
