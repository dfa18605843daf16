"""Settings for the cable reading room, read from the environment.

With no environment at all the settings are the safe ones: DEBUG off, only local addresses
served, a random secret key kept in var/secret-key. `make run` (DJANGO_DEBUG=1) and the tests
turn DEBUG on; a DJANGO_SECRET_KEY given with DEBUG off must be one Django's deploy check
accepts, or the project refuses to start.
"""

import json
import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from readingroom.secret_key import secret_key

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """Turn DATABASE_URL (postgres://user:pass@host:port/name or sqlite:///path) into settings."""
    parts = urlsplit(url)
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        options = dict(parse_qsl(parts.query))
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": unquote(parts.hostname or ""),
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
            "OPTIONS": options,
        }
    if parts.scheme == "sqlite":
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": unquote(parts.path) or ":memory:",
            # Kept open: opening a SQLite file costs more than the one query of a cached page.
            "CONN_MAX_AGE": int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
            # Two writers at once (a request and the task worker, or two checks) wait for each
            # other instead of failing with "database is locked": a transaction takes the
            # write lock when it begins (a read that turns into a write half-way cannot wait
            # for it), waits up to `timeout` seconds for it, and readers do not block writers
            # (write-ahead log).
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": int(os.environ.get("DATABASE_SQLITE_TIMEOUT", "20")),
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    raise ImproperlyConfigured(f"DATABASE_URL has an unsupported scheme: {parts.scheme!r}")


# Off unless asked for: `make run` and the tests (tests/settings.py) set DJANGO_DEBUG=1.
DEBUG = env_bool("DJANGO_DEBUG", False)
# With DEBUG off, a key given must be one Django's deploy check accepts; without one, a random
# key is kept in var/secret-key (readingroom/secret_key.py).
SECRET_KEY = secret_key(
    os.environ.get("DJANGO_SECRET_KEY", ""), debug=DEBUG, kept_in=BASE_DIR / "var" / "secret-key"
)
# Without DJANGO_ALLOWED_HOSTS, only this machine's own names are served.
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is empty: no address would be served.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# A comment refused by the CSRF protection comes back in a form to send again.
CSRF_FAILURE_VIEW = "operations.views.csrf_failure"
# Django's CSRF protection is on: OriginCsrfMiddleware is its CsrfViewMiddleware, extended
# (readingroom/middleware.py). The deploy check looks for the middleware's exact name.
SILENCED_SYSTEM_CHECKS = ["security.W003"]

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    # HTTPS: in deploy/ the proxy in front terminates TLS and redirects plain HTTP; these
    # have Django do it instead (README, "Production": `check --deploy`).
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", False)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer asks over plain HTTP
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # ArrayField of the search rows (PostgreSQL only)
    "taggit",
    "operations",  # before django_tasks_db: its db_worker command outlives database outages
    "django_tasks_db",
    "cables",
    "comments",
    "pages",  # the cable page and what else joins the two apps above
    "accounts",  # before allauth: its templates (allauth's layout in ours) come first
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.github",
    "allauth.socialaccount.providers.facebook",
    "allauth.socialaccount.providers.twitter_oauth2",
    "accounts.mastodon",
]
# Tools for developing and measuring the site, not for serving it: the synthetic corpus
# (`manage.py generate_corpus`). Installed with DEBUG, or with READINGROOM_DEVELOPMENT_TOOLS
# (the benchmarks run with DEBUG off); never by a production configuration.
if DEBUG or env_bool("READINGROOM_DEVELOPMENT_TOOLS", False):
    INSTALLED_APPS.append("corpus")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Every 429 says when to ask again (Retry-After).
    "readingroom.middleware.RetryAfterMiddleware",
    # A reading view that meets a connection dead since the last request runs again.
    "operations.middleware.ReconnectMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Outside the session middleware: it sees the session cookie that middleware sets.
    "readingroom.middleware.ReaderHintMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Django's CSRF protection, taking a browser's Sec-Fetch-Site or Origin before a token.
    "readingroom.middleware.OriginCsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "readingroom.urls"
WSGI_APPLICATION = "readingroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# With DEBUG off, static files come from what `manage.py collectstatic` made (names with a
# digest of the content, compressed copies) once it has run; before, as in development,
# from the folders as they are, so that a checkout run without DEBUG still shows its pages.
STATIC_COLLECTED = not DEBUG and (STATIC_ROOT / "staticfiles.json").is_file()
WHITENOISE_USE_FINDERS = not STATIC_COLLECTED
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_COLLECTED
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Scripts and styles come from our own origin; inline scripts need the per-request nonce.
SECURE_CSP: dict[str, list[str]] = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}


