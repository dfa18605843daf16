"""Full-text search over the cables, on the database's own engine.

PostgreSQL: the narrow table cables_search, a row a cable (model `SearchRow`): a weighted
`tsvector` (subject A; reference ID, origin and tags B; the paragraphs C) with a GIN index, a
small one of the subject, ID, origin and tags alone, and the columns search filters, counts
and sorts by. Search reads these rows, never the wide cable rows, but for the page shown.
Queried through `websearch_to_tsquery`, ranked by `ts_rank`; snippets and highlights by
`ts_headline` over each paragraph's own (generated) vector.
SQLite: two FTS5 tables with the Porter stemmer: cables_cable_fts (subject, meta, body: one row
per cable, ranked by bm25 with the same weighting) and cables_paragraph_fts (kept in step with
cables_paragraph by triggers) for snippets and highlights.

The vectors and the FTS tables are no model fields: no ordinary query ever loads a vector.
The migration calls `install`; the importer calls `index_cables` after writing a cable's parts.
Everything here takes a `ParsedQuery`, so both databases read one query the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import BooleanField, F, FloatField, Func, Q, TextField, Value
from django.db.models.expressions import Expression, RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cables.query_syntax import ParsedQuery

CONFIG = "english"
# Markers around a matched word in text the database returns: control characters, which a
# cable's text never contains, so the text can be escaped and the markers turned into <mark>.
START, STOP = "\x02", "\x03"
SNIPPET_WORDS = 36

POSTGRESQL_INSTALL = [
    "ALTER TABLE cables_cable ADD COLUMN search_vector tsvector",
    "CREATE INDEX cables_cable_search ON cables_cable USING gin (search_vector)",
]
POSTGRESQL_UNINSTALL = ["ALTER TABLE cables_cable DROP COLUMN search_vector"]
# Each paragraph's own vector, kept by PostgreSQL itself: finding a hit's best paragraph
# reads it instead of parsing every paragraph of every hit again.
POSTGRESQL_PARAGRAPH_VECTORS = [
    f"""ALTER TABLE cables_paragraph ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('{CONFIG}', text)) STORED"""
]
POSTGRESQL_PARAGRAPH_VECTORS_UNDO = ["ALTER TABLE cables_paragraph DROP COLUMN search_vector"]

SQLITE_INSTALL = [
    """CREATE VIRTUAL TABLE cables_cable_fts USING fts5(
        subject, meta, body, tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER cables_cable_fts_delete AFTER DELETE ON cables_cable BEGIN
        DELETE FROM cables_cable_fts WHERE rowid = old.id;
    END""",
    """CREATE VIRTUAL TABLE cables_paragraph_fts USING fts5(
        text, content='cables_paragraph', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER cables_paragraph_fts_insert AFTER INSERT ON cables_paragraph BEGIN
        INSERT INTO cables_paragraph_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER cables_paragraph_fts_delete AFTER DELETE ON cables_paragraph BEGIN
        INSERT INTO cables_paragraph_fts(cables_paragraph_fts, rowid, text)
        VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER cables_paragraph_fts_update AFTER UPDATE OF text ON cables_paragraph BEGIN
        INSERT INTO cables_paragraph_fts(cables_paragraph_fts, rowid, text)
        VALUES ('delete', old.id, old.text);
        INSERT INTO cables_paragraph_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO cables_paragraph_fts(cables_paragraph_fts) VALUES ('rebuild')",
]
SQLITE_UNINSTALL = [
    "DROP TRIGGER cables_paragraph_fts_update",
    "DROP TRIGGER cables_paragraph_fts_delete",
    "DROP TRIGGER cables_paragraph_fts_insert",
    "DROP TABLE cables_paragraph_fts",
    "DROP TRIGGER cables_cable_fts_delete",
    "DROP TABLE cables_cable_fts",
]

# cables_search replaces the vector column on cables_cable. It has no foreign key, so that
# TRUNCATE cables_cable (Django's flush) works: triggers forget deleted and truncated cables.
POSTGRESQL_SEARCH_TABLE = [
    "ALTER TABLE cables_cable DROP COLUMN search_vector",
    """CREATE TABLE cables_search (
        cable_id integer PRIMARY KEY,
        vector tsvector NOT NULL,
        title_vector tsvector NOT NULL,
        classification varchar(40) NOT NULL,
        origin_id integer NOT NULL,
        created timestamp with time zone NOT NULL,
        released timestamp with time zone,
        tag_ids integer[] NOT NULL
    )""",
    "CREATE INDEX cables_search_vector ON cables_search USING gin (vector)",
    """CREATE FUNCTION cables_search_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            TRUNCATE cables_search;
        ELSE
            DELETE FROM cables_search WHERE cable_id = OLD.id;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER cables_search_delete AFTER DELETE ON cables_cable
        FOR EACH ROW EXECUTE FUNCTION cables_search_forget()""",
    """CREATE TRIGGER cables_search_truncate AFTER TRUNCATE ON cables_cable
        FOR EACH STATEMENT EXECUTE FUNCTION cables_search_forget()""",
]
POSTGRESQL_SEARCH_TABLE_UNDO = [
    "DROP TRIGGER cables_search_truncate ON cables_cable",
    "DROP TRIGGER cables_search_delete ON cables_cable",
    "DROP FUNCTION cables_search_forget()",
    "DROP TABLE cables_search",
    *POSTGRESQL_INSTALL,
]

# What a cable is found by, as text: (subject, meta, body) for each cable id in %(ids)s.
POSTGRESQL_INDEX = f"""
INSERT INTO cables_search AS entry
    (cable_id, vector, title_vector, classification, origin_id, created, released, tag_ids)
SELECT cable.id, title.vector || body.vector, title.vector, cable.classification,
       cable.origin_id, cable.created, cable.released, tags.ids
FROM cables_cable AS cable
JOIN cables_origin AS origin ON origin.id = cable.origin_id
CROSS JOIN LATERAL (
    SELECT coalesce(array_agg(item.tag_id ORDER BY item.position), '{{}}') AS ids,
           string_agg(tag.name, ' ' ORDER BY item.position) AS names
    FROM cables_cabletag AS item JOIN taggit_tag AS tag ON tag.id = item.tag_id
    WHERE item.content_object_id = cable.id
) AS tags
CROSS JOIN LATERAL (
    SELECT setweight(to_tsvector('{CONFIG}', cable.subject), 'A')
        || setweight(to_tsvector('{CONFIG}',
                     concat_ws(' ', cable.reference_id, origin.name, tags.names)), 'B') AS vector
) AS title
CROSS JOIN LATERAL (
    SELECT setweight(to_tsvector('{CONFIG}', coalesce(
        string_agg(concat_ws(' ', paragraph.heading, paragraph.text), E'\\n'
                   ORDER BY paragraph.position), '')), 'C') AS vector
    FROM cables_paragraph AS paragraph WHERE paragraph.cable_id = cable.id
) AS body
WHERE cable.id = ANY(%s)
ON CONFLICT (cable_id) DO UPDATE SET
    vector = excluded.vector, title_vector = excluded.title_vector,
    classification = excluded.classification, origin_id = excluded.origin_id,
    created = excluded.created, released = excluded.released, tag_ids = excluded.tag_ids
"""
SQLITE_INDEX = [
    "DELETE FROM cables_cable_fts WHERE rowid IN (SELECT value FROM json_each(%s))",
    """INSERT INTO cables_cable_fts(rowid, subject, meta, body)
    SELECT cable.id, cable.subject,
        cable.reference_id || ' ' || origin.name || ' ' || coalesce(
            (SELECT group_concat(tag.name, ' ') FROM cables_cabletag AS item
             JOIN taggit_tag AS tag ON tag.id = item.tag_id
             WHERE item.content_object_id = cable.id), ''),
        coalesce((SELECT group_concat(heading || ' ' || text, char(10)) FROM
            (SELECT heading, text FROM cables_paragraph WHERE cable_id = cable.id
             ORDER BY position)), '')
    FROM cables_cable AS cable JOIN cables_origin AS origin ON origin.id = cable.origin_id
    WHERE cable.id IN (SELECT value FROM json_each(%s))""",
]


def postgresql() -> bool:
    return connection.vendor == "postgresql"


@contextmanager
def through_the_index(query: ParsedQuery) -> Iterator[None]:
    """Within: PostgreSQL finds the words through the GIN index even when most cables have
    them. Its planner does not count reading each row's vector back out of TOAST, so for a
    common word it picks reading the whole table and testing every vector, ten times slower
    than the index (which, but for phrases, needs no test). Inside a transaction already,
    the setting lasts until that one ends."""
    if not (postgresql() and query):
        yield
        return
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def execute_for(schema_editor, statements: dict[str, list[str]]) -> None:
    """Run the statements written for this database ('postgresql', 'sqlite'), if any."""
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def install(schema_editor) -> None:
    """Create the search column or tables; SQLite indexes every cable already stored
    (PostgreSQL does when its search table comes, in install_search_table)."""
    execute_for(schema_editor, {"postgresql": POSTGRESQL_INSTALL, "sqlite": SQLITE_INSTALL})
    if schema_editor.connection.vendor == "sqlite":
        index_all(schema_editor.connection)


def index_all(database) -> None:
    with database.cursor() as cursor:
        cursor.execute("SELECT id FROM cables_cable")
        ids = [row[0] for row in cursor.fetchall()]
    index_cables(ids, using=database)


def uninstall(schema_editor) -> None:
    execute_for(schema_editor, {"postgresql": POSTGRESQL_UNINSTALL, "sqlite": SQLITE_UNINSTALL})


def install_paragraph_vectors(schema_editor) -> None:
    execute_for(schema_editor, {"postgresql": POSTGRESQL_PARAGRAPH_VECTORS})


def uninstall_paragraph_vectors(schema_editor) -> None:
    execute_for(schema_editor, {"postgresql": POSTGRESQL_PARAGRAPH_VECTORS_UNDO})


def install_search_table(schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        execute_for(schema_editor, {"postgresql": POSTGRESQL_SEARCH_TABLE})
        index_all(schema_editor.connection)


def uninstall_search_table(schema_editor) -> None:
    execute_for(schema_editor, {"postgresql": POSTGRESQL_SEARCH_TABLE_UNDO})


def index_cables(cable_ids: Iterable[int], *, using=None) -> None:
    """(Re)build the search entries of these cables from their stored subject, origin, tags
    and paragraphs. Call it after every write to any of those."""
    database = using or connection
    ids = list(cable_ids)
    if not ids:
        return
    with database.cursor() as cursor:
        if database.vendor == "postgresql":
            cursor.execute(POSTGRESQL_INDEX, [ids])
        elif database.vendor == "sqlite":
            for statement in SQLITE_INDEX:
                cursor.execute(statement, [json.dumps(ids)])


class VectorColumn(Expression):
    """A tsvector column of cables_search, which is no model field, under whatever alias the
    query gives the table."""

    def __init__(self, column: str = "vector") -> None:
        super().__init__(output_field=TextField())
        self.column = column
        self.alias = "cables_search"

    def resolve_expression(self, query=None, *args, **kwargs):
        resolved = self.copy()
        if query is not None:
            resolved.alias = query.get_initial_alias()
        return resolved

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name(self.alias)}.{self.column}", []


def tsquery_sql(query: ParsedQuery) -> tuple[str, list[str]]:
    """The query as a PostgreSQL tsquery expression. Each term is read by
    websearch_to_tsquery (stemming, stop words, phrases); the terms are combined here with
    && and ||, because a tsquery binds & tighter than | and `a b or c` would mean
    (a & b) | c there, not a & (b | c)."""
    term = f"websearch_to_tsquery('{CONFIG}', %s)"
    groups = ["(" + " || ".join([term] * len(group)) + ")" for group in query.groups]
    excluded = [f"!!{term}" for _ in query.excluded]
    params = [str(t) for group in query.groups for t in group] + [str(t) for t in query.excluded]
    return "(" + " && ".join(groups + excluded) + ")", params


class TsQuery(Expression):
    def __init__(self, query: ParsedQuery) -> None:
        super().__init__(output_field=TextField())
        self.query = query

    def as_sql(self, compiler, connection):
        return tsquery_sql(self.query)


def vector_matches(query: ParsedQuery) -> Func:
    """A condition for SearchRow querysets (PostgreSQL): the row's vector matches."""
    return Func(
        VectorColumn(),
        TsQuery(query),
        arg_joiner=" @@ ",
        template="(%(expressions)s)",
        output_field=BooleanField(),
    )


def vector_rank(query: ParsedQuery, column: str = "vector") -> Func:
    """ts_rank of a SearchRow's vector (or its small title_vector), divided by the log of
    the length so that a long cable does not win by length alone."""
    return Func(
        VectorColumn(column),
        TsQuery(query),
        Value(1),
        function="ts_rank",
        output_field=FloatField(),
    )


def matches(query: ParsedQuery) -> Q:
    """A condition for Cable querysets: the cable matches the query."""
    if postgresql():
        tsquery, params = tsquery_sql(query)
        return Q(
            pk__in=RawSQL(f"SELECT cable_id FROM cables_search WHERE vector @@ {tsquery}", params)
        )
    return Q(
        pk__in=RawSQL(
            "SELECT rowid FROM cables_cable_fts WHERE cables_cable_fts MATCH %s", [query.fts5()]
        )
    )


def relevance(query: ParsedQuery) -> Func:
    """How well a matching cable matches: higher is better. Subject counts most, then ID,
    origin and tags, then the text; a long cable does not win by length alone."""
    if postgresql():
        return Func(
            TsQuery(query),
            F("pk"),
            template="(SELECT ts_rank(vector, %(expressions)s))",
            arg_joiner=", 1) FROM cables_search WHERE cable_id = (",
            output_field=FloatField(),
        )
    return Func(
        Value(query.fts5()),
        F("pk"),
        template=(
            "(SELECT -bm25(cables_cable_fts, 10.0, 4.0, 1.0) FROM cables_cable_fts "
            "WHERE cables_cable_fts MATCH %(expressions)s)"
        ),
        arg_joiner=" AND rowid = ",
        output_field=FloatField(),
    )


@dataclass(frozen=True)
class Passage:
    """The paragraph of a cable that best matches a query, with its words marked."""

    cable_id: int
    anchor: str
    number: int | None
    snippet: SafeString


POSTGRESQL_PASSAGES = f"""
WITH wanted AS (
    SELECT {{every_term}} AS every_term, {{any_term}} AS any_term
), best AS (
    SELECT DISTINCT ON (paragraph.cable_id) paragraph.cable_id, paragraph.anchor,
           paragraph.number, paragraph.text
    FROM cables_paragraph AS paragraph CROSS JOIN wanted
    WHERE paragraph.cable_id = ANY(%s) AND paragraph.search_vector @@ wanted.any_term
    ORDER BY paragraph.cable_id, paragraph.search_vector @@ wanted.every_term DESC,
             ts_rank(paragraph.search_vector, wanted.any_term) DESC, paragraph.position
)
SELECT best.cable_id, best.anchor, best.number,
       ts_headline('{CONFIG}', best.text, wanted.any_term, %s)
FROM best CROSS JOIN wanted
"""

SQLITE_PASSAGES = f"""
SELECT paragraph.cable_id, paragraph.anchor, paragraph.number,
       snippet(cables_paragraph_fts, 0, char(2), char(3), ' … ', {SNIPPET_WORDS}),
       paragraph.id IN (SELECT rowid FROM cables_paragraph_fts
                        WHERE cables_paragraph_fts MATCH %s) AS every_term,
       bm25(cables_paragraph_fts) AS score, paragraph.position
FROM cables_paragraph_fts JOIN cables_paragraph AS paragraph
    ON paragraph.id = cables_paragraph_fts.rowid
WHERE cables_paragraph_fts MATCH %s
  AND paragraph.cable_id IN (SELECT value FROM json_each(%s))
"""


def best_passages(query: ParsedQuery, cable_ids: list[int]) -> dict[int, Passage]:
    """For each cable, its paragraph matching the most of the query (all of it where one
    does), with a snippet around the matched words. Cables matched only by subject, ID or tags
    have none. One query, whatever the number of cables."""
    if not query or not cable_ids:
        return {}
    with connection.cursor() as cursor:
        if postgresql():
            options = (
                f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_WORDS}, "
                f'MinWords={SNIPPET_WORDS // 2}, MaxFragments=2, FragmentDelimiter=" … "'
            )
            every_term, every_params = tsquery_sql(query)
            any_term, any_params = tsquery_sql(query.any_term())
            sql = POSTGRESQL_PASSAGES.format(every_term=every_term, any_term=any_term)
            cursor.execute(sql, [*every_params, *any_params, list(cable_ids), options])
            rows = cursor.fetchall()
        else:
            cursor.execute(
                SQLITE_PASSAGES, [query.fts5(), query.any_term().fts5(), json.dumps(cable_ids)]
            )
            found = sorted(cursor.fetchall(), key=lambda row: (not row[4], row[5], row[6]))
            rows, seen = [], set()
            for row in found:
                if row[0] not in seen:
                    seen.add(row[0])
                    rows.append(row[:4])
    return {
        cable_id: Passage(cable_id, anchor, number, marked(text))
        for cable_id, anchor, number, text in rows
    }


