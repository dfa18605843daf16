import csv
import gzip
import io
import re
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection
from taggit.models import Tag

from cables import importer
from cables.management import progress
from cables.models import Cable, Origin, Paragraph, Reference
from cables.query_syntax import parse_query
from cables.search import Criteria, engine
from tests.conftest import SEED_CABLE
from tests.factories import cable_text

pytestmark = pytest.mark.django_db

ORIGINAL_PAGE = """<!DOCTYPE html><html><body>
<table class='cable'><tr><th>Reference ID</th><th>Created</th><th>Released</th>
<th>Classification</th><th>Origin</th></tr>
<tr><td><a href='/cable/2009/05/09BEIJING1234.html'>09BEIJING1234</a></td>
<td><a href='/date/2009-05_0.html'>2009-05-12 08:15</a></td>
<td><a href='/reldate/2011-08-30_0.html'>2011-08-30 01:44</a></td>
<td><a href='/classification/4_0.html'>CONFIDENTIAL</a></td>
<td><a href='/origin/55_0.html'>Embassy Beijing</a></td></tr>
<tr><td colspan='5'>Appears in these articles:<br/><a href='http://www.spiegel.de/international/world/0,1518,732127,00.html'>spiegel.de</a><br/></td></tr></table>
<code><pre>VZCZCXRO0001&#x000A;OO RUEHBJ&#x000A;DE RUEHBJ #1234/01 1320815&#x000A;ZNY CCCCC ZZH&#x000A;O 120815Z MAY 09&#x000A;FM AMEMBASSY BEIJING&#x000A;TO RUEHC/SECSTATE WASHDC IMMEDIATE 3456</pre></code>
<code><pre>C O N F I D E N T I A L BEIJING 001234 &#x000A;&#x000A;SIPDIS &#x000A;&#x000A;E.O. 12958: DECL: 05/12/2034 &#x000A;TAGS: <a href='/tag/PREL_0.html'>PREL</a>, <a href='/tag/CH_0.html'>CH</a> &#x000A;SUBJECT: CHINA: A TEST OF THE HTML READER &#x000A;&#x000A;Classified By: Political Minister-Counselor Aubrey Carlson.  Reasons: 1.4 (b) and (d). &#x000A;&#x000A;<a id='par1' href='#par1'>¶</a>1. (C) The first paragraph &amp; its text. &#x000A;&#x000A;<a id='par2' href='#par2'>¶</a>2. (C) The second paragraph. &#x000A;&#x000A;HUNTSMAN</pre></code>
</body></html>"""


