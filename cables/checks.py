"""System checks of the cables app: `manage.py check` says when search cannot answer."""

from __future__ import annotations

from django.core import checks
from django.db import DatabaseError

from cables.search import writing


@checks.register("search")
def search_index_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The search index exists and has caught up with the database."""
    try:
        status = writing.status()
    except DatabaseError:
        return []  # no tables yet: `migrate` comes first
    if not status.exists:
        return [
            checks.Warning(
                f"Search cannot be used: {status.problem}. Search and the lists of cables "
                "answer 'search is unavailable'.",
                hint="Run `manage.py rebuild_search_index`.",
                id="cables.W001",
            )
        ]
    if not status.current:
        return [
            checks.Warning(
                f"The search index is older than the database: it has {status.documents:,} "
                f"cables, the database {status.cables:,}"
                + (", and cables changed since it was written" if status.behind else "")
                + ".",
                hint="Run `manage.py rebuild_search_index`.",
                id="cables.W002",
            )
        ]
    return []
