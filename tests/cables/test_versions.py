"""Release history: a changed text keeps the earlier one; the cable says it was modified and
shows which words changed; comments stay on their paragraphs across versions."""

import datetime

import pytest

from cables.diffing import Span, paragraph_changes, word_diff
from cables.importer import Outcome, store_cable
from cables.models import Cable, CableVersion
from cables.parsing import parse_cable
from tests.comments.conftest import make_comment
from tests.factories import cable_text
from tests.html import parse_html

FIRST = [
    "Ambassador Burns met Deputy Minister Losyukov on the islands.",
    "Losyukov said the dispute would outlast the elections.",
    "The Japanese embassy agreed.",
]
REDACTED = [
    "Ambassador Burns met Deputy Minister XXXXXXXXXXXX on the islands.",
    "XXXXXXXXXXXX said the dispute would outlast the elections.",
    "The Japanese embassy agreed.",
]


def store(paragraphs, *, released="2010-12-01 12:00", subject="RUSSIA-JAPAN: ISLANDS"):
    text = cable_text(
        "07MOSCOW601",
        released=released,
        subject=subject,
        paragraph_texts=paragraphs,
        origin="Embassy Moscow",
        created="2007-02-09 15:54",
    )
    return store_cable(parse_cable(text), source_text=text)


# Word-level differences, pure.


def test_a_replaced_name_is_one_removed_and_one_added_span_in_place():
    assert word_diff("met Minister Losyukov on the", "met Minister XXXXXXXXXXXX on the") == [
        Span("same", "met Minister "),
        Span("removed", "Losyukov"),
        Span("added", "XXXXXXXXXXXX"),
        Span("same", " on the"),
    ]


def test_punctuation_changes_do_not_swallow_the_word_before():
    assert word_diff("the islands.", "the islands;") == [
        Span("same", "the islands"),
        Span("removed", "."),
        Span("added", ";"),
    ]


def test_identical_texts_are_one_unchanged_span():
    assert word_diff("Same text.", "Same text.") == [Span("same", "Same text.")]


def test_paragraphs_pair_by_anchor_and_a_lost_one_stays_where_it_was():
    old = [
        {"anchor": "par1", "number": 1, "heading": "", "text": "One."},
        {"anchor": "par2", "number": 2, "heading": "", "text": "Two."},
        {"anchor": "par3", "number": 3, "heading": "", "text": "Three."},
    ]
    new = [
        {"anchor": "par1", "number": 1, "heading": "", "text": "One, changed."},
        {"anchor": "par3", "number": 3, "heading": "", "text": "Three."},
        {"anchor": "par4", "number": 4, "heading": "", "text": "Four."},
    ]
    changes = paragraph_changes(old, new)
    assert [(change.anchor, change.status) for change in changes] == [
        ("par1", "changed"),
        ("par2", "removed"),
        ("par3", "same"),
        ("par4", "added"),
    ]


# Storing versions.