def csv_rows(*texts_by_id: tuple[str, ...]) -> str:
    """Rows from (reference ID, text) or (reference ID, text, origin)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for number, (reference_id, text, *origin) in enumerate(texts_by_id, start=1):
        header, _, content = text.partition("\n\nC O N F I D E N T I A L")
        writer.writerow(
            [
                number,
                "03/04/2008 12:30",
                reference_id,
                origin[0] if origin else "Secretary of State",
                "CONFIDENTIAL",
                "",
                header.split("\n\n", 1)[1],
                "C O N F I D E N T I A L" + content,
            ]
        )
    return buffer.getvalue()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "nested").mkdir(parents=True)
    shutil.copy(SEED_CABLE, folder / "07MOSCOW601.txt")
    (folder / "nested" / "09BEIJING1234.html").write_text(ORIGINAL_PAGE, encoding="utf-8")
    rows = csv_rows(("08STATE1", cable_text("08STATE1")), ("08STATE2", cable_text("08STATE2")))
    (folder / "cables.csv").write_text(rows, encoding="utf-8")
    with gzip.open(folder / "more.csv.gz", "wt", encoding="utf-8") as stream:
        stream.write(csv_rows(("08STATE3", cable_text("08STATE3"))))
    (folder / "notes.md").write_text("ignored: not a cable file type")
    return folder


def run(*args) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_cables", *map(str, args), "--no-progress", stdout=out, stderr=err)
        status = 0
    except CommandError as error:
        err.write(str(error))
        status = error.returncode
    return out.getvalue(), err.getvalue(), status


def test_imports_text_html_csv_and_gz_from_folders(corpus):
    out, err, status = run(corpus)
    assert status == 0, err
    assert "Summary: 5 imported, 0 updated, 0 unchanged, 0 failed." in out
    assert set(Cable.objects.values_list("reference_id", flat=True)) == {
        "07MOSCOW601",
        "09BEIJING1234",
        "08STATE1",
        "08STATE2",
        "08STATE3",
    }
    beijing = Cable.objects.get(reference_id="09BEIJING1234")
    assert beijing.origin.name == "Embassy Beijing"
    assert [tag.name for tag in beijing.ordered_tags()] == ["PREL", "CH"]
    assert list(beijing.paragraphs.values_list("text", flat=True)) == [
        "The first paragraph & its text.",
        "The second paragraph.",
    ]
    assert beijing.signer == "HUNTSMAN"
    assert beijing.articles == [
        {
            "url": "http://www.spiegel.de/international/world/0,1518,732127,00.html",
            "title": "spiegel.de",
        }
    ]
    assert Cable.objects.get(reference_id="08STATE3").paragraphs.count() == 3


def test_importing_twice_changes_nothing(corpus):
    run(corpus)
    paragraphs = list(Paragraph.objects.values_list("pk", "text"))
    out, _, status = run(corpus)
    assert status == 0
    assert "Summary: 0 imported, 0 updated, 5 unchanged, 0 failed." in out
    assert list(Paragraph.objects.values_list("pk", "text")) == paragraphs


def test_a_changed_text_is_an_update(corpus, tmp_path):
    run(corpus)
    changed = tmp_path / "changed.csv"
    changed.write_text(csv_rows(("08STATE1", cable_text("08STATE1", subject="A NEW SUBJECT"))))
    out, _, _ = run(changed)
    assert "Summary: 0 imported, 1 updated, 0 unchanged, 0 failed." in out
    assert Cable.objects.get(reference_id="08STATE1").subject == "A NEW SUBJECT"


def test_a_csv_cut_in_the_middle_of_a_row_imports_the_rows_before_and_changes_nothing(tmp_path):
    """`head -c` of cables.csv: the last row ends inside its quoted content, mid-word."""
    whole = csv_rows(
        *(
            (f"08STATE{n}", cable_text(f"08STATE{n}", paragraph_text="The Papua New Guinea talks"))
            for n in (1, 2, 3)
        )
    )
    full = tmp_path / "cables.csv"
    full.write_text(whole, encoding="utf-8")
    run(write_rows(tmp_path / "first.csv", ("08STATE3", cable_text("08STATE3"))))
    stored = list(Paragraph.objects.values_list("pk", "text"))
    cut = tmp_path / "cut.csv"
    cut.write_text(whole[: whole.rindex("The Papua New Gui") + 17], encoding="utf-8")

    out, err, status = run(cut)
    assert status == 1
    assert "Summary: 2 imported, 0 updated, 0 unchanged, 1 failed." in out
    line = whole.split("\n3,")[0].count("\n") + 2
    assert (
        f"{cut}: line {line}: truncated row: the file ends inside its quoted content field "
        "(column 8 of 8)" in err
    )
    assert set(Cable.objects.values_list("reference_id", flat=True)) == {
        "08STATE1",
        "08STATE2",
        "08STATE3",
    }
    # The cable the cut row names keeps the text it had, whole.
    assert (
        list(Paragraph.objects.filter(cable__reference_id="08STATE3").values_list("pk", "text"))
        == stored
    )
    out, _, _ = run(full)
    assert "Summary: 0 imported, 1 updated, 2 unchanged, 0 failed." in out


def test_truncated_pages_and_compressed_files_are_reported_and_store_nothing(tmp_path):
    page = tmp_path / "09BEIJING1234.html"
    page.write_text(ORIGINAL_PAGE[: ORIGINAL_PAGE.index("The second parag")], encoding="utf-8")
    rows = csv_rows(*((f"08STATE{n}", cable_text(f"08STATE{n}")) for n in (1, 2)))
    compressed = gzip.compress(rows.encode())
    cut_gz = tmp_path / "more.csv.gz"
    cut_gz.write_bytes(compressed[: len(compressed) - 20])
    cut_text = tmp_path / "cut.txt.gz"
    cut_text.write_bytes(gzip.compress(cable_text("08STATE9").encode())[:-12])

    out, err, status = run(page, cut_gz, cut_text)
    assert status == 1
    assert f"{page}: truncated page: it ends inside the body text block (no closing </pre>)" in err
    assert (
        f"{cut_gz}: truncated file: Compressed file ended before the end-of-stream marker was "
        "reached" in err
    )
    assert f"{cut_text}: truncated file: " in err
    # The rows of the .gz before the cut are kept, as in a plain file.
    assert "Summary: 1 imported, 0 updated, 0 unchanged, 3 failed." in out
    assert list(Cable.objects.values_list("reference_id", flat=True)) == ["08STATE1"]


def test_bad_cables_are_reported_with_file_and_line_and_change_nothing(tmp_path):
    good = cable_text("08STATE5")
    rows = csv_rows(("08STATE4", cable_text("08STATE4")))
    rows += '99,"03/04/2008 12:30","08STATE6","Secretary of State"\n'  # four columns
    rows += csv_rows(("08STATE5", good)).replace("1,", "3,", 1)
    rows += '7,"03/04/2008 12:30","","Secretary of State","SECRET","","","Nothing at all"\n'
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text(rows)
    prose = tmp_path / "prose.txt"
    prose.write_text("Just a shopping list: milk, eggs, bread.")
    broken_gz = tmp_path / "broken.txt.gz"
    broken_gz.write_bytes(b"this is not gzip")

    out, err, status = run(bad_csv, prose, broken_gz, tmp_path / "missing.txt")
    assert status == 1
    assert "Summary: 2 imported, 0 updated, 0 unchanged, 5 failed." in out
    short_row_line = rows.split("\n99,")[0].count("\n") + 2  # the line after the first row
    assert f"{bad_csv}: line {short_row_line}: expected 8 columns, found 4" in err
    assert f"{prose}: not a cable" in err
    assert f"{broken_gz}: unreadable file" in err
    assert f"{tmp_path / 'missing.txt'}: no such file or folder" in err
    assert f"{bad_csv}, line " in err  # the row with no reference ID, by its line
    assert set(Cable.objects.values_list("reference_id", flat=True)) == {"08STATE4", "08STATE5"}


class Terminal(io.StringIO):
    """Standard output and error on a terminal: what a reader sees of what was written."""

    def isatty(self) -> bool:
        return True

    def screen(self) -> list[str]:
        """The lines as they stand on the screen: '\r' goes back to the line's start."""
        lines = []
        for written in self.getvalue().split("\n"):
            line = ""
            for part in written.split("\r"):
                line = part + line[len(part) :]
            lines.append(line.rstrip())
        return lines


