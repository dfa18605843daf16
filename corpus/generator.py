"""The synthetic cables, generated one by one in created order from a seed.

`Corpus(count, seed).cables()` draws each cable's parts in turn with one random generator:
its style (corpus.shapes), origin (corpus.origins), serial and reference id, the country and
topics it is about, its tags, subject and references (corpus.references), then writes its
header column (corpus.headers) and its text: the lines above paragraph 1 (corpus.preamble),
the body (corpus.body, sentences from corpus.sentences), laid out in pages (corpus.layout).
Classifications and dates follow the release (corpus.release); lengths are log-normal (mean
~6.4 KB, a tail past 50 KB). Pure Python, no Django; the same count and seed give the same
cables, so the same bytes (corpus.writing).
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate

from corpus.body import body
from corpus.chance import pick, weighted
from corpus.countries import load_countries
from corpus.headers import header
from corpus.layout import paginate
from corpus.origins import Origin, build_origins, signer_at
from corpus.preamble import captions, preamble
from corpus.references import Citable, references
from corpus.release import class_counts, created_dates, release_dates
from corpus.sentences import Vocabulary
from corpus.shapes import Style, title_case
from corpus.vocabulary import BANNERS, MISSION_TARGETS, MISSION_TOPICS, TOPIC_TAGS


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
        """The row's 8 columns, as cables.csv has them."""
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
        self.department = next(origin for origin in self.origins if origin.kind == "state")
        tags = [tag for tag in self.countries if tag not in {"US"}]
        self.target_tags = tags
        self.target_cumulative = list(accumulate(1 / (rank + 3) for rank in range(len(tags))))
        classes = [name for name, n in class_counts(count) for _ in range(n)]
        rng.shuffle(classes)
        self.classes = classes
        self.created = created_dates(rng, count)
        self.trickle, self.bulk = release_dates(rng)
        self.serials: dict[tuple[str, int], int] = {}
        self.recent: dict[str, list[Citable]] = {}
        self.topics = {
            tag: weighted(";".join(f"{k}{v}" for k, v in c.topics.items()) + ";bio1;visit1;visa1")
            for tag, c in self.countries.items()
        }
        self.mission_topics = {kind: weighted(spec) for kind, spec in MISSION_TOPICS.items()}

    def cables(self) -> Iterator[SyntheticCable]:
        for index in range(self.count):
            yield self._cable(index)

    # - choices -

    def _target_country(self, origin: Origin) -> str:
        rng = self.rng
        if origin.kind in MISSION_TARGETS:
            return rng.choice(MISSION_TARGETS[origin.kind])
        if origin.country in self.countries and origin.kind not in {"state"}:
            return origin.country
        if origin.country == "HK":
            return "CH"
        return pick(rng, self.target_tags, self.target_cumulative)

    def _topic(self, origin: Origin, tag: str) -> str:
        if origin.kind in self.mission_topics:
            return pick(self.rng, *self.mission_topics[origin.kind])
        if origin.kind == "state" and self.rng.random() < 0.5:
            return pick(self.rng, *self.mission_topics["state"])
        return pick(self.rng, *self.topics[tag])

    def _serial(self, origin: Origin, year: int) -> int:
        key = (origin.code, year)
        last = self.serials.get(key, 0)
        serial = last + 1 + int(self.rng.expovariate(1 / origin.gap))
        if serial > 999_999:
            serial = last + 1
        self.serials[key] = serial
        return serial

    def _released(self) -> datetime:
        if self.rng.random() < 0.08:
            return self.rng.choice(self.trickle)
        return self.rng.choice(self.bulk)

    def _size(self) -> int:
        size = int(self.rng.lognormvariate(math.log(3950), 0.92))
        return max(900, min(size, 400_000))

    def _subject(self, tag: str, topic: str, year: int, style: Style) -> str:
        subject = self.vocabulary.subject(tag, topic, self.rng, old=year < 2000)
        return title_case(subject) if style.subject_mixed_case else subject

    def _tags(
        self, origin: Origin, tag: str, topic: str, second: str, created: datetime
    ) -> list[str]:
        rng = self.rng
        pool = TOPIC_TAGS[topic]
        chosen = pool[: rng.randint(2, min(3, len(pool)))]
        if second != topic:
            chosen.append(TOPIC_TAGS[second][0])
        if topic == "visit" or rng.random() < 0.02:
            name = signer_at(self.department, created.year).upper().split()
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

    # - the parts -

    def _cable(self, index: int) -> SyntheticCable:
        rng = self.rng
        style = Style.draw(rng)
        created = self.created[index]
        classification = self.classes[index]
        origin = pick(rng, self.origins, self.origin_cumulative)
        year = created.year
        serial = self._serial(origin, year)
        reference_id = f"{year % 100:02d}{origin.code}{serial}"
        tag = self._target_country(origin)
        topic = self._topic(origin, tag)
        second = pick(rng, *self.topics[tag]) if rng.random() < 0.35 else topic
        released = self._released()
        tags = self._tags(origin, tag, topic, second, created)
        subject = self._subject(tag, topic, year, style)
        cited, ref_text = references(rng, self.recent, origin, tag, year, style)
        header_text = header(
            rng,
            origin=origin,
            department=self.department,
            addressees=self.addressees,
            classification=classification,
            created=created,
            released=released,
            reference_id=reference_id,
            serial=serial,
            style=style,
        )
        content, markings = self._content(
            origin=origin,
            tag=tag,
            topic=topic,
            second=second,
            classification=classification,
            created=created,
            serial=serial,
            tags=tags,
            subject=subject,
            ref_text=ref_text,
            style=style,
        )
        self._remember(origin, tag, (reference_id, year, origin.refname, serial))
        return SyntheticCable(
            row_id=index + 1,
            reference_id=reference_id,
            created=created,
            released=released,
            classification=classification,
            origin=origin.name,
            # A person tag, 'OVIP (SHULTZ, GEORGE)', is listed under each of its words.
            tags=list(dict.fromkeys(re.findall(r"[A-Z]{2,}", " ".join(tags)))),
            subject=subject,
            references=cited,
            markings=markings,
            header=header_text,
            content=content,
            style=style,
        )

    def _content(
        self,
        *,
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
        """The content column, and the marking of each numbered paragraph."""
        rng = self.rng
        banner_word = BANNERS[classification]
        classified = banner_word != "UNCLAS"
        caption_lines = captions(rng, origin, classification, created.year)
        head = preamble(
            rng,
            origin=origin,
            captions=caption_lines,
            classified=classified,
            created=created,
            tags=tags,
            subject=subject,
            ref_text=ref_text,
            style=style,
        )
        # The body: paragraphs of whole sentences until the cable reaches its size.
        lines, markings = body(
            rng,
            self.vocabulary,
            origin=origin,
            tag=tag,
            topic=topic,
            second=second,
            classification=classification,
            classified=classified,
            year=created.year,
            target=self._size() - 700,
            style=style,
        )
        text = paginate(
            head=head,
            body=lines,
            captions=caption_lines,
            banner_word=banner_word,
            refname=origin.refname,
            serial=serial,
            created=created,
            style=style,
        )
        return text, markings

    def _remember(self, origin: Origin, tag: str, item: Citable) -> None:
        """Keep the cable among the last 80 of its post and of its country, to be cited."""
        for key in {origin.code, tag}:
            recent = self.recent.setdefault(key, [])
            recent.append(item)
            if len(recent) > 80:
                del recent[:20]


def generate_cables(count: int, seed: int = 1) -> Iterator[SyntheticCable]:
    """The cables `write_corpus` writes, with what went into each (for tests and checks)."""
    return Corpus(count, seed).cables()
