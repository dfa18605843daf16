"""Render the parts of a cable whose wording must stay as written, with links added."""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from cables.addresses import tag_url
from cables.parsing import split_labels

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
