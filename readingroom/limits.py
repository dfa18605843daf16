"""Who is asking, and how often: the client's address (behind a proxy, the one it saw) and a
count of attempts per address and minute, kept in the shared cache; and how long a client
refused for asking too often waits before it asks again."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

# The Retry-After of a 429 (readingroom.middleware.RetryAfterMiddleware) when the refusal does
# not say otherwise: the limits count per minute, so a minute later the count has started over.
RETRY_AFTER_SECONDS = 60


def client_ip(request: HttpRequest) -> str | None:
    ip = request.META.get("REMOTE_ADDR")
    if settings.COMMENTS_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        ip = forwarded.split(",")[-1].strip() or ip
    return ip or None


def within_limit(action: str, key: object, *, per_minute: int) -> bool:
    """Count one `action` by `key` (an address, an account) in the current minute; False when
    `per_minute` were already counted. A limit of 0 counts nothing."""
    if not per_minute:
        return True
    name = f"limit:{action}:{key}:{int(time.time() // 60)}"
    if cache.add(name, 1, 120):
        return True
    try:
        return cache.incr(name) <= per_minute
    except ValueError:  # expired between add and incr
        cache.add(name, 1, 120)
        return True
