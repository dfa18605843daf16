"""The settings with no environment at all are the safe ones, and a production environment
passes Django's deploy check. Each case runs in a process of its own, with only the
environment it names (the test run's own has DEBUG on)."""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks.security.base import (
    SECRET_KEY_INSECURE_PREFIX,
    SECRET_KEY_MIN_LENGTH,
    SECRET_KEY_MIN_UNIQUE_CHARACTERS,
    check_secret_key,
)
from django.core.exceptions import ImproperlyConfigured
from django.middleware.csrf import CsrfViewMiddleware
from django.test import override_settings
from django.utils.module_loading import import_string

from readingroom import secret_key

CHECKOUT = Path(__file__).resolve().parent.parent
STRONG_KEY = secrets.token_urlsafe(50)


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """`python args` in the checkout, with exactly `env` for environment."""
    return subprocess.run(
        [sys.executable, *args], cwd=CHECKOUT, env=env, capture_output=True, text=True, timeout=120
    )


_MISSING_PAGE = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "readingroom.settings"
import django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/no/such/page/", headers={"host": "localhost"})
print(json.dumps({"debug": settings.DEBUG, "status": response.status_code,
                  "page": response.content.decode()}))
"""


def test_with_no_environment_debug_is_off_and_a_missing_page_shows_no_addresses():
    done = run(["-c", _MISSING_PAGE], env={})
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.splitlines()[-1])
    assert answer["debug"] is False
    assert answer["status"] == 404
    assert "<title>Page not found · Cable reading room</title>" in answer["page"]
    for debug_page in ("URLconf", "URL patterns", "DEBUG = True", "admin/"):
        assert debug_page not in answer["page"]


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> dict[str, str]:
    """The environment of a site as deployed: debug off, a strong key and a host, its
    database migrated and its search index built (else the checks rightly say there is none)."""
    folder = tmp_path_factory.mktemp("deployed")
    env = {
        "DJANGO_SECRET_KEY": STRONG_KEY,
        "DJANGO_ALLOWED_HOSTS": "cables.example.org",
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "READINGROOM_SEARCH_INDEX": str(folder / "search-index"),
    }
    for command in (["migrate", "--noinput"], ["rebuild_search_index", "--no-progress"]):
        done = run(["manage.py", *command, "--skip-checks"], env=env)
        assert done.returncode == 0, done.stdout + done.stderr
    return env


def deploy_check(deployed: dict[str, str], **environment: str) -> tuple[int, set[str], str]:
    """`manage.py check --deploy` on the deployed site (with what else `environment` adds):
    its exit status and the ids it reports."""
    env = {**deployed, **environment}
    done = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env=env)
    output = done.stdout + done.stderr
    return done.returncode, set(re.findall(r"\(([a-z_]+\.[A-Z]\d+)\)", output)), output


def test_the_deploy_check_leaves_only_what_the_readme_explains(deployed):
    """HTTPS is the proxy's (deploy/): Django neither redirects to it nor sends HSTS unless
    told to. The mail goes by SMTP, the CSRF middleware is there (as a subclass)."""
    status, reported, output = deploy_check(deployed)
    assert reported == {"security.W004", "security.W008"}, output
    assert status == 1


def test_the_deploy_check_is_clean_when_django_does_the_https(deployed):
    status, reported, output = deploy_check(
        deployed,
        DJANGO_SECURE_SSL_REDIRECT="true",
        DJANGO_SECURE_HSTS_SECONDS="31536000",
        DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
        DJANGO_SECURE_HSTS_PRELOAD="true",
    )
    assert (status, reported) == (0, set()), output
    assert "System check identified no issues (1 silenced)." in output


@pytest.mark.parametrize(
    "key",
    [
        secrets.token_urlsafe(24),  # 32 characters: what was accepted before
        "ab" * 30,  # long enough, 2 different characters
        f"{SECRET_KEY_INSECURE_PREFIX}{secrets.token_urlsafe(50)}",
    ],
    ids=["short", "few-characters", "insecure-prefix"],
)
def test_debug_off_refuses_a_key_djangos_check_would_refuse(tmp_path, key):
    done = run(["manage.py", "check"], env={"DJANGO_SECRET_KEY": key})
    assert done.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY must have 50 characters or more" in done.stderr


@pytest.mark.parametrize(
    "key",
    [
        "x" * 49 + "abcd",
        "abcd" * 13,
        "abcde" * 10,
        "abcde" * 9 + "abcd",
        f"{SECRET_KEY_INSECURE_PREFIX}{'abcdef' * 10}",
        STRONG_KEY,
    ],
)
def test_a_strong_key_is_what_djangos_deploy_check_accepts(key):
    assert secret_key.MIN_LENGTH == SECRET_KEY_MIN_LENGTH
    assert secret_key.MIN_DIFFERENT_CHARACTERS == SECRET_KEY_MIN_UNIQUE_CHARACTERS
    with override_settings(SECRET_KEY=key):
        django_accepts = check_secret_key(None) == []
    assert secret_key.is_strong(key) is django_accepts


def test_the_key_kept_without_the_environment_is_made_once_and_private(tmp_path):
    path = tmp_path / "var" / "secret-key"
    key = secret_key.kept_secret_key(path)
    assert secret_key.is_strong(key)
    assert path.stat().st_mode & 0o777 == 0o600
    assert secret_key.kept_secret_key(path) == key
    assert [item.name for item in path.parent.iterdir()] == ["secret-key"]


def test_without_a_key_debug_on_and_off_sign_with_the_same_kept_one(tmp_path):
    """`make run` (DEBUG on) and a manage.py command without the environment (DEBUG off)
    sign alike: a link one mailed works on the other."""
    path = tmp_path / "secret-key"
    in_development = secret_key.secret_key("", debug=True, kept_in=path)
    assert secret_key.secret_key(" ", debug=False, kept_in=path) == in_development
    assert path.read_text().strip() == in_development


def test_a_weak_key_given_is_for_development_only(tmp_path):
    path = tmp_path / "secret-key"
    assert secret_key.secret_key("dev", debug=True, kept_in=path) == "dev"
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY must have 50"):
        secret_key.secret_key("dev", debug=False, kept_in=path)
    assert not path.exists()


def test_a_key_that_cannot_be_kept_stops_the_start_with_the_reason(tmp_path):
    not_a_folder = tmp_path / "var"
    not_a_folder.write_text("")
    with pytest.raises(ImproperlyConfigured, match="Set DJANGO_SECRET_KEY"):
        secret_key.kept_secret_key(not_a_folder / "secret-key")


def test_a_kept_file_with_a_weak_key_is_refused(tmp_path):
    path = tmp_path / "secret-key"
    path.write_text("short\n")
    with pytest.raises(ImproperlyConfigured, match="holds no usable secret key"):
        secret_key.kept_secret_key(path)


def test_the_silenced_csrf_warning_has_djangos_middleware_all_the_same(settings):
    assert settings.SILENCED_SYSTEM_CHECKS == ["security.W003"]
    assert any(issubclass(import_string(name), CsrfViewMiddleware) for name in settings.MIDDLEWARE)