def mailer() -> dict:
    """How reply notices are sent: printed on the console in development (DEBUG); else by
    SMTP, to the machine's own mail server (localhost:25) unless DJANGO_EMAIL_HOST and the
    rest name another. DJANGO_EMAIL_BACKEND names any other backend."""
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    console = "django.core.mail.backends.console.EmailBackend"
    backend = os.environ.get("DJANGO_EMAIL_BACKEND") or (console if DEBUG else smtp)
    if backend != smtp:
        return {"BACKEND": backend}
    options: dict[str, object] = {
        "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
        "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", False),
        "timeout": 30,
    }
    if os.environ.get("DJANGO_EMAIL_PORT"):
        options["port"] = int(os.environ["DJANGO_EMAIL_PORT"])
    if os.environ.get("DJANGO_EMAIL_HOST_USER"):
        options["username"] = os.environ["DJANGO_EMAIL_HOST_USER"]
        options["password"] = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
    return {"BACKEND": backend, "OPTIONS": options}


MAILERS = {"default": mailer()}
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "readingroom@localhost")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task still RUNNING this long after it started lost its worker (killed): db_worker runs it
# again. Longer than any task takes (a linkback check: seconds; a reply notice: the mail server).
TASKS_ABANDONED_AFTER_SECONDS = 10 * 60

# The default cache holds rendered pages and fragments under keys that change when what they
# show changes (readingroom/caching.py), so a stale entry is never read, only left to expire.
# With REDIS_URL it is one Redis shared by every server process (production); without, each
# process keeps its own in memory, which needs no server and is correct for the same reason.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Part of every page's version (readingroom/caching.py): by default a digest of the code's
# files, computed at start (in DEBUG, at every request, so that an edited template shows).
READINGROOM_RELEASE = os.environ.get("READINGROOM_RELEASE", "")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": int(os.environ.get("READINGROOM_CACHE_SECONDS", "86400")),
            "KEY_PREFIX": os.environ.get("READINGROOM_CACHE_PREFIX", "readingroom"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": int(os.environ.get("READINGROOM_CACHE_SECONDS", "86400")),
            "OPTIONS": {"MAX_ENTRIES": 500},
        }
    ),
    # The link-preview cards (PNG, about 0.1 s of CPU each) are kept on disk: shared by the
    # server's processes and kept across restarts; past MAX_ENTRIES a third are dropped at random.
    "previews": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("READINGROOM_PREVIEW_CACHE", str(BASE_DIR / "var" / "previews")),
        "OPTIONS": {
            "MAX_ENTRIES": int(os.environ.get("READINGROOM_PREVIEW_CACHE_ENTRIES", "50000"))
        },
    },
}

TAGGIT_CASE_INSENSITIVE = True

# The search index (cables.search): a folder on local disk, derived from the database and
# rebuilt from it by `manage.py rebuild_search_index`. Each server keeps its own.
SEARCH_INDEX = Path(
    os.environ.get("READINGROOM_SEARCH_INDEX", str(BASE_DIR / "var" / "search-index"))
)

# How many cables the original release counted; the home page shows progress against it.
CABLEGATE_TOTAL = 251_287
# The executive order whose section 1.4 the classification reasons cite.
EXECUTIVE_ORDER_URL = "https://en.wikisource.org/wiki/Executive_Order_13526#Part_1"

