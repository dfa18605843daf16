"""What the search index holds: one document per cable, its fields, and how text is cut into
the words it is found by. Pure: no Django here.

Text fields are read by one analyzer, the same for the index, the query and the marks on a
page: words of letters and digits (as `query_syntax.words_of` reads them), lower case,
accents folded, English stemming (*pipelines* finds *pipeline*). Stop words stay in the
index, so that a phrase ("secretary of state") means its words in their order.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import tantivy

# The shape of the documents; an index of another version is not read (rebuild it).
VERSION = 2  # 2: the signer among the metadata words, no longer a paragraph
ANALYZER = "english"
# Longer "words" are noise (base64, rules of dashes): not indexed, not searchable.
_LONGEST_WORD = 40

# A match in the subject counts most, then in the ID, origin and tags, then in the text.
TEXT_FIELDS = {"subject": 4.0, "meta": 2.0, "body": 1.0}


def analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(_LONGEST_WORD))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    # The cable's primary key: what a hit is loaded by, and what a changed cable is replaced by.
    builder.add_integer_field("id", indexed=True, fast=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name=ANALYZER, index_option="position")
    # Filters and facets: raw values, counted from column-oriented fast fields.
    builder.add_text_field("classification", tokenizer_name="raw", fast=True)
    builder.add_text_field("tag", tokenizer_name="raw", fast=True)
    builder.add_text_field("marking", tokenizer_name="raw")
    builder.add_integer_field("origin", indexed=True, fast=True)
    builder.add_date_field("created", indexed=True, fast=True)
    builder.add_date_field("released", indexed=True, fast=True)
    # Histograms: months since year 0 of creation, days since 1970 of release (UTC).
    builder.add_integer_field("month", fast=True)
    builder.add_integer_field("release_day", fast=True)
    # The latest released first, then the latest created (both to the minute): the home page.
    builder.add_integer_field("release_order", fast=True)
    # When the database last changed the cable (microseconds since 1970): whether the index
    # has caught up with the database.
    builder.add_integer_field("modified", fast=True)
    return builder.build()


@dataclass
class CableDocument:
    """What the index keeps of a cable, as read from the database."""

    id: int
    reference_id: str
    subject: str
    origin_id: int
    origin_name: str
    classification: str
    created: datetime.datetime
    released: datetime.datetime | None
    modified: datetime.datetime
    signer: str = ""
    tags: list[str] = field(default_factory=list)
    markings: set[str] = field(default_factory=set)
    texts: list[str] = field(default_factory=list)  # headings and paragraphs, in order

    def document(self) -> tantivy.Document:
        document = tantivy.Document(
            id=self.id,
            subject=self.subject,
            meta=" ".join([self.reference_id, self.origin_name, self.signer, *self.tags]),
            body="\n".join(self.texts),
            origin=self.origin_id,
            created=self.created,
            month=_month_number(self.created),
            modified=microseconds(self.modified),
        )
        if self.classification:
            document.add_text("classification", self.classification)
        for name in self.tags:
            document.add_text("tag", name)
        for marking in sorted(self.markings):
            document.add_text("marking", marking)
        if self.released is not None:
            document.add_date("released", self.released)
            document.add_integer("release_day", _day_number(self.released))
            document.add_integer(
                "release_order", _minute_number(self.released) << 32 | _minute_number(self.created)
            )
        return document


def _month_number(moment: datetime.datetime | datetime.date) -> int:
    return moment.year * 12 + moment.month - 1


def month_of(number: int) -> datetime.date:
    return datetime.date(number // 12, number % 12 + 1, 1)


_EPOCH = datetime.date(1970, 1, 1)


def _day_number(moment: datetime.datetime) -> int:
    return (moment.astimezone(datetime.UTC).date() - _EPOCH).days


def day_of(number: int) -> datetime.date:
    return _EPOCH + datetime.timedelta(days=number)


def _minute_number(moment: datetime.datetime) -> int:
    """Minutes since 1900 (cables go back to the 1960s): less than 2**32 until 2800."""
    return int((moment - _MINUTE_ZERO).total_seconds()) // 60


_MINUTE_ZERO = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)


def microseconds(moment: datetime.datetime) -> int:
    return int(moment.timestamp() * 1_000_000)