@pytest.mark.django_db
def test_a_changed_text_keeps_the_earlier_one_as_version_1():
    store(FIRST)
    assert store(REDACTED, released="2011-08-30 01:44") == Outcome.UPDATED
    cable = Cable.objects.get(reference_id="07MOSCOW601")
    version = CableVersion.objects.get(cable=cable)
    assert version.number == 1
    assert version.released == datetime.datetime(2010, 12, 1, 12, 0, tzinfo=datetime.UTC)
    # The signature is the signer, not a paragraph.
    assert [p["text"] for p in version.paragraphs] == FIRST
    assert [p.text for p in cable.paragraphs.order_by("position")] == REDACTED
    assert cable.signer == "RICE"
    # A later release: the cable reads differently since that release.
    assert cable.text_modified == datetime.datetime(2011, 8, 30, 1, 44, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_the_same_text_again_makes_no_version():
    store(FIRST)
    assert store(FIRST) == Outcome.UNCHANGED
    assert not CableVersion.objects.exists()
    assert Cable.objects.get().text_modified is None


@pytest.mark.django_db
def test_a_new_release_date_alone_makes_no_version():
    store(FIRST)
    assert store(FIRST, released="2011-08-30 01:44") == Outcome.UPDATED
    assert not CableVersion.objects.exists()
    assert Cable.objects.get().text_modified is None


@pytest.mark.django_db
def test_three_texts_are_versions_1_and_2_and_the_current_third():
    store(FIRST)
    store(REDACTED, released="2011-08-30 01:44")
    store([*REDACTED[:2], "The Japanese embassy disagreed."], released="2011-09-01 10:00")
    numbers = list(CableVersion.objects.values_list("number", flat=True))
    assert numbers == [1, 2]


# What a reader sees.


@pytest.mark.django_db
def test_the_cable_page_says_modified_on_and_links_to_the_changes(client):
    store(FIRST)
    store(REDACTED, released="2011-08-30 01:44")
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601.html").content)
    modified = page.find("p", cls="modified")
    assert "Modified on 30 August 2011" in modified.text
    assert modified.find("a").attrs["href"] == "/cable/2007/02/07MOSCOW601/versions/"


@pytest.mark.django_db
def test_an_unchanged_cable_says_nothing_about_versions(client):
    store(FIRST)
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601.html").content)
    assert not page.find_all("p", cls="modified")


@pytest.mark.django_db
def test_the_versions_page_marks_removed_and_added_words(client, django_assert_num_queries):
    store(FIRST)
    store(REDACTED, released="2011-08-30 01:44")
    with django_assert_num_queries(3):  # the cable, its versions, its paragraphs
        response = client.get("/cable/2007/02/07MOSCOW601/versions/")
    page = parse_html(response.content)
    versions = [item.text for item in page.find("ol", cls="versions").find_all("li")]
    assert versions[0].startswith("Version 1: released 1 December 2010")
    assert versions[1].startswith("Version 2 (current): released 30 August 2011")
    changed = page.find_all("div", cls="diff-paragraph")
    assert [div.find("h3").find("a").text for div in changed] == ["¶1", "¶2"]
    assert [d.text for d in changed[0].find_all("del")] == ["Losyukov"]
    assert [i.text for i in changed[0].find_all("ins")] == ["XXXXXXXXXXXX"]
    assert "2 paragraphs changed, 1 unchanged" in page.find("p", cls="diff-legend").text


@pytest.mark.django_db
def test_versions_can_be_compared_in_any_pair(client):
    store(FIRST)
    store(REDACTED, released="2011-08-30 01:44")
    store([*REDACTED[:2], "The Japanese embassy disagreed."], released="2011-09-01 10:00")
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601/versions/?from=1&to=3").content)
    assert "version 1 to version 3" in page.find("h2", id="diff-heading").text
    assert [
        div.find("h3").find("a").text for div in page.find_all("div", cls="diff-paragraph")
    ] == [
        "¶1",
        "¶2",
        "¶3",
    ]
    # Nonsense asks for the last change.
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601/versions/?from=3&to=x").content)
    assert "version 2 to version 3" in page.find("h2", id="diff-heading").text


@pytest.mark.django_db
def test_a_cable_with_one_text_says_so(client):
    store(FIRST)
    response = client.get("/cable/2007/02/07MOSCOW601/versions/")
    assert b"This cable has had one text only." in response.content


@pytest.mark.django_db
def test_a_changed_subject_is_diffed(client):
    store(FIRST)
    store(FIRST, released="2011-08-30 01:44", subject="RUSSIA-JAPAN: THE ISLANDS")
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601/versions/").content)
    subject, preamble = page.find("section", cls="diff").find_all("h3")[:2]
    assert (subject.text, preamble.text) == ("Subject", "Preamble")
    assert [i.text for i in page.find("p", cls="diff-text").find_all("ins")] == ["THE "]
    assert [i.text for i in page.find("pre", cls="diff-text").find_all("ins")] == ["THE "]


@pytest.mark.django_db
def test_the_versions_page_of_an_unknown_cable_is_not_found(client):
    assert client.get("/cable/2007/02/07MOSCOW999/versions/").status_code == 404


@pytest.mark.django_db
def test_comments_stay_on_their_paragraph_across_versions(client):
    store(FIRST)
    cable = Cable.objects.get()
    make_comment(cable, anchor="par2", body="Who said this?")
    store(REDACTED, released="2011-08-30 01:44")
    page = parse_html(client.get("/cable/2007/02/07MOSCOW601.html").content)
    thread = page.find(id="thread-par2")
    assert "Who said this?" in thread.text
    count = page.find("a", cls="comment-count", **{"data-thread": "thread-par2"})
    assert count.find("span", cls="count").text == "1"


@pytest.mark.django_db
def test_search_finds_the_new_words_and_not_the_old(client):
    store(FIRST)
    store(REDACTED, released="2011-08-30 01:44")
    assert b"07MOSCOW601" not in client.get("/search/?q=losyukov").content.split(b"<main")[1]
    response = client.get("/search/?q=dispute")
    assert b"/cable/2007/02/07MOSCOW601.html?q=dispute#par2" in response.content
