"""Citing a cable or a paragraph: the reference shown, the BibTeX and the CSL-JSON, without a
database (the module), then as a reader downloads them (the pages and files)."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from cables.citation import Work, bibtex, csl_json, reference
from tests.factories import make_cable
from tests.html import parse_html, squash

ACCESSED = datetime.date(2026, 11, 23)
CABLE = Work(
    reference_id="07MOSCOW601",
    origin="Embassy Moscow",
    subject="RUSSIA: GAZPROM & THE 50% STAKE {DRAFT}",
    created=datetime.date(2007, 2, 7),
    released=datetime.date(2011, 8, 30),
    classification="CONFIDENTIAL",
    url="https://example.org/cable/2007/02/07MOSCOW601.html",
)
PARAGRAPH = Work(**{**CABLE.__dict__, "url": CABLE.url + "#par3", "paragraph": 3})


def test_the_reference_names_origin_subject_id_date_paragraph_url_and_access():
    assert reference(PARAGRAPH, ACCESSED) == (
        "Embassy Moscow, \u201cRUSSIA: GAZPROM & THE 50% STAKE {DRAFT},\u201d cable 07MOSCOW601, "
        "February 7, 2007, para. 3, "
        "https://example.org/cable/2007/02/07MOSCOW601.html#par3 (accessed November 23, 2026)."
    )
    assert "para." not in reference(CABLE, ACCESSED)


def test_a_cable_without_subject_is_cited_by_its_id():
    untitled = Work(**{**PARAGRAPH.__dict__, "subject": ""})
    # Named once, by its ID, not as "Cable 07MOSCOW601," cable 07MOSCOW601.
    assert reference(untitled, ACCESSED) == (
        "Embassy Moscow, cable 07MOSCOW601, February 7, 2007, para. 3, "
        "https://example.org/cable/2007/02/07MOSCOW601.html#par3 (accessed November 23, 2026)."
    )
    # Reference managers want a title: the ID makes one.
    assert json.loads(csl_json(untitled, ACCESSED))[0]["title"] == "Cable 07MOSCOW601"


def bibtex_fields(entry: str) -> dict[str, str]:
    """field: value, for a flat entry (one field a line, as bibtex() writes them)."""
    fields = {}
    for line in entry.splitlines()[1:-1]:
        name, _, value = line.strip().rstrip(",").partition(" = ")
        fields[name] = value
    return fields


def test_bibtex_is_one_misc_entry_with_every_special_character_escaped():
    entry = bibtex(PARAGRAPH, ACCESSED)
    assert entry.startswith("@misc{07MOSCOW601-par3,\n")
    assert entry.endswith("}\n")
    fields = bibtex_fields(entry)
    assert fields == {
        "author": "{{Embassy Moscow}}",
        "title": r"{{RUSSIA: GAZPROM \& THE 50\% STAKE \textbraceleft{}DRAFT\textbraceright{}}}",
        "howpublished": "{Diplomatic cable 07MOSCOW601, paragraph 3}",
        "year": "{2007}",
        "month": "feb",
        "date": "{2007-02-07}",
        "note": "{Classified CONFIDENTIAL; released 2011-08-30}",
        "url": "{https://example.org/cable/2007/02/07MOSCOW601.html#par3}",
        "urldate": "{2026-11-23}",
    }


@pytest.mark.parametrize("subject", ["RUSSIA: {DRAFT", "RUSSIA: DRAFT}", "A } B { C", "\\{"])
def test_bibtex_braces_balance_whatever_the_subject(subject):
    """BibTeX counts every brace, escaped or not: an unmatched one would break the entry."""
    entry = bibtex(Work(**{**CABLE.__dict__, "subject": subject, "origin": subject}), ACCESSED)
    depth = 0
    for character in entry:
        depth += {"{": 1, "}": -1}.get(character, 0)
        assert depth >= 0
    assert depth == 0


def test_bibtex_leaves_out_what_is_not_known():
    bare = Work(**{**CABLE.__dict__, "classification": "", "released": None})
    fields = bibtex_fields(bibtex(bare, ACCESSED))
    assert "note" not in fields
    assert fields["howpublished"] == "{Diplomatic cable 07MOSCOW601}"


def test_csl_json_is_a_list_of_one_item_reference_managers_read():
    [item] = json.loads(csl_json(PARAGRAPH, ACCESSED))
    assert item == {
        "id": "07MOSCOW601-par3",
        "type": "document",
        "genre": "Diplomatic cable",
        "author": [{"literal": "Embassy Moscow"}],
        "title": "RUSSIA: GAZPROM & THE 50% STAKE {DRAFT}",
        "number": "07MOSCOW601",
        "section": "paragraph 3",
        "issued": {"date-parts": [[2007, 2, 7]]},
        "URL": "https://example.org/cable/2007/02/07MOSCOW601.html#par3",
        "accessed": {"date-parts": [[2026, 11, 23]]},
        "note": "Classified CONFIDENTIAL; released 2011-08-30",
    }


# --- On the pages ---------------------------------------------------------------------------


@pytest.fixture
def cable(db):
    return make_cable(
        "07MOSCOW601",
        created="2007-02-07 05:11",
        released="2011-08-30 01:44",
        classification="CONFIDENTIAL",
        origin="Embassy Moscow",
        subject="RUSSIA: GAZPROM",
        paragraph_texts=["First.", "Second.", "Third."],
    )


def today() -> str:
    day = timezone.localdate()
    return f"{day:%B} {day.day}, {day.year}"


def test_the_cable_page_shows_its_reference_and_the_downloads(client, cable):
    page = parse_html(client.get(cable.get_absolute_url()).content)
    box = page.find("details", cls="cite")
    assert squash(box.find("summary").text) == "Cite this cable"
    assert squash(box.find("p", cls="citation").text) == (
        "Embassy Moscow, \u201cRUSSIA: GAZPROM,\u201d cable 07MOSCOW601, February 7, 2007, "
        f"http://testserver/cable/2007/02/07MOSCOW601.html (accessed {today()})."
    )
    links = {squash(a.text): a.attrs["href"] for a in box.find_all("a")}
    assert links == {
        "BibTeX": "/cable/2007/02/07MOSCOW601/cite.bib",
        "CSL-JSON": "/cable/2007/02/07MOSCOW601/cite.json",
    }


def test_the_paragraph_page_cites_the_paragraph_at_its_permanent_link(client, cable):
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601/par3/").content)
    box = page.find("details", cls="cite")
    assert squash(box.find("summary").text) == "Cite this paragraph"
    text = squash(box.find("p", cls="citation").text)
    assert ", para. 3, http://testserver/cable/2007/02/07MOSCOW601.html#par3 (accessed" in text
    hrefs = [a.attrs["href"] for a in box.find_all("a")]
    assert hrefs == [
        "/cable/2007/02/07MOSCOW601/par3/cite.bib",
        "/cable/2007/02/07MOSCOW601/par3/cite.json",
    ]


def test_the_bibtex_file_downloads_under_the_cable_s_name(client, cable):
    response = client.get("/cable/2007/02/07MOSCOW601/par3/cite.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="07MOSCOW601-par3.bib"'
    fields = bibtex_fields(response.content.decode())
    assert fields["url"] == "{http://testserver/cable/2007/02/07MOSCOW601.html#par3}"
    assert fields["title"] == "{{RUSSIA: GAZPROM}}"


def test_the_csl_json_file_downloads_as_csl_json(client, cable):
    response = client.get("/cable/2007/02/07MOSCOW601/cite.json")
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="07MOSCOW601.json"'
    [item] = json.loads(response.content)
    assert (item["id"], item["URL"]) == (
        "07MOSCOW601",
        "http://testserver/cable/2007/02/07MOSCOW601.html",
    )
    assert re.fullmatch(r"\d{4}", str(item["accessed"]["date-parts"][0][0]))


@pytest.mark.parametrize(
    "address",
    [
        "/cable/2007/02/07MOSCOW999/cite.bib",  # no such cable
        "/cable/2007/02/07MOSCOW601/par9/cite.bib",  # no such paragraph
        "/cable/2007/02/07MOSCOW601/cite.pdf",  # no such format
    ],
)
def test_citations_of_what_does_not_exist_are_not_found(client, cable, address):
    assert client.get(address).status_code == 404
