"""/search/ and the marks a search leaves on the cable page, as a reader sees them: what is
found, in which order, the snippets, facets, histogram and pages, and what hostile input does."""

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.test import Client

from cables.importer import store_cable
from cables.models import Cable
from cables.parsing import parse_cable
from tests.factories import cable_text, indexed_together, make_cable, make_cables
from tests.html import Element, parse_html, squash

# Every cable these tests make is indexed, as the importer indexes it.
pytestmark = pytest.mark.usefixtures("search_index")


@pytest.fixture
def server_error_client() -> Client:
    """A client that gets the 500 page a reader would, instead of the exception."""
    return Client(raise_request_exception=False)


def search(client: Client, **params) -> Element:
    response = client.get("/search/", params)
    assert response.status_code == 200, (params, response.status_code)
    return parse_html(response.content)


def hits(page: Element) -> list[str]:
    """The reference IDs of the results, in order."""
    return [squash(span.text) for span in page.find_all("span", cls="reference-id")]


def found(client: Client, q: str, **params) -> list[str]:
    return hits(search(client, q=q, **params))


def summary(page: Element) -> str:
    return squash(page.find("h2", cls="results-summary").text)


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query, keep_blank_values=True)


def body(*texts: str) -> dict:
    return {"paragraph_texts": list(texts)}


# --- What a query finds ---------------------------------------------------------------------


def test_a_word_finds_the_cables_that_contain_it(client, db):
    make_cable("08STATE1", **body("The pipeline was built."))
    make_cable("08STATE2", **body("The talks went well."))
    page = search(client, q="pipeline")
    assert hits(page) == ["08STATE1"]
    assert summary(page) == "1 cable matches pipeline"


def test_words_are_found_in_every_form(client, db):
    make_cable("08STATE1", **body("Two pipelines were built."))
    make_cable("08STATE2", **body("A pipeline was planned."))
    assert sorted(found(client, "pipeline")) == ["08STATE1", "08STATE2"]
    assert sorted(found(client, "Pipelines")) == ["08STATE1", "08STATE2"]


def test_a_phrase_needs_its_words_together_and_in_order(client, db):
    make_cable("08STATE1", **body("The gas pipeline was built."))
    make_cable("08STATE2", **body("The pipeline carries no gas."))
    make_cable("08STATE3", **body("Pipeline gas is cheaper."))
    assert found(client, '"gas pipeline"') == ["08STATE1"]
    assert sorted(found(client, "gas pipeline")) == ["08STATE1", "08STATE2", "08STATE3"]


def test_a_minus_excludes_the_cables_with_that_word(client, db):
    make_cable("08STATE1", **body("Gazprom raised prices."))
    make_cable("08STATE2", **body("Gazprom cut off Ukraine."))
    assert found(client, "gazprom -ukraine") == ["08STATE1"]
    assert found(client, 'gazprom -"cut off"') == ["08STATE1"]


def test_or_finds_either_word(client, db):
    make_cable("08STATE1", **body("Putin spoke."))
    make_cable("08STATE2", **body("Medvedev spoke."))
    make_cable("08STATE3", **body("Lavrov spoke."))
    assert sorted(found(client, "putin OR medvedev")) == ["08STATE1", "08STATE2"]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("gazprom ukraine OR belarus", ["08STATE1", "08STATE2"]),
        ("ukraine OR belarus gazprom", ["08STATE1", "08STATE2"]),
        ("gazprom OR ukraine -belarus", ["08STATE1"]),
    ],
)
def test_or_binds_tighter_than_the_space(client, db, q, expected):
    make_cable("08STATE1", **body("Gazprom and Ukraine."))
    make_cable("08STATE2", **body("Gazprom and Belarus."))
    make_cable("08STATE3", **body("Ukraine and Belarus."))
    make_cable("08STATE4", **body("Belarus alone."))
    assert sorted(found(client, q)) == expected


def test_only_stop_words_gives_the_form_back_without_results_or_error(client, db):
    # Searched for, these words would find this cable.
    make_cable("08STATE1", **body("The minister of state said that the talks and the visit ended."))
    page = search(client, q="the of and that")
    assert page.find("input", name="q").attrs["value"] == "the of and that"
    assert page.find_all("section", cls="results") == []
    assert page.find_all("li", cls="hit") == []
    assert page.find_all(cls="form-errors") == []


