"""What comments do when the archive they build on changes, and what the archive's pages do
when comments change."""

from cables.models import Cable
from comments import services


def follow_moved_paragraphs(sender, *, cable, moved, **kwargs) -> None:
    services.follow_moved_paragraphs(cable=cable, moved=moved)


def comment_changed(sender, *, instance, **kwargs) -> None:
    """A comment or linkback saved or deleted, whatever did it (a reader, the worker, the
    admin): the pages of its cable show something new."""
    Cable.objects.page_changed(instance.cable_id)