# The address mail links point to (reply notices, unsubscribe links), without a slash at the end.
SITE_URL = os.environ.get("READINGROOM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "cables:home"
LOGOUT_REDIRECT_URL = "cables:home"

# Signing in with outside accounts (django-allauth; README "Signing in with outside accounts").
# Local accounts keep Django's own log-in and the project's sign-up; allauth handles the
# providers. A provider shows on the comment form only when configured: here from the
# environment, or in the admin (Social applications).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
# An outside account whose e-mail address an account here already has is never joined to it
# silently (nor signed in as it): the reader is asked for another address instead.
ACCOUNT_UNIQUE_EMAIL = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_ADAPTER = "accounts.adapter.SocialAccountAdapter"
# Likes: a guest's browser is known by this signed cookie (a random id); likes per address
# and minute.
LIKES_COOKIE = "liker"
LIKES_PER_MINUTE = int(os.environ.get("LIKES_PER_MINUTE", "30"))
# Mastodon: readers type their instance, which the site registers with the first time.
ACCOUNTS_MASTODON = env_bool("ACCOUNTS_MASTODON", True)
# Hosts a Mastodon instance may be on although local (and over http): none but in the tests.
ACCOUNTS_MASTODON_LOCAL_HOSTS: list[str] = []
# Starts of a sign-in with an outside account, per address and minute.
ACCOUNTS_SIGN_INS_PER_MINUTE = int(os.environ.get("ACCOUNTS_SIGN_INS_PER_MINUTE", "10"))


def social_providers() -> dict:
    """allauth's provider settings: PKCE on every flow, and the apps the environment
    configures. READINGROOM_OIDC_PROVIDERS is a JSON list of OpenID Connect providers
    ({"id", "name", "server_url", "client_id", "secret"}); GOOGLE_, GITHUB_, FACEBOOK_ and
    X_CLIENT_ID with their _SECRET turn on those providers."""
    providers: dict[str, dict] = {
        name: {"OAUTH_PKCE_ENABLED": True, "APPS": []}
        for name in ("openid_connect", "google", "github", "facebook", "twitter_oauth2", "mastodon")
    }
    for item in json.loads(os.environ.get("READINGROOM_OIDC_PROVIDERS") or "[]"):
        providers["openid_connect"]["APPS"].append(
            {
                "provider_id": item["id"],
                "name": item.get("name") or item["id"],
                "client_id": item["client_id"],
                "secret": item.get("secret", ""),
                "settings": {"server_url": item["server_url"], "oauth_pkce_enabled": True},
            }
        )
    for prefix, provider in (
        ("GOOGLE", "google"),
        ("GITHUB", "github"),
        ("FACEBOOK", "facebook"),
        ("X", "twitter_oauth2"),
    ):
        client_id = os.environ.get(f"{prefix}_CLIENT_ID")
        if client_id:
            secret = os.environ.get(f"{prefix}_SECRET", "")
            providers[provider]["APPS"].append({"client_id": client_id, "secret": secret})
    return providers


SOCIALACCOUNT_PROVIDERS = social_providers()

# Comments (see comments/services.py for the rules these feed).
COMMENTS_MAX_DEPTH = int(os.environ.get("COMMENTS_MAX_DEPTH", "5"))
COMMENTS_EDIT_MINUTES = int(os.environ.get("COMMENTS_EDIT_MINUTES", "15"))
COMMENTS_FLOOD_SECONDS = 15
# A form sent sooner than this after the page was served is a bot's; later than a day, stale.
COMMENTS_FORM_MIN_SECONDS = 3
COMMENTS_FORM_MAX_AGE_SECONDS = 24 * 60 * 60
COMMENTS_LINKS_TO_HOLD = 2
COMMENTS_HOLD_ALL = env_bool("COMMENTS_HOLD_ALL", False)
# Added to the word lists moderators edit in the admin.
COMMENTS_MODERATION_WORDS: list[str] = env_list("COMMENTS_MODERATION_WORDS")
COMMENTS_DISALLOWED_WORDS: list[str] = env_list("COMMENTS_DISALLOWED_WORDS")
COMMENTS_AUTHOR_COOKIE = "comment_author"
# Behind a reverse proxy the reader's address is the last one the proxy adds to X-Forwarded-For.
COMMENTS_BEHIND_PROXY = env_bool("COMMENTS_BEHIND_PROXY", False)

# Linkbacks: how the source of a pingback, webmention or trackback is fetched to verify it
# (comments/fetcher.py). Loopback addresses are refused like private ones; the tests turn
# this on to serve source pages from 127.0.0.1. There is deliberately no environment variable.
LINKBACKS_FETCH_ALLOW_LOOPBACK = False
LINKBACKS_FETCH_TIMEOUT = 5.0
LINKBACKS_FETCH_MAX_BYTES = 1_000_000
LINKBACKS_FETCH_MAX_REDIRECTS = 5
# New linkbacks one address may register in a minute (0: no limit).
LINKBACKS_PER_MINUTE = 20
# A repeated webmention has its source fetched again at most this often.
LINKBACKS_RECHECK_SECONDS = 60

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
