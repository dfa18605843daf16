import pytest
from django.test import Client

from cables.importer import store_cable
from cables.parser import parse_cable
from tests.factories import cable_text, make_cable
from tests.html import parse_html, squash

SEED_URL = "/cable/2007/02/07MOSCOW601.html"


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
        ("OVIP (STEINBERG, JAMES B.)", "/tag/OVIP%20%28STEINBERG%2C%20JAMES%20B.%29/"),
    ]
    assert "TAGS: PREL, PGOV, OVIP (STEINBERG, JAMES B.)" in page.find("pre", cls="preamble").text


def test_references_link_to_cables_in_the_archive(client, db):
    make_cable("08MOSCOW123", created="2008-01-02 10:00")
    cable = make_cable(references="A. 08 MOSCOW 123 B. 08 STATE 99")
    page = parse_html(client.get(cable.get_absolute_url()).content)
    references = page.find("p", cls="references")
    assert [(a.text, a.attrs["href"]) for a in references.find_all("a")] == [
        ("08MOSCOW123", "/cable/2008/01/08MOSCOW123.html")
    ]
    assert "08STATE99" in references.text


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


def test_unknown_page_is_a_404_page(client, db):
    response = client.get("/no/such/page")
    assert response.status_code == 404


def test_cable_page_query_count_does_not_grow_with_the_cable(client, db, django_assert_num_queries):
    small = make_cable("08STATE1", paragraphs=1, tags="PREL")
    large = make_cable(
        "08STATE2",
        paragraphs=80,
        tags="PREL, PGOV, ECON, EFIN, ETRD, KDEM, PHUM, RS, JA, CH",
        references="A. 08 STATE 1 B. 08 MOSCOW 5 C. 07 MOSCOW 601 D. 08 BEIJING 7",
    )
    # Cable, paragraphs, tags, references, and the whole discussion (tests/comments pins that
    # the last stays one query whatever the number of comments).
    for cable in (small, large):
        with django_assert_num_queries(5):
            assert client.get(cable.get_absolute_url()).status_code == 200


def test_home_lists_latest_released_cables_and_the_count(client, db, django_assert_num_queries):
    make_cable("08STATE1", released="2010-11-28 18:00", subject="FIRST RELEASED")
    make_cable("08STATE2", released="2011-08-30 01:44", subject="LAST RELEASED")
    with django_assert_num_queries(3):
        response = client.get("/")
    page = parse_html(response.content)
    assert "Released so far: 2 / 251,287" in squash(page.find("p", cls="counter").text)
    rows = page.find("table", cls="cable-list").find("tbody").find_all("tr")
    assert [squash(row.find("a").text) for row in rows] == ["08STATE2", "08STATE1"]


def test_pages_carry_a_content_security_policy(client, seed_cable):
    response = client.get(SEED_URL)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "object-src 'none'" in response["Content-Security-Policy"]
