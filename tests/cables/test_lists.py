"""The lists of cables (by tag, origin, classification, month of creation, day of release), their
clean and original addresses, and their indexes: what a reader sees and follows."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from cables.addresses import tag_url
from cables.models import CLASSIFICATION_NUMBERS, Origin
from cables.search import writing
from tests.factories import indexed_together, make_cable, make_cables
from tests.html import Element, parse_html, squash

# Every cable these tests make is indexed, as the importer indexes it.
pytestmark = pytest.mark.usefixtures("search_index")

TOTAL = "251,287"


@pytest.fixture
def catalogue(db):
    """Five cables around the edges of February 2007 and of 30 August 2011."""
    with indexed_together():
        make_cable(
            "07MOSCOW601",
            created="2007-02-09 15:54",
            released="2011-08-30 01:44",
            classification="CONFIDENTIAL",
            origin="Embassy Moscow",
            tags="PREL, PGOV, RS",
            subject="RUSSIA-JAPAN: GLACIAL PACE",
        )
        make_cable(
            "07MOSCOW700",
            created="2007-02-28 23:59",
            released="",
            classification="SECRET",
            origin="Embassy Moscow",
            tags="PREL, ECON",
            subject="RUSSIA: GAS",
        )
        make_cable(
            "07STATE100",
            created="2007-03-01 00:00",
            released="2011-08-30 23:59",
            classification="UNCLASSIFIED",
            origin="Secretary of State",
            tags="ECON",
            subject="TRADE",
        )
        make_cable(
            "07LAGOS5",
            created="2007-01-31 23:59",
            released="2011-08-31 00:00",
            classification="CONFIDENTIAL//NOFORN",
            origin="Consulate Lagos",
            tags="PGOV, NI",
            subject="NIGERIA: ELECTIONS",
        )
        make_cable(
            "10BERLIN1",
            created="2010-01-15 10:00",
            released="2010-11-28 18:00",
            classification="SECRET//NOFORN",
            origin="Embassy Berlin",
            tags="PREL, GM",
            subject="GERMANY: COALITION",
        )


@pytest.fixture
def server_error_client() -> Client:
    """A client that gets the 500 page a reader would, instead of the exception."""
    return Client(raise_request_exception=False)


def page_of(client: Client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.get("Location"))
    return parse_html(response.content)


def listed(client: Client, url: str) -> list[str]:
    """The reference IDs a list page shows, in order."""
    page = page_of(client, url)
    return [squash(td.text) for td in page.find_all("td", cls="reference-id")]


def test_a_row_shows_the_cable_linked_and_its_metadata(client, catalogue):
    table = page_of(client, "/origin/embassy-moscow/").find("table", cls="cable-list")
    headings = [squash(th.text) for th in table.find("thead").find_all("th")]
    assert headings == [
        "Reference ID",
        "Subject",
        "Created ▼",
        "Released",
        "Classification",
        "Origin",
    ]
    rows = []
    for row in table.find("tbody").find_all("tr"):
        cells = row.find_all("td")
        links = [(squash(a.text), a.attrs["href"]) for a in row.find_all("a")]
        rows.append(([squash(cell.text) for cell in cells], links))
    assert rows == [
        (
            ["07MOSCOW700", "RUSSIA: GAS", "2007-02-28 23:59", "—", "SECRET", "Embassy Moscow"],
            [
                ("07MOSCOW700", "/cable/2007/02/07MOSCOW700.html"),
                ("Embassy Moscow", "/origin/embassy-moscow/"),
            ],
        ),
        (
            [
                "07MOSCOW601",
                "RUSSIA-JAPAN: GLACIAL PACE",
                "2007-02-09 15:54",
                "2011-08-30 01:44",
                "CONFIDENTIAL",
                "Embassy Moscow",
            ],
            [
                ("07MOSCOW601", "/cable/2007/02/07MOSCOW601.html"),
                ("Embassy Moscow", "/origin/embassy-moscow/"),
            ],
        ),
    ]


@pytest.mark.parametrize(
    ("url", "title", "expected"),
    [
        ("/tag/PREL/", "Cables tagged PREL", ["10BERLIN1", "07MOSCOW700", "07MOSCOW601"]),
        ("/tag/NI/", "Cables tagged NI", ["07LAGOS5"]),
        ("/origin/embassy-moscow/", "Cables from Embassy Moscow", ["07MOSCOW700", "07MOSCOW601"]),
        ("/origin/secretary-of-state/", "Cables from Secretary of State", ["07STATE100"]),
        ("/classification/confidential/", "Cables classified CONFIDENTIAL", ["07MOSCOW601"]),
        (
            "/classification/confidential-noforn/",
            "Cables classified CONFIDENTIAL//NOFORN",
            ["07LAGOS5"],
        ),
        ("/classification/secret-noforn/", "Cables classified SECRET//NOFORN", ["10BERLIN1"]),
        # From the first minute of the month to its last one.
        ("/date/2007-02/", "Cables created in February 2007", ["07MOSCOW601", "07MOSCOW700"]),
        ("/date/2010-01/", "Cables created in January 2010", ["10BERLIN1"]),
        (
            "/reldate/2011-08-30/",
            "Cables released on 30 August 2011",
            ["07MOSCOW601", "07STATE100"],
        ),
        ("/reldate/2010-11-28/", "Cables released on 28 November 2010", ["10BERLIN1"]),
    ],
)
def test_each_list_shows_exactly_its_cables(client, catalogue, url, title, expected):
    page = page_of(client, url)
    assert squash(page.find("h1").text) == title
    assert listed(client, url) == expected
    summary = squash(page.find("p", cls="list-summary").text)
    assert f"{len(expected)} cable{'s' if len(expected) > 1 else ''}," in summary


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/tag/PREL/?sort=created", ["07MOSCOW601", "07MOSCOW700", "10BERLIN1"]),
        ("/tag/PREL/?sort=-created", ["10BERLIN1", "07MOSCOW700", "07MOSCOW601"]),
        # Never released: last, whichever way.
        ("/tag/PREL/?sort=released", ["10BERLIN1", "07MOSCOW601", "07MOSCOW700"]),
        ("/tag/PREL/?sort=-released", ["07MOSCOW601", "10BERLIN1", "07MOSCOW700"]),
        ("/tag/PREL/?sort=nonsense", ["10BERLIN1", "07MOSCOW700", "07MOSCOW601"]),
        ("/date/2007-02/?sort=-created", ["07MOSCOW700", "07MOSCOW601"]),
        ("/reldate/2011-08-30/?sort=-released", ["07STATE100", "07MOSCOW601"]),
        ("/reldate/2011-08-30/?sort=released", ["07MOSCOW601", "07STATE100"]),
    ],
)
def test_lists_sort_both_ways_by_creation_and_release(client, catalogue, url, expected):
    assert listed(client, url) == expected


def test_column_headings_link_to_the_other_order(client, catalogue):
    page = page_of(client, "/tag/PREL/?sort=released")
    headings = {
        squash(th.text).split()[0]: th for th in page.find("table", cls="cable-list").find_all("th")
    }
    assert headings["Released"].attrs["aria-sort"] == "ascending"
    assert headings["Released"].find("a").attrs["href"] == "?sort=-released"
    assert "aria-sort" not in headings["Created"].attrs
    assert headings["Created"].find("a").attrs["href"] == "?sort=-created"
    assert "earliest released first" in squash(page.find("p", cls="list-summary").text)


@pytest.fixture
def many(db):
    """55 cables tagged MANY, created a minute apart: 09STATE1000 first."""
    for number in range(55):
        make_cable(
            f"09STATE{1000 + number}",
            created=f"2009-01-01 {number // 60:02d}:{number % 60:02d}",
            tags="MANY",
        )


def test_a_list_shows_fifty_cables_a_page(client, many):
    first = listed(client, "/tag/MANY/")
    second = listed(client, "/tag/MANY/?page=2")
    assert first == [f"09STATE{n}" for n in range(1054, 1004, -1)]
    assert second == [f"09STATE{n}" for n in range(1004, 999, -1)]
    summary = squash(page_of(client, "/tag/MANY/?page=2").find("p", cls="list-summary").text)
    assert "55 cables, 51–55 shown, newest first." in summary


def test_page_links_keep_the_order(client, many):
    assert listed(client, "/tag/MANY/?sort=created&page=2") == [
        f"09STATE{n}" for n in range(1050, 1055)
    ]
    pagination = page_of(client, "/tag/MANY/?sort=created").find("nav", cls="pagination")
    assert "Page 1 of 2" in squash(pagination.text)
    links = {squash(a.text): a.attrs["href"] for a in pagination.find_all("a")}
    assert links == {"Next →": "?sort=created&page=2", "2": "?sort=created&page=2"}
    second = page_of(client, "/tag/MANY/?sort=created&page=2").find("nav", cls="pagination")
    previous = second.find("a", rel="prev").attrs["href"]
    assert parse_qs(urlsplit(previous).query) == {"sort": ["created"], "page": ["1"]}


def test_a_short_list_has_no_page_links(client, catalogue):
    assert page_of(client, "/tag/PREL/").find_all("nav", cls="pagination") == []


def test_the_canonical_address_is_the_clean_one_with_its_page(client, many):
    def canonical(url: str) -> str:
        return page_of(client, url).find("link", rel="canonical").attrs["href"]

    assert canonical("/tag/MANY/") == "http://testserver/tag/MANY/"
    assert canonical("/tag/MANY/?sort=created") == "http://testserver/tag/MANY/"
    assert canonical("/tag/MANY/?page=2&sort=released") == "http://testserver/tag/MANY/?page=2"


def original_addresses() -> list[tuple[str, str]]:
    return [
        ("/tag/PREL_0.html", "/tag/PREL/"),
        ("/tag/PREL_1.html", "/tag/PREL/?page=2"),
        ("/tag/prel_2.html", "/tag/PREL/?page=3"),
        ("/origin/{moscow}_0.html", "/origin/embassy-moscow/"),
        ("/origin/{moscow}_1.html", "/origin/embassy-moscow/?page=2"),
        (f"/classification/{CLASSIFICATION_NUMBERS['SECRET']}_0.html", "/classification/secret/"),
        (
            f"/classification/{CLASSIFICATION_NUMBERS['UNCLASSIFIED']}_1.html",
            "/classification/unclassified/?page=2",
        ),
        ("/date/2007-02_0.html", "/date/2007-02/"),
        ("/date/2007-02_1.html", "/date/2007-02/?page=2"),
        ("/reldate/2011-08-30_0.html", "/reldate/2011-08-30/"),
        ("/reldate/2011-08-30_1.html", "/reldate/2011-08-30/?page=2"),
        # The clean address in another spelling.
        ("/tag/prel/", "/tag/PREL/"),
        ("/tag/prel/?page=2&sort=created", "/tag/PREL/?page=2&sort=created"),
        ("/origin/Embassy-Moscow/", "/origin/embassy-moscow/"),
        ("/origin/{moscow}/", "/origin/embassy-moscow/"),
        ("/classification/SECRET-NOFORN/", "/classification/secret-noforn/"),
        (f"/classification/{CLASSIFICATION_NUMBERS['SECRET']}/", "/classification/secret/"),
    ]


@pytest.mark.parametrize(("url", "location"), original_addresses())
def test_original_and_other_spellings_redirect_permanently(client, catalogue, url, location):
    moscow = Origin.objects.get(name="Embassy Moscow").number
    response = client.get(url.format(moscow=moscow))
    assert response.status_code == 301
    assert response["Location"] == location


def test_classification_numbers_are_the_enum_order_least_secret_first():
    assert CLASSIFICATION_NUMBERS == {
        "UNCLASSIFIED": 1,
        "UNCLASSIFIED//FOR OFFICIAL USE ONLY": 2,
        "CONFIDENTIAL": 3,
        "CONFIDENTIAL//NOFORN": 4,
        "SECRET": 5,
        "SECRET//NOFORN": 6,
    }


@pytest.mark.parametrize(
    "url",
    [
        "/tag/NOSUCHTAG/",
        "/tag/NOSUCHTAG_0.html",
        "/origin/embassy-atlantis/",
        "/origin/999/",
        "/origin/999_0.html",
        "/classification/top-secret/",
        "/classification/7/",
        "/classification/0_0.html",
        "/date/2007-13/",
        "/date/2007-2/",
        "/date/1959-12/",
        "/date/february-2007/",
        "/reldate/2011-02-30/",
        "/reldate/2011-8-30/",
        "/tag/PREL/?page=0",
        "/tag/PREL/?page=2",
        "/tag/PREL/?page=two",
        "/tag/PREL/?page=-1",
        "/tag/PREL/?page=1.5",
        "/tag/PREL/?page=",
        "/tag/PREL/?page=99999999999999999999999999",
        "/date/2007-02/?page=3",
    ],
)
def test_unknown_lists_and_pages_are_not_found(client, catalogue, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/tag/PREL/?page=%C2%B2",
        "/tag/PREL/?page=" + "9" * 5_000,
        "/tag/PREL_" + "9" * 5_000 + ".html",
    ],
)
def test_a_page_number_python_cannot_read_is_not_a_server_error(
    server_error_client, catalogue, url
):
    assert server_error_client.get(url).status_code in (301, 404)


LIST_QUERIES = [
    # (address, queries: the list's key looked up, then the page's cables; the count and the
    # order come from the search index)
    ("/tag/BULK/", 2),
    ("/origin/embassy-moscow/", 2),
    ("/classification/secret/", 1),
    ("/date/2009-01/", 1),
    ("/reldate/2011-08-30/", 1),
]


@pytest.mark.parametrize(("url", "queries"), LIST_QUERIES)
def test_list_queries_do_not_grow_with_the_cables(
    client, db, django_assert_num_queries, url, queries
):
    options = {
        "created": "2009-01-05 10:00",
        "released": "2011-08-30 01:44",
        "classification": "SECRET",
        "origin": "Embassy Moscow",
        "tags": "BULK, PREL, PGOV",
    }
    make_cables(3, **options)
    with django_assert_num_queries(queries):
        assert len(listed(client, url)) == 3
    make_cables(57, first=2000, **options)
    with django_assert_num_queries(queries):
        assert len(listed(client, url)) == 50
    with django_assert_num_queries(queries):
        assert len(listed(client, url + "?page=2&sort=released")) == 10


# --- Indexes --------------------------------------------------------------------------------


def index_entry(item: Element) -> tuple[str, str | None, str]:
    """(label, its link or None, its count) of an index's <li>."""
    count = squash(item.find("span", cls="count").text)
    links = item.find_all("a")
    label = squash(links[0].text) if links else squash(item.text).removesuffix(count).strip()
    return label, links[0].attrs["href"] if links else None, count


