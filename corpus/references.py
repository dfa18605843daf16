"""The REF line: over half the cables cite earlier ones, their own post's, the Department's,
or now and then a cable outside the corpus; written as the cable's style says (lettered or
not, two- or four-digit years, an e-mail or report among them)."""

from __future__ import annotations

import random

from corpus.origins import Origin
from corpus.shapes import Style, not_a_cable
from corpus.vocabulary import LAST_NAMES

# A cable that later ones may cite: (reference id, year, refname, serial).
type Citable = tuple[str, int, str, int]


def references(
    rng: random.Random,
    recent: dict[str, list[Citable]],
    origin: Origin,
    tag: str,
    year: int,
    style: Style,
) -> tuple[list[str], str]:
    """The reference ids cited and the REF line ('' for none). `recent` holds the cables
    sent lately, by post code, by country tag and under 'STATE'."""
    if not style.ref:
        return [], ""
    cited = _cited(rng, recent, origin, tag, year)
    if not cited:
        return [], ""
    items = []
    for _, cited_year, refname, serial in cited:
        written = f"{refname} {serial}"
        if cited_year != year or rng.random() < 0.5:
            digits = 4 if style.ref_four_digit_year else 2
            written = f"{cited_year % 10**digits:0{digits}d} {written}"
        items.append(written)
    if style.ref_not_a_cable:
        items.insert(rng.randint(0, len(items)), not_a_cable(rng, LAST_NAMES))
    text = "REF: " + _ref_list(rng, items, style)
    return [c[0] for c in cited], text


def _cited(
    rng: random.Random, recent: dict[str, list[Citable]], origin: Origin, tag: str, year: int
) -> list[Citable]:
    candidates = recent.get(origin.code, [])[-30:] + recent.get(tag, [])[-30:]
    state = recent.get("STATE", [])[-20:]
    wanted = min(rng.choice((1, 1, 1, 2, 2, 3, 4)), 26)
    cited: list[Citable] = []
    for _ in range(wanted):
        source = state if state and rng.random() < 0.25 else candidates
        if source and rng.random() < 0.88:
            item = rng.choice(source)
        else:  # a cable outside the corpus
            cited_year = year - rng.randint(0, 2)
            number = rng.randint(1, 9000)
            reference = f"{cited_year % 100:02d}{origin.refname.replace(' ', '')}{number}"
            item = (reference, cited_year, origin.refname, number)
        if item[0] not in {c[0] for c in cited}:
            cited.append(item)
    return cited


def _ref_list(rng: random.Random, items: list[str], style: Style) -> str:
    if len(items) == 1:
        return items[0]
    if not style.ref_letters:
        return "; ".join(items) if style.ref_semicolons else " AND ".join(items)
    lettered = [
        style.ref_letters.replace("A", letter) + " " + item
        for letter, item in zip("ABCDEFGHIJ", items, strict=False)
    ]
    if len(items) > 2 and rng.random() < 0.5:
        return "\n     ".join(lettered)
    return " ".join(lettered)
