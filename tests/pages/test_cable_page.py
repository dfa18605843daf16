"""The cable page: its text as the original pages wrote it, its metadata, header, references
and help box, its addresses and redirects, escaping and query counts."""

import pytest
from django.test import Client

from accounts.providers import sign_in_choices
from cables.importer import store_cable
from cables.parsing import parse_cable
from comments.models import Comment
from tests.comments.conftest import make_comment
from tests.factories import cable_text, make_cable
from tests.html import parse_html, squash

SEED_URL = "/cable/2007/02/07MOSCOW601.html"
# The `cable` fixture's page (tests/comments/conftest.py), which the discussion tests use.
DISCUSSED_URL = "/cable/2008/03/08STATE1234.html"


@pytest.fixture
def seed_page(client: Client, seed_cable):
    response = client.get(SEED_URL)
    assert response.status_code == 200
    return parse_html(response.content)


def test_heading_is_the_id_when_the_cable_has_no_subject(seed_page):
    assert squash(seed_page.find("h1").text) == "Viewing cable 07MOSCOW601"


def test_heading_carries_the_subject(client, db):
    cable = make_cable(subject="RUSSIA-JAPAN: GLACIAL PACE")
    page = parse_html(client.get(cable.get_absolute_url()).content)
    assert squash(page.find("h1").text) == "Viewing cable 08STATE1234, RUSSIA-JAPAN: GLACIAL PACE"


def test_every_numbered_paragraph_starts_with_its_pilcrow_link(seed_page):
    pilcrows = seed_page.find_all("a", cls="pilcrow")
    assert [(a.attrs["id"], a.attrs["href"], a.text) for a in pilcrows] == [
        (f"par{n}", f"#par{n}", "¶") for n in range(1, 11)
    ]
    for pilcrow_paragraph in seed_page.find_all("div", cls="paragraph"):
        first = next(c for c in pilcrow_paragraph.find("p").children if not isinstance(c, str))
        assert "pilcrow" in first.classes


def test_markings_are_labelled_badges(seed_page):
    badges = seed_page.find_all("span", cls="marking")
    assert len(badges) == 10
    assert {squash(badge.text) for badge in badges} == {"C Confidential"}
    assert badges[0].attrs["title"] == "Portion marking C: Confidential"


def test_section_headings_are_headings_before_their_paragraphs(seed_page):
    headings = [squash(h.text) for h in seed_page.find_all("h2", cls="section-heading")]
    assert headings == [
        'FM Aso\'s Remarks: "Creative"',
        "Strategic Dialogue: Different Agendas",
        "Missed Opportunity?",
    ]
    sixth = next(
        div for div in seed_page.find_all("div", cls="paragraph") if div.find_all(id="par6")
    )
    assert squash(sixth.find("h2").text) == "Strategic Dialogue: Different Agendas"


def test_body_keeps_the_original_wording(seed_page):
    seventh = seed_page.find("a", id="par7").text
    paragraph = next(
        div for div in seed_page.find_all("div", cls="paragraph") if div.find_all(id="par7")
    )
    text = squash(paragraph.find("span", cls="paragraph-text").text)
    assert seventh == "¶"
    assert text.startswith("Many Russian experts thought that Japan missed a window")
    assert 'about resolving the dispute either "now or never" since the Brezhnev era.' in text
    assert "002 OF 002" not in squash(paragraph.text)


def test_list_items_stay_on_their_own_lines(client, seed_cable):
    content = client.get(SEED_URL).content.decode()
    assert "reasons:<br>--  the MFA does not believe" in content


def test_reasons_are_spelled_out_with_a_link_to_the_order(seed_page):
    reasons = seed_page.find("div", cls="reasons")
    terms = [squash(dt.text) for dt in reasons.find_all("dt")]
    definitions = [squash(dd.text) for dd in reasons.find_all("dd")]
    assert terms == ["1.4(b)", "1.4(d)"]
    assert definitions[0] == "foreign government information"
    assert definitions[1].startswith("foreign relations or foreign activities of the United States")
    assert reasons.find("a").attrs["href"] == (
        "https://en.wikisource.org/wiki/Executive_Order_13526#Part_1"
    )
    assert "Ambassador William J. Burns" in squash(reasons.text)


