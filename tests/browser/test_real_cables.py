"""Three original pages that the parser used to misread, as a reader sees them in Chromium:
the subject in the title, the tags linked, the original #parN links landing on their words.
The screenshots are those of docs/screenshots/real-*.png."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATA = Path(__file__).resolve().parents[1] / "data" / "real-cables"
CABLES = [
    (
        "00HARARE6677",
        "/cable/2000/11/00HARARE6677.html",
        "ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER",
        ["PGOV", "PREL", "ECON", "PINR", "ZI", "SA"],
        ("par5", "THE OPPOSITION LEADER WENT ON TO SAY"),
    ),
    (
        "04AMMAN1288",
        "/cable/2004/02/04AMMAN1288.html",
        "MUASHER ON PRODUCTIVE KUWAIT MEETING, PERSISTENT PROBLEMS WITH SYRIA",
        ["PREL", "PGOV", "PTER", "IZ", "KU", "SY", "JO"],
        ("par2", "Foreign Minister Marwan Muasher described"),
    ),
    (
        "04BRUSSELS1868",
        "/cable/2004/04/04BRUSSELS1868.html",
        "DINING WITH CHRIS: RANDOM THOUGHTS FROM RELEX COMMISSIONER PATTEN",
        ["PREL", "PGOV", "PINR", "PBTS", "EUN", "USEU", "BRUSSELS"],
        ("par3", "The next steps for the Commission"),
    ),
]


@pytest.fixture
def real_cables(tmp_path):
    for reference_id, *_ in CABLES:
        shutil.copy(DATA / f"{reference_id}.html", tmp_path)
    call_command("import_cables", str(tmp_path), "--no-progress", stdout=io.StringIO())


@pytest.mark.parametrize(("reference_id", "path", "subject", "tags", "anchor"), CABLES)
def test_a_real_cable_reads_right(
    page, live_server, real_cables, screenshot, reference_id, path, subject, tags, anchor
):
    name, opening = anchor
    page.goto(f"{live_server.url}{path}#{name}")
    assert subject in page.locator("h1").inner_text()
    linked = page.locator("pre.preamble a[rel=tag]").all_inner_texts()
    assert linked[: len(tags)] == tags
    target = page.locator(":target")
    assert target.get_attribute("id") == name
    paragraph = page.locator("p.paragraph-body", has=page.locator(f"#{name}"))
    assert paragraph.locator(".paragraph-text").inner_text().startswith(opening)
    top = page.evaluate(f"document.getElementById('{name}').getBoundingClientRect().top")
    assert 0 <= top < 200
    screenshot(page, f"real-{reference_id}-{name}")
    # The opening: subject, tags and the other fields found among the lines around them.
    page.goto(f"{live_server.url}{path}")
    page.evaluate("document.querySelector('pre.preamble').scrollIntoView()")
    screenshot(page, f"real-{reference_id}")
