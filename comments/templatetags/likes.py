"""The like forms in templates, the same markup as the written-out comment cards'
(comments/like_fragments.py)."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from comments.like_fragments import comment_like_form_html, like_form_html

register = template.Library()


@register.simple_tag
def comment_like(entry) -> str:
    comment = entry.comment
    return mark_safe(  # every value escaped
        comment_like_form_html(
            comment_id=comment.pk, likes=entry.likes, author=escape(comment.display_name)
        )
    )


@register.simple_tag
def cable_like(cable, likes, page_url: str) -> str:
    return like_form_html(
        cable_id=cable.pk, target="", likes=likes, page_url=page_url, what="this cable"
    )


@register.simple_tag
def paragraph_like(paragraph) -> str:
    """A paragraph's like form on its own page (`paragraph.likes`, `thread_url` set by the
    discussion's context)."""
    return like_form_html(
        cable_id=paragraph.cable_id,
        target=paragraph.anchor,
        likes=paragraph.likes,
        page_url=paragraph.thread_url,
        what=f"paragraph {paragraph.number}",
    )
