from django.apps import AppConfig
from django.conf import settings


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments and linkbacks"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from cables.signals import paragraphs_moved
        from comments.models import Comment, Like
        from comments.receivers import (
            account_changed,
            comment_changed,
            follow_moved_paragraphs,
            like_saved,
        )

        paragraphs_moved.connect(follow_moved_paragraphs, dispatch_uid="comments-follow")
        post_save.connect(comment_changed, sender=Comment, dispatch_uid="comments-page-saved")
        post_delete.connect(comment_changed, sender=Comment, dispatch_uid="comments-page-deleted")
        post_save.connect(like_saved, sender=Like, dispatch_uid="comments-like-saved")
        post_save.connect(
            account_changed, sender=settings.AUTH_USER_MODEL, dispatch_uid="comments-account"
        )
