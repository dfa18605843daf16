"""The sentence pools a cable's text is drawn from, composed once per corpus from the seed.

Per country and topic, `Vocabulary` fills the templates of corpus.vocabulary once with that
country's people, places and institutions, so a cable reads on one subject: full-text search
finds 'Gazprom' in Moscow's energy cables, 'Karzai' in Kabul's. Template slots: {leader}
{official} {fm} {person} {inst} {inst2} {place} {country} {adj} {neighbour} {nadj} {intl}
{source} {month} {num} {amount} {pct} {phrase} {us}. A cable then picks whole sentences.
"""

from __future__ import annotations

import random

from cables.citation import MONTHS as MONTH_NAMES
from corpus.chance import zipf_pick
from corpus.countries import Country
from corpus.vocabulary import (
    CUSTOM,
    INTL,
    RARE_FRAMES,
    RARE_TERMS,
    SOURCES,
    SUBJECTS,
    TEMPLATES,
    TOPIC_PHRASES,
    US_PEOPLE,
)


class Vocabulary:
    """The sentence pools, built once per corpus from the seed."""

    POOL_SIZE = 60
    SUBJECT_POOL_SIZE = 24

    def __init__(self, rng: random.Random, countries: dict[str, Country]) -> None:
        self.rng = rng
        self.countries = countries
        self.pools: dict[tuple[str, str, bool], list[str]] = {}
        self.subjects: dict[tuple[str, str, bool], list[str]] = {}

    def pool(self, tag: str, topic: str, old: bool = False) -> list[str]:
        """The sentences of the country `tag` on `topic` (`old`: before 2000, no names)."""
        key = (tag, topic, old)
        if key not in self.pools:
            country = self.countries[tag]
            templates = TEMPLATES.get(topic, []) + TEMPLATES["common"]
            custom = [] if old else CUSTOM.get((tag, topic), [])
            sentences = []
            for _ in range(self.POOL_SIZE):
                template = self.rng.choice(templates)
                text = template.format(**self._slots(country, topic, old))
                sentences.append(text[0].upper() + text[1:])
            self.pools[key] = sentences + custom * 4
        return self.pools[key]

    def rare(self, tag: str, rng: random.Random) -> str:
        """A sentence naming one of the rare terms, the first of them most often."""
        term = zipf_pick(rng, RARE_TERMS, 1.1)
        frame = RARE_FRAMES[int(rng.random() * len(RARE_FRAMES))]
        slots = self._slots(self.countries[tag], "pol")
        text = frame.format(term=term, source=slots["source"], official=slots["official"])
        return text[0].upper() + text[1:]

    def subject(self, tag: str, topic: str, rng: random.Random, old: bool = False) -> str:
        """A subject line from a pool composed once per country and topic."""
        key = (tag, topic, old)
        subjects = self.subjects.get(key)
        if subjects is None:
            country = self.countries[tag]
            subjects = [
                self._subject_line(country, topic, old) for _ in range(self.SUBJECT_POOL_SIZE)
            ]
            self.subjects[key] = subjects
        return subjects[int(rng.random() * len(subjects))]

    def _subject_line(self, country: Country, topic: str, old: bool) -> str:
        """'RUSSIA: PUTIN ON THE GAS DISPUTE': the country, then a filled subject template."""
        people = country.people or [("", "", "GOVERNMENT")]
        slots = self._slots(country, topic, old)
        slots = {name.upper(): value for name, value in slots.items()}
        if not old:
            slots["LEADER"] = zipf_pick(self.rng, people[:3], 1.2)[2]
            slots["OFFICIAL"] = zipf_pick(self.rng, people, 0.9)[2]
        slots["INST"] = slots["INST"].removeprefix("the ")
        slots["PLACE"] = slots["PLACE"].removeprefix("the ")
        head = self.rng.choice(SUBJECTS.get(topic, SUBJECTS["pol"])).format(**slots)
        return f"{country.name.upper()}: {head.upper()}"

    def _slots(self, country: Country, topic: str, old: bool = False) -> dict[str, str]:
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
            "leader": rng.choice([_titled(leader, short=True), leader[2]]),
            "official": rng.choice([_titled(other), other[2]]),
            "person": rng.choice([another[0], another[2], _titled(another, short=True)]),
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


def _titled(person: tuple[str, str, str], short: bool = False) -> str:
    """'President Vladimir Putin' ('President Putin'), but not 'King King Abdullah'."""
    full, title, short_name = person
    name = short_name if short else full
    if not title or full.startswith(title) or name.startswith(title.split()[0]):
        return full if full.startswith(title) else name
    return f"{title} {name}"