def test_metadata_cells_link_to_their_lists(seed_page):
    cells = seed_page.find("table", cls="cable-metadata").find("tbody").find_all("td")
    links = [(squash(cell.find("a").text), cell.find("a").attrs["href"]) for cell in cells]
    assert links == [
        ("07MOSCOW601", SEED_URL),
        ("2007-02-09 15:54", "/date/2007-02/"),
        ("2011-08-30 01:44", "/reldate/2011-08-30/"),
        ("CONFIDENTIAL", "/classification/confidential/"),
        ("Embassy Moscow", "/origin/embassy-moscow/"),
    ]


def test_header_box_shows_precedence_and_date_time_group_decoded(seed_page):
    header = seed_page.find("section", cls="cable-header")
    assert "DE RUEHMO #0601/01 0401554\nO 091554Z FEB 07" in header.find("pre").text
    dl = header.find("dl")
    decoded = dict(
        zip(
            [squash(dt.text) for dt in dl.find_all("dt")],
            [squash(dd.text) for dd in dl.find_all("dd")],
            strict=True,
        )
    )
    assert decoded["Precedence"] == "O Immediate"
    assert decoded["Date-time group"] == "091554Z FEB 07 9 February 2007, 15:54 UTC"
    assert decoded["Declassify on"] == "6 February 2017"


def test_help_box_explains_linking_and_hashtags(seed_page):
    help_box = squash(seed_page.find("aside", cls="help-box").text)
    assert "#cablegate" in help_box
    assert "#07MOSCOW601" in help_box
    assert "paragraph symbol (¶)" in help_box
    assert "section 1.4" in help_box
    hrefs = [a.attrs["href"] for a in seed_page.find("aside", cls="help-box").find_all("a")]
    assert "https://en.wikisource.org/wiki/Executive_Order_13526#Part_1" in hrefs


def test_tags_in_the_preamble_link_to_tag_lists(client, db):
    cable = make_cable(tags="PREL, PGOV, OVIP (STEINBERG, JAMES B.)")
    page = parse_html(client.get(cable.get_absolute_url()).content)
    links = page.find("pre", cls="preamble").find_all("a", rel="tag")
    assert [(a.text, a.attrs["href"]) for a in links] == [
        ("PREL", "/tag/PREL/"),
        ("PGOV", "/tag/PGOV/"),
        ("OVIP", "/tag/OVIP/"),
        ("STEINBERG", "/tag/STEINBERG/"),
        ("JAMES", "/tag/JAMES/"),
    ]
    assert "TAGS: PREL, PGOV, OVIP (STEINBERG, JAMES B.)" in page.find("pre", cls="preamble").text


def references_of(page) -> dict[str, list[str]]:
    """The reference box as a reader sees it: each term with its entries, squashed."""
    box = page.find("nav", cls="references")
    terms = [squash(dt.text) for dt in box.find_all("dt")]
    entries = [[squash(li.text) for li in dd.find_all("li")] for dd in box.find_all("dd")]
    return dict(zip(terms, entries, strict=True))


def links_in(page, list_class: str) -> list[tuple[str, str]]:
    entries = page.find("nav", cls="references").find("ul", cls=list_class)
    return [(a.text, a.attrs["href"]) for a in entries.find_all("a")]


def test_references_link_to_cables_in_the_archive(client, db):
    make_cable("08MOSCOW123", created="2008-01-02 10:00", subject="RUSSIA: GAS PRICES")
    cable = make_cable(references="A. 08 MOSCOW 123 B. 08 STATE 99")
    page = parse_html(client.get(cable.get_absolute_url()).content)
    assert references_of(page) == {
        "References": [
            "08MOSCOW123 RUSSIA: GAS PRICES 2008-01-02",
            "08STATE99 not in the archive",
        ]
    }
    assert links_in(page, "reference-list") == [("08MOSCOW123", "/cable/2008/01/08MOSCOW123.html")]


def test_cited_by_lists_the_citing_cables_oldest_first(client, db):
    cited = make_cable("08MOSCOW123", created="2008-01-02 10:00")
    # Imported latest first, and alphabetically last first: only the dates give the order.
    make_cable("08BERLIN7", created="2008-05-06 07:00", subject="LATER", references="08 MOSCOW 123")
    make_cable("08STATE5", created="2008-02-03 09:00", subject="EARLIER", references="08MOSCOW123")
    make_cable("08STATE6", created="2008-02-04 09:00", references="08 MOSCOW 999")
    page = parse_html(client.get(cited.get_absolute_url()).content)
    assert references_of(page) == {
        "Cited by": ["08STATE5 EARLIER 2008-02-03", "08BERLIN7 LATER 2008-05-06"]
    }
    assert links_in(page, "cited-by-list") == [
        ("08STATE5", "/cable/2008/02/08STATE5.html"),
        ("08BERLIN7", "/cable/2008/05/08BERLIN7.html"),
    ]
    dates = page.find("ul", cls="cited-by-list").find_all("time")
    assert [time.attrs["datetime"] for time in dates] == [
        "2008-02-03T09:00:00+00:00",
        "2008-05-06T07:00:00+00:00",
    ]


