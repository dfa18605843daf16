"""What comments do when the archive they build on changes."""

from comments import services


def follow_moved_paragraphs(sender, *, cable, moved, **kwargs) -> None:
    services.follow_moved_paragraphs(cable=cable, moved=moved)
