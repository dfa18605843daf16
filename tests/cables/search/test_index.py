"""The search index beside the database: missing, behind, rebuilt and swapped in, read by other
processes while one writes."""

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings
from django.core import checks
from django.core.management import call_command

from cables.importer import store_cable
from cables.parsing import parse_cable
from cables.query_syntax import parse_query
from cables.search import Criteria, engine, index
from tests.factories import cable_text, make_cable
from tests.html import parse_html, squash

# Every cable these tests make is indexed, as the importer indexes it.
pytestmark = pytest.mark.usefixtures("search_index")

ROOT = Path(__file__).resolve().parents[3]


def found(words: str) -> list[str]:
    from cables.models import Cable

    ids, _ = engine.cable_ids(Criteria(query=parse_query(words)), "-created", 0, 100)
    names = dict(Cable.objects.filter(pk__in=ids).values_list("pk", "reference_id"))
    return [names[pk] for pk in ids]


def store_unindexed(reference_id: str, **options) -> None:
    text = cable_text(reference_id, **options)
    store_cable(parse_cable(text), source_text=text, index=False)


def search_messages() -> list[tuple[str, str]]:
    return [
        (message.id, message.msg)
        for message in checks.run_checks(tags=["search"])
        if message.id is not None and message.id.startswith("cables.")
    ]


@pytest.fixture
def no_index(db, settings, tmp_path):
    """A database with a cable, and no search index at all."""
    make_cable("08STATE1", subject="PIPELINE POLITICS", tags="PREL", released="2011-08-30 01:44")
    settings.SEARCH_INDEX = tmp_path / "no-index"


# --- Missing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/search/?q=pipeline", "/tag/PREL/", "/date/2008-03/", "/tag/", "/date/", "/origin/"],
)
def test_without_an_index_search_and_the_lists_say_so(client, no_index, url):
    response = client.get(url)
    assert response.status_code == 503
    message = squash(parse_html(response.content).find("p", cls="unavailable").text)
    assert message.startswith("Search and the lists of cables are read from the search index")


def test_without_an_index_the_search_form_stays_and_cables_can_be_read(client, no_index):
    page = parse_html(client.get("/search/", {"q": "pipeline"}).content)
    assert page.find("input", name="q").attrs["value"] == "pipeline"
    response = client.get("/cable/2008/03/08STATE1.html", {"q": "pipeline"})
    assert response.status_code == 200
    home = parse_html(client.get("/").content)
    assert "Released so far: 1 /" in squash(home.find("p", cls="counter").text)


# --- manage.py check ------------------------------------------------------------------------


def test_the_check_says_when_there_is_no_index(no_index):
    [(code, message)] = search_messages()
    assert code == "cables.W001"
    assert message == (
        f"Search cannot be used: there is no search index in {settings.SEARCH_INDEX}. "
        "Search and the lists of cables answer 'search is unavailable'."
    )


def test_an_index_of_another_version_is_not_read(client, db):
    make_cable("08STATE1", subject="PIPELINE POLITICS")
    (index.current_folder() / index.VERSION_FILE).write_text('{"version": 0}')
    index._opened.clear()  # as a server process started after the upgrade
    [(code, message)] = search_messages()
    assert code == "cables.W001"
    assert "was built by another version of the site" in message
    assert client.get("/search/", {"q": "pipeline"}).status_code == 503
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    assert search_messages() == []
    assert found("pipeline") == ["08STATE1"]


def test_an_import_into_an_index_of_another_version_stores_and_a_rebuild_indexes(db, caplog):
    """After an upgrade that changed the documents, the import stores its cables; search
    waits for the rebuild, which finds them."""
    make_cable("08STATE1", subject="PIPELINE POLITICS")
    (index.current_folder() / index.VERSION_FILE).write_text('{"version": 0}')
    index._opened.clear()
    text = cable_text("08STATE2", subject="PIPELINE AGAIN")
    store_cable(parse_cable(text), source_text=text)
    assert "1 cables stored but not indexed" in caplog.text
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    assert sorted(found("pipeline")) == ["08STATE1", "08STATE2"]


