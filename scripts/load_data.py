"""What `scripts/bench_load.py` puts in the database, and what it reads back: the corpus and
the seeds, the 200 comments on the seed cable, the comments a run's commenters wrote, the
task worker's queue. The Django functions need django.setup() first."""

from __future__ import annotations

import contextlib
import functools
import random
import re
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bench_import import generated_corpus, manage
from load_traffic import Site, comment_body, reader_identity

if TYPE_CHECKING:
    from cables.models import Cable
    from comments.models import Comment

SEED_CABLE = "07MOSCOW601"
SEEDED_COMMENTS = 200
# The token each comment of a run ends with (load_traffic.comment_body).
TOKEN = re.compile(r"-- (load-\S+)")


def build(*, count: int, corpus: Path | None, reuse: bool, workers: int) -> None:
    """Import the corpus (generated into var/bench/ unless given or kept there) and the seeds
    into the database of this environment, with the search index."""
    if corpus is None:
        corpus = generated_corpus(count, reuse=reuse, skip_checks=True)
    print(f"corpus: {corpus} ({corpus.stat().st_size / 1e6:.0f} MB)")
    started = time.perf_counter()
    # Without the system checks, which would warn that there is no search index yet.
    manage("migrate", "--noinput", "--skip-checks")
    manage(
        "import_cables", "--no-progress", "--skip-checks", "--workers", str(workers), str(corpus)
    )
    manage("load_seeds", "--skip-checks")
    manage("rebuild_search_index", "--if-needed")
    print(f"imported the corpus and the seeds in {time.perf_counter() - started:.0f} s")


def seed_discussion(*, using: str, port: int, list_paths: list[str]) -> Site:
    """Put SEEDED_COMMENTS approved comments on the seed cable in the database `using`, one
    by each reader of load_traffic.reader_identity: 120 opening a thread (on the cable, on a
    paragraph, on a passage of it), 50 replies to those, 30 replies to the replies. Half of
    their authors want reply notices, so that answering them queues a task."""
    from django.utils import timezone

    from cables.models import Cable
    from comments.models import Comment, Status

    cable = Cable.objects.using(using).get(reference_id=SEED_CABLE)
    paragraphs = [paragraph for paragraph in cable.paragraphs.all() if paragraph.number]
    texts = {paragraph.anchor: paragraph.text for paragraph in paragraphs}
    passages = _passages(texts)
    rng = random.Random(16)
    comment = functools.partial(
        _seeded_comment,
        cable=cable,
        texts=texts,
        passages=passages,
        rng=rng,
        first=timezone.now() - timedelta(days=30),
    )
    comments = Comment.objects.using(using)
    threads = comments.bulk_create(
        comment(number, anchor=rng.choice(paragraphs).anchor if number % 12 >= 7 else "")
        for number in range(120)
    )
    replies = comments.bulk_create(
        comment(number, parent=rng.choice(threads)) for number in range(120, 170)
    )
    comments.bulk_create(
        comment(number, parent=rng.choice(replies)) for number in range(170, SEEDED_COMMENTS)
    )
    notified = comments.filter(cable=cable, notify_replies=True, status=Status.APPROVED)
    return Site(
        port=port,
        cable_path=cable.get_absolute_url(),
        paragraph_paths=[cable.paragraph_page_url(anchor) for anchor in texts],
        list_paths=list_paths,
        reply_to=list(notified.values_list("pk", flat=True)),
        passages=passages,
    )


def _passages(texts: dict[str, str]) -> dict[str, list[str]]:
    """{anchor: passages}: from each paragraph's text, 8 words every 17, as a comment may
    quote them."""
    from comments.passages import PassageNotFound, locate_quote

    passages: dict[str, list[str]] = {}
    for anchor, text in texts.items():
        words = text.split()
        for start in range(0, max(1, len(words) - 8), 17):
            with contextlib.suppress(PassageNotFound):
                quote = locate_quote(text, " ".join(words[start : start + 8]))
                passages.setdefault(anchor, []).append(quote.exact)
    return passages


def _seeded_comment(
    number: int,
    *,
    cable: Cable,
    texts: dict[str, str],
    passages: dict[str, list[str]],
    rng: random.Random,
    first: datetime,
    anchor: str = "",
    parent: Comment | None = None,
) -> Comment:
    """Seeded comment `number`, by reader `number`, on the cable (or its paragraph `anchor`,
    a third of them on a passage of it) or answering `parent`; written 10 minutes after the
    one before, the first at `first`."""
    from comments.markup import render_markdown
    from comments.models import Comment, Status
    from comments.passages import locate_quote

    name, email, address = reader_identity(number)
    body = comment_body(rng, f"seed-{number:03d}")
    quote = None
    if anchor in passages and number % 3 == 0:
        quote = locate_quote(texts[anchor], rng.choice(passages[anchor]))
    return Comment(
        cable=cable,
        anchor=parent.anchor if parent else anchor,
        parent=parent,
        replied_to=parent,
        depth=parent.depth + 1 if parent else 1,
        author_name=name,
        author_email=email,
        body=body,
        body_html=render_markdown(body),
        quote_exact=quote.exact if quote else "",
        quote_prefix=quote.prefix if quote else "",
        quote_suffix=quote.suffix if quote else "",
        status=Status.APPROVED,
        notify_replies=number % 2 == 0,
        ip_address=address,
        user_agent="bench-load",
        created=first + timedelta(minutes=10 * number),
    )


def stored_comments(using: str, run: str) -> dict[str, int]:
    """{token: id} of the comments that a run's commenters wrote and the database has."""
    from django.db import connections

    from comments.models import Comment

    connections[using].close()  # a new connection: the last one may have met an outage
    found = Comment.objects.using(using).filter(body__contains=f"-- load-{run}-")
    tokens = {}
    for pk, body in found.values_list("pk", "body"):
        if token := TOKEN.search(body):
            tokens[token[1]] = pk
    return tokens


def waiting_tasks() -> tuple[int, int]:
    """Tasks ready to run, and tasks marked running, in the task worker's table."""
    from django.db import connections
    from django_tasks_db.models import DBTaskResult

    connections["default"].close()
    return DBTaskResult.objects.ready().count(), DBTaskResult.objects.running().count()


def wait_for_tasks(seconds: float) -> tuple[float | None, int, int]:
    """Seconds until no task waits (None: not within `seconds`), and the ready and running
    tasks left."""
    started = time.monotonic()
    while True:
        ready, running = waiting_tasks()
        if ready == running == 0:
            return time.monotonic() - started, 0, 0
        if time.monotonic() - started > seconds:
            return None, ready, running
        time.sleep(0.5)
