from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments and linkbacks"

    def ready(self) -> None:
        from cables.signals import paragraphs_moved
        from comments.receivers import follow_moved_paragraphs

        paragraphs_moved.connect(follow_moved_paragraphs, dispatch_uid="comments-follow")