def test_a_cable_citing_and_cited_lists_both_in_the_order_of_each(client, db):
    make_cable("08MOSCOW1", created="2008-01-01 10:00", subject="FIRST")
    make_cable("08BERLIN2", created="2008-01-05 10:00", subject="SECOND")
    cable = make_cable(
        "08STATE50", created="2008-02-01 10:00", references="A. 08 MOSCOW 1 B. 08 BERLIN 2"
    )
    make_cable("08STATE70", created="2008-04-01 10:00", references="08 STATE 50")
    make_cable("08PARIS60", created="2008-03-01 10:00", references="08 STATE 50")
    page = parse_html(client.get(cable.get_absolute_url()).content)
    assert references_of(page) == {
        "References": ["08MOSCOW1 FIRST 2008-01-01", "08BERLIN2 SECOND 2008-01-05"],
        "Cited by": [
            "08PARIS60 RUSSIA: A TEST SUBJECT 2008-03-01",
            "08STATE70 RUSSIA: A TEST SUBJECT 2008-04-01",
        ],
    }


def test_a_cable_neither_citing_nor_cited_has_no_reference_box(client, db):
    cable = make_cable()
    page = parse_html(client.get(cable.get_absolute_url()).content)
    assert page.find_all("nav", cls="references") == []


def test_a_reference_resolves_on_both_pages_when_the_cited_cable_arrives(client, db):
    citing = make_cable(
        "08STATE2", created="2008-03-04 12:30", subject="ASKING", references="08 MOSCOW 123"
    )
    page = parse_html(client.get(citing.get_absolute_url()).content)
    assert references_of(page) == {"References": ["08MOSCOW123 not in the archive"]}
    assert links_in(page, "reference-list") == []

    cited = make_cable("08MOSCOW123", created="2008-01-02 10:00", subject="ANSWERED")

    page = parse_html(client.get(citing.get_absolute_url()).content)
    assert references_of(page) == {"References": ["08MOSCOW123 ANSWERED 2008-01-02"]}
    assert links_in(page, "reference-list") == [("08MOSCOW123", cited.get_absolute_url())]
    page = parse_html(client.get(cited.get_absolute_url()).content)
    assert references_of(page) == {"Cited by": ["08STATE2 ASKING 2008-03-04"]}
    assert links_in(page, "cited-by-list") == [("08STATE2", citing.get_absolute_url())]


def test_hostile_reference_ids_and_subjects_are_escaped(client, db):
    hostile = "<script>alert(1)</script>"
    cited = make_cable("08MOSCOW123", created="2008-01-02 10:00", subject=hostile)
    citing_subject = f'"><img src=x onerror=alert(2)>{hostile}'
    make_cable("08STATE5", subject=citing_subject, references="08 MOSCOW 123")
    # An id no parser would produce, as an edit in the admin could store it.
    cited.references.create(position=1, reference_id=hostile)
    for url in ("/cable/2008/01/08MOSCOW123.html", "/cable/2008/03/08STATE5.html"):
        content = client.get(url).content.decode()
        start = content.index('<nav class="references"')
        box = content[start : content.index("</nav>", start)]
        assert "<script>" not in box
        assert "<img" not in box
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in box
        assert "style=" not in box
    page = parse_html(client.get("/cable/2008/01/08MOSCOW123.html").content)
    assert references_of(page) == {
        "References": [f"{hostile} not in the archive"],
        "Cited by": [f"08STATE5 {citing_subject} 2008-03-04"],
    }


