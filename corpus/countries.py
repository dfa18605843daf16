"""The countries the posts report on, read from the table in corpus.vocabulary.

Each row is TAG|Country|Adjective|embassy city|consulates|people|institutions|places|
neighbours|topics. People are 'Full Name:Title' or 'Full Name:Title:Short' when the short
name is not the last word, most prominent first. Topics weight the subjects a post writes
about ('pol5;econ3').
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.vocabulary import COUNTRY_TABLE


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


def load_countries() -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for line in COUNTRY_TABLE.strip().splitlines():
        cells = line.split("|")
        if len(cells) < 10 or not cells[5]:
            continue
        tag, name, adjective, city, consulates, people, institutions, places, near, topics = cells
        countries[tag] = Country(
            tag=tag.rstrip("0123456789"),
            name=name,
            adjective=adjective,
            city=city,
            consulates=_listed(consulates),
            people=_parse_people(people),
            institutions=_listed(institutions),
            places=_listed(places),
            neighbours=_listed(near),
            topics=_topic_weights(topics),
        )
    return countries


def _listed(cell: str) -> list[str]:
    return [item for item in cell.split(";") if item]


def _topic_weights(cell: str) -> dict[str, int]:
    weights = {}
    for item in filter(None, cell.split(";")):
        weights[item.rstrip("0123456789")] = int(item[len(item.rstrip("0123456789")) :])
    return weights


def _parse_people(text: str) -> list[tuple[str, str, str]]:
    people = []
    for entry in filter(None, text.split(";")):
        parts = entry.split(":")
        full, title = parts[0], parts[1] if len(parts) > 1 else ""
        short = parts[2] if len(parts) > 2 else full.split()[-1]
        people.append((full, title, short))
    return people
