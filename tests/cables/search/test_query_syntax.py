"""The search box's syntax, read without a database: what each query means, rendered for
PostgreSQL (websearch_to_tsquery) and SQLite (FTS5 MATCH), and never an error whatever is typed.

FTS5 renderings are run against an in-memory SQLite FTS5 table (not the project's database): a
rendering SQLite refuses would be a 500 on the search page."""

import re
import sqlite3

import pytest

from cables.query_syntax import MAX_TERMS, ParsedQuery, Term, parse_query

HOSTILE = [
    "",
    " ",
    '"',
    '""',
    '"""',
    '"energy security',
    'energy security"',
    'pipe"line',
    'he said "gas',
    "OR",
    "OR OR |",
    "-",
    "--",
    "- OR -",
    "-ukraine -russia",
    "NEAR AND NOT *",
    "NEAR(gas pipeline, 5)",
    "gas* ^pipeline",
    "subject:gas body:pipeline",
    "{subject meta}: gas",
    "gas AND pipeline NOT ukraine",
    "gas + pipeline",
    "a' OR 1=1 --",
    "'; DROP TABLE cables_cable; --",
    '\\"gas\\"',
    "(((gas",
    "gas)))",
    "gas\x00pipeline",
    "\x01\x02\x03\x1b[31mred\x7f",
    "tab\tseparated\nlines\r\n",
    "Gazprom's Ünïcödé naïve 日本語 Αθήνα 😀",
    "\u202eevil\u200b",
    "foo_bar baz-qux",
    "1.4(b) and (d)",
    "<script>alert(1)</script>",
    "x" * 10_000,
    "pipeline " * 1_200,
    " OR ".join(f"word{number}" for number in range(2_000)),
    "-" * 10_000,
    '"' * 10_001,
]

# What websearch() may produce: terms of letters and digits, phrases in quotes, ' or ' and '-'.
WORD = r"[^\W_]+"
TERM = rf'(?:{WORD}|"{WORD}(?: {WORD})+")'
PART = rf"(?:{TERM}(?: or {TERM})*|-{TERM})"
WEBSEARCH = re.compile(rf"(?:{PART}(?: {PART})*)?")


@pytest.fixture(scope="module")
def fts5():
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE texts USING fts5(subject, body, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    connection.executemany(
        "INSERT INTO texts(rowid, subject, body) VALUES (?, ?, ?)",
        [
            (1, "GAS PIPELINE", "The gas pipeline to Ukraine."),
            (2, "TALKS", "Putin and the pipeline; Medvedev said nothing."),
            (3, "ENERGY", "Energy security, Gazprom and Belarus."),
        ],
    )
    yield connection
    connection.close()


def matching(fts5, text: str) -> list[int]:
    """The rows of the FTS5 table that the parsed text matches."""
    query = parse_query(text)
    rows = fts5.execute(
        "SELECT rowid FROM texts WHERE texts MATCH ? ORDER BY rowid", [query.fts5()]
    )
    return [row[0] for row in rows]


def words(query: ParsedQuery) -> list[list[tuple[str, ...]]]:
    return [[term.words for term in group] for group in query.groups]


def test_words_are_all_required_in_lower_case():
    query = parse_query("Gas PIPELINE")
    assert words(query) == [[("gas",)], [("pipeline",)]]
    assert query.websearch() == "gas pipeline"
    assert query.fts5() == '"gas" AND "pipeline"'
    assert str(query) == "gas pipeline"


def test_a_quoted_phrase_is_one_term():
    query = parse_query('"Energy Security" gazprom')
    assert words(query) == [[("energy", "security")], [("gazprom",)]]
    assert query.terms[0].is_phrase
    assert query.websearch() == '"energy security" gazprom'
    assert query.fts5() == '"energy security" AND "gazprom"'


def test_an_unclosed_quote_runs_to_the_end():
    assert words(parse_query('gazprom "energy security')) == [
        [("gazprom",)],
        [("energy", "security")],
    ]


def test_a_minus_excludes_a_word_or_a_phrase():
    query = parse_query('gazprom -ukraine -"energy security"')
    assert words(query) == [[("gazprom",)]]
    assert query.excluded == (Term(("ukraine",)), Term(("energy", "security")))
    assert query.websearch() == 'gazprom -ukraine -"energy security"'
    assert query.fts5() == '("gazprom") NOT ("ukraine" OR "energy security")'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gazprom - ukraine", [[("gazprom",)], [("ukraine",)]]),  # a lone minus is no operator
        ('"-ukraine"', [[("ukraine",)]]),  # inside quotes it is punctuation
        ("anti-missile", [[("anti", "missile")]]),  # inside a word too: a phrase
        ("--ukraine gazprom", [[("gazprom",)]]),
    ],
)
def test_a_minus_only_excludes_at_the_start_of_a_term(text, expected):
    assert words(parse_query(text)) == expected


def test_or_joins_its_neighbours():
    query = parse_query("putin OR medvedev")
    assert words(query) == [[("putin",), ("medvedev",)]]
    assert query.websearch() == "putin or medvedev"
    assert query.fts5() == '("putin" OR "medvedev")'
    assert words(parse_query("putin | medvedev")) == words(query)


def test_or_binds_tighter_than_the_space():
    query = parse_query('gazprom ukraine OR belarus OR "energy security"')
    assert words(query) == [[("gazprom",)], [("ukraine",), ("belarus",), ("energy", "security")]]
    assert query.websearch() == 'gazprom ukraine or belarus or "energy security"'
    assert query.fts5() == '"gazprom" AND ("ukraine" OR "belarus" OR "energy security")'


def test_lower_case_or_is_a_stop_word_not_an_operator():
    assert words(parse_query("putin or medvedev")) == [[("putin",)], [("medvedev",)]]


