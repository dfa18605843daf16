"""Arrange one cable's comments into the threads a reader sees, from one query, in one pass.

`load_discussion` fetches every comment the reader may see on the cable and `build` turns them
into flat, ordered lists of entries, one list per thread (the cable's own, one per paragraph),
each entry saying how far the nesting opens or closes after it, so a template renders a
thread of any size in a single loop without a query or an include per comment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from cables.models import Cable
from comments.models import Comment, Like, Likes, Status


@dataclass
class Entry:
    comment: Comment
    # Shown as '[removed]': the comment is gone but replies to it are still shown.
    placeholder: bool = False
    own: bool = False
    can_change: bool = False
    children_follow: bool = False
    closes: range = range(0)
    # Set when the reply sits beside the comment it answers (below the depth limit).
    in_reply_to: Comment | None = None
    # The entry rendered (comments.fragments), when a page has it ready.
    html: str = ""
    likes: Likes = field(default_factory=Likes)

    @property
    def awaiting_moderation(self) -> bool:
        return self.own and self.comment.status == Status.PENDING


class Thread(list[Entry]):
    """A thread's entries in reading order; `html` is the thread rendered, when a page has it
    ready (comments.fragments)."""

    html: str = ""


@dataclass(frozen=True)
class Mention:
    """A published linkback, for "Mentioned in" under the cable. `anchor` is the paragraph
    whose thread also shows it ('' when it cites the cable as a whole)."""

    comment: Comment
    anchor: str = ""

    @property
    def date_order(self) -> tuple:
        """Sorts by the date the mention shows (the page's own, else the day it came), then by
        the order they came in."""
        comment = self.comment
        return (comment.publication_date, comment.created, comment.pk)


@dataclass
class Discussion:
    cable_thread: Thread = field(default_factory=Thread)
    mentions: list[Mention] = field(default_factory=list)  # newest first
    paragraph_threads: dict[str, Thread] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0
    entries_by_id: dict[int, Entry] = field(default_factory=dict)
    # The likes of the cable, its paragraphs and its comments, by target ("", "par3",
    # "comment-12").
    likes: dict[str, Likes] = field(default_factory=dict)

    def likes_of(self, target: str) -> Likes:
        return self.likes.get(target) or Likes()

    def thread(self, anchor: str) -> Thread:
        return self.paragraph_threads.get(anchor, Thread()) if anchor else self.cable_thread

    def count(self, anchor: str) -> int:
        return self.counts.get(anchor, 0)

    def paragraph_counts(self) -> list[tuple[str, int]]:
        """Paragraph anchors with approved comments, for the note under the cable's thread."""
        return [(anchor, count) for anchor, count in self.counts.items() if anchor and count]

    def entry(self, comment_id: int | None) -> Entry | None:
        return self.entries_by_id.get(comment_id) if comment_id is not None else None

    def shareable(self) -> Discussion:
        """What a shared page shows of the discussion, to keep: the threads' HTML (once
        rendered), the counts and the mentions; not the entries, each with its comment and
        its HTML again, three times the size (a page that needs one, the form answering
        ?replytocom=, loads the discussion)."""

        def rendered(thread: Thread) -> Thread:
            kept = Thread()
            kept.html = thread.html
            return kept

        return Discussion(
            cable_thread=rendered(self.cable_thread),
            mentions=self.mentions,
            paragraph_threads={
                anchor: rendered(thread) for anchor, thread in self.paragraph_threads.items()
            },
            counts=self.counts,
            total=self.total,
            likes=self.likes,
        )

    def attach_to(self, paragraphs: Iterable) -> None:
        """Give each paragraph its thread, count and likes, for the cable page's single loop."""
        for paragraph in paragraphs:
            paragraph.thread = self.paragraph_threads.get(paragraph.anchor, Thread())
            paragraph.comment_count = self.counts.get(paragraph.anchor, 0)
            paragraph.likes = self.likes_of(paragraph.anchor)


def can_change(comment: Comment, *, own: bool, now: datetime | None = None) -> bool:
    """Authors may edit or delete their comment for COMMENTS_EDIT_MINUTES after posting."""
    if not own or comment.status in (Status.REMOVED, Status.SPAM):
        return False
    window = timedelta(minutes=settings.COMMENTS_EDIT_MINUTES)
    return (now or timezone.now()) - comment.created <= window


def is_own(comment: Comment, *, own_ids: Collection[int], user=None) -> bool:
    if user is not None and user.is_authenticated and comment.user_id == user.pk:
        return True
    return comment.id in own_ids


def load_discussion(cable: Cable, *, own_ids: list[int], user=None) -> Discussion:
    """The discussion of `cable` as this reader sees it (`own_ids`, `user`: what is theirs),
    on the cable's paragraphs as they are now (prefetched ones when the cable has them)."""
    comments = list(Comment.objects.for_discussion(cable, own_ids=own_ids, user=user))
    anchors = {paragraph.anchor for paragraph in cable.paragraphs.all()}
    discussion = build(comments, anchors=anchors, own_ids=own_ids, user=user)
    discussion.likes = Like.objects.of_cable(cable)
    for entry in discussion.entries_by_id.values():
        entry.likes = discussion.likes_of(entry.comment.html_id)
    return discussion


def build(
    comments: list[Comment],
    *,
    anchors: set[str],
    own_ids: Iterable[int] = (),
    user=None,
    now: datetime | None = None,
) -> Discussion:
    """Threads from comments ordered oldest first.

    A comment on an anchor the cable no longer has joins the cable's own thread; a reply whose
    parent the reader cannot see starts a thread of its own.
    """
    now = now or timezone.now()
    own_ids = set(own_ids)
    known = {comment.id: comment for comment in comments}
    children: dict[int | None, list[Comment]] = defaultdict(list)
    for comment in comments:
        parent = comment.parent_id if comment.parent_id in known else None
        children[parent].append(comment)

    def owned(comment: Comment) -> bool:
        return is_own(comment, own_ids=own_ids, user=user)

    def readable(comment: Comment) -> bool:
        """Shown in full: approved, or the reader's own one awaiting moderation."""
        return comment.status == Status.APPROVED or (
            comment.status == Status.PENDING and owned(comment)
        )

    shown = _shown(children, readable)
    discussion = Discussion()
    _count_approved(discussion, comments, anchors=anchors)
    for root in children[None]:
        if not shown[root.id]:
            continue
        anchor = root.anchor if root.anchor in anchors else ""
        if root.is_linkback:
            # Under "Mentioned in"; and in its paragraph's thread when it cites a paragraph.
            discussion.mentions.append(Mention(root, anchor))
            if not anchor:
                continue
        thread = (
            discussion.paragraph_threads.setdefault(anchor, Thread())
            if anchor
            else discussion.cable_thread
        )
        levels = _in_reading_order(root, children, shown)
        for entry in _entries(levels, known=known, owned=owned, readable=readable, now=now):
            thread.append(entry)
            discussion.entries_by_id[entry.comment.id] = entry
    discussion.mentions.sort(key=lambda mention: mention.date_order, reverse=True)
    return discussion


def _count_approved(discussion: Discussion, comments: list[Comment], *, anchors: set[str]) -> None:
    """The approved comments counted in all and by paragraph ("" for the cable's own thread,
    which also takes those on an anchor the cable no longer has)."""
    for comment in comments:
        if comment.status == Status.APPROVED:
            discussion.total += 1
            key = comment.anchor if comment.anchor in anchors else ""
            discussion.counts[key] = discussion.counts.get(key, 0) + 1


def _entries(
    levels: list[tuple[Comment, int]],
    *,
    known: dict[int, Comment],
    owned: Callable[[Comment], bool],
    readable: Callable[[Comment], bool],
    now: datetime,
) -> Iterator[Entry]:
    """A thread's entries from its comments in reading order with their depths."""
    for index, (comment, level) in enumerate(levels):
        following = levels[index + 1][1] if index + 1 < len(levels) else 0
        own, full = owned(comment), readable(comment)
        yield Entry(
            comment=comment,
            placeholder=not full,
            own=own,
            can_change=full and can_change(comment, own=own, now=now),
            children_follow=following > level,
            closes=range(max(0, level - following)),
            in_reply_to=_answered(comment, known),
        )


def _shown(
    children: dict[int | None, list[Comment]], readable: Callable[[Comment], bool]
) -> dict[int, bool]:
    """Whether each comment is shown: when it is readable, or (as '[removed]') when something
    below it is shown."""
    tree_order: list[Comment] = []  # parents before their replies, whatever the dates say
    stack = list(children[None])
    while stack:
        comment = stack.pop()
        tree_order.append(comment)
        stack.extend(children[comment.id])
    shown: dict[int, bool] = {}
    for comment in reversed(tree_order):
        shown[comment.id] = readable(comment) or any(shown[c.id] for c in children[comment.id])
    return shown


def _in_reading_order(
    root: Comment, children: dict[int | None, list[Comment]], shown: dict[int, bool]
) -> list[tuple[Comment, int]]:
    """The thread under `root` as it is read, each comment with its nesting level (0 for the
    root): a reply right after what it answers, replies in the order they came."""
    levels: list[tuple[Comment, int]] = []
    to_place = [(root, 0)]
    while to_place:
        comment, level = to_place.pop()
        levels.append((comment, level))
        visible = [child for child in children[comment.id] if shown[child.id]]
        to_place.extend((child, level + 1) for child in reversed(visible))
    return levels


def _answered(comment: Comment, known: dict[int, Comment]) -> Comment | None:
    """The comment this one answers when that is not its parent (a reply below the depth
    limit sits beside what it answers)."""
    if comment.replied_to_id is None or comment.replied_to_id == comment.parent_id:
        return None
    return known.get(comment.replied_to_id)