def test_on_a_terminal_the_bar_is_drawn_once_and_ended_before_the_summary(tmp_path, monkeypatch):
    """Redrawn at every batch here, the bar still stands on one line; a failure reported
    meanwhile has a line of its own."""
    monkeypatch.setattr(progress, "_EVERY_SECONDS", -1)
    rows = write_rows(tmp_path / "cables.csv", ("08STATE1", cable_text("08STATE1")))
    prose = tmp_path / "prose.txt"
    prose.write_text("Just a shopping list.")
    terminal = Terminal()
    with pytest.raises(CommandError):
        call_command(
            "import_cables", rows, prose, "--batch-size", 1, stdout=terminal, stderr=terminal
        )
    screen = terminal.screen()
    assert screen[0].startswith(f"{prose}: not a cable: found no metadata table")
    assert re.fullmatch(r"\[#{30}\] 100\.0%  2 cables  [\d,]+/s  1 failed", screen[1])
    assert screen[2:] == ["Summary: 1 imported, 0 updated, 0 unchanged, 1 failed.", ""]


@pytest.mark.parametrize(
    ("options", "stream"),
    [(["--no-progress"], Terminal), ([], io.StringIO)],
    ids=["no-progress on a terminal", "not a terminal"],
)
def test_no_bar_with_no_progress_or_off_a_terminal(corpus, options, stream, capsys):
    out, err = stream(), stream()
    call_command("import_cables", str(corpus), *options, stdout=out, stderr=err)
    assert err.getvalue() == ""
    assert capsys.readouterr().err == ""  # nor on the process's own standard error
    assert out.getvalue() == "Summary: 5 imported, 0 updated, 0 unchanged, 0 failed.\n"


