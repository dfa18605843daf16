"""What comments do when the archive they build on changes, and what the archive's pages do
when comments change."""

from cables.models import Cable
from comments import services
from comments.models import Comment


def follow_moved_paragraphs(sender, *, cable, moved, **kwargs) -> None:
    services.follow_moved_paragraphs(cable=cable, moved=moved)


def comment_changed(sender, *, instance, **kwargs) -> None:
    """A comment or linkback saved or deleted, whatever did it (a reader, the worker, the
    admin): the pages of its cable show something new."""
    Cable.objects.page_changed(instance.cable_id)


def like_saved(sender, *, instance, created, **kwargs) -> None:
    """A like given, whatever gave it: its cable's pages ask for likes from now on."""
    if created:
        Cable.objects.filter(pk=instance.cable_id, liked=False).update(liked=True)


# What a user's comments show of their account (`display_name_of`).
_NAME_FIELDS = {"first_name", "last_name", "username"}


def account_changed(sender, *, instance, update_fields=None, **kwargs) -> None:
    """An account saved with its name perhaps changed (not a login's new last_login): the
    pages of the cables it commented on show its name."""
    if update_fields is not None and not _NAME_FIELDS & set(update_fields):
        return
    commented = Comment.objects.filter(user=instance).values_list("cable_id", flat=True)
    Cable.objects.page_changed(*set(commented))
