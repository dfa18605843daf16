"""The posts that send the cables (~270 origins), and who signs for each of them.

The Department and the missions of corpus.vocabulary come first, then an embassy in each
country's capital and its consulates, each with a unique routing code ('RUEHMO' for Moscow).
They are ranked for a Zipf skew: the named top origins first, then State-heavy embassies,
then the rest. A post's signers are its known chiefs of mission from their arrival and
invented ones before.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from corpus.countries import Country
from corpus.vocabulary import FIRST_NAMES, LAST_NAMES, MISSIONS, SIGNERS, TOP_ORIGINS

# Reported on from Nairobi, Seoul, Colombo: no post of their own.
_WITHOUT_POST = {"SO", "KN", "MV"}
# Ranked before the consulates when they are not among the top origins.
_MISSION_KINDS = {"embassy": 0, "state": 0, "un": 0, "eu": 0, "nato": 0, "rpo": 0}


@dataclass
class Origin:
    name: str
    refname: str  # 'RIO DE JANEIRO', as banners, page breaks and REF lines write it
    code: str  # 'RIODEJANEIRO', as reference ids write it
    sender: str  # 'AMCONSUL RIO DE JANEIRO'
    routing: str  # 'RUEHRI'
    country: str | None
    kind: str
    gap: int  # the mean step between the serials of two cables of the corpus
    signers: list[tuple[int, str]] = field(default_factory=list)


def build_origins(countries: dict[str, Country], rng: random.Random) -> list[Origin]:
    origins: list[Origin] = []
    taken: set[str] = set()
    for name, refname, sender, routing, tag, kind in MISSIONS:
        taken.add(routing)
        origins.append(
            Origin(name, refname, refname.replace(" ", ""), sender, routing, tag, kind, 6)
        )
    for country in countries.values():
        _add_posts(origins, country, taken)
    rank = {name: index for index, name in enumerate(TOP_ORIGINS)}
    origins.sort(key=lambda o: (rank.get(o.name, len(rank)), 0 if o.kind in _MISSION_KINDS else 1))
    for index, origin in enumerate(origins):
        origin.gap = 14 if origin.kind == "state" else max(2, 9 - index // 30)
        invented = _invented_signers(rng)
        known = SIGNERS.get(origin.code)
        # Known chiefs of mission from their arrival, invented ones before.
        origin.signers = [s for s in invented if s[0] < known[0][0]] + known if known else invented
    return origins


def _add_posts(origins: list[Origin], country: Country, taken: set[str]) -> None:
    """The country's embassy and consulates, those of a city not already a post."""
    if country.tag == "US" or country.tag in _WITHOUT_POST:
        return
    if country.tag == "IR":
        refname = "DUBAI"
        origins.append(
            Origin("Consulate Dubai", refname, refname, "AMCONSUL DUBAI", "RUEHDE", "IR", "rpo", 4)
        )
        taken.add("RUEHDE")
        return
    refname = _letters(country.city)
    if any(o.refname == refname for o in origins):
        return
    origins.append(
        _post(f"Embassy {country.city}", refname, "AMEMBASSY", country, "embassy", 4, taken)
    )
    for city in country.consulates:
        refname = _letters(city)
        if any(o.refname == refname for o in origins):
            continue
        if country.tag == "IZ":
            origins.append(_post(f"REO {city}", refname, "REO", country, "reo", 2, taken))
        else:
            name = f"Consulate {city}"
            origins.append(_post(name, refname, "AMCONSUL", country, "consulate", 2, taken))


def _post(
    name: str, refname: str, sender: str, country: Country, kind: str, gap: int, taken: set[str]
) -> Origin:
    return Origin(
        name,
        refname,
        refname.replace(" ", ""),
        f"{sender} {refname}",
        _routing_code(refname, taken),
        country.tag,
        kind,
        gap,
    )


def _letters(text: str) -> str:
    return "".join(ch for ch in text.upper() if "A" <= ch <= "Z" or ch == " ").strip()


def _routing_code(refname: str, taken: set[str]) -> str:
    """'RUEH' and two letters of the post, unique: RUEHMO for Moscow."""
    compact = refname.replace(" ", "")
    candidates = [compact[:2], compact[0] + compact[-1], compact[:3], compact[0] + compact[2]]
    candidates += [compact[0] + chr(65 + i) for i in range(26)]
    for suffix in candidates:
        code = f"RUEH{suffix}"
        if code not in taken:
            taken.add(code)
            return code
    return f"RUEH{compact[:4]}"


def invented_name(rng: random.Random) -> str:
    first, initial, last = rng.choice(FIRST_NAMES), rng.randrange(26), rng.choice(LAST_NAMES)
    return f"{first} {chr(65 + initial)}. {last}"


def _invented_signers(rng: random.Random) -> list[tuple[int, str]]:
    signers = []
    year = 1966
    while year <= 2010:
        middle = chr(65 + rng.randrange(26))
        signers.append((year, f"{rng.choice(FIRST_NAMES)} {middle}. {rng.choice(LAST_NAMES)}"))
        year += rng.randint(2, 4)
    return signers


def signer_at(origin: Origin, year: int) -> str:
    """Who signed the post's cables in `year`."""
    current = origin.signers[0][1]
    for start, name in origin.signers:
        if start <= year:
            current = name
    return current