def test_only_excluded_words_gives_the_form_back_without_results(client, db):
    make_cable("08STATE1", **body("Gazprom raised prices."))
    page = search(client, q="-ukraine")
    assert page.find_all("li", cls="hit") == []
    assert page.find_all(cls="form-errors") == []


def test_a_search_that_finds_nothing_says_so(client, db):
    make_cable("08STATE1", **body("The talks went well."))
    page = search(client, q="pipeline")
    assert summary(page) == "No cable matches pipeline"
    assert "Try fewer words" in squash(page.find("section", cls="results").text)


def test_a_match_in_the_subject_ranks_above_one_in_the_text(client, db):
    make_cable("08STATE1", created="2008-01-01 10:00", subject="PIPELINE POLITICS")
    make_cable("08STATE2", created="2009-01-01 10:00", **body("The pipeline was mentioned once."))
    make_cable("08STATE3", created="2010-01-01 10:00", **body("Nothing about it at all."))
    assert found(client, "pipeline") == ["08STATE1", "08STATE2"]
    assert found(client, "pipeline", sort="relevance") == ["08STATE1", "08STATE2"]
    assert found(client, "pipeline", sort="-created") == ["08STATE2", "08STATE1"]


@pytest.mark.parametrize("q", ["07MOSCOW601", "07moscow601"])
def test_the_reference_id_finds_its_cable(client, db, q):
    make_cable("07MOSCOW601")
    make_cable("07MOSCOW602")
    make_cable("08STATE601")
    assert found(client, q) == ["07MOSCOW601"]


# --- Filters and order ----------------------------------------------------------------------


@pytest.fixture
def varied(db):
    """Four cables that all mention a pipeline, one that does not, each different."""
    with indexed_together():
        make_cable(
            "08MOSCOW1",
            created="2008-03-04 12:30",
            released="2011-08-30 01:44",
            classification="SECRET",
            origin="Embassy Moscow",
            tags="PREL, ENRG",
            marking="S",
            **body("The pipeline deal is secret."),
        )
        make_cable(
            "08MOSCOW2",
            created="2008-03-05 00:00",
            released="2011-08-30 23:59",
            classification="CONFIDENTIAL",
            origin="Embassy Moscow",
            tags="ENRG",
            **body("A pipeline to Europe."),
        )
        make_cable(
            "09KYIV1",
            created="2009-06-01 08:00",
            released="",
            classification="CONFIDENTIAL",
            origin="Embassy Kyiv",
            tags="PREL, UP",
            **body("Ukraine wants the pipeline."),
        )
        make_cable(
            "10BERLIN1",
            created="2010-01-15 10:00",
            released="2010-11-28 18:00",
            classification="UNCLASSIFIED",
            origin="Embassy Berlin",
            tags="GM",
            marking="U",
            **body("Berlin approved the pipeline."),
        )
        make_cable(
            "10BERLIN2",
            created="2010-01-16 10:00",
            released="2010-11-28 18:00",
            classification="SECRET",
            origin="Embassy Berlin",
            tags="PREL",
            marking="S",
            **body("Nothing about energy."),
        )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"classification": "secret"}, ["08MOSCOW1"]),
        ({"classification": "confidential"}, ["09KYIV1", "08MOSCOW2"]),
        ({"origin": "embassy-moscow"}, ["08MOSCOW2", "08MOSCOW1"]),
        ({"tag": "prel"}, ["09KYIV1", "08MOSCOW1"]),
        ({"tag": "PREL"}, ["09KYIV1", "08MOSCOW1"]),
        ({"marking": "S"}, ["08MOSCOW1"]),
        ({"marking": "U"}, ["10BERLIN1"]),
        ({"created_from": "2009-06-01"}, ["10BERLIN1", "09KYIV1"]),
        ({"created_to": "2008-03-04"}, ["08MOSCOW1"]),
        ({"created_from": "2008-03-04", "created_to": "2008-03-05"}, ["08MOSCOW2", "08MOSCOW1"]),
        ({"created_from": "2008-03-05", "created_to": "2008-03-05"}, ["08MOSCOW2"]),
        ({"released_from": "2011-08-30", "released_to": "2011-08-30"}, ["08MOSCOW2", "08MOSCOW1"]),
        ({"released_to": "2010-11-28"}, ["10BERLIN1"]),
        ({"released_from": "2010-11-29"}, ["08MOSCOW2", "08MOSCOW1"]),
        # Combined.
        ({"classification": "confidential", "origin": "embassy-moscow"}, ["08MOSCOW2"]),
        ({"tag": "ENRG", "marking": "S", "created_to": "2008-12-31"}, ["08MOSCOW1"]),
        ({"origin": "embassy-kyiv", "released_from": "2000-01-01"}, []),
    ],
)
def test_filters_narrow_the_words_each_alone_and_together(client, varied, params, expected):
    assert found(client, "pipeline", sort="-created", **params) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"origin": "embassy-berlin"}, ["10BERLIN2", "10BERLIN1"]),
        ({"marking": "S"}, ["10BERLIN2", "08MOSCOW1"]),
        ({"tag": "prel", "classification": "secret"}, ["10BERLIN2", "08MOSCOW1"]),
    ],
)
def test_filters_alone_list_their_cables_newest_first(client, varied, params, expected):
    page = search(client, **params)
    assert hits(page) == expected
    assert summary(page) == f"{len(expected)} cables match these filters"