def test_the_check_says_when_the_index_is_behind_the_database(db):
    make_cable("08STATE1")
    assert search_messages() == []
    store_unindexed("08STATE2")
    assert search_messages() == [
        (
            "cables.W002",
            "The search index is older than the database: it has 1 cables, the database 2, "
            "and cables changed since it was written.",
        )
    ]
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    assert search_messages() == []
    store_unindexed("08STATE1", subject="CHANGED SINCE")
    assert [code for code, _ in search_messages()] == ["cables.W002"]


# --- Rebuilt --------------------------------------------------------------------------------


def test_a_rebuild_indexes_every_cable_beside_the_index_in_use_and_swaps_it_in(db):
    make_cable("08STATE1", subject="ZEBRA CROSSING")
    store_unindexed("08STATE2", subject="ZEBRA HERD")
    store_unindexed("08STATE1", subject="OKAPI SIGHTING")
    assert found("zebra") == ["08STATE1"]
    before = index.current_folder()
    out = io.StringIO()
    call_command("rebuild_search_index", "--no-progress", stdout=out)
    assert out.getvalue().startswith("Indexed 2 cables in ")
    after = index.current_folder()
    assert after != before and after.parent == before.parent
    assert found("zebra") == ["08STATE2"]
    assert found("okapi") == ["08STATE1"]
    # The index before stays until the next rebuild, for processes still reading it.
    assert before.exists()
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    assert not before.exists() and after.exists()


def test_a_rebuild_if_needed_leaves_an_index_that_is_up_to_date(db):
    make_cable("08STATE1")
    folder = index.current_folder()
    out = io.StringIO()
    call_command("rebuild_search_index", "--if-needed", stdout=out)
    assert out.getvalue() == "The search index is up to date (1 cables).\n"
    assert index.current_folder() == folder
    store_unindexed("08STATE2")
    call_command("rebuild_search_index", "--if-needed", "--no-progress", stdout=io.StringIO())
    assert index.current_folder() != folder
    assert sorted(found("08STATE2 OR 08STATE1")) == ["08STATE1", "08STATE2"]


# --- Other processes ------------------------------------------------------------------------


def python(script: str) -> subprocess.Popen:
    """A Python process with this project's settings and search index."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "readingroom.settings",
        "READINGROOM_SEARCH_INDEX": str(settings.SEARCH_INDEX),
    }
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        text=True,
    )


READER = """
    import time
    import django

    django.setup()
    from cables.search import index

    seen = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        # What a server process does for each search: ask for the index in use.
        number = index.searcher().num_docs
        if number != seen:
            print(number, flush=True)
            seen = number
        if number >= 3:
            break
        time.sleep(0.02)
"""


def test_a_reader_in_another_process_sees_each_commit_and_a_rebuilt_index_by_itself(db):
    reader = python(READER)
    try:
        assert reader.stdout.readline() == "0\n"
        make_cable("08STATE1")
        assert reader.stdout.readline() == "1\n"
        store_unindexed("08STATE2")
        store_unindexed("08STATE3")
        call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
        assert reader.stdout.readline() == "3\n"
        assert reader.wait(timeout=30) == 0
    finally:
        reader.kill()


HOLDER = """
    import time
    import django

    django.setup()
    from cables.search import index

    with index.writer():
        print("holding", flush=True)
        time.sleep(1)
"""


def test_a_write_waits_while_another_process_writes(db):
    holder = python(HOLDER)
    try:
        assert holder.stdout.readline() == "holding\n"
        make_cable("08STATE1", subject="ZEBRA CROSSING")
        assert found("zebra") == ["08STATE1"]
        assert holder.wait(timeout=30) == 0
    finally:
        holder.kill()


# --- The database keeps no search structures ------------------------------------------------


def test_the_database_has_no_full_text_tables_or_columns_left(db):
    from django.db import connection

    tables = set(connection.introspection.table_names())
    assert not {"cables_search", "cables_cable_fts", "cables_paragraph_fts"} & tables
    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(cursor, "cables_paragraph")
        }
    assert "search_vector" not in columns


def test_a_cable_is_found_by_the_name_it_is_signed_with(db):
    """The signature is the signer, not a paragraph of the text: still a word of the cable."""
    text = cable_text("08STATE77", signer="GNEHM")
    store_cable(parse_cable(text), source_text=text)
    make_cable("08STATE78")
    assert found("gnehm") == ["08STATE77"]
