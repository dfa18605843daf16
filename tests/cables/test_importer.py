import dataclasses
import hashlib
import importlib
import json

import pytest
from django.apps import apps as django_apps

from cables.importer import CableRejected, Outcome, content_digest, store_cable
from cables.models import Cable, CableTag, CableVersion, Origin, Paragraph, Reference
from cables.parsing import CableParseError, parse_cable
from cables.readers import parse_html_cable, read_text
from tests.cables.test_readers import GUARDIAN, SPIEGEL, page_with_articles
from tests.factories import cable_text, make_cable

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "cables": list(Cable.objects.values_list("reference_id", "content_digest", "modified")),
        "paragraphs": list(Paragraph.objects.values_list("pk", "cable_id", "anchor", "text")),
        "tags": list(CableTag.objects.values_list("pk", "tag__name", "position")),
        "references": list(Reference.objects.values_list("pk", "reference_id", "cited_id")),
        "origins": list(Origin.objects.values_list("pk", "name", "number")),
    }


def test_seed_is_stored_paragraph_by_paragraph(seed_cable):
    paragraphs = list(seed_cable.paragraphs.order_by("position"))
    assert [p.number for p in paragraphs] == list(range(1, 11))
    assert [p.anchor for p in paragraphs] == [f"par{n}" for n in range(1, 11)]
    assert {(p.marking, p.marking_text, p.marking_label) for p in paragraphs} == {
        ("C", "C", "Confidential")
    }
    assert [p.number for p in paragraphs if p.heading] == [2, 6, 7]
    assert seed_cable.origin.name == "Embassy Moscow"
    assert seed_cable.origin.slug == "embassy-moscow"
    assert seed_cable.classification == "CONFIDENTIAL"
    assert seed_cable.get_classification_display() == "Confidential"
    assert seed_cable.classification_reasons == ["1.4(b)", "1.4(d)"]
    assert seed_cable.released.isoformat() == "2011-08-30T01:44:00+00:00"
    assert seed_cable.summary.startswith("Despite growing economic ties")


def test_importing_the_same_text_twice_changes_nothing(seed_text):
    parsed = parse_cable(read_text(seed_text))
    assert store_cable(parsed, source_text=seed_text) == Outcome.IMPORTED
    before = snapshot()
    assert store_cable(parse_cable(read_text(seed_text)), source_text=seed_text) == (
        Outcome.UNCHANGED
    )
    assert snapshot() == before


def test_a_changed_text_updates_the_cable(db):
    make_cable(paragraphs=3)
    text = cable_text(paragraphs=4, subject="RUSSIA: A NEW SUBJECT")
    assert store_cable(parse_cable(text), source_text=text) == Outcome.UPDATED
    cable = Cable.objects.get()
    assert cable.subject == "RUSSIA: A NEW SUBJECT"
    assert list(cable.paragraphs.values_list("anchor", flat=True)) == [
        "par1",
        "par2",
        "par3",
        "par4",
    ]
    assert cable.source_text == text


def test_tags_keep_the_order_of_the_tags_line(db):
    cable = make_cable(tags="RS, PREL, JA, PGOV")
    assert [tag.name for tag in cable.ordered_tags()] == ["RS", "PREL", "JA", "PGOV"]
    assert sorted(cable.tags.names()) == ["JA", "PGOV", "PREL", "RS"]


def test_origins_get_stable_numbers(db):
    make_cable("08STATE1")
    make_cable("08MOSCOW2", origin="Embassy Moscow")
    make_cable("08STATE3")
    assert list(Origin.objects.order_by("number").values_list("name", "number")) == [
        ("Secretary of State", 1),
        ("Embassy Moscow", 2),
    ]


def test_reference_waits_for_the_cited_cable_and_resolves_when_it_arrives(db):
    citing = make_cable("08STATE2", references="A. 08 MOSCOW 123 B. 2007 BEIJING 0042")
    assert list(citing.references.values_list("reference_id", "cited")) == [
        ("08MOSCOW123", None),
        ("07BEIJING42", None),
    ]
    cited = make_cable("08MOSCOW123", origin="Embassy Moscow")
    reference = citing.references.get(reference_id="08MOSCOW123")
    assert reference.cited == cited
    assert list(cited.cited_by.values_list("from_cable__reference_id", flat=True)) == ["08STATE2"]


def test_reference_to_a_cable_already_present_resolves_at_once(db):
    cited = make_cable("08MOSCOW123", origin="Embassy Moscow")
    citing = make_cable("08STATE2", references="08 MOSCOW 123")
    assert citing.references.get().cited == cited


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Dear diary, nothing happened today.", "not a cable"),
        ("", "empty"),
        ("TAGS: PREL, PGOV", "missing reference ID, creation date, origin"),
        (
            "Reference ID  Created  Released  Classification  Origin\n"
            "08STATE1  2008-01-01 10:00  2011-01-01 10:00  SECRET\n\n1. (S) Text.",
            "missing origin",
        ),
    ],
)
def test_bad_input_changes_nothing(db, text, message):
    make_cable("08STATE9")
    before = snapshot()
    with pytest.raises((CableParseError, CableRejected), match=message):
        store_cable(parse_cable(text), source_text=text)
    assert snapshot() == before