def test_active_filters_show_with_links_that_remove_them(client, varied):
    page = search(
        client, q="pipeline", classification="confidential", origin="embassy-moscow", page="1"
    )
    active = page.find("ul", cls="active-filters")
    items = {squash(li.text): li.find("a").attrs["href"] for li in active.find_all("li")}
    assert items == {
        "Classification: CONFIDENTIAL ×": "?q=pipeline&origin=embassy-moscow",
        "Origin: Embassy Moscow ×": "?q=pipeline&classification=confidential",
    }


@pytest.mark.parametrize(
    ("sort", "label", "expected"),
    [
        ("created", "oldest first", ["08MOSCOW1", "08MOSCOW2", "09KYIV1", "10BERLIN1"]),
        ("-created", "newest first", ["10BERLIN1", "09KYIV1", "08MOSCOW2", "08MOSCOW1"]),
        # Never released: last, whichever way.
        ("released", "earliest released first", ["10BERLIN1", "08MOSCOW1", "08MOSCOW2", "09KYIV1"]),
        ("-released", "latest released first", ["08MOSCOW2", "08MOSCOW1", "10BERLIN1", "09KYIV1"]),
    ],
)
def test_results_sort_both_ways_by_creation_and_release(client, varied, sort, label, expected):
    page = search(client, q="pipeline", sort=sort)
    assert hits(page) == expected
    current = page.find("p", cls="sort-links").find("strong")
    assert (squash(current.text), current.attrs["aria-current"]) == (label, "true")


def test_sort_links_keep_the_query_and_filters(client, varied):
    links = search(client, q="pipeline", tag="PREL").find("p", cls="sort-links").find_all("a")
    assert [query_of(a.attrs["href"]) for a in links] == [
        {"q": ["pipeline"], "tag": ["PREL"], "sort": [sort]}
        for sort in ("-created", "created", "-released", "released")
    ]


# --- Facets and histogram -------------------------------------------------------------------


def facets(page: Element) -> dict[str, list[tuple[str, str | None, str]]]:
    """{facet heading: [(label, link or None for the one in use, count)]}."""
    aside = page.find("aside", cls="facets")
    headings = [squash(h2.text) for h2 in aside.find_all("h2")]
    lists = aside.find_all("ul")
    return {
        heading: [
            (
                squash((li.find_all("a") or li.find_all("strong"))[0].text),
                li.find("a").attrs["href"] if li.find_all("a") else None,
                squash(li.find("span", cls="count").text),
            )
            for li in items.find_all("li")
        ]
        for heading, items in zip(headings, lists, strict=True)
    }


