"""The search box's syntax, read without a database: what each query means, written back as
understood, and never an error whatever is typed. (What the search index makes of each query:
test_queries.py.)"""

import re

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


def words(query: ParsedQuery) -> list[list[tuple[str, ...]]]:
    return [[term.words for term in group] for group in query.groups]


def test_words_are_all_required_in_lower_case():
    query = parse_query("Gas PIPELINE")
    assert words(query) == [[("gas",)], [("pipeline",)]]
    assert query.websearch() == "gas pipeline"
    assert str(query) == "gas pipeline"


def test_a_quoted_phrase_is_one_term():
    query = parse_query('"Energy Security" gazprom')
    assert words(query) == [[("energy", "security")], [("gazprom",)]]
    assert query.terms[0].is_phrase
    assert query.websearch() == '"energy security" gazprom'


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
    assert words(parse_query("putin | medvedev")) == words(query)


def test_or_binds_tighter_than_the_space():
    query = parse_query('gazprom ukraine OR belarus OR "energy security"')
    assert words(query) == [[("gazprom",)], [("ukraine",), ("belarus",), ("energy", "security")]]
    assert query.websearch() == 'gazprom ukraine or belarus or "energy security"'


def test_lower_case_or_is_a_stop_word_not_an_operator():
    assert words(parse_query("putin or medvedev")) == [[("putin",)], [("medvedev",)]]


@pytest.mark.parametrize(
    "text", ["OR putin", "putin OR", "putin OR OR", "OR OR putin", "the OR putin", "putin OR -"]
)
def test_an_or_with_nothing_on_one_side_is_dropped(text):
    query = parse_query(text)
    assert words(query) == [[("putin",)]]


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


def test_stop_words_inside_a_phrase_are_kept():
    assert words(parse_query('"minister of foreign affairs"')) == [
        [("minister", "of", "foreign", "affairs")]
    ]


# The stop words of PostgreSQL's English configuration, which searched here before: a
# query means what it meant ('don pipeline', "it's").
@pytest.mark.parametrize("text", ["s", "t", "don", "don't"])
def test_english_stop_words_are_dropped(text):
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


def test_search_engine_operators_are_plain_words():
    query = parse_query("NEAR gas* ^pipeline subject:ukraine")
    assert words(query) == [[("near",)], [("gas",)], [("pipeline",)], [("subject", "ukraine")]]


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


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_is_read_as_words(text):
    query = parse_query(text)
    rendering = query.websearch()
    assert WEBSEARCH.fullmatch(rendering), rendering
    assert rendering.isprintable()
    assert len(query.groups) <= MAX_TERMS
    assert len(query.excluded) <= MAX_TERMS


def test_ten_thousand_characters_are_read_up_to_a_limit():
    query = parse_query("pipeline " * 1_200)
    assert len(query.groups) <= MAX_TERMS
    assert {term.words for term in query.terms} == {("pipeline",)}
    assert len(parse_query(" ".join(f"w{n}" for n in range(3_000))).websearch()) < 1_000
