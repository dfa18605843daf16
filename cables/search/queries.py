"""What a search or a list asks the index for (`Criteria`), as the index's own query.

The words come parsed by `cables.query_syntax`, the one reader of what readers type; each of
its terms is found in the subject, the ID, origin and tags, or the text (ranked in that
order), a phrase as its words next to each other. Filters narrow without changing the
ranking. Pure: no Django here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import tantivy
from tantivy import Occur, Query

from cables.query_syntax import ParsedQuery, Term
from cables.search import marking, schema
from cables.times import _day_start


@dataclass(frozen=True)
class Criteria:
    """The words and the filters: cables matching all of them."""

    query: ParsedQuery = ParsedQuery()
    classification: str = ""
    origin_id: int | None = None
    tag: str = ""
    marking: str = ""
    created_from: datetime.date | None = None
    created_to: datetime.date | None = None
    released_from: datetime.date | None = None
    released_to: datetime.date | None = None
    released_only: bool = False

    def __bool__(self) -> bool:
        return bool(self.query) or any(self.filters())

    def filters(self) -> list:
        return [
            self.classification,
            self.origin_id,
            self.tag,
            self.marking,
            self.created_from,
            self.created_to,
            self.released_from,
            self.released_to,
            self.released_only,
        ]


def to_query(criteria: Criteria, index_schema: tantivy.Schema) -> Query:
    words = criteria.query
    clauses: list[tuple[Occur, Query]] = [
        (Occur.Must, _group_query(group, index_schema)) for group in words.groups
    ]
    clauses += [(Occur.MustNot, _term_query(term, index_schema)) for term in words.excluded]
    clauses += [
        (Occur.Must, Query.const_score_query(condition, 0.0))
        for condition in _conditions(criteria, index_schema)
    ]
    if not words.groups:
        clauses.append((Occur.Must, Query.all_query()))
    return Query.boolean_query(clauses)


def _group_query(group: tuple[Term, ...], index_schema: tantivy.Schema) -> Query:
    if len(group) == 1:
        return _term_query(group[0], index_schema)
    return Query.boolean_query([(Occur.Should, _term_query(t, index_schema)) for t in group])


def _term_query(term: Term, index_schema: tantivy.Schema) -> Query:
    """The term in any of the text fields, boosted by the field."""
    words = marking.analyzed(" ".join(term.words))
    if not words:
        return Query.empty_query()
    found = []
    for field, boost in schema.TEXT_FIELDS.items():
        if len(words) == 1:
            query = Query.term_query(index_schema, field, words[0])
        else:
            phrase: list[str | tuple[int, str]] = list(words)
            query = Query.phrase_query(index_schema, field, phrase)
        found.append((Occur.Should, Query.boost_query(query, boost)))
    return Query.boolean_query(found)


def _conditions(criteria: Criteria, index_schema: tantivy.Schema) -> list[Query]:
    found = []
    for field, value in (
        ("classification", criteria.classification),
        ("origin", criteria.origin_id),
        ("tag", criteria.tag),
        ("marking", criteria.marking),
    ):
        if value:
            found.append(Query.term_query(index_schema, field, value))
    if criteria.released_only:
        found.append(Query.exists_query("released"))
    for field, first, last in (
        ("created", criteria.created_from, criteria.created_to),
        ("released", criteria.released_from, criteria.released_to),
    ):
        if first or last:
            found.append(
                Query.range_query(
                    index_schema,
                    field,
                    tantivy.FieldType.Date,
                    _day_start(first) if first else tantivy.MIN_DATETIME,
                    _day_start(last + datetime.timedelta(days=1)) if last else tantivy.MAX_DATETIME,
                    include_upper=False,
                )
            )
    return found
