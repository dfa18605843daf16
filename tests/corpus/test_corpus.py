"""The synthetic corpus: rows that import_cables reads as generated, and the release's shape."""

import csv
import gzip
import io
import re
import statistics
from collections import Counter
from datetime import UTC

import pytest
from django.core.management import CommandError, call_command

from cables.models import Cable, Reference
from cables.readers import read_csv
from corpus import (
    REAL_CLASSIFICATIONS,
    Corpus,
    class_counts,
    csv_row,
    generate_cables,
    write_corpus,
)
from corpus.shapes import SHARES

IMPORTED = 300
PAGE_BREAK = re.compile(r"\b\d{8}\s+\d{3} OF \d{3}\b|\bSECTION \d+ OF \d+\b")


def corpus_bytes(count: int, seed: int) -> bytes:
    stream = io.StringIO(newline="")
    write_corpus(stream, count, seed)
    return stream.getvalue().encode()


@pytest.fixture(scope="module")
def generated() -> list:
    return list(generate_cables(IMPORTED, seed=5))


def test_the_corpus_imports_as_generated(db, tmp_path, generated):
    """One import (it takes seconds) for all the checks below."""
    path = tmp_path / "cables.csv"
    path.write_text("".join(csv_row(cable.row()) for cable in generated), newline="")
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("import_cables", str(path), "--no-progress", stdout=stdout, stderr=stderr)
    assert stderr.getvalue() == ""
    assert f"{IMPORTED} imported" in stdout.getvalue()
    assert "0 failed" in stdout.getvalue()
    check_rows(generated)
    check_paragraphs(generated)
    check_references(generated)


def check_rows(imported):
    assert Cable.objects.count() == IMPORTED
    assert len({cable.reference_id for cable in imported}) == IMPORTED
    stored = {
        cable.reference_id: cable
        for cable in Cable.objects.select_related("origin").prefetch_related("tagged_items__tag")
    }
    for cable in imported:
        row = stored[cable.reference_id]
        assert row.created == cable.created.replace(tzinfo=UTC)
        assert row.released == cable.released.replace(tzinfo=UTC)
        assert row.classification == cable.classification
        assert row.origin.name == cable.origin
        assert [tag.name for tag in row.ordered_tags()] == cable.tags
        assert row.subject == cable.subject


def check_paragraphs(imported):
    for cable in imported:
        row = Cable.objects.get(reference_id=cable.reference_id)
        stored = list(row.paragraphs.order_by("position"))
        numbered = [(p.number, p.marking_text or None) for p in stored if p.number is not None]
        assert numbered == [(n, m) for n, m in enumerate(cable.markings, start=1)], (
            cable.reference_id
        )
        # Page breaks and section banners are dropped, never run into the text.
        assert not any(PAGE_BREAK.search(p.text) for p in stored), cable.reference_id
    # Some cables are long enough to carry page breaks: the check above means something.
    assert any(PAGE_BREAK.search(cable.content) for cable in imported)
    assert any(marking is None for cable in imported for marking in cable.markings)


def check_references(imported):
    citing = [cable for cable in imported if cable.references]
    # Over half the original pages have a REF line (corpus/shapes.py).
    assert 0.4 < len(citing) / IMPORTED < 0.7
    references = Reference.objects.all()
    assert references.count() == sum(len(cable.references) for cable in citing)
    resolved = references.filter(cited__isnull=False).count()
    assert resolved / references.count() > 0.6


def test_the_cables_are_written_in_the_shapes_of_the_original_pages() -> None:
    """Each shape measured on the original pages comes in its share, give or take what
    chance gives 3,000 cables (five standard deviations), and shows in the text."""
    cables = list(generate_cables(3000, seed=11))
    for shape, share in SHARES.items():
        if shape.startswith("ref_"):
            drawn = [getattr(c.style, shape, None) for c in cables if c.style.ref]
        else:
            drawn = [getattr(c.style, shape) for c in cables]
        if shape.startswith("ref_letters"):
            letters = {
                "ref_letters_dot": "A.",
                "ref_letters_paren": "A)",
                "ref_letters_both": "(A)",
            }
            drawn = [c.style.ref_letters == letters[shape] for c in cables if c.style.ref]
        observed = sum(bool(value) for value in drawn) / len(drawn)
        margin = 5 * (share * (1 - share) / len(drawn)) ** 0.5 + 0.002
        assert abs(observed - share) < margin, shape
    partial = next(c for c in cables if c.style.partial_extract)
    assert "This record is a partial extract of the original cable" in partial.header
    assert "\nFM " not in partial.header
    plain = next(c for c in cables if c.style.plain_labels and c.classification != "UNCLASSIFIED")
    assert re.search(r"^EO 1\d{4} DECL: ", plain.content, re.MULTILINE)
    assert re.search(r"^TAGS [A-Z]", plain.content, re.MULTILINE)
    dated = next(c for c in cables if c.style.date_line)
    assert re.match(r"\w+day, \d+ \w+ \d{4}, \d\d:\d\d\n", dated.content)


