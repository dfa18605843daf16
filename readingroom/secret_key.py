"""The secret key the settings use: DJANGO_SECRET_KEY, which with DEBUG off must be one
Django's deploy check accepts; without it, a random one the site makes for itself and keeps
on disk, the same with DEBUG on or off. Read by readingroom/settings.py: no settings here."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.checks.security import base as deploy_check
from django.core.exceptions import ImproperlyConfigured

# What Django's deploy check (security.W009) asks of a secret key: its own values, not copies.
MIN_LENGTH = deploy_check.SECRET_KEY_MIN_LENGTH
MIN_DIFFERENT_CHARACTERS = deploy_check.SECRET_KEY_MIN_UNIQUE_CHARACTERS
_INSECURE_PREFIX = deploy_check.SECRET_KEY_INSECURE_PREFIX


def secret_key(given: str, *, debug: bool, kept_in: Path) -> str:
    """`given` (DJANGO_SECRET_KEY) when there is one, refused with DEBUG off unless strong;
    without it, the key kept in `kept_in`. One key for a checkout, with DEBUG on or off: the
    links `make run` mailed still work from `manage.py runserver`, and no key is public."""
    given = given.strip()
    if not given:
        return kept_secret_key(kept_in)
    if not debug and not is_strong(given):
        raise ImproperlyConfigured(
            f"DJANGO_SECRET_KEY must have {MIN_LENGTH} characters or more, "
            f"{MIN_DIFFERENT_CHARACTERS} different ones or more, and not begin with "
            f"{_INSECURE_PREFIX!r}: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    return given


def is_strong(key: str) -> bool:
    return (
        len(key) >= MIN_LENGTH
        and len(set(key)) >= MIN_DIFFERENT_CHARACTERS
        and not key.startswith(_INSECURE_PREFIX)
    )


def kept_secret_key(path: Path) -> str:
    """The secret key of a site run without DJANGO_SECRET_KEY: random, made the first time
    and kept in `path` (mode 0600), so that it outlives a restart and every process on this
    machine (manage.py, the task worker, gunicorn's workers) signs with it. The file appears
    whole or not at all (a temporary file linked into place): processes starting at the same
    moment read the key of whichever came first."""
    try:
        if not path.exists():
            _make_key_file(path)
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise ImproperlyConfigured(
            f"Set DJANGO_SECRET_KEY: without it the site keeps a key of its own in {path}, "
            f"which it cannot use ({error})."
        ) from error
    if not is_strong(key):
        raise ImproperlyConfigured(f"{path} holds no usable secret key: delete it.")
    return key


def _make_key_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    made = path.with_name(f"{path.name}.{os.getpid()}.new")
    with open(os.open(made, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
        file.write(f"{secrets.token_urlsafe(64)}\n")
    try:
        os.link(made, path)
    except FileExistsError:
        pass  # another process was first: its key stands
    finally:
        made.unlink()