def index_groups(client: Client, url: str) -> list[tuple[str, list[tuple[str, str | None, str]]]]:
    """[(group heading, [entries])] of an index page."""
    return [
        (
            squash(section.find_all("h2")[0].text) if section.find_all("h2") else "",
            [index_entry(item) for item in section.find("ul").find_all("li")],
        )
        for section in page_of(client, url).find_all("section", cls="index-group")
    ]


def test_tag_index_groups_tags_a_to_z_with_their_counts(client, catalogue):
    make_cable("09X1", tags="9ABC")
    assert index_groups(client, "/tag/") == [
        ("# (1)", [("9ABC", "/tag/9ABC/", "1")]),
        ("E (2)", [("ECON", "/tag/ECON/", "2")]),
        ("G (1)", [("GM", "/tag/GM/", "1")]),
        ("N (1)", [("NI", "/tag/NI/", "1")]),
        ("P (5)", [("PGOV", "/tag/PGOV/", "2"), ("PREL", "/tag/PREL/", "3")]),
        ("R (1)", [("RS", "/tag/RS/", "1")]),
    ]
    jump = page_of(client, "/tag/").find("nav", cls="jump-list")
    assert [a.attrs["href"] for a in jump.find_all("a")] == [
        "#letter-other",
        "#letter-E",
        "#letter-G",
        "#letter-N",
        "#letter-P",
        "#letter-R",
    ]