def test_load_seeds_loads_the_seed_cable():
    out = io.StringIO()
    call_command("load_seeds", stdout=out)
    call_command("load_seeds", stdout=out)
    assert Cable.objects.get().reference_id == "07MOSCOW601"
    assert "1 unchanged" in out.getvalue()


# --- batches and worker processes ----------------------------------------------------------


def write_rows(path, *cables: tuple[str, str]):
    path.write_text(csv_rows(*cables), encoding="utf-8")
    return path


def test_a_batch_mixes_new_stored_changed_and_repeated_cables(tmp_path):
    run(write_rows(tmp_path / "first.csv", ("08STATE1", cable_text("08STATE1"))))
    run(write_rows(tmp_path / "second.csv", ("08STATE2", cable_text("08STATE2"))))
    rows = write_rows(
        tmp_path / "batch.csv",
        ("08STATE1", cable_text("08STATE1")),  # stored, unchanged
        ("08STATE2", cable_text("08STATE2", subject="A CHANGED SUBJECT")),
        ("08STATE3", cable_text("08STATE3", references="08 STATE 4")),  # cites a later row
        ("08STATE4", cable_text("08STATE4", references="08 STATE 1")),
        ("08STATE4", cable_text("08STATE4", subject="THE SAME ID AGAIN", references="08 STATE 1")),
    )
    out, err, status = run(rows)
    assert status == 0, err
    assert "Summary: 2 imported, 2 updated, 1 unchanged, 0 failed." in out
    assert Cable.objects.get(reference_id="08STATE2").subject == "A CHANGED SUBJECT"
    repeated = Cable.objects.get(reference_id="08STATE4")
    assert repeated.subject == "THE SAME ID AGAIN"
    assert repeated.versions.count() == 1
    assert [ref.cited.reference_id for ref in repeated.references.all()] == ["08STATE1"]
    citing = Cable.objects.get(reference_id="08STATE3")
    assert [ref.cited for ref in citing.references.all()] == [repeated]
    assert [tag.name for tag in repeated.ordered_tags()] == ["PREL", "PGOV", "RS"]


def test_a_batch_the_database_refuses_is_stored_cable_by_cable(tmp_path, monkeypatch):
    """The refused cable is reported alone and leaves nothing; its batch's others land."""
    link_citing = importer.link_citing

    def refuse_08state2(reference_ids):
        reference_ids = list(reference_ids)
        if "08STATE2" in reference_ids:
            raise DatabaseError("value too long for type character varying(60)")
        link_citing(reference_ids)

    monkeypatch.setattr(importer, "link_citing", refuse_08state2)
    rows = write_rows(
        tmp_path / "cables.csv",
        *((f"08STATE{number}", cable_text(f"08STATE{number}")) for number in (1, 2, 3)),
    )
    out, err, status = run(rows, "--batch-size", 10)
    assert status == 1
    assert "Summary: 2 imported, 0 updated, 0 unchanged, 1 failed." in out
    line = rows.read_text().split("\n2,")[0].count("\n") + 2
    assert f"{rows}, line {line}: database refused the cable (value too long" in err
    assert set(Cable.objects.values_list("reference_id", flat=True)) == {"08STATE1", "08STATE3"}
    assert Paragraph.objects.count() == 2 * 3
    assert found("minister") == {"08STATE1", "08STATE3"}


