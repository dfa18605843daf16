"""The release in every page's version: a deploy gives every page a new one, and in
development so does an edited template, at once."""

from __future__ import annotations

import os

from readingroom.caching import release


def test_in_development_an_edited_template_makes_a_new_release(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    settings.DEBUG = True
    template = tmp_path / "templates" / "page.html"
    template.parent.mkdir()
    template.write_text("<p>Before</p>")
    before = release()
    assert release() == before
    template.write_text("<p>After, longer</p>")
    os.utime(template, ns=(1, 1))  # whatever the clock's resolution
    assert release() != before


def test_a_deployment_names_its_release(settings):
    settings.READINGROOM_RELEASE = "2026-12-04.1"
    assert release() == "2026-12-04.1"