def test_a_failure_half_way_leaves_no_partial_cable(db, monkeypatch):
    import cables.importer

    def broken_tags(cable, names, tags):
        raise RuntimeError("disk full")

    monkeypatch.setattr(cables.importer, "tag_items", broken_tags)
    with pytest.raises(RuntimeError):
        make_cable("08STATE7")
    assert not Cable.objects.exists()
    assert not Paragraph.objects.exists()
    assert not Origin.objects.exists()


def test_duplicate_paragraph_numbers_get_distinct_anchors(db):
    text = cable_text(paragraphs=2).replace("2. (C)", "1. (C)")
    store_cable(parse_cable(text), source_text=text)
    anchors = list(Paragraph.objects.values_list("anchor", flat=True))
    assert anchors[:2] == ["par1", "par1-2"]


# --- news articles from an original page ---------------------------------------------------


def store_page(page: str) -> Outcome:
    return store_cable(parse_html_cable(page), source_text=page)


def test_articles_of_an_original_page_are_stored_in_order(db):
    page = page_with_articles(
        f"<a href='{SPIEGEL}'>spiegel.de</a><br/><a href='{GUARDIAN}'>The Guardian</a><br/>"
    )
    assert store_page(page) == Outcome.IMPORTED
    assert Cable.objects.get(reference_id="08ANKARA412").articles == [
        {"url": SPIEGEL, "title": "spiegel.de"},
        {"url": GUARDIAN, "title": "The Guardian"},
    ]


def test_a_changed_article_list_updates_the_cable(db):
    spiegel = f"<a href='{SPIEGEL}'>spiegel.de</a><br/>"
    guardian = f"<a href='{GUARDIAN}'>The Guardian</a><br/>"
    assert store_page(page_with_articles(spiegel)) == Outcome.IMPORTED
    assert store_page(page_with_articles(spiegel)) == Outcome.UNCHANGED

    assert store_page(page_with_articles(guardian + spiegel)) == Outcome.UPDATED
    cable = Cable.objects.get()
    assert [article["url"] for article in cable.articles] == [GUARDIAN, SPIEGEL]
    assert cable.paragraphs.count() == 3

    assert store_page(page_with_articles("not yet set")) == Outcome.UPDATED
    assert Cable.objects.get().articles == []


def test_a_cable_without_articles_keeps_the_digest_it_had_before_articles(seed_text):
    # Digests stored before cables had articles stay valid: re-importing a corpus of text
    # and CSV cables reports them unchanged instead of rewriting every one.
    parsed = parse_cable(read_text(seed_text))
    content = dataclasses.asdict(parsed)
    del content["articles"]
    payload = json.dumps(content, sort_keys=True, default=str)
    assert content_digest(parsed) == hashlib.sha256(payload.encode()).hexdigest()


# --- cables stored while the signature was a paragraph (migration 0011) --------------------


def signature_migration():
    return importlib.import_module("cables.migrations.0011_signature_out_of_the_paragraphs")


def stored_the_old_way(reference_id: str, signature_line: str, **options) -> Cable:
    """A cable as the parser before 0011 stored it: the signature line also as its last,
    unnumbered paragraph, in the cable and in an earlier text kept of it."""
    cable = make_cable(reference_id, **options)
    last = cable.paragraphs.count() + 1
    cable.paragraphs.create(position=last, anchor=f"p{last}", text=signature_line)
    earlier = cable.current_text()
    CableVersion.objects.create(cable=cable, number=1, recorded=cable.imported, **earlier)
    Cable.objects.filter(pk=cable.pk).update(content_digest="from the parser before 0011")
    return cable


def test_the_migration_takes_the_signature_out_of_the_stored_paragraphs():
    signed = stored_the_old_way("08STATE1", "RICE SENDS")
    # Signed by RICE too, but ending with other unnumbered text, or numbered text.
    other_text = stored_the_old_way("08STATE2", "Please protect accordingly.")
    numbered = make_cable("08STATE3")
    before = {
        cable.reference_id: list(cable.paragraphs.values_list("anchor", "text"))
        for cable in (signed, other_text, numbered)
    }

    signature_migration().remove_signature_paragraphs(django_apps, None)

    assert list(signed.paragraphs.values_list("anchor", "text")) == before["08STATE1"][:-1]
    assert [p["anchor"] for p in signed.versions.get().paragraphs] == ["par1", "par2", "par3"]
    for cable in (other_text, numbered):
        assert list(cable.paragraphs.values_list("anchor", "text")) == before[cable.reference_id]
    assert [p["anchor"] for p in other_text.versions.get().paragraphs][-1] == "p4"


def test_after_the_migration_a_re_import_records_no_changed_text():
    cable = stored_the_old_way("08STATE1", "RICE")
    signature_migration().remove_signature_paragraphs(django_apps, None)
    text = cable_text("08STATE1")
    assert store_cable(parse_cable(text), source_text=text) == Outcome.UPDATED
    cable.refresh_from_db()
    assert cable.versions.count() == 1
    assert cable.text_modified is None
    assert cable.signer == "RICE"
