from urllib.parse import urlsplit

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator

from cables.addresses import our_hosts
from cables.models import Cable
from cables.parsing.references import wanted_reference_id
from comments import services
from comments.linkbacks import queue_verification
from comments.models import Comment, CommentQuerySet, Like, ModerationPolicy, Status


class CableFilter(admin.SimpleListFilter):
    """The comments on one cable, its reference ID typed in the sidebar (in any spelling:
    '07 moscow 601'). A list of cables to click would be as long as the archive (251,287
    cables), or as the cables discussed, and would cost a query on every page of the list."""

    title = "cable"
    parameter_name = "cable"
    template = "admin/comments/cable_filter.html"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return []  # typed, not chosen

    def has_output(self) -> bool:
        return True

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        wanted = (self.value() or "").strip()
        return (
            queryset.filter(cable__reference_id=wanted_reference_id(wanted)) if wanted else queryset
        )

    def choices(self, changelist):
        """One "choice" for the template: the text typed, the rest of the list's query to
        keep, and the address of the list without this filter."""
        kept = [
            (name, value)
            for name, values in changelist.filter_params.items()
            if name != self.parameter_name
            for value in values
        ]
        yield {
            "value": self.value() or "",
            "kept": kept,
            "all": changelist.get_query_string(remove=[self.parameter_name]),
        }


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "short_body",
        "author_name",
        "author_email",
        "where",
        "kind",
        "status",
        "moderation_reason",
        "like_count",
        "created",
    ]
    list_filter = [
        "status",
        "kind",
        "verification",
        CableFilter,
        "created",
    ]
    search_fields = [
        "body",
        "source_url",
        "source_title",
        "source_excerpt",
        "source_site",
        "author_name",
        "author_email",
        "author_url",
        "ip_address",
        "cable__reference_id",
    ]
    date_hierarchy = "created"
    list_select_related = ["cable", "user"]
    raw_id_fields = ["cable", "parent", "replied_to", "user"]
    readonly_fields = [
        "body_html",
        "ip_address",
        "user_agent",
        "created",
        "edited",
        "verification",
        "verified",
        "verification_note",
        "moderated",
    ]
    actions = ["approve", "mark_spam", "remove", "check_source_again"]
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(likes_counted=Count("likes"))

    @admin.display(description="likes", ordering="likes_counted")
    def like_count(self, comment: Comment) -> int:
        return comment.likes_counted  # type: ignore[attr-defined]  # the queryset's annotation

    @admin.display(description="comment or citing page")
    def short_body(self, comment: Comment) -> str:
        if comment.is_linkback:
            return Truncator(f"{comment.site_label}: {comment.source_title}").chars(80)
        return Truncator(comment.body).chars(80)

    @admin.display(description="on", ordering="cable__reference_id")
    def where(self, comment: Comment) -> str:
        anchor = f"#{comment.anchor}" if comment.anchor else ""
        return format_html(
            '<a href="{}">{}{}</a>', comment.get_absolute_url(), comment.cable.reference_id, anchor
        )

    def bulk(self, request: HttpRequest, queryset: QuerySet, status: str, done: str) -> None:
        changed = services.moderate(comments=queryset, status=status)
        self.message_user(request, f"{changed} comment(s) {done}.", messages.SUCCESS)

    @admin.action(description="Approve the selected comments")
    def approve(self, request: HttpRequest, queryset: QuerySet) -> None:
        self.bulk(request, queryset, Status.APPROVED, "approved")

    @admin.action(description="Mark the selected comments as spam")
    def mark_spam(self, request: HttpRequest, queryset: QuerySet) -> None:
        self.bulk(request, queryset, Status.SPAM, "marked as spam")

    @admin.action(description="Remove the selected comments")
    def remove(self, request: HttpRequest, queryset: QuerySet) -> None:
        self.bulk(request, queryset, Status.REMOVED, "removed")

    def save_model(self, request: HttpRequest, comment: Comment, form, change: bool) -> None:
        """A status set in the form is a moderator's decision, like the list's actions."""
        if change and "status" in form.changed_data:
            comment.moderated = timezone.now()
            comment.moderation_reason = f"set to {comment.status} by a moderator"
        super().save_model(request, comment, form, change)

    @admin.action(description="Check the source of the selected linkbacks again")
    def check_source_again(self, request: HttpRequest, queryset: CommentQuerySet) -> None:
        linkbacks = list(queryset.linkbacks())
        for linkback in linkbacks:
            # The host the ping named stays ours whatever address the admin is reached at.
            hosts = our_hosts(request) | {urlsplit(linkback.target_url).netloc} - {""}
            queue_verification(linkback, hosts=hosts)
        self.message_user(
            request,
            f"{len(linkbacks)} linkback(s) queued for a new check of their source.",
            messages.SUCCESS,
        )


@admin.register(ModerationPolicy)
class ModerationPolicyAdmin(admin.ModelAdmin):
    """The one policy, which migrate creates (comments/migrations/0007): edited, never added
    beside it nor deleted. Should the row be gone all the same (a database emptied by hand),
    the admin offers to add it again."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not ModerationPolicy.objects.exists()

    def has_delete_permission(
        self, request: HttpRequest, obj: ModerationPolicy | None = None
    ) -> bool:
        return False


@admin.register(Like)
class LikeAdmin(admin.ModelAdmin):
    """Who likes what: readers' likes are theirs, so the admin reads and removes, never adds."""

    list_display = ["cable", "target", "liker", "created"]
    list_filter = [("cable", admin.RelatedOnlyFieldListFilter), "created"]
    search_fields = ["cable__reference_id", "target", "user__username"]
    list_select_related = ["cable", "user"]
    readonly_fields = ["cable", "target", "comment", "user", "browser", "ip_address", "created"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def delete_model(self, request: HttpRequest, obj: Like) -> None:
        super().delete_model(request, obj)
        Cable.objects.page_changed(obj.cable_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        cables = set(queryset.values_list("cable_id", flat=True))
        super().delete_queryset(request, queryset)
        Cable.objects.page_changed(*cables)

    @admin.display(description="by")
    def liker(self, like: Like) -> str:
        return like.user.get_username() if like.user is not None else "a guest's browser"
