"""What the search index makes of a parsed query and the filters (cables.search.queries): run
on a real Tantivy index of the project's schema, in memory, without Django's database."""

import datetime

import pytest
import tantivy

from cables.query_syntax import parse_query
from cables.search import Criteria, schema
from cables.search.queries import to_query
from tests.cables.search.test_query_syntax import HOSTILE

UTC = datetime.UTC


def document(pk: int, subject: str, text: str, **fields) -> schema.CableDocument:
    created = fields.pop("created", datetime.datetime(2008, 3, 4, 12, 30, tzinfo=UTC))
    return schema.CableDocument(
        id=pk,
        reference_id=f"08STATE{pk}",
        subject=subject,
        origin_id=fields.pop("origin_id", 1),
        origin_name=fields.pop("origin_name", "Embassy Moscow"),
        classification=fields.pop("classification", "CONFIDENTIAL"),
        created=created,
        released=fields.pop("released", None),
        modified=created,
        tags=fields.pop("tags", ["PREL"]),
        markings=fields.pop("markings", {"C"}),
        texts=[text],
    )


@pytest.fixture(scope="module")
def index():
    built = tantivy.Index(schema.schema())
    built.register_tokenizer(schema.ANALYZER, schema.analyzer())
    writer = built.writer(heap_size=15_000_000, num_threads=1)
    for item in [
        document(1, "GAS PIPELINE", "The gas pipeline to Ukraine.", tags=["ENRG", "UP"]),
        document(
            2,
            "TALKS",
            "Putin and the pipeline; Medvedev said nothing.",
            classification="SECRET",
            markings={"S", "C"},
            released=datetime.datetime(2011, 8, 30, 1, 44, tzinfo=UTC),
        ),
        document(
            3,
            "ENERGY",
            "Energy security, Gazprom and Belarus. Ünïcödé naïveté.",
            origin_id=2,
            origin_name="Embassy Minsk",
            created=datetime.datetime(2009, 1, 1, 0, 0, tzinfo=UTC),
            released=datetime.datetime(2010, 11, 28, 18, 0, tzinfo=UTC),
        ),
    ]:
        writer.add_document(item.document())
    writer.commit()
    writer.wait_merging_threads()
    built.reload()
    return built


def matching(index, criteria: Criteria) -> list[int]:
    searcher = index.searcher()
    found = searcher.search(to_query(criteria, index.schema), 10, count=True)
    ids = searcher.fast_field_values("id", [address for _, address in found.hits])
    assert found.count == len(ids)
    return sorted(ids)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("pipeline", [1, 2]),
        ("pipelines", [1, 2]),  # the stemmer
        ("PIPELINE", [1, 2]),
        ('"gas pipeline"', [1]),
        ('"pipeline gas"', []),  # a phrase in its order
        ("gas pipeline", [1]),
        ("pipeline -ukraine", [2]),
        ("putin OR gazprom", [2, 3]),
        ("pipeline putin OR gazprom", [2]),
        ("energy OR gas pipeline", [1]),  # (energy OR gas) AND pipeline
        ('-"gas pipeline" pipeline', [2]),
        ("unicode naivete", [3]),  # accents folded
        ("08STATE2", [2]),  # the reference ID
        ("minsk", [3]),  # the origin
        ("enrg", [1]),  # a tag
        ("x" * 41, []),  # longer than any word the index keeps
    ],
)
def test_the_words_mean_what_the_syntax_says(index, text, rows):
    assert matching(index, Criteria(query=parse_query(text))) == rows


@pytest.mark.parametrize(
    ("filters", "rows"),
    [
        ({"classification": "SECRET"}, [2]),
        ({"origin_id": 2}, [3]),
        ({"tag": "UP"}, [1]),
        ({"tag": "up"}, []),  # tags are matched as stored: the form finds the stored name
        ({"marking": "S"}, [2]),
        ({"created_from": datetime.date(2009, 1, 1)}, [3]),
        ({"created_to": datetime.date(2008, 12, 31)}, [1, 2]),
        (
            {"created_from": datetime.date(2008, 3, 4), "created_to": datetime.date(2008, 3, 4)},
            [1, 2],
        ),
        (
            {
                "released_from": datetime.date(2011, 8, 30),
                "released_to": datetime.date(2011, 8, 30),
            },
            [2],
        ),
        ({"released_to": datetime.date(2011, 1, 1)}, [3]),
        ({"released_only": True}, [2, 3]),
        ({}, [1, 2, 3]),
    ],
)
def test_filters_narrow_and_alone_list_every_cable_they_keep(index, filters, rows):
    assert matching(index, Criteria(**filters)) == rows
    with_words = Criteria(query=parse_query("pipeline OR gazprom"), **filters)
    assert matching(index, with_words) == rows


def test_filters_do_not_change_the_ranking(index):
    searcher = index.searcher()

    def scores(criteria):
        found = searcher.search(to_query(criteria, index.schema), 10)
        return [score for score, _ in found.hits]

    words = parse_query("pipeline")
    assert scores(Criteria(query=words)) == scores(Criteria(query=words, origin_id=1))


def test_a_match_in_the_subject_ranks_first(index):
    searcher = index.searcher()
    found = searcher.search(to_query(Criteria(query=parse_query("pipeline")), index.schema), 10)
    assert searcher.fast_field_values("id", [address for _, address in found.hits]) == [1, 2]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_whatever_is_typed_is_a_query_the_index_answers(index, text):
    matching(index, Criteria(query=parse_query(text), tag="PREL"))
