"""A cable imported again after the parser learnt to read it better: the cable takes the
better reading (subject, tags, references, "Cited by"), and the comments and linkbacks on
its paragraphs stay on the words they were written on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from cables.importer import Outcome, store_cable
from cables.models import Cable
from cables.parsing import ParsedParagraph
from cables.readers import parse_html_cable
from comments.models import Comment
from tests.comments.conftest import make_comment
from tests.factories import make_cable

PAGE = Path(__file__).resolve().parents[1] / "data" / "real-cables" / "04MADRID4367.html"


def earlier_reading():
    """04MADRID4367 as a parser that knew no better read it: no subject, no tags, no REF,
    and the wrapped year '2001. Another idea...' taken for a paragraph of its own."""
    better = parse_html_cable(PAGE.read_text(encoding="utf-8"))
    paragraphs: list[ParsedParagraph] = []
    for paragraph in better.paragraphs:
        if paragraph.inline_anchors:
            (_, offset), *_ = paragraph.inline_anchors
            paragraphs.append(
                dataclasses.replace(
                    paragraph, text=paragraph.text[:offset].strip(), inline_anchors=()
                )
            )
            paragraphs.append(
                ParsedParagraph(2001, None, None, paragraph.text[offset:].removeprefix("2001. "))
            )
        else:
            paragraphs.append(paragraph)
    earlier = dataclasses.replace(
        better, subject=None, tags=[], references=[], paragraphs=paragraphs
    )
    return earlier, better


def test_a_better_reading_keeps_the_comments_on_their_words(db) -> None:
    earlier, better = earlier_reading()
    store_cable(earlier)
    cable = Cable.objects.get(reference_id="04MADRID4367")
    on_the_year = make_comment(cable, anchor="par2001", body="On the Transatlantic Agenda.")
    on_paragraph_1 = make_comment(cable, anchor="par1", body="On the farewell call.")
    on_the_cable = make_comment(cable, body="On the whole cable.")

    assert store_cable(better) == Outcome.UPDATED

    cable.refresh_from_db()
    assert cable.subject == "SPAIN: AMBASSADOR MAKES FAREWELL CALL ON FOREIGN MINISTER"
    assert [tag.name for tag in cable.ordered_tags()] == ["PREL", "PGOV", "SP"]
    # The words commented on now stand inside paragraph 3, where the original page's
    # #par2001 lands too.
    host = cable.paragraphs.get(inline_anchors__isnull=False)
    assert "Another idea was to celebrate" in host.text
    assert Comment.objects.get(pk=on_the_year.pk).anchor == host.anchor
    assert Comment.objects.get(pk=on_paragraph_1.pk).anchor == "par1"
    assert Comment.objects.get(pk=on_the_cable.pk).anchor == ""
    # The earlier reading is kept as a version of the text.
    assert cable.versions.count() == 1


def test_a_better_reading_links_the_cables_it_now_cites(db) -> None:
    cited = make_cable("04STATE245841")
    earlier, better = earlier_reading()
    store_cable(earlier)
    assert not cited.cited_by.exists()
    store_cable(dataclasses.replace(better, references=["04STATE245841"]))
    assert [ref.from_cable.reference_id for ref in cited.cited_by.all()] == ["04MADRID4367"]
