"""The header column of a row: the metadata table of the release (Reference ID, Created,
Released, Classification, Origin), so that the release date comes through, then the
telegram's routing lines (precedence, DE, the ZN line, FM, TO, INFO). A partial extract has
the release's notice in place of the routing."""

from __future__ import annotations

import random
from datetime import datetime

from corpus.origins import Origin
from corpus.shapes import PARTIAL_EXTRACT, Style
from corpus.vocabulary import BANNERS, ZN_LINES

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
# How the first addressee is flagged, by precedence: PRIORITY unless IMMEDIATE or FLASH.
_FIRST_ADDRESSEE = {"O": "IMMEDIATE", "Z": "FLASH"}


def header(
    rng: random.Random,
    *,
    origin: Origin,
    department: Origin,
    addressees: list[Origin],
    classification: str,
    created: datetime,
    released: datetime,
    reference_id: str,
    serial: int,
    style: Style,
) -> str:
    """The header column. The Department writes to posts; the posts write to the Department
    (`department`), with other posts (`addressees`) for information."""
    precedence = (
        rng.choice("OOOPPPRRZ") if classification != "UNCLASSIFIED" else rng.choice("PPRRRO")
    )
    if origin.kind == "state":
        to_posts = [addressees[int(rng.random() * 80)] for _ in range(rng.randint(1, 3))]
    else:
        to_posts = [department]
    info = [addressees[int(rng.random() * 120)] for _ in range(rng.randint(0, 4))]
    info = [post for post in info if post is not origin]
    table = [
        "Reference ID  Created  Released  Classification  Origin",
        f"{reference_id}  {created:%Y-%m-%d %H:%M}  {released:%Y-%m-%d %H:%M}  "
        f"{classification}  {origin.name}",
        "",
    ]
    if style.partial_extract:
        return "\n".join([*table, PARTIAL_EXTRACT])
    routing = _routing_lines(
        rng, origin, classification, created, serial, precedence, to_posts, info
    )
    return "\n".join([*table, *routing])


def _routing_lines(
    rng: random.Random,
    origin: Origin,
    classification: str,
    created: datetime,
    serial: int,
    precedence: str,
    to_posts: list[Origin],
    info: list[Origin],
) -> list[str]:
    day = created.timetuple().tm_yday
    dtg = f"{created:%d%H%M}Z {_MONTHS[created.month - 1]} {created:%y}"
    lines = [
        f"VZCZCXRO{rng.randint(1000, 9999)}",
        f"{precedence}{precedence} RUEHWEB",
        f"DE {origin.routing} #{serial % 10000:04d}/01 {day:03d}{created:%H%M}",
        ZN_LINES[BANNERS[classification]],
        f"{precedence} {dtg}",
        f"FM {origin.sender}",
        "TO " + _address(rng, to_posts[0], _FIRST_ADDRESSEE.get(precedence, "PRIORITY")),
    ]
    lines.extend(_address(rng, post, "PRIORITY") for post in to_posts[1:])
    for position, post in enumerate(info):
        lines.append(("INFO " if position == 0 else "") + _address(rng, post, "ROUTINE"))
    return lines


def _address(rng: random.Random, post: Origin, how: str) -> str:
    return f"{post.routing}/{post.sender} {how} {rng.randint(1, 9999):04d}"
