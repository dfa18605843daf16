"""Comments built to be slow to show (tests/comments/pathological_markdown.py), each as long as
the form allows: refused with the reason, or shown sanitised with the reader's text kept. How
long each takes is measured by scripts/bench_markdown.py, not here."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from comments.forms import BODY_LIMIT
from comments.markup import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    LINK_REL,
    URL_SCHEMES,
    MarkupRefused,
    render_markdown,
)
from tests.comments.pathological_markdown import CASES


class Reading(HTMLParser):
    """The tags, their attributes and the text of an HTML fragment, however deep it nests
    (tests/html.py builds a tree, which recursion limits at a few thousand levels)."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.words: list[str] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.words.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.words).split())


def cases() -> list:
    return [pytest.param(case, id=case.name) for case in CASES]


@pytest.mark.parametrize("case", cases())
def test_a_pathological_comment_is_refused_or_shown_harmless(case):
    text = case.text(BODY_LIMIT)

    if case.shown is None:
        with pytest.raises(MarkupRefused, match=case.refused_because):
            render_markdown(text)
        return

    reading = Reading(render_markdown(text))
    for tag, attributes in reading.elements:
        assert tag in ALLOWED_TAGS
        assert set(attributes) <= ALLOWED_ATTRIBUTES.get(tag, set()) | (
            {"rel"} if tag == "a" else set()
        )
        if tag == "a":
            assert attributes["rel"] == LINK_REL
            if "href" in attributes:
                scheme = urlsplit(html.unescape(attributes["href"] or "")).scheme
                assert scheme in URL_SCHEMES | {""}
    assert case.shown in reading.text
