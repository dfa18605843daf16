"""Whether what the site depends on answers: the database, the cache, the search index. Each
check is one small round trip; a failure is logged here and reported as False."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

from django.core.cache import caches
from django.db import connection

from cables.search import index

logger = logging.getLogger(__name__)


def _database_answers() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache_answers() -> None:
    """A key of its own for each check, so that checks from several processes at once do not
    read each other's value."""
    cache = caches["default"]
    key, value = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not give back the value just set")
    cache.delete(key)


def _search_index_answers() -> None:
    index.searcher()  # raises SearchUnavailable when there is no index to read


_CHECKS: dict[str, Callable[[], None]] = {
    "database": _database_answers,
    "cache": _cache_answers,
    "search_index": _search_index_answers,
}


def check_all() -> dict[str, bool]:
    answers = {}
    for name, check in _CHECKS.items():
        try:
            check()
        except Exception:
            logger.warning("Health check: the %s does not answer", name, exc_info=True)
            answers[name] = False
        else:
            answers[name] = True
    return answers
