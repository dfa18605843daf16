"""A deterministic synthetic corpus in the shape of cables.csv, for load tests and demos.

`write_corpus(stream, count, seed)` writes `count` rows that `import_cables` reads: 8 quoted
columns, no header row (numeric id, created 'MM/DD/YYYY HH:MM', reference id, origin,
classification, references, header, content). The header column starts with the metadata
table (Reference ID  Created  Released  Classification  Origin) so the release date comes
through, then the routing header; the content column is the cable body.

The shape follows the 2011 release: the real counts per classification, ~270 origins with a
Zipf skew, created dates mostly 2004-2010 with a thin tail back to 1966, rows in created order,
release dates from 2010-11-28 to 2011-09-01, log-normal lengths (mean ~6.4 KB, a tail past
50 KB). The text is built from pools of whole sentences composed once at the start, per
country and topic, so a cable reads on one subject and names that country's people, places
and institutions: full-text search finds 'Gazprom' in Moscow's energy cables, 'Karzai' in
Kabul's. Pure Python, no Django; the same count and seed give byte-identical output. The words
are in corpus.vocabulary.
"""

from __future__ import annotations

import math
import random
import re
from bisect import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate
from typing import TextIO

from cables.citation import MONTHS as MONTH_NAMES
from corpus.shapes import (
    PARTIAL_EXTRACT,
    Style,
    addressing_lines,
    date_line,
    not_a_cable,
    title_case,
    website_notice,
)
from corpus.vocabulary import (
    BANNERS,
    CLASSIFIED_BY,
    CLASSIFIED_BY_CAPITALS,
    CLASSIFIED_BY_NO_COLON,
    CLASSIFIER_TITLES,
    CLOSINGS,
    COUNTRY_TABLE,
    CUSTOM,
    FIRST_NAMES,
    HEADINGS,
    INTL,
    LAST_NAMES,
    MARKINGS,
    MISSION_TARGETS,
    MISSION_TOPICS,
    MISSIONS,
    RARE_FRAMES,
    RARE_TERMS,
    REAL_CLASSIFICATIONS,
    SIGNERS,
    SOURCES,
    STATE_TITLES,
    SUBJECTS,
    SUMMARY_OPENERS,
    TEMPLATES,
    TOP_ORIGINS,
    TOPIC_PHRASES,
    TOPIC_TAGS,
    US_PEOPLE,
    ZN_LINES,
)

FULL_COUNT = 251_287


MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

# --- countries ----------------------------------------------------------------------------
# TAG|Country|Adjective|embassy city|consulates|people|institutions|places|neighbours|topics
# People are 'Full Name:Title' or 'Full Name:Title:Short' when the short name is not the last
# word, most prominent first. Topics weight the subjects a post writes about.


@dataclass
class Country:
    tag: str
    name: str
    adjective: str
    city: str
    consulates: list[str]
    people: list[tuple[str, str, str]]  # (full name, title, short name)
    institutions: list[str]
    places: list[str]
    neighbours: list[str]
    topics: dict[str, int]


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


def parse_people(text: str) -> list[tuple[str, str, str]]:
    people = []
    for entry in filter(None, text.split(";")):
        parts = entry.split(":")
        full, title = parts[0], parts[1] if len(parts) > 1 else ""
        short = parts[2] if len(parts) > 2 else full.split()[-1]
        people.append((full, title, short))
    return people


def load_countries() -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for line in COUNTRY_TABLE.strip().splitlines():
        cells = line.split("|")
        if len(cells) < 10 or not cells[5]:
            continue
        tag, name, adjective, city, consulates, people, institutions, places, near, topics = cells
        weights = {}
        for item in filter(None, topics.split(";")):
            weights[item.rstrip("0123456789")] = int(item[len(item.rstrip("0123456789")) :])
        countries[tag] = Country(
            tag=tag.rstrip("0123456789"),
            name=name,
            adjective=adjective,
            city=city,
            consulates=[c for c in consulates.split(";") if c],
            people=parse_people(people),
            institutions=[i for i in institutions.split(";") if i],
            places=[p for p in places.split(";") if p],
            neighbours=[n for n in near.split(";") if n],
            topics=weights,
        )
    return countries


def letters(text: str) -> str:
    return "".join(ch for ch in text.upper() if "A" <= ch <= "Z" or ch == " ").strip()


def routing_code(refname: str, taken: set[str]) -> str:
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