def test_facets_count_the_matching_cables_and_link_to_narrow(client, varied):
    assert facets(search(client, q="pipeline")) == {
        "Classification": [
            ("CONFIDENTIAL", "?q=pipeline&classification=confidential", "2"),
            ("SECRET", "?q=pipeline&classification=secret", "1"),
            ("UNCLASSIFIED", "?q=pipeline&classification=unclassified", "1"),
        ],
        "Origin": [
            ("Embassy Moscow", "?q=pipeline&origin=embassy-moscow", "2"),
            ("Embassy Berlin", "?q=pipeline&origin=embassy-berlin", "1"),
            ("Embassy Kyiv", "?q=pipeline&origin=embassy-kyiv", "1"),
        ],
        "Tags": [
            ("ENRG", "?q=pipeline&tag=ENRG", "2"),
            ("PREL", "?q=pipeline&tag=PREL", "2"),
            ("GM", "?q=pipeline&tag=GM", "1"),
            ("UP", "?q=pipeline&tag=UP", "1"),
        ],
    }


def test_facets_follow_the_filters_in_use_and_keep_them(client, varied):
    assert facets(search(client, q="pipeline", tag="prel", page="1")) == {
        "Classification": [
            ("CONFIDENTIAL", "?q=pipeline&tag=prel&classification=confidential", "1"),
            ("SECRET", "?q=pipeline&tag=prel&classification=secret", "1"),
        ],
        "Origin": [
            ("Embassy Kyiv", "?q=pipeline&tag=prel&origin=embassy-kyiv", "1"),
            ("Embassy Moscow", "?q=pipeline&tag=prel&origin=embassy-moscow", "1"),
        ],
        "Tags": [
            ("PREL", None, "2"),
            ("ENRG", "?q=pipeline&tag=ENRG", "1"),
            ("UP", "?q=pipeline&tag=UP", "1"),
        ],
    }


def follow(client: Client, href: str) -> Element:
    """The search page a link of the search page leads to."""
    return search(client, **{name: values[0] for name, values in query_of(href).items()})


def test_a_facet_link_lists_as_many_cables_as_it_counts(client, varied):
    page = search(client, q="pipeline")
    for facet in facets(page).values():
        for label, href, count in facet:
            assert len(hits(follow(client, href))) == int(count), label


def bars(page: Element) -> list[tuple[str, dict[str, list[str]]]]:
    """The histogram's linked bars: (label, the query of their link)."""
    figure = page.find("figure", cls="histogram")
    return [
        (squash(a.find("title").text), query_of(a.attrs["href"]))
        for a in figure.find_all("a", cls="bar-link")
    ]


def test_histogram_by_month_within_two_years_links_to_each_month(client, db):
    make_cable("08STATE1", created="2008-03-04 12:30", **body("pipeline"))
    make_cable("08STATE2", created="2008-03-31 23:59", **body("pipeline"))
    make_cable("08STATE3", created="2008-05-01 00:00", **body("pipeline"))
    page = search(client, q="pipeline")
    caption = squash(page.find("figure", cls="histogram").find("figcaption").text)
    assert caption.startswith("Matching cables by month of creation.")
    labels = [squash(t.text) for t in page.find("figure", cls="histogram").find_all("text")]
    assert labels == ["Mar 2008", "Apr 2008", "May 2008"]
    assert bars(page) == [
        (
            "Mar 2008: 2 cables",
            {"q": ["pipeline"], "created_from": ["2008-03-01"], "created_to": ["2008-03-31"]},
        ),
        (
            "May 2008: 1 cable",
            {"q": ["pipeline"], "created_from": ["2008-05-01"], "created_to": ["2008-05-31"]},
        ),
    ]
    march = search(client, q="pipeline", created_from="2008-03-01", created_to="2008-03-31")
    assert sorted(hits(march)) == ["08STATE1", "08STATE2"]


def test_histogram_by_year_over_two_years_links_to_each_year(client, db):
    make_cable("06STATE1", created="2006-12-31 23:59", **body("pipeline"))
    make_cable("08STATE1", created="2008-01-01 00:00", **body("pipeline"))
    make_cable("08STATE2", created="2008-12-01 00:00", **body("pipeline"))
    make_cable("08STATE3", created="2008-12-02 00:00", **body("the talks"))
    page = search(client, q="pipeline", tag="PREL")
    caption = squash(page.find("figure", cls="histogram").find("figcaption").text)
    assert caption.startswith("Matching cables by year of creation.")
    assert bars(page) == [
        (
            "2006: 1 cable",
            {
                "q": ["pipeline"],
                "tag": ["PREL"],
                "created_from": ["2006-01-01"],
                "created_to": ["2006-12-31"],
            },
        ),
        (
            "2008: 2 cables",
            {
                "q": ["pipeline"],
                "tag": ["PREL"],
                "created_from": ["2008-01-01"],
                "created_to": ["2008-12-31"],
            },
        ),
    ]
    assert len(page.find("figure", cls="histogram").find_all("rect", cls="bar")) == 2
    assert "2007" in [squash(t.text) for t in page.find_all("text", cls="bar-label")]


