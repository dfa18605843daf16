"""Render the parts of a cable whose wording must stay as written, with links added."""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from cables.models import tag_url
from cables.parsing import split_labels
from cables.search.marking import START, STOP

register = template.Library()


@register.simple_tag
def preamble_html(cable) -> SafeString:
    """The preamble as written, the tags of its TAGS field (wherever the label stands, and on
    the lines it runs on to) linked to the tags' lists."""
    tags = cable.ordered_tags()
    pattern = tag_pattern([tag.name for tag in tags])
    by_name = {tag.name.upper(): tag for tag in tags}
    rendered: list[str] = []
    in_tags = False
    for line in cable.preamble.split("\n"):
        indent = len(line) - len(line.lstrip())
        segments = split_labels(line.strip())
        labelled = [segment for segment in segments if segment.kind]
        if in_tags and line.strip() and not labelled:
            rendered.append(link_tags(line, pattern, by_name))
            continue
        in_tags = False
        parts: list[str] = []
        position = 0
        for index, segment in enumerate(segments):
            if segment.kind != "tags":
                continue
            start = indent + segment.start
            end = start + len(segment.value)
            parts.append(escape(line[position:start]))
            parts.append(link_tags(line[start:end], pattern, by_name))
            position = end
            in_tags = index == len(segments) - 1
        parts.append(escape(line[position:]))
        rendered.append("".join(parts))
    return mark_safe("\n".join(rendered))


@register.simple_tag
def paragraph_text(paragraph) -> SafeString:
    """The paragraph's words: with a search's words marked where the page was opened from a
    search, the original pages' anchors inside it where they stood, its line breaks kept."""
    text = getattr(paragraph, "highlighted", None) or paragraph.text
    return mark_safe(text_html(text, paragraph.inline_anchors or []))


_MARKERS = re.compile(f"([{START}{STOP}])")


def text_html(text: str, anchors: list[list]) -> str:
    """Escaped `text`, its START/STOP markers made <mark>, an empty element with the id of
    each anchor ([name, offset]) at its offset, counted in the text without markers."""
    places = sorted((offset, name) for name, offset in anchors)
    parts: list[str] = []
    plain = 0  # characters of the text, markers left out, written so far
    for piece in _MARKERS.split(text):
        if piece in (START, STOP):
            parts.append("<mark>" if piece == START else "</mark>")
            continue
        start = 0
        while places and places[0][0] <= plain + len(piece):
            offset, name = places.pop(0)
            cut = max(offset - plain, start)
            parts.append(escape(piece[start:cut]))
            parts.append(format_html('<span class="inline-anchor" id="{}"></span>', name))
            start = cut
        parts.append(escape(piece[start:]))
        plain += len(piece)
    html = "".join(parts)
    return html.replace("\n", "<br>")


def tag_pattern(names: list[str]) -> re.Pattern | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z0-9])({alternatives})(?![A-Za-z0-9])", re.IGNORECASE)


def link_tags(line: str, pattern: re.Pattern | None, by_name: dict) -> str:
    if pattern is None:
        return escape(line)
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(line):
        tag = by_name[match.group(1).upper()]
        parts.append(escape(line[position : match.start()]))
        parts.append(format_html('<a href="{}" rel="tag">{}</a>', tag_url(tag), match.group(1)))
        position = match.end()
    parts.append(escape(line[position:]))
    return "".join(parts)