def build_origins(countries: dict[str, Country], rng: random.Random) -> list[Origin]:
    origins: list[Origin] = []
    taken: set[str] = set()
    for name, refname, sender, routing, tag, kind in MISSIONS:
        taken.add(routing)
        origins.append(
            Origin(name, refname, refname.replace(" ", ""), sender, routing, tag, kind, 6)
        )
    for country in countries.values():
        if country.tag == "US":
            continue
        if country.tag == "IR":
            refname = "DUBAI"
            origins.append(
                Origin(
                    "Consulate Dubai", refname, refname, "AMCONSUL DUBAI", "RUEHDE", "IR", "rpo", 4
                )
            )
            taken.add("RUEHDE")
            continue
        if country.tag in {"SO", "KN", "MV"}:
            continue  # reported on from Nairobi, Seoul, Colombo
        refname = letters(country.city)
        if any(o.refname == refname for o in origins):
            continue
        origins.append(
            Origin(
                f"Embassy {country.city}",
                refname,
                refname.replace(" ", ""),
                f"AMEMBASSY {refname}",
                routing_code(refname, taken),
                country.tag,
                "embassy",
                4,
            )
        )
        for city in country.consulates:
            refname = letters(city)
            if any(o.refname == refname for o in origins):
                continue
            kind = "reo" if country.tag == "IZ" else "consulate"
            label = "REO" if kind == "reo" else "Consulate"
            origins.append(
                Origin(
                    f"{label} {city}",
                    refname,
                    refname.replace(" ", ""),
                    f"{'REO' if kind == 'reo' else 'AMCONSUL'} {refname}",
                    routing_code(refname, taken),
                    country.tag,
                    kind,
                    2,
                )
            )
    # Zipf skew: the named top origins first, then State-heavy embassies, then the rest.
    rank = {name: index for index, name in enumerate(TOP_ORIGINS)}
    kinds = {"embassy": 0, "state": 0, "un": 0, "eu": 0, "nato": 0, "rpo": 0}
    origins.sort(key=lambda o: (rank.get(o.name, len(rank)), 0 if o.kind in kinds else 1))
    for index, origin in enumerate(origins):
        origin.gap = 14 if origin.kind == "state" else max(2, 9 - index // 30)
        invented = invented_signers(rng)
        known = SIGNERS.get(origin.code)
        # Known chiefs of mission from their arrival, invented ones before.
        origin.signers = [s for s in invented if s[0] < known[0][0]] + known if known else invented
    return origins


def invented_name(rng: random.Random) -> str:
    first, initial, last = rng.choice(FIRST_NAMES), rng.randrange(26), rng.choice(LAST_NAMES)
    return f"{first} {chr(65 + initial)}. {last}"


def invented_signers(rng: random.Random) -> list[tuple[int, str]]:
    signers = []
    year = 1966
    while year <= 2010:
        middle = chr(65 + rng.randrange(26))
        signers.append((year, f"{rng.choice(FIRST_NAMES)} {middle}. {rng.choice(LAST_NAMES)}"))
        year += rng.randint(2, 4)
    return signers


def signer_at(origin: Origin, year: int) -> str:
    current = origin.signers[0][1]
    for start, name in origin.signers:
        if start <= year:
            current = name
    return current


# --- sentences ----------------------------------------------------------------------------
# Templates per topic. Slots: {leader} {official} {fm} {person} {inst} {inst2} {place}
# {country} {adj} {neighbour} {nadj} {intl} {source} {month} {num} {amount} {pct} {phrase}
# {us}. Filled once, when the pools are built; a cable then picks whole sentences.


def titled(person: tuple[str, str, str], short: bool = False) -> str:
    """'President Vladimir Putin' ('President Putin'), but not 'King King Abdullah'."""
    full, title, short_name = person
    name = short_name if short else full
    if not title or full.startswith(title) or name.startswith(title.split()[0]):
        return full if full.startswith(title) else name
    return f"{title} {name}"


ZIPF_CUMULATIVE: dict[tuple[int, float], list[float]] = {}


def zipf_pick(rng: random.Random, items: list, exponent: float = 1.0):
    """An item of `items`, the first most often: weight 1 / rank ** exponent."""
    key = (len(items), exponent)
    cumulative = ZIPF_CUMULATIVE.get(key)
    if cumulative is None:
        weights = (1 / (index + 1) ** exponent for index in range(len(items)))
        cumulative = ZIPF_CUMULATIVE[key] = list(accumulate(weights))
    return items[bisect(cumulative, rng.random() * cumulative[-1])]


class Vocabulary:
    """The sentence pools, built once per corpus from the seed."""

    POOL_SIZE = 60
    SUBJECT_POOL_SIZE = 24

    def __init__(self, rng: random.Random, countries: dict[str, Country]) -> None:
        self.rng = rng
        self.countries = countries
        self.pools: dict[tuple[str, str, bool], list[str]] = {}
        self.subjects: dict[tuple[str, str, bool], list[str]] = {}

    def slots(self, country: Country, topic: str, old: bool = False) -> dict[str, str]:
        rng = self.rng
        people = country.people or [("the President", "President", "the President")]
        if old:
            # Before 2000 the names of 2004-2010 would be anachronisms: titles only.
            titles = dict.fromkeys(["President", "Prime Minister", "Foreign Minister"])
            titles.update(dict.fromkeys(title for _, title, _ in people if title))
            people = [(f"the {title}", "", f"the {title}") for title in titles]
        leader = zipf_pick(rng, people[:3], 1.2)
        other = zipf_pick(rng, people, 0.9)
        another = zipf_pick(rng, people, 0.7)
        neighbour = (
            self.countries.get(rng.choice(country.neighbours)) if country.neighbours else None
        )
        institutions = country.institutions or ["the government"]
        places = country.places or [country.city]
        return {
            "leader": rng.choice([titled(leader, short=True), leader[2]]),
            "official": rng.choice([titled(other), other[2]]),
            "person": rng.choice([another[0], another[2], titled(another, short=True)]),
            "fm": people[min(2, len(people) - 1)][2],
            "inst": zipf_pick(rng, institutions, 0.8),
            "inst2": rng.choice(institutions),
            "place": zipf_pick(rng, places, 0.8),
            "country": country.name,
            "adj": country.adjective,
            "neighbour": neighbour.name if neighbour else "its neighbours",
            "nadj": neighbour.adjective if neighbour else "Regional",
            "intl": zipf_pick(rng, INTL, 0.8),
            "source": zipf_pick(rng, SOURCES, 0.6),
            "month": rng.choice(MONTH_NAMES),
            "num": str(rng.randint(3, 60)),
            "amount": f"USD {rng.randint(2, 900)} million",
            "pct": str(rng.randint(3, 75)),
            "phrase": zipf_pick(rng, TOPIC_PHRASES.get(topic, TOPIC_PHRASES["pol"]), 0.7),
            "us": rng.choice(US_PEOPLE),
        }

    def pool(self, tag: str, topic: str, old: bool = False) -> list[str]:
        key = (tag, topic, old)
        if key not in self.pools:
            country = self.countries[tag]
            templates = TEMPLATES.get(topic, []) + TEMPLATES["common"]
            custom = [] if old else CUSTOM.get((tag, topic), [])
            sentences = []
            for _ in range(self.POOL_SIZE):
                template = self.rng.choice(templates)
                text = template.format(**self.slots(country, topic, old))
                sentences.append(text[0].upper() + text[1:])
            self.pools[key] = sentences + custom * 4
        return self.pools[key]

    def rare(self, tag: str, rng: random.Random) -> str:
        """A sentence naming one of the rare terms, the first of them most often."""
        term = zipf_pick(rng, RARE_TERMS, 1.1)
        frame = RARE_FRAMES[int(rng.random() * len(RARE_FRAMES))]
        slots = self.slots(self.countries[tag], "pol")
        text = frame.format(term=term, source=slots["source"], official=slots["official"])
        return text[0].upper() + text[1:]

    def subject(self, tag: str, topic: str, rng: random.Random, old: bool = False) -> str:
        """A subject line from a pool composed once per country and topic."""
        key = (tag, topic, old)
        subjects = self.subjects.get(key)
        if subjects is None:
            country = self.countries[tag]
            people = country.people or [("", "", "GOVERNMENT")]
            subjects = []
            for _ in range(self.SUBJECT_POOL_SIZE):
                slots = self.slots(country, topic, old)
                slots = {name.upper(): value for name, value in slots.items()}
                if not old:
                    slots["LEADER"] = zipf_pick(self.rng, people[:3], 1.2)[2]
                    slots["OFFICIAL"] = zipf_pick(self.rng, people, 0.9)[2]
                slots["INST"] = slots["INST"].removeprefix("the ")
                slots["PLACE"] = slots["PLACE"].removeprefix("the ")
                head = self.rng.choice(SUBJECTS.get(topic, SUBJECTS["pol"])).format(**slots)
                subjects.append(f"{country.name.upper()}: {head.upper()}")
            self.subjects[key] = subjects
        return subjects[int(rng.random() * len(subjects))]


# --- the corpus ---------------------------------------------------------------------------


@dataclass
class SyntheticCable:
    row_id: int
    reference_id: str
    created: datetime
    released: datetime
    classification: str
    origin: str
    tags: list[str]
    subject: str
    references: list[str]  # the cable ids its REF line cites
    markings: list[str | None]  # each numbered paragraph's marking, as written
    header: str
    content: str
    style: Style = field(default_factory=Style)

    def row(self) -> list[str]:
        return [
            str(self.row_id),
            self.created.strftime("%m/%d/%Y %H:%M"),
            self.reference_id,
            self.origin,
            self.classification,
            ",".join(self.references),
            self.header,
            self.content,
        ]


def csv_row(cells: list[str]) -> str:
    """QUOTE_ALL with doubled quotes and '\\r\\n' line ends: what csv.writer writes, faster."""
    return ",".join(['"' + cell.replace('"', '""') + '"' for cell in cells]) + "\r\n"


def class_counts(count: int) -> list[tuple[str, int]]:
    """The real counts scaled to `count` by largest remainder: exact for the full corpus."""
    total = sum(REAL_CLASSIFICATIONS.values())
    shares = [(name, real * count / total) for name, real in REAL_CLASSIFICATIONS.items()]
    counts = {name: int(share) for name, share in shares}
    rest = count - sum(counts.values())
    by_remainder = sorted(shares, key=lambda item: item[1] - int(item[1]), reverse=True)
    for name, _ in by_remainder[:rest]:
        counts[name] += 1
    return list(counts.items())


# Share of the cables per created year: a thin tail back to 1966, the bulk 2004-2010.
YEAR_WEIGHTS = {year: 0.02 for year in range(1966, 1985)}
YEAR_WEIGHTS.update({year: 0.12 for year in range(1985, 2000)})
YEAR_WEIGHTS.update({2000: 0.35, 2001: 0.5, 2002: 0.6, 2003: 0.9})
YEAR_WEIGHTS.update({2004: 3.0, 2005: 6.5, 2006: 16.5, 2007: 21.5, 2008: 22.0, 2009: 21.0})
YEAR_WEIGHTS[2010] = 4.0  # January and February only

FIRST_RELEASE = datetime(2010, 11, 28, 12, 0)
BULK_RELEASE = datetime(2011, 8, 30, 0, 0)
LAST_CREATED = datetime(2010, 2, 28, 23, 59)


def created_dates(rng: random.Random, count: int) -> list[datetime]:
    years = list(YEAR_WEIGHTS)
    cumulative = list(accumulate(YEAR_WEIGHTS.values()))
    offsets = []
    for _ in range(count):
        year = years[bisect(cumulative, rng.random() * cumulative[-1])]
        start = datetime(year, 1, 1)
        end = LAST_CREATED if year == 2010 else datetime(year + 1, 1, 1)
        offsets.append(
            start + timedelta(minutes=rng.randrange(int((end - start).total_seconds() // 60)))
        )
    offsets.sort()
    return offsets


def release_dates(rng: random.Random) -> tuple[list[datetime], list[datetime]]:
    """A trickle of release batches from 2010-11-28, then the bulk of 2011-08-30 .. 09-01."""
    trickle_days = sorted(rng.sample(range((BULK_RELEASE - FIRST_RELEASE).days), 140))
    trickle = [
        FIRST_RELEASE + timedelta(days=day, minutes=rng.randrange(-600, 660))
        for day in trickle_days
    ]
    trickle[0] = FIRST_RELEASE
    bulk = [BULK_RELEASE + timedelta(minutes=rng.randrange(3 * 24 * 60)) for _ in range(40)]
    bulk.append(datetime(2011, 8, 30, 1, 44))
    return trickle, bulk


WIDTH = 64
PAGE_LINES = 58
SECTION_PAGES = 3


def wrap(text: str, lines: list[str], width: int = WIDTH) -> None:
    """Break `text` at spaces into lines of at most `width` characters, appended to `lines`."""
    start = 0
    length = len(text)
    while length - start > width:
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:
            cut = text.find(" ", start + width)
            if cut == -1:
                break
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])


def weighted(spec: str) -> tuple[list[str], list[float]]:
    names, weights = [], []
    for item in filter(None, spec.split(";")):
        name = item.rstrip("0123456789")
        names.append(name)
        weights.append(float(item[len(name) :] or 1))
    return names, list(accumulate(weights))


class Corpus:
    """Generates the cables one by one, in created order."""

    def __init__(self, count: int, seed: int) -> None:
        if count < 1:
            raise ValueError("count must be at least 1")
        self.count = count
        self.rng = rng = random.Random(seed)
        self.countries = load_countries()
        self.vocabulary = Vocabulary(rng, self.countries)
        self.origins = build_origins(self.countries, rng)
        weights = [1 / (rank + 20) ** 1.5 for rank in range(len(self.origins))]
        self.origin_cumulative = list(accumulate(weights))
        self.addressees = [origin for origin in self.origins if origin.kind != "state"]
        tags = [tag for tag in self.countries if tag not in {"US"}]
        self.target_tags = tags
        self.target_cumulative = list(accumulate(1 / (rank + 3) for rank in range(len(tags))))
        classes = [name for name, n in class_counts(count) for _ in range(n)]
        rng.shuffle(classes)
        self.classes = classes
        self.created = created_dates(rng, count)
        self.trickle, self.bulk = release_dates(rng)
        self.serials: dict[tuple[str, int], int] = {}
        self.recent: dict[str, list[tuple[str, int, str, int]]] = {}
        self.topics = {
            tag: weighted(";".join(f"{k}{v}" for k, v in c.topics.items()) + ";bio1;visit1;visa1")
            for tag, c in self.countries.items()
        }
        self.mission_topics = {kind: weighted(spec) for kind, spec in MISSION_TOPICS.items()}

    # - choices -

    def pick(self, names: list, cumulative: list[float] | list[int]):
        return names[bisect(cumulative, self.rng.random() * cumulative[-1])]

    def target_country(self, origin: Origin) -> str:
        rng = self.rng
        if origin.kind in MISSION_TARGETS:
            return rng.choice(MISSION_TARGETS[origin.kind])
        if origin.country in self.countries and origin.kind not in {"state"}:
            return origin.country
        if origin.country == "HK":
            return "CH"
        return self.pick(self.target_tags, self.target_cumulative)

    def topic(self, origin: Origin, tag: str) -> str:
        if origin.kind in self.mission_topics:
            return self.pick(*self.mission_topics[origin.kind])
        if origin.kind == "state" and self.rng.random() < 0.5:
            return self.pick(*self.mission_topics["state"])
        return self.pick(*self.topics[tag])

    def serial(self, origin: Origin, year: int) -> int:
        key = (origin.code, year)
        last = self.serials.get(key, 0)
        serial = last + 1 + int(self.rng.expovariate(1 / origin.gap))
        if serial > 999_999:
            serial = last + 1
        self.serials[key] = serial
        return serial

    def released(self) -> datetime:
        if self.rng.random() < 0.08:
            return self.rng.choice(self.trickle)
        return self.rng.choice(self.bulk)

    def size(self) -> int:
        size = int(self.rng.lognormvariate(math.log(3950), 0.92))
        return max(900, min(size, 400_000))

    # - the parts -

    def cables(self) -> Iterator[SyntheticCable]:
        for index in range(self.count):
            yield self.cable(index)

    def cable(self, index: int) -> SyntheticCable:
        rng = self.rng
        style = Style.draw(rng)
        created = self.created[index]
        classification = self.classes[index]
        origin = self.origins[
            bisect(self.origin_cumulative, rng.random() * self.origin_cumulative[-1])
        ]
        year = created.year
        serial = self.serial(origin, year)
        reference_id = f"{year % 100:02d}{origin.code}{serial}"
        tag = self.target_country(origin)
        topic = self.topic(origin, tag)
        second = self.pick(*self.topics[tag]) if rng.random() < 0.35 else topic
        released = self.released()
        tags = self.tags(origin, tag, topic, second, created)
        subject = self.vocabulary.subject(tag, topic, rng, old=year < 2000)
        if style.subject_mixed_case:
            subject = title_case(subject)
        references, ref_text = self.references(origin, tag, year, style)
        header = self.header(origin, classification, created, released, reference_id, serial, style)
        content, markings = self.content(
            origin,
            tag,
            topic,
            second,
            classification,
            created,
            serial,
            tags,
            subject,
            ref_text,
            style,
        )
        cable = SyntheticCable(
            row_id=index + 1,
            reference_id=reference_id,
            created=created,
            released=released,
            classification=classification,
            origin=origin.name,
            # A person tag, 'OVIP (SHULTZ, GEORGE)', is listed under each of its words.
            tags=list(dict.fromkeys(re.findall(r"[A-Z]{2,}", " ".join(tags)))),
            subject=subject,
            references=references,
            markings=markings,
            header=header,
            content=content,
            style=style,
        )
        self.remember(origin, tag, (reference_id, year, origin.refname, serial))
        return cable

    def remember(self, origin: Origin, tag: str, item: tuple[str, int, str, int]) -> None:
        for key in {origin.code, tag}:
            recent = self.recent.setdefault(key, [])
            recent.append(item)
            if len(recent) > 80:
                del recent[:20]

    def tags(
        self, origin: Origin, tag: str, topic: str, second: str, created: datetime
    ) -> list[str]:
        rng = self.rng
        pool = TOPIC_TAGS[topic]
        chosen = pool[: rng.randint(2, min(3, len(pool)))]
        if second != topic:
            chosen.append(TOPIC_TAGS[second][0])
        if topic == "visit" or rng.random() < 0.02:
            name = signer_at(self.origins[self.state_index()], created.year).upper().split()
            chosen = [t for t in chosen if t != "OVIP"]
            chosen.insert(0, f"OVIP ({name[-1]}, {name[0]})")
        country = self.countries[tag]
        chosen.append(country.tag)
        if origin.country and origin.country not in self.countries:
            chosen.append(origin.country)
        if country.neighbours and rng.random() < 0.3:
            chosen.append(rng.choice(country.neighbours).rstrip("0123456789"))
        if rng.random() < 0.4:
            rng.shuffle(chosen)
        return list(dict.fromkeys(chosen))

    def state_index(self) -> int:
        if not hasattr(self, "_state"):
            self._state = next(i for i, o in enumerate(self.origins) if o.kind == "state")
        return self._state

    def references(
        self, origin: Origin, tag: str, year: int, style: Style
    ) -> tuple[list[str], str]:
        """Over half the cables cite earlier ones: their own post's, the Department's; the REF
        line written as the style says (lettered or not, two- or four-digit years)."""
        rng = self.rng
        if not style.ref:
            return [], ""
        candidates = self.recent.get(origin.code, [])[-30:] + self.recent.get(tag, [])[-30:]
        state = self.recent.get("STATE", [])[-20:]
        wanted = min(rng.choice((1, 1, 1, 2, 2, 3, 4)), 26)
        cited: list[tuple[str, int, str, int]] = []
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
        text = "REF: " + self.ref_list(items, style)
        return [c[0] for c in cited], text

    def ref_list(self, items: list[str], style: Style) -> str:
        if len(items) == 1:
            return items[0]
        if not style.ref_letters:
            return "; ".join(items) if style.ref_semicolons else " AND ".join(items)
        lettered = [
            style.ref_letters.replace("A", letter) + " " + item
            for letter, item in zip("ABCDEFGHIJ", items, strict=False)
        ]
        if len(items) > 2 and self.rng.random() < 0.5:
            return "\n     ".join(lettered)
        return " ".join(lettered)

    def header(
        self,
        origin: Origin,
        classification: str,
        created: datetime,
        released: datetime,
        reference_id: str,
        serial: int,
        style: Style,
    ) -> str:
        rng = self.rng
        precedence = (
            rng.choice("OOOPPPRRZ") if classification != "UNCLASSIFIED" else rng.choice("PPRRRO")
        )
        day = created.timetuple().tm_yday
        dtg = f"{created:%d%H%M}Z {MONTHS[created.month - 1]} {created:%y}"
        posts = self.addressees
        if origin.kind == "state":
            to_posts = [posts[int(rng.random() * 80)] for _ in range(rng.randint(1, 3))]
        else:
            to_posts = [self.origins[self.state_index()]]
        info = [posts[int(rng.random() * 120)] for _ in range(rng.randint(0, 4))]
        info = [post for post in info if post is not origin]

        def address(post: Origin, how: str) -> str:
            return f"{post.routing}/{post.sender} {how} {rng.randint(1, 9999):04d}"

        table = [
            "Reference ID  Created  Released  Classification  Origin",
            f"{reference_id}  {created:%Y-%m-%d %H:%M}  {released:%Y-%m-%d %H:%M}  "
            f"{classification}  {origin.name}",
            "",
        ]
        if style.partial_extract:
            return "\n".join([*table, PARTIAL_EXTRACT])
        lines = [
            *table,
            f"VZCZCXRO{rng.randint(1000, 9999)}",
            f"{precedence}{precedence} RUEHWEB",
            f"DE {origin.routing} #{serial % 10000:04d}/01 {day:03d}{created:%H%M}",
            ZN_LINES[BANNERS[classification]],
            f"{precedence} {dtg}",
            f"FM {origin.sender}",
            "TO "
            + address(to_posts[0], {"O": "IMMEDIATE", "Z": "FLASH"}.get(precedence, "PRIORITY")),
        ]
        lines.extend(address(post, "PRIORITY") for post in to_posts[1:])
        for position, post in enumerate(info):
            lines.append(("INFO " if position == 0 else "") + address(post, "ROUTINE"))
        return "\n".join(lines)

    def content(
        self,
        origin: Origin,
        tag: str,
        topic: str,
        second: str,
        classification: str,
        created: datetime,
        serial: int,
        tags: list[str],
        subject: str,
        ref_text: str,
        style: Style,
    ) -> tuple[str, list[str | None]]:
        rng = self.rng
        year = created.year
        banner_word = BANNERS[classification]
        serial_text = f"{origin.refname} {serial:06d}"
        preamble: list[str] = []
        captions = ["SIPDIS"] if year >= 2005 else []
        if classification.endswith("NOFORN"):
            captions.insert(0, "NOFORN")
        if classification.startswith("UNCLASSIFIED//") and rng.random() < 0.7:
            captions.insert(0, "SENSITIVE")
        if origin.kind == "state" and year >= 2005:
            captions = [c for c in captions if c != "SIPDIS"] + ["SIPDIS"]
        classified = banner_word != "UNCLAS"
        if not classified:
            eo = "E.O. 12958: N/A"
        elif year < 1982:
            eo = "E.O. 12065: GDS"
        elif year < 1995:
            eo = "E.O. 12356: DECL: OADR"
        else:
            decl = created + timedelta(days=3650 + rng.choice((0, 0, 0, 1, 3, 5)))
            if rng.random() < 0.1:
                decl = created + timedelta(days=365 * 25)
            order = 13526 if year == 2010 and rng.random() < 0.5 else 12958
            eo = f"E.O. {order}: DECL: {decl:%m/%d/%Y}"
        if style.plain_labels:
            eo = eo.replace("E.O. ", "EO ").replace(": ", " ", 1)
        subject_lines = [f"{'SUBJ' if style.subject_short_label else 'SUBJECT'}: {subject}"]
        if len(subject_lines[0]) > WIDTH and rng.random() < 0.7:
            cut = subject_lines[0].rfind(" ", 0, WIDTH)
            rest = subject_lines[0][cut + 1 :]
            safe = not rest.startswith(("UNCLAS", "CONFIDENTIAL", "SECRET", "SENSITIVE", "TAGS"))
            if cut > 10 and safe and " " in rest and not rest[0].isdigit():
                subject_lines = [subject_lines[0][:cut], rest]
        head = preamble
        if captions:
            head.extend(captions)
            head.append("")
        if style.addressing_lines:
            names = [name.split()[-1] for name in LAST_NAMES]
            head.extend(addressing_lines(rng, style.addressing_lines, names))
            head.append("")
        head.append(eo)
        written_tags = (
            ("TAGS " + ", ".join(tags)) if style.plain_labels else "TAGS: " + " ".join(tags)
        )
        if style.tags_wrap and len(tags) > 2:
            cut = written_tags.rfind(" ", 0, len(written_tags) * 2 // 3)
            head.extend([written_tags[:cut], written_tags[cut + 1 :]])
        else:
            head.append(written_tags)
        head.extend(subject_lines)
        if ref_text:
            head.extend(ref_text.split("\n"))
        head.append("")
        if classified:
            if origin.kind == "state":
                title = rng.choice(STATE_TITLES)
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            else:
                title = zipf_pick(rng, CLASSIFIER_TITLES, 1.0)
                name = signer_at(origin, year) if title == "Ambassador" else invented_name(rng)
            template = zipf_pick(rng, CLASSIFIED_BY, 0.7)
            if style.classified_capitals:
                template = CLASSIFIED_BY_CAPITALS
            elif style.classified_no_colon:
                template = CLASSIFIED_BY_NO_COLON
            line = template.format(title=title, name=name, TITLE=title.upper(), NAME=name.upper())
            reasons = re.search(r"[,;.]?\s*(?:for\s+)?reasons?\b", line, re.IGNORECASE)
            if style.classified_wrapped and reasons:
                head.extend(
                    [line[: reasons.start() + 1].rstrip(), line[reasons.start() + 1 :].strip()]
                )
            else:
                head.append(line)
            head.append("")

        # The body: paragraphs of whole sentences until the cable reaches its size.
        target = self.size() - 700
        vocabulary = self.vocabulary
        old = year < 2000
        main_pool = vocabulary.pool(tag, topic, old)
        second_pool = vocabulary.pool(tag, second, old)
        common_pool = vocabulary.pool(tag, "pol", old)
        choice = rng.choice
        random_ = rng.random
        rare_at = rng.randint(1, 4) if random_() < 0.07 else 0
        marked = classified or random_() < (0.55 if classification == "UNCLASSIFIED" else 0.85)
        if year < 1995 and random_() < 0.6:
            marked = False
        first_marking, others = MARKINGS[classification]
        other_names = [name for name, _ in others]
        other_cumulative = list(accumulate(weight for _, weight in others))
        body: list[str] = []
        markings: list[str | None] = []
        size = 0
        number = 0
        headings = HEADINGS.get(topic, HEADINGS["pol"])
        summary = target > 2500 and random_() < 0.7
        while size < target or number < 2:
            number += 1
            count = rng.randint(2, 7)
            sentences = []
            for _ in range(count):
                roll = random_()
                pool = main_pool if roll < 0.72 else second_pool if roll < 0.9 else common_pool
                sentences.append(pool[int(random_() * len(pool))])
            if number == rare_at:
                sentences.insert(int(random_() * count), vocabulary.rare(tag, rng))
            text = " ".join(sentences)
            if number == 1 and summary and style.summary_heading:
                body.extend(["-------", "Summary", "-------", ""])
            elif number == 1 and summary:
                # '\x01' keeps 'End summary.' on one line: a line 'summary.' alone opens a
                # summary for the parser.
                text = f"{choice(SUMMARY_OPENERS)} {text} End\x01summary."
            elif size + len(text) >= target and number > 2 and random_() < 0.4:
                text = f"Comment: {text} End comment."
            if marked:
                marking = first_marking if number == 1 else self.pick(other_names, other_cumulative)
                opening = f"{number}. ({marking}) "
            else:
                marking = None
                opening = f"{number}. "
            markings.append(marking)
            if number > 2 and random_() < 0.12:
                body.append(choice(headings))
                body.append("")
            if number == 1 and summary:
                start = len(body)
                wrap(opening + text, body)
                body[start:] = [line.replace("\x01", " ") for line in body[start:]]
            else:
                wrap(opening + text, body)
            body.append("")
            size += len(text) + 8
        closing = choice(CLOSINGS).format(month=choice(MONTH_NAMES))
        # The closing joins the last paragraph rather than opening an unnumbered one.
        last = body[-2]
        if len(last) + len(closing) < WIDTH:
            body[-2] = f"{last} {closing}"
        else:
            body.insert(len(body) - 1, closing)
        if style.website_notice:
            body.extend(website_notice(origin.refname.title()))
        signer = signer_at(origin, year).split()[-1]
        body.append(signer.title() if style.signer_mixed_case else signer.upper())

        # Page breaks and section banners, as in a printed telegram.
        preamble_size = len(head) + 2
        first_page = max(10, PAGE_LINES - preamble_size)
        pages = 1 + max(0, math.ceil((len(body) - first_page) / PAGE_LINES))
        sections = math.ceil(pages / SECTION_PAGES)
        banner_tail = f" SECTION 01 OF {sections:02d}" if sections > 1 else ""
        lines = [date_line(created)] if style.date_line else []
        lines += [f"{banner_word}{banner_tail} {serial_text}", ""]
        lines.extend(head)
        position = 0
        page = 1
        step = first_page
        code = origin.refname
        while position < len(body):
            lines.extend(body[position : position + step])
            position += step
            step = PAGE_LINES
            if position >= len(body) - 3:
                lines.extend(body[position:])
                break
            page += 1
            section = (page - 1) // SECTION_PAGES + 1
            page_in_section = (page - 1) % SECTION_PAGES + 1
            if page_in_section == 1:
                lines.append(f"{banner_word} SECTION {section:02d} OF {sections:02d} {serial_text}")
                lines.extend(captions[-1:])
            else:
                in_section = min(SECTION_PAGES, pages - (section - 1) * SECTION_PAGES)
                lines.append(f"{code} {serial:08d}  {page_in_section:03d} OF {in_section:03d}")
        return "\n".join(lines), markings


def write_corpus(
    stream: TextIO,
    count: int = FULL_COUNT,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write `count` rows to `stream` (text, opened with newline=''); return the characters
    written. `progress(done, count)` is called every 1,000 cables and at the end."""
    written = 0
    write = stream.write
    batch: list[str] = []
    for cable in Corpus(count, seed).cables():
        batch.append(csv_row(cable.row()))
        if len(batch) == 1000:
            chunk = "".join(batch)
            write(chunk)
            written += len(chunk)
            batch = []
            if progress:
                progress(cable.row_id, count)
    if batch:
        chunk = "".join(batch)
        write(chunk)
        written += len(chunk)
    if progress:
        progress(count, count)
    return written


def generate_cables(count: int, seed: int = 1) -> Iterator[SyntheticCable]:
    """The cables `write_corpus` writes, with what went into each (for tests and checks)."""
    return Corpus(count, seed).cables()