def test_a_histogram_bar_lists_as_many_cables_as_it_counts_inside_a_date_filter(client, db):
    make_cable("08STATE1", created="2008-03-04 12:30", **body("pipeline"))
    make_cable("08STATE2", created="2008-03-20 12:30", **body("pipeline"))
    make_cable("08STATE3", created="2008-05-01 12:30", **body("pipeline"))
    page = search(client, q="pipeline", created_from="2008-03-15")
    label, link = bars(page)[0]
    assert label == "Mar 2008: 1 cable"
    assert hits(follow(client, "?" + urlencode(link, doseq=True))) == ["08STATE2"]


# --- Snippets -------------------------------------------------------------------------------


def test_the_snippet_is_the_paragraph_with_every_word_and_links_to_it(client, db):
    make_cable(
        "08STATE1",
        **body(
            "Gas, gas and more gas: gas prices, gas storage, gas everywhere.",
            "The talks went well.",
            "The new pipeline will carry Russian gas.",
        ),
    )
    hit = search(client, q="gas pipeline").find("li", cls="hit")
    assert hit.find("h3", cls="hit-title").find("a").attrs["href"] == (
        "/cable/2008/03/08STATE1.html?q=gas%20pipeline#par3"
    )
    snippet = hit.find("p", cls="snippet")
    assert snippet.find("a").attrs["href"] == "/cable/2008/03/08STATE1.html?q=gas%20pipeline#par3"
    assert squash(snippet.find("a").text) == "¶3"
    assert "pipeline will carry Russian gas" in squash(snippet.text)
    assert [squash(mark.text).lower() for mark in snippet.find_all("mark")] == ["pipeline", "gas"]


def test_the_snippet_falls_back_to_a_paragraph_with_some_of_the_words(client, db):
    make_cable("08STATE1", subject="PIPELINE", **body("The talks went well.", "Gas is cheap."))
    snippet = search(client, q="gas pipeline").find("p", cls="snippet")
    assert squash(snippet.find("a").text) == "¶2"
    assert [squash(mark.text) for mark in snippet.find_all("mark")] == ["Gas"]


def test_a_cable_matched_only_by_its_subject_is_listed_without_snippet(client, db):
    make_cable("08STATE1", subject="KREMLIN INTRIGUE", **body("The talks went well."))
    hit = search(client, q="kremlin").find("li", cls="hit")
    assert hit.find_all("p", cls="snippet") == []
    link = hit.find("h3", cls="hit-title").find("a")
    assert link.attrs["href"] == "/cable/2008/03/08STATE1.html?q=kremlin"
    assert squash(link.text) == "08STATE1, KREMLIN INTRIGUE"


def test_a_snippet_shows_the_cable_text_escaped(client, db):
    make_cable("08STATE1", **body("He wrote <b>pipeline</b> & <script>alert(1)</script> here."))
    response = client.get("/search/", {"q": "pipeline"})
    snippet = parse_html(response.content).find("p", cls="snippet")
    assert [squash(mark.text) for mark in snippet.find_all("mark")] == ["pipeline"]
    assert snippet.find_all("b") == [] and snippet.find_all("script") == []
    assert "<script>alert(1)" not in response.content.decode()


# --- Pages ----------------------------------------------------------------------------------