def test_origin_index_groups_origins_a_to_z(client, catalogue):
    assert index_groups(client, "/origin/") == [
        ("C (1)", [("Consulate Lagos", "/origin/consulate-lagos/", "1")]),
        (
            "E (3)",
            [
                ("Embassy Berlin", "/origin/embassy-berlin/", "1"),
                ("Embassy Moscow", "/origin/embassy-moscow/", "2"),
            ],
        ),
        ("S (1)", [("Secretary of State", "/origin/secretary-of-state/", "1")]),
    ]


def test_classification_index_lists_all_six_and_links_those_with_cables(client, catalogue):
    assert index_groups(client, "/classification/") == [
        (
            "",
            [
                ("UNCLASSIFIED", "/classification/unclassified/", "1"),
                ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", None, "0"),
                ("CONFIDENTIAL", "/classification/confidential/", "1"),
                ("CONFIDENTIAL//NOFORN", "/classification/confidential-noforn/", "1"),
                ("SECRET", "/classification/secret/", "1"),
                ("SECRET//NOFORN", "/classification/secret-noforn/", "1"),
            ],
        )
    ]


def test_month_index_groups_months_by_year(client, catalogue):
    assert index_groups(client, "/date/") == [
        (
            "2007 (4)",
            [
                ("January", "/date/2007-01/", "1"),
                ("February", "/date/2007-02/", "2"),
                ("March", "/date/2007-03/", "1"),
            ],
        ),
        ("2010 (1)", [("January", "/date/2010-01/", "1")]),
    ]


