"""Where a query's words stand in a text, as the index reads words: the marks, the paragraph a
hit lands on and its snippet."""

from cables.query_syntax import parse_query
from cables.search.marking import SNIPPET_WORDS, START, STOP, Matcher, marked


def marks(query: str, text: str) -> list[str]:
    """The marked stretches of the text."""
    highlighted = Matcher(parse_query(query)).highlighted(text) or ""
    return [part.split(STOP)[0] for part in highlighted.split(START)[1:]]


def test_a_word_is_marked_in_every_form_the_index_finds_it_in():
    assert marks("pipeline", "Pipelines, a pipeline, PIPELINE's route.") == [
        "Pipelines",
        "pipeline",
        "PIPELINE",
    ]


def test_accents_fold_as_in_the_index():
    assert marks("unicode", "Ünïcödé text") == ["Ünïcödé"]
    assert marks("Ünïcödé", "unicode text") == ["unicode"]


def test_a_phrase_is_marked_whole_and_only_where_its_words_stand_together():
    text = "The gas pipeline, gas prices and a pipeline of gas."
    assert marks('"gas pipeline"', text) == ["gas pipeline"]


def test_a_phrase_and_a_word_inside_it_make_one_mark():
    assert marks('"gas pipeline" pipeline', "The gas pipeline.") == ["gas pipeline"]


def test_excluded_words_are_not_marked():
    assert marks("gas -pipeline", "The gas pipeline.") == ["gas"]


def test_nothing_to_mark_is_none():
    assert Matcher(parse_query("kremlin")).highlighted("The talks went well.") is None


def test_the_best_paragraph_has_every_group_then_the_most_terms_then_comes_first():
    matcher = Matcher(parse_query("gas pipeline OR route"))
    paragraphs = [
        ("par1", 1, "Gas, gas, gas and more gas."),
        ("par2", 2, "The route of the gas."),
        ("par3", 3, "A pipeline for gas."),
    ]
    passage = matcher.best_passage(7, paragraphs)
    assert (passage.cable_id, passage.anchor, passage.number) == (7, "par2", 2)
    assert passage.snippet == "The <mark>route</mark> of the <mark>gas</mark>."
    assert matcher.best_passage(7, [("p1", None, "Nothing here.")]) is None


def test_the_first_paragraph_with_every_term_is_the_best():
    matcher = Matcher(parse_query("gas pipeline"))
    paragraphs = [
        ("par1", 1, "Gas alone, gas again."),
        ("par2", 2, "The gas pipeline."),
        ("par3", 3, "Gas pipeline, gas pipeline, gas pipeline."),
    ]
    assert matcher.best_passage(1, paragraphs).anchor == "par2"


def test_a_long_paragraph_is_cut_around_its_matches_with_elisions():
    words = [f"word{number}" for number in range(200)]
    words[100] = "pipeline"
    words[110] = "gas"
    passage = Matcher(parse_query("gas pipeline")).best_passage(1, [("par1", 1, " ".join(words))])
    snippet = str(passage.snippet)
    assert snippet.startswith("… word92 ") and snippet.endswith(" …")
    assert "<mark>pipeline</mark>" in snippet and "<mark>gas</mark>" in snippet
    assert len(snippet.replace("<mark>", "").replace("</mark>", "").split()) == SNIPPET_WORDS + 2


def test_a_snippet_cuts_between_words_as_written():
    words = [f"word{number}" for number in range(100)]
    words[42] = "Japan's"
    words[50] = "pipeline"
    words[77] = "co-operation."
    passage = Matcher(parse_query("pipeline")).best_passage(1, [("par1", 1, " ".join(words))])
    text = str(passage.snippet)
    assert text.startswith("… Japan&#x27;s word43 ")
    assert text.endswith(" co-operation. …")


def test_a_short_paragraph_is_whole_in_its_snippet():
    passage = Matcher(parse_query("gas")).best_passage(1, [("par1", 1, "Gas is cheap.")])
    assert passage.snippet == "<mark>Gas</mark> is cheap."


def test_marked_text_is_escaped_around_its_marks():
    assert marked(f"<b>{START}gas{STOP}</b> & co") == "&lt;b&gt;<mark>gas</mark>&lt;/b&gt; &amp; co"