def test_pages_of_results_keep_the_query_and_filters(client, db):
    make_cables(55, prefix="09MOSCOW", classification="SECRET", **body("A pipeline."))
    make_cable("09MOSCOW9", classification="CONFIDENTIAL", **body("A pipeline."))
    first = search(client, q="pipeline", classification="secret", sort="created")
    assert summary(first) == "55 cables match pipeline"
    assert len(hits(first)) == 20  # a page of hits, each with its snippet
    pagination = first.find("nav", cls="pagination")
    assert query_of(pagination.find("a", rel="next").attrs["href"]) == {
        "q": ["pipeline"],
        "classification": ["secret"],
        "sort": ["created"],
        "page": ["2"],
    }
    second = search(client, q="pipeline", classification="secret", sort="created", page="2")
    assert second.find("ol", cls="hits").attrs["start"] == "21"
    assert set(hits(first)).isdisjoint(hits(second))
    assert len(set(hits(first) + hits(second))) == 40
    assert "09MOSCOW9" not in hits(first) + hits(second)
    previous = second.find("nav", cls="pagination").find("a", rel="prev").attrs["href"]
    assert query_of(previous)["classification"] == ["secret"]


@pytest.mark.parametrize("page", ["3", "0", "abc"])
def test_a_page_that_does_not_exist_is_not_found(client, db, page):
    make_cable("08STATE1", **body("A pipeline."))
    assert client.get("/search/", {"q": "pipeline", "page": page}).status_code == 404


def test_a_page_number_python_cannot_read_is_not_a_server_error(server_error_client, db):
    make_cable("08STATE1", **body("A pipeline."))
    response = server_error_client.get("/search/", {"q": "pipeline", "page": "²"})
    assert response.status_code == 404


# --- Bad and hostile input ------------------------------------------------------------------


def test_the_filters_show_what_was_chosen_escaped(client, varied):
    make_cable("08NDJAMENA1", origin="Embassy N'Djamena", **body("pipeline"))
    page = search(
        client,
        q='pipe "line',
        classification="secret",
        origin="embassy-ndjamena",
        tag="<PREL>",
        created_from="2008-01-02",
        sort="released",
    )
    chosen = {
        select.attrs["name"]: [
            option.attrs["value"]
            for option in select.find_all("option")
            if "selected" in option.attrs
        ]
        for select in page.find_all("select")
    }
    assert chosen == {
        "classification": ["secret"],
        "origin": ["embassy-ndjamena"],
        "marking": [""],
        "sort": ["released"],
    }
    origin = page.find("select", name="origin")
    assert "maxlength" not in origin.attrs
    assert "Embassy N'Djamena" in [squash(option.text) for option in origin.find_all("option")]
    assert page.find("input", name="tag").attrs["value"] == "<PREL>"
    assert page.find("input", name="created_from").attrs == {
        "type": "date",
        "name": "created_from",
        "value": "2008-01-02",
        "id": "id_created_from",
    }
    assert page.find("input", name="q").attrs["value"] == 'pipe "line'


HOSTILE = [
    '"',
    '"""',
    '"gas pipeline',
    "OR",
    "pipeline OR",
    "-",
    "-pipeline",
    "NEAR(gas pipeline, 5)",
    "gas* ^pipeline subject:pipeline {subject}: pipeline",
    "pipeline AND NOT OR",
    "pipeline' OR 1=1 --",
    "'; DROP TABLE cables_cable; --",
    "pipeline & | ! <-> :* ( )",
    "\\",
    "%",
    "pipeline\x01\x1b[31m",
    "Ünïcödé 日本語 😀 \u202e",
    "pipeline " * 55,
    " OR ".join(f"word{number}" for number in range(100)),
    "x" * 500,
]