def test_release_index_groups_days_by_month_and_skips_unreleased(client, catalogue):
    assert index_groups(client, "/reldate/") == [
        ("November 2010 (1)", [("28 November", "/reldate/2010-11-28/", "1")]),
        (
            "August 2011 (3)",
            [
                ("30 August", "/reldate/2011-08-30/", "2"),
                ("31 August", "/reldate/2011-08-31/", "1"),
            ],
        ),
    ]


@pytest.mark.parametrize("url", ["/tag/", "/origin/", "/classification/", "/date/", "/reldate/"])
def test_every_index_shows_the_release_counter(client, catalogue, url):
    counter = page_of(client, url).find("p", cls="counter")
    assert squash(counter.text) == f"Released so far: 4 / {TOTAL}"


@pytest.mark.parametrize("url", ["/tag/", "/origin/", "/date/", "/reldate/"])
def test_an_index_of_nothing_says_so(client, db, url):
    page = page_of(client, url)
    assert page.find_all("section", cls="index-group") == []
    assert "No cable has been imported yet." in squash(page.find("main").text)
    assert squash(page.find("p", cls="counter").text) == f"Released so far: 0 / {TOTAL}"


@pytest.mark.parametrize(
    ("url", "queries"),
    # The counts come from the search index; the index of origins lists every origin, even
    # one without cables, from the database.
    [("/tag/", 0), ("/origin/", 1), ("/classification/", 0), ("/date/", 0), ("/reldate/", 0)],
)
def test_index_queries_do_not_grow_with_the_cables(
    client, db, django_assert_num_queries, url, queries
):
    @indexed_together()
    def build(count: int, first: int) -> None:
        for number in range(count):
            make_cable(
                f"09STATE{first + number}",
                created=f"{1990 + number % 20}-{1 + number % 12:02d}-05 10:00",
                released=f"2011-{1 + number % 12:02d}-{1 + number % 28:02d} 01:00",
                origin=f"Embassy {chr(65 + number % 26)}ville",
                tags=f"T{number}, PREL",
            )

    build(3, 1000)
    with django_assert_num_queries(queries):
        page_of(client, url)
    build(60, 2000)
    with django_assert_num_queries(queries):
        page_of(client, url)