def test_text_from_a_cable_is_escaped(client, db):
    cable = make_cable(
        subject="<script>alert(1)</script>",
        paragraph_text='<img src=x onerror="alert(2)"> and <b>bold</b>',
    )
    content = client.get(cable.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<img src=x" not in content


def test_unnumbered_text_and_signature_keep_their_place(client, db):
    text = cable_text(paragraphs=2).replace(
        "1. (C)", "Sensitive but unclassified, please protect accordingly.\n\n1. (C)"
    )
    store_cable(parse_cable(text), source_text=text)
    page = parse_html(client.get("/cable/2008/03/08STATE1234.html").content)
    texts = [squash(p.text) for p in page.find_all("p", cls="paragraph-body")]
    assert texts[0] == "Sensitive but unclassified, please protect accordingly."
    # The count of comments beside the ¶ reads as words to a screen reader.
    assert texts[1].startswith("¶1. 0 comments on paragraph 1 C Confidential The minister said")
    assert texts[-1] == "RICE"


@pytest.mark.parametrize(
    "path",
    [
        "/cable/07MOSCOW601",
        "/cable/07MOSCOW601.html",
        "/cable/07moscow601",
        "/cable/07moscow601/",
        "/cable/2007/02/07MOSCOW601",
        "/cable/2007/02/07moscow601.html",
        "/cable/2009/11/07MOSCOW601.html",
        "/cable/2007/2/07MOSCOW601.html",
    ],
)
def test_other_spellings_redirect_permanently_to_the_canonical_url(client, seed_cable, path):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == SEED_URL


def test_redirect_keeps_the_query_string(client, seed_cable):
    response = client.get("/cable/07MOSCOW601?highlight=kuril")
    assert response["Location"] == f"{SEED_URL}?highlight=kuril"


def test_unknown_cable_is_a_helpful_404(client, seed_cable):
    response = client.get("/cable/2007/02/07MOSCOW999.html")
    assert response.status_code == 404
    page = parse_html(response.content)
    assert squash(page.find("h1").text) == "No cable 07MOSCOW999 here"
    suggestions = [a.attrs["href"] for a in page.find("main").find_all("a")]
    assert SEED_URL in suggestions


def test_cable_page_query_count_does_not_grow_with_the_cable(client, db, django_assert_num_queries):
    small = make_cable("08STATE1", paragraphs=1, tags="PREL")
    large = make_cable(
        "08STATE2",
        paragraphs=80,
        tags="PREL, PGOV, ECON, EFIN, ETRD, KDEM, PHUM, RS, JA, CH",
        references="A. 08 STATE 1 B. 08 MOSCOW 5 C. 07 MOSCOW 601 D. 08 BEIJING 7",
    )
    for number in range(3, 13):
        make_cable(f"08STATE{number}", paragraphs=1, references="A. 08 STATE 2 B. 08 STATE 1")
    # The page's version, then cable, paragraphs, tags, the cables it cites and that cite it,
    # and the whole discussion (tests/comments pins that it stays one query whatever its size;
    # the likes, none here, are one more). The sign-in choices are read once and then cached:
    # read them first.
    sign_in_choices()
    for cable, citing in ((small, 11), (large, 10)):
        with django_assert_num_queries(6):
            page = parse_html(client.get(cable.get_absolute_url()).content)
        assert len(page.find("ul", cls="cited-by-list").find_all("li")) == citing


def test_pages_carry_a_content_security_policy(client, seed_cable):
    response = client.get(SEED_URL)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "object-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("comments", [0, 10, 500])
def test_the_cable_page_needs_the_same_queries_whatever_the_discussion(
    client, cable, django_assert_num_queries, comments
):
    parents: list[Comment] = []
    for number in range(comments):
        anchor = f"par{number % 5 + 1}" if number % 3 else ""
        parent = parents[number // 2] if number % 4 == 3 and parents else None
        if parent is not None:
            anchor = parent.anchor
        parents.append(make_comment(cable, anchor=anchor, parent=parent, body=f"Comment {number}"))
    # The page's version; the sign-in choices (read once, then cached); then cable,
    # paragraphs, tags, the cables it cites and that cite it, comments (and linkbacks); the
    # likes of a liked cable are one more (tests/comments/test_likes.py). Asked again, the
    # page is the cached one: its version is the only query.
    with django_assert_num_queries(7):
        response = client.get(DISCUSSED_URL)
    page = parse_html(response.content)
    assert len(page.find_all("li", cls="comment")) == comments
    assert squash(page.find("h2", id="responses-title").text).startswith(f"{comments} response")
    with django_assert_num_queries(1):
        again = parse_html(client.get(DISCUSSED_URL).content)
    assert len(again.find_all("li", cls="comment")) == comments