def test_batch_size_and_workers_must_be_positive(tmp_path):
    _, err, status = run(tmp_path, "--batch-size", 0)
    assert status == 1
    assert "--workers and --batch-size take a number of at least 1" in err


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite's refusal")
def test_workers_need_postgresql(tmp_path):
    _, err, status = run(tmp_path, "--workers", 2)
    assert status == 1
    assert "--workers needs PostgreSQL: sqlite takes one writer at a time." in err


@pytest.mark.skipif(connection.vendor != "postgresql", reason="workers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_workers_import_side_by_side_and_link_every_reference(tmp_path):
    """Twelve batches of two over two worker processes: origins and tags that several
    workers create at once, and references to cables another worker stores."""
    numbers = range(1, 25)
    rows = write_rows(
        tmp_path / "cables.csv",
        *(
            (
                f"08STATE{number}",
                cable_text(
                    f"08STATE{number}",
                    tags=f"PREL, T{number % 4}",
                    references=f"08 STATE {25 - number}",
                ),
                f"Embassy {'ABC'[number % 3]}",
            )
            for number in numbers
        ),
    )
    out, err, status = run(rows, "--workers", 2, "--batch-size", 2)
    assert status == 0, err
    assert "Summary: 24 imported, 0 updated, 0 unchanged, 0 failed." in out
    assert Cable.objects.count() == 24
    assert sorted(Origin.objects.values_list("name", flat=True)) == [
        "Embassy A",
        "Embassy B",
        "Embassy C",
    ]
    assert len(set(Origin.objects.values_list("number", flat=True))) == 3
    assert Tag.objects.count() == 5
    links = Reference.objects.values_list("from_cable__reference_id", "cited__reference_id")
    assert sorted(links) == sorted((f"08STATE{n}", f"08STATE{25 - n}") for n in numbers)
    # Indexed by the command itself, the one writer of the search index.
    assert engine.count(Criteria(query=parse_query("minister"))) == 24
    out, _, _ = run(rows, "--workers", 2, "--batch-size", 5)
    assert "Summary: 0 imported, 0 updated, 24 unchanged, 0 failed." in out


def found(words: str) -> set[str]:
    """The reference IDs search finds for the words."""
    ids, _ = engine.cable_ids(Criteria(query=parse_query(words)), "-created", 0, 100)
    return set(Cable.objects.filter(pk__in=ids).values_list("reference_id", flat=True))


def test_the_import_indexes_what_it_stores_and_says_where_the_time_went(tmp_path):
    rows = write_rows(
        tmp_path / "cables.csv",
        *((f"08STATE{n}", cable_text(f"08STATE{n}", subject="ZEBRA CROSSING")) for n in (1, 2)),
    )
    out, err, status = run(rows, "--timings")
    assert status == 0, err
    assert found("zebra") == {"08STATE1", "08STATE2"}
    assert re.search(
        r"Time: [\d.]+ s in all; reading and parsing [\d.]+ s and storing [\d.]+ s \(summed "
        r"over 1 process\(es\)\), indexing [\d.]+ s\.",
        out,
    )
    changed = write_rows(
        tmp_path / "changed.csv", ("08STATE1", cable_text("08STATE1", subject="OKAPI SIGHTING"))
    )
    out, err, status = run(changed)
    assert "Summary: 0 imported, 1 updated, 0 unchanged, 0 failed." in out
    assert found("zebra") == {"08STATE2"}
    assert found("okapi") == {"08STATE1"}