# --- The cable page links to the lists ------------------------------------------------------


def test_cable_page_links_lead_to_lists_that_hold_the_cable(client, catalogue):
    page = page_of(client, "/cable/2007/02/07MOSCOW601.html")
    cells = page.find("table", cls="cable-metadata").find("tbody").find_all("a")
    tags = page.find_all("a", rel="tag")
    links = [a.attrs["href"] for a in cells[1:] + tags]
    assert links == [
        "/date/2007-02/",
        "/reldate/2011-08-30/",
        "/classification/confidential/",
        "/origin/embassy-moscow/",
        "/tag/PREL/",
        "/tag/PGOV/",
        "/tag/RS/",
    ]
    for link in links:
        assert "07MOSCOW601" in listed(client, link), link


def test_cable_page_of_a_cable_never_released_does_not_link_a_release_day(client, catalogue):
    page = page_of(client, "/cable/2007/02/07MOSCOW700.html")
    released = page.find("td", **{"data-label": "Released"})
    assert released.find_all("a") == []
    assert squash(released.text) == "not recorded"


def test_a_person_tag_links_to_the_lists_of_its_words(client, db):
    make_cable("09STATE5", tags="OVIP (STEINBERG, JAMES B.), PREL")
    page = page_of(client, "/cable/2008/03/09STATE5.html")
    for word in ("OVIP", "STEINBERG", "JAMES"):
        link = next(a for a in page.find_all("a", rel="tag") if a.text == word)
        assert "09STATE5" in listed(client, link.attrs["href"])


@pytest.mark.parametrize("name", ["PREL", "KJUS/KCRM", "A B", "ÉTAT", "50%", "x?y#z", "a&b"])
def test_the_tag_index_links_each_tag_as_its_list_is_addressed(client, db, name):
    cable = make_cable("08STATE1", tags="")
    cable.tags.add(name)  # as the admin may name a tag
    writing.index_cables([cable.pk])
    page = page_of(client, "/tag/")
    [link] = page.find("ul", cls="index-entries").find_all("a")
    assert link.attrs["href"] == tag_url(name)
    assert client.get(link.attrs["href"]).status_code == 200