def test_csv_is_what_csv_writer_writes(generated):
    text = "".join(csv_row(cable.row()) for cable in generated[:50])
    expected = io.StringIO(newline="")
    csv.writer(expected, quoting=csv.QUOTE_ALL).writerows(cable.row() for cable in generated[:50])
    assert text == expected.getvalue()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [cable.row() for cable in generated[:50]]
    read = list(read_csv(io.StringIO(text, newline="")))
    assert [row.reference_id for row in read] == [cable.reference_id for cable in generated[:50]]


def test_same_seed_same_bytes_other_seed_other_bytes():
    first = corpus_bytes(40, seed=3)
    assert first == corpus_bytes(40, seed=3)
    assert first != corpus_bytes(40, seed=4)


def test_classification_counts_are_the_real_ones_at_full_size():
    assert dict(class_counts(251_287)) == REAL_CLASSIFICATIONS
    assert sum(count for _, count in class_counts(777)) == 777


def test_the_shape_of_a_large_sample():
    count = 20_000
    classes = Counter()
    years = Counter()
    origins = Counter()
    sizes = []
    texts_with = Counter()
    words = ("Putin", "human rights", "Gazprom", "Karzai", "nuclear program", "islands")
    for cable in Corpus(count, seed=1).cables():
        classes[cable.classification] += 1
        years[cable.created.year] += 1
        origins[cable.origin] += 1
        sizes.append(len(cable.header) + len(cable.content))
        for word in words:
            if word in cable.content:
                texts_with[word] += 1
    total = sum(REAL_CLASSIFICATIONS.values())
    for name, real in REAL_CLASSIFICATIONS.items():
        assert abs(classes[name] / count - real / total) < 0.02, name
    recent = sum(n for year, n in years.items() if 2004 <= year <= 2010)
    assert recent / count >= 0.85
    assert min(years) < 1990
    assert 2_000 < statistics.median(sizes) < 6_000
    assert 5_500 < statistics.mean(sizes) < 7_500
    assert sum(size > 50_000 for size in sizes) >= 10
    # A Zipf skew: the top origin is common, the tail thin, and there are many origins.
    assert 200 <= len(origins) <= 300
    top = origins.most_common()
    assert top[0][1] > 20 * top[-1][1]
    for word in words:
        assert texts_with[word] > 20, word


def test_command_writes_csv_and_gzip(tmp_path):
    plain, packed = tmp_path / "c.csv", tmp_path / "c.csv.gz"

    def generate(path):
        call_command(
            "generate_corpus",
            str(path),
            "--count",
            "25",
            "--seed",
            "2",
            "--no-progress",
            stdout=io.StringIO(),
        )

    for path in (plain, packed):
        generate(path)
    assert plain.read_bytes() == corpus_bytes(25, seed=2)
    assert gzip.decompress(packed.read_bytes()) == plain.read_bytes()
    first = packed.read_bytes()
    generate(packed)
    assert packed.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_command_refuses_a_bad_count_or_path(tmp_path):
    with pytest.raises(CommandError, match="at least 1"):
        call_command("generate_corpus", str(tmp_path / "c.csv"), "--count", "0", "--no-progress")
    with pytest.raises(CommandError, match="cannot write"):
        call_command(
            "generate_corpus", str(tmp_path / "missing" / "c.csv"), "--count", "5", "--no-progress"
        )
    with pytest.raises(CommandError, match="directory"):
        call_command("generate_corpus", str(tmp_path), "--count", "5", "--no-progress")


def test_production_settings_do_not_install_the_corpus_tool():
    import os
    import subprocess
    import sys

    production = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "a-production-secret-key-of-fifty-characters-or-more",
        "DJANGO_ALLOWED_HOSTS": "example.org",
    }
    production.pop("READINGROOM_DEVELOPMENT_TOOLS", None)
    answer = subprocess.run(
        [sys.executable, "manage.py", "generate_corpus", "--help"],
        env=production,
        capture_output=True,
        text=True,
    )
    assert answer.returncode != 0 and "Unknown command: 'generate_corpus'" in answer.stderr
