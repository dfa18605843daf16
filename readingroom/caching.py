"""Pages that are the same for every reader: versioned, answered 304, and rendered once.

A shared page (a cable, a paragraph's thread, a list, an index) is a function of a few things
the view can name cheaply before rendering anything: a cable's row and when what was said of
it last changed, or the search index's last commit. `shared_page` turns that `Version` into an
ETag and a Last-Modified, answers a conditional GET with 304 without rendering, and otherwise
serves the rendered page from the cache under a key made of the version, rendering it only
when the cache does not hold it. A change gives a new version, hence a new key: a cached page
is never invalidated, it is simply no longer asked for (and expires).

Nothing on a shared page depends on who asks: no session is read, no cookie set, nothing
varies on Cookie. What is the reader's own (their held comments, the form's remembered name,
their account) comes from a small private request of its own (comments' reader layer).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, wraps
from http import HTTPStatus
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as page_cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

logger = logging.getLogger(__name__)

# Headers a view sets that belong to the page and are kept with it in the cache (the
# middleware's own, such as the security headers and CSP, are added to every response anew).
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "X-Pingback")
# Browsers ask again every time (a 304 costs one query); a shared cache in front may serve a
# page for a minute, and a stale one while it asks again or while the site is down.
_CACHE_CONTROL = {
    "public": True,
    "max_age": 0,
    "s_maxage": 60,
    "stale_while_revalidate": 60,
    "stale_if_error": 600,
}


@dataclass(frozen=True)
class Version:
    """What a page is a function of (`parts`, any values with a stable repr) and when it last
    changed (None when unknown: no Last-Modified then)."""

    parts: tuple
    changed: datetime | None = None


_CODE_FOLDERS = (
    "templates",
    "static",
    "readingroom",
    "accounts",
    "cables",
    "comments",
    "pages",
    "operations",
)
_CODE_SUFFIXES = {".html", ".txt", ".js", ".css", ".py"}


def release() -> str:
    """What the code that renders pages is: the project's templates, static files and Python
    modules. A new release gives every page a new version, so no page of the old one is
    served from the cache or confirmed by a 304. In development (DEBUG) it is looked at on
    every request, so that an edited template shows at once."""
    if settings.READINGROOM_RELEASE:
        return settings.READINGROOM_RELEASE
    return _code_digest(by_content=False) if settings.DEBUG else deployed_release()


@cache
def deployed_release() -> str:
    return _code_digest(by_content=True)


def _code_digest(*, by_content: bool) -> str:
    """A digest of the code's files: of their bytes, or (cheaper) their times and sizes."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in _CODE_FOLDERS:
        for path in sorted((base / folder).rglob("*")):
            if path.is_file() and path.suffix in _CODE_SUFFIXES:
                digest.update(str(path.relative_to(base)).encode())
                if by_content:
                    digest.update(path.read_bytes())
                else:
                    stat = path.stat()
                    digest.update(f"{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()[:16]


def _etag_of(request: HttpRequest, version: Version) -> str:
    """The page's entity tag: the release, the address asked for and the version."""
    digest = hashlib.sha256(
        repr((release(), request.get_full_path(), version.parts)).encode()
    ).hexdigest()
    return f'"{digest[:32]}"'


def _cache_key(request: HttpRequest, etag: str) -> str:
    """The rendered page under its version, per site address (pages hold absolute links)."""
    return f"page:{request.scheme}:{request.get_host()}:{etag.strip(chr(34))}"


def shared_page(
    version_of: Callable[..., Version | None],
    *,
    fresh: dict[str, Callable[[], str]] | None = None,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Serve a view's page as a shared, versioned page. `version_of(request, *args, **kwargs)`
    names the version in a query or less; None (no such page, say) leaves the request to the
    view as it is. `fresh` maps placeholders the page holds to what replaces them in every
    response (a value that must be new each time, such as the time a form was served)."""
    fresh_values = {placeholder.encode(): make for placeholder, make in (fresh or {}).items()}
    # The page is kept cut at its placeholders, so that serving it scans nothing.
    cut = re.compile(b"(" + b"|".join(map(re.escape, fresh_values)) + b")") if fresh else None

    def pieces(content: bytes) -> list[bytes]:
        return cut.split(content) if cut is not None else [content]

    def joined(parts: list[bytes]) -> bytes:
        if len(parts) == 1:
            return parts[0]
        return b"".join(
            fresh_values[part]().encode() if index % 2 else part for index, part in enumerate(parts)
        )

    def unshared(response: HttpResponse) -> HttpResponse:
        if fresh_values and not response.streaming:
            response.content = joined(pieces(response.content))
        return response

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            version = version_of(request, *args, **kwargs)
            if version is None:
                return unshared(view(request, *args, **kwargs))
            etag = _etag_of(request, version)
            last_modified = int(version.changed.timestamp()) if version.changed else None
            unchanged = get_conditional_response(request, etag=etag, last_modified=last_modified)
            if unchanged is not None:
                return _versioned(unchanged, etag, version)
            key = _cache_key(request, etag)
            kept = page_cache.get(key)
            if kept is not None:
                status, headers, parts = kept
                response = HttpResponse(joined(parts), status=status, headers=headers)
                return _versioned(response, etag, version)
            response = view(request, *args, **kwargs)
            if not _is_shared(request, response):
                return unshared(response)
            parts = pieces(response.content)
            if response.status_code == HTTPStatus.OK:
                headers = {name: response[name] for name in _KEPT_HEADERS if name in response}
                page_cache.set(key, (response.status_code, headers, parts))
            response.content = joined(parts)
            return _versioned(response, etag, version)

        return wrapper

    return decorator


def _versioned(response: HttpResponse, etag: str, version: Version) -> HttpResponse:
    if response.status_code not in (HTTPStatus.OK, HTTPStatus.NOT_MODIFIED):
        return response
    response["ETag"] = etag
    if version.changed is not None:
        response["Last-Modified"] = http_date(version.changed.timestamp())
    patch_cache_control(response, **_CACHE_CONTROL)
    return response


def _is_shared(request: HttpRequest, response: HttpResponse) -> bool:
    """The response is the same for everyone: it read no session and set no cookie. A page
    that did is a bug of its view; it is served as it is, not kept, and logged."""
    session = getattr(request, "session", None)
    read_session = session is not None and session.accessed
    if response.cookies or read_session or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        logger.warning("A shared page read the session or set a cookie: %s", request.path)
        return False
    return True
