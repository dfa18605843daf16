"""Render the parts of a cable whose wording must stay as written, with links added."""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from cables.models import tag_url
from cables.parser import TAGS_LABEL, is_preamble_field

register = template.Library()


@register.simple_tag
def preamble_html(cable) -> SafeString:
    """The preamble as written, its TAGS line with each tag linked to the tag's list."""
    tags = cable.ordered_tags()
    pattern = tag_pattern([tag.name for tag in tags])
    by_name = {tag.name.upper(): tag for tag in tags}
    rendered: list[str] = []
    in_tags = False
    for line in cable.preamble.split("\n"):
        label = TAGS_LABEL.search(line)
        if label and (label.start() == 0 or is_preamble_field(line.strip())):
            in_tags = True
            head, line = line[: label.end()], line[label.end() :]
            rendered.append(escape(head) + link_tags(line, pattern, by_name))
            continue
        if in_tags and line.strip() and not is_preamble_field(line.strip()):
            rendered.append(link_tags(line, pattern, by_name))
            continue
        in_tags = False
        rendered.append(escape(line))
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