@pytest.mark.parametrize(
    "text", ["OR putin", "putin OR", "putin OR OR", "OR OR putin", "the OR putin", "putin OR -"]
)
def test_an_or_with_nothing_on_one_side_is_dropped(text):
    query = parse_query(text)
    assert words(query) == [[("putin",)]]
    assert query.fts5() == '"putin"'


def test_or_before_an_excluded_word_does_not_join_it():
    query = parse_query("putin OR -medvedev")
    assert words(query) == [[("putin",)]]
    assert query.excluded == (Term(("medvedev",)),)


def test_stop_words_are_dropped():
    assert words(parse_query("the embassy of the United States")) == [
        [("embassy",)],
        [("united",)],
        [("states",)],
    ]


@pytest.mark.parametrize("text", ["the of and", '"to be or not to be"', "AND NOT", "i a"])
def test_only_stop_words_is_no_query(text):
    query = parse_query(text)
    assert not query
    assert query.terms == []
    assert query.websearch() == ""
    assert not query.any_term()


def test_stop_words_inside_a_phrase_are_kept():
    assert words(parse_query('"minister of foreign affairs"')) == [
        [("minister", "of", "foreign", "affairs")]
    ]


# PostgreSQL drops its own stop words from a query, so dropping the same ones here is what
# makes a query mean the same on SQLite ('don pipeline', "it's").
@pytest.mark.parametrize("text", ["s", "t", "don", "don't"])
def test_postgresql_stop_words_are_dropped_on_both_databases(text):
    assert not parse_query(text)


def test_only_excluded_words_is_no_query():
    query = parse_query("-ukraine -russia")
    assert not query
    assert query.excluded == (Term(("ukraine",)), Term(("russia",)))


@pytest.mark.parametrize(
    "text", ["", "   ", '"', '""', "OR", "OR | OR", "-", "- -", "***", "¶ § —"]
)
def test_nothing_to_search_for_is_no_query(text):
    assert not parse_query(text)


def test_punctuation_splits_words_into_a_phrase():
    assert words(parse_query("counter-narcotics 1.4(b) foo_bar")) == [
        [("counter", "narcotics")],
        [("1", "4", "b")],
        [("foo", "bar")],
    ]


def test_a_quote_inside_a_word_starts_a_phrase():
    assert words(parse_query('pipe"line gas')) == [[("pipe",)], [("line", "gas")]]


def test_fts5_keywords_are_plain_words():
    query = parse_query("NEAR gas* ^pipeline subject:ukraine")
    assert words(query) == [[("near",)], [("gas",)], [("pipeline",)], [("subject", "ukraine")]]
    assert query.fts5() == '"near" AND "gas" AND "pipeline" AND "subject ukraine"'


def test_unicode_words_are_kept_and_lower_cased():
    assert words(parse_query("Ärger ΑΘΗΝΑ 日本語 😀")) == [
        [("ärger",)],
        [("αθηνα",)],
        [("日本語",)],
    ]


def test_control_characters_separate_words():
    query = parse_query("gas\x00pipeline \x1b[31mred\x7f")
    assert words(query) == [[("gas", "pipeline")], [("31mred",)]]


def test_repeated_terms_in_an_or_group_count_once():
    assert words(parse_query("putin OR Putin OR medvedev")) == [[("putin",), ("medvedev",)]]


def test_at_most_twenty_terms_and_twenty_exclusions():
    query = parse_query(" ".join(f"w{n} -x{n}" for n in range(30)))
    assert [group[0].words for group in query.groups] == [(f"w{n}",) for n in range(MAX_TERMS)]
    assert query.excluded == tuple(Term((f"x{n}",)) for n in range(MAX_TERMS))


def test_any_term_is_one_group_of_every_term_without_exclusions():
    query = parse_query('gas "energy security" OR gazprom -ukraine')
    anything = query.any_term()
    assert words(anything) == [[("gas",), ("energy", "security"), ("gazprom",)]]
    assert anything.excluded == ()
    assert anything.fts5() == '("gas" OR "energy security" OR "gazprom")'
    assert anything.websearch() == 'gas or "energy security" or gazprom'


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("pipeline", [1, 2]),
        ("pipelines", [1, 2]),  # the stemmer
        ('"gas pipeline"', [1]),
        ("gas pipeline", [1]),
        ("pipeline -ukraine", [2]),
        ("putin OR gazprom", [2, 3]),
        ("pipeline putin OR gazprom", [2]),
        ("energy OR gas pipeline", [1]),  # (energy OR gas) AND pipeline
        ('-"gas pipeline" pipeline', [2]),
    ],
)
def test_fts5_renderings_mean_what_the_syntax_says(fts5, text, rows):
    assert matching(fts5, text) == rows


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_renders_valid_queries(fts5, text):
    query = parse_query(text)
    for rendering in (query.websearch(), query.any_term().websearch()):
        assert WEBSEARCH.fullmatch(rendering), rendering
        assert rendering.isprintable()
    if query:  # only a query with terms is ever sent to a database
        for rendering in (query.fts5(), query.any_term().fts5()):
            assert rendering.isprintable()
            fts5.execute("SELECT rowid FROM texts WHERE texts MATCH ?", [rendering]).fetchall()
    assert len(query.groups) <= MAX_TERMS
    assert len(query.excluded) <= MAX_TERMS


def test_ten_thousand_characters_are_read_up_to_a_limit():
    query = parse_query("pipeline " * 1_200)
    assert len(query.groups) <= MAX_TERMS
    assert {term.words for term in query.terms} == {("pipeline",)}
    assert len(parse_query(" ".join(f"w{n}" for n in range(3_000))).websearch()) < 1_000