def highlighted_paragraphs(query: ParsedQuery, cable_id: int) -> dict[int, str]:
    """The cable's paragraphs that contain any of the query's words, whole, those words
    between the START and STOP markers: {paragraph id: text}. One query."""
    if not query:
        return {}
    with connection.cursor() as cursor:
        if postgresql():
            any_term, any_params = tsquery_sql(query.any_term())
            cursor.execute(
                f"""SELECT paragraph.id, ts_headline('{CONFIG}', paragraph.text, terms.wanted, %s)
                FROM cables_paragraph AS paragraph CROSS JOIN (SELECT {any_term} AS wanted) AS terms
                WHERE paragraph.cable_id = %s AND paragraph.search_vector @@ terms.wanted""",
                [f"HighlightAll=true, StartSel={START}, StopSel={STOP}", *any_params, cable_id],
            )
        else:
            cursor.execute(
                """SELECT rowid, highlight(cables_paragraph_fts, 0, char(2), char(3))
                FROM cables_paragraph_fts
                WHERE cables_paragraph_fts MATCH %s
                  AND rowid IN (SELECT id FROM cables_paragraph WHERE cable_id = %s)""",
                [query.any_term().fts5(), cable_id],
            )
        return dict(cursor.fetchall())


def marked(text: str) -> SafeString:
    """Text from the database with its match markers: escaped, the markers made <mark>."""
    html = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    # A marker the database left open (a snippet cut inside a match) is closed here.
    if html.count("<mark>") > html.count("</mark>"):
        html += "</mark>"
    return mark_safe(html)