@pytest.mark.parametrize("q", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_never_break_the_search(server_error_client, varied, q):
    response = server_error_client.get("/search/", {"q": q, "tag": "PREL"})
    assert response.status_code == 200
    assert parse_html(response.content).find("input", name="q").attrs["value"] == q


@pytest.mark.parametrize("q", ["x" * 10_000, "pipeline\x00", "\x00"])
def test_queries_the_form_refuses_come_back_with_a_message(server_error_client, varied, q):
    response = server_error_client.get("/search/", {"q": q})
    assert response.status_code == 200
    page = parse_html(response.content)
    assert page.find_all("li", cls="hit") == []
    assert page.find_all("p", cls="form-errors")


@pytest.mark.parametrize("q", HOSTILE + ["x" * 10_000, "pipeline\x00"], ids=range(len(HOSTILE) + 2))
def test_hostile_queries_never_break_the_cable_page(server_error_client, varied, q):
    response = server_error_client.get("/cable/2008/03/08MOSCOW1.html", {"q": q})
    assert response.status_code == 200


XSS = '<script>alert("x")</script> pipeline" onmouseover="alert(1)'


def test_a_query_with_markup_is_echoed_escaped_everywhere(client, db):
    # Cables with every word of the query, so that it has results, facets, snippets.
    for reference_id, origin in (("08STATE1", "Embassy Moscow"), ("08STATE2", "Embassy Kyiv")):
        make_cable(
            reference_id,
            origin=origin,
            tags="PREL, ENRG",
            **body("The script alert x came down the pipeline onmouseover alert 1."),
        )
    response = client.get("/search/", {"q": XSS, "tag": "PREL"})
    content = response.content.decode()
    assert "<script>alert" not in content
    assert 'pipeline" onmouseover' not in content
    page = parse_html(content)
    # Only the site's own scripts, from its own files.
    scripts = page.find_all("script")
    assert all(script.attrs["src"].startswith("/static/js/") for script in scripts)
    assert all(not "".join(map(str, script.children)).strip() for script in scripts)
    assert all("onmouseover" not in element.attrs for element in page.iter())
    assert page.find("input", name="q").attrs["value"] == XSS
    assert squash(page.find("h2", cls="results-summary").find("q").text) == XSS
    assert XSS in page.find("title").text
    links = [
        a.attrs["href"]
        for a in page.find_all("a")
        if "q=" in a.attrs.get("href", "") and "next=" not in a.attrs["href"]
    ]
    # 4 sort links, the tag filter's removal, 4 facets (not the tag in use), 1 histogram bar,
    # 2 result titles and 2 snippets.
    assert len(links) == 14
    for href in links:
        assert query_of(href)["q"] == [XSS], href


def test_a_query_with_markup_is_escaped_on_the_cable_page(client, varied):
    response = client.get("/cable/2008/03/08MOSCOW1.html", {"q": XSS})
    content = response.content.decode()
    assert "<script>alert" not in content
    page = parse_html(content)
    status = page.find("p", cls="search-marks")
    assert squash(status.find("q").text) == XSS
    back = next(a for a in status.find_all("a") if squash(a.text) == "Back to the results")
    assert query_of(back.attrs["href"]) == {"q": [XSS]}


# --- Queries --------------------------------------------------------------------------------


def test_search_queries_do_not_grow_with_the_results(client, db, django_assert_num_queries):
    @indexed_together()
    def build(count: int, first: int) -> None:
        for number in range(count):
            make_cable(
                f"09STATE{first + number}",
                created=f"{2000 + number % 10}-{1 + number % 12:02d}-05 10:00",
                classification=["SECRET", "CONFIDENTIAL", "UNCLASSIFIED"][number % 3],
                origin=f"Embassy {chr(65 + number % 26)}ville",
                tags=f"T{number}, PREL, ENRG",
                subject="PIPELINE" if number % 2 else "TALKS",
                **body("The pipeline talks.", "Gas prices.", "More pipeline news."),
            )

    filtered = {"q": "pipeline", "tag": "PREL", "origin": "embassy-aville"}
    build(3, 1000)
    # The counts, the facets and the page's order come from the search index; the database
    # gives the page's cables and their paragraphs (for the snippets). With filters, the tag
    # and the origin are looked up too. The origins (the form's list, the facets' names) are
    # read once after each commit of the index, by the first search.
    queries = 2
    with django_assert_num_queries(queries + 1):
        assert len(hits(search(client, q="pipeline"))) == 3
    with django_assert_num_queries(queries + 2):
        assert len(hits(search(client, **filtered))) == 1
    build(60, 2000)
    with django_assert_num_queries(queries + 1):
        assert len(hits(search(client, q="pipeline", page="1"))) == 20
    with django_assert_num_queries(queries):
        assert len(hits(search(client, q="pipeline", page="2"))) == 20
    with django_assert_num_queries(queries + 2):
        assert len(hits(search(client, **filtered))) == 4
    # The same search again, while the index has not changed: the page kept, no query.
    with django_assert_num_queries(0):
        assert len(hits(search(client, **filtered))) == 4


# --- The cable page, opened from a search ---------------------------------------------------


def paragraph_marks(page: Element) -> dict[str, list[str]]:
    """{paragraph anchor: [the marked words]} for every paragraph of the cable."""
    return {
        p.attrs["data-anchor"]: [squash(mark.text) for mark in p.find_all("mark")]
        for p in page.find_all("p", cls="paragraph-body")
        if "data-anchor" in p.attrs  # not the signature
    }


@pytest.fixture
def marked_cable(db):
    return make_cable(
        "08STATE1",
        **body(
            "The gas pipeline was built.",
            "The talks went well.",
            "Two <script>alert(1)</script> pipelines & more.",
            "Gas prices rose.",
        ),
    )


def test_the_cable_page_marks_the_query_words_in_every_paragraph_with_them(client, marked_cable):
    response = client.get(marked_cable.get_absolute_url(), {"q": "gas pipeline"})
    page = parse_html(response.content)
    assert paragraph_marks(page) == {
        "par1": ["gas", "pipeline"],
        "par2": [],
        "par3": ["pipelines"],
        "par4": ["Gas"],
    }
    status = page.find("p", cls="search-marks")
    assert squash(status.text).startswith(
        "Your search gas pipeline: words marked in 3 paragraphs (first)."
    )
    assert status.find("a").attrs["href"] == "#par1"


def test_marks_keep_the_cable_text_escaped(client, marked_cable):
    response = client.get(marked_cable.get_absolute_url(), {"q": "pipeline"})
    content = response.content.decode()
    assert "<script>alert(1)" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    page = parse_html(content)
    third = page.find("p", **{"data-anchor": "par3"})
    assert squash(third.find("span", cls="paragraph-text").text) == (
        "Two <script>alert(1)</script> pipelines & more."
    )
    assert page.find("article").find_all("script") == []


@pytest.mark.parametrize("q", ["the of and", "", "-pipeline", '"'])
def test_a_query_without_words_marks_nothing(client, marked_cable, q):
    response = client.get(marked_cable.get_absolute_url(), {"q": q})
    assert response.status_code == 200
    page = parse_html(response.content)
    assert all(marks == [] for marks in paragraph_marks(page).values())
    assert page.find_all("p", cls="search-marks") == []


def test_a_query_the_cable_does_not_contain_says_so(client, marked_cable):
    page = parse_html(client.get(marked_cable.get_absolute_url(), {"q": "kremlin"}).content)
    assert all(marks == [] for marks in paragraph_marks(page).values())
    assert "no paragraph contains its words" in squash(page.find("p", cls="search-marks").text)


def test_a_phrase_is_marked_where_it_stands_not_its_words_elsewhere(client, db):
    cable = make_cable("08STATE1", **body("The gas pipeline and gas prices.", "Pipeline gas."))
    page = parse_html(client.get(cable.get_absolute_url(), {"q": '"gas pipeline"'}).content)
    marked = paragraph_marks(page)
    assert [word for mark in marked["par1"] for word in mark.split()] == ["gas", "pipeline"]
    assert marked["par2"] == []


# --- The index follows the archive ----------------------------------------------------------


def reimport(reference_id: str, **options) -> None:
    text = cable_text(reference_id, **options)
    store_cable(parse_cable(text), source_text=text)


def test_a_cable_imported_again_is_found_by_its_new_words_only(client, db):
    make_cable("08STATE1", subject="ZEBRA CROSSING", **body("The zebra escaped.", "Nothing."))
    assert found(client, "zebra") == ["08STATE1"]
    reimport("08STATE1", subject="OKAPI SIGHTING", **body("Nothing.", "The okapi escaped."))
    assert found(client, "zebra") == []
    assert found(client, "okapi") == ["08STATE1"]
    snippet = search(client, q="okapi").find("p", cls="snippet")
    assert squash(snippet.find("a").text) == "¶2"
    page = parse_html(client.get("/cable/2008/03/08STATE1.html", {"q": "okapi zebra"}).content)
    assert paragraph_marks(page) == {"par1": [], "par2": ["okapi"]}


def test_a_deleted_cable_is_no_longer_found(client, db):
    make_cable("08STATE1", **body("The zebra escaped."))
    make_cable("08STATE2", **body("The zebra returned."))
    Cable.objects.filter(reference_id="08STATE1").delete()
    assert found(client, "zebra") == ["08STATE2"]
    assert found(client, "08STATE1") == []
    assert found(client, "escaped") == []
