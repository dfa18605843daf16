import os
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings
from hypothesis import settings as hypothesis_settings

from accounts.providers import forget_choices
from cables.importer import store_cable
from cables.models import Cable
from cables.parsing import parse_cable
from cables.readers import read_text
from cables.search import index
from tests import factories

# A real database outage (tests/faults.py), for every test that wants one.
from tests.faults import database_outage  # noqa: F401

# A local HTTP server playing a Mastodon instance, for signing in with Mastodon.
from tests.mastodon_server import mastodon_instance  # noqa: F401

# A real OpenID Connect provider in a second process, for the sign-in tests.
from tests.oidc_provider import oidc_provider  # noqa: F401

# A local HTTP server playing the sites that cite our cables, for every test that wants one.
from tests.source_server import source_server  # noqa: F401

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_CABLE = SEEDS / "000_109c0dc381017bfb.txt"

# The property tests draw new texts at every run on a desk; in CI the same ones every time,
# so that a failure there can be run again.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True, scope="session")
def preview_cache(tmp_path_factory):
    """The drawn preview cards go to a folder of the test run, not to the checkout's var/."""
    folder = tmp_path_factory.mktemp("previews")
    previews = {**settings.CACHES["previews"], "LOCATION": str(folder)}
    with override_settings(CACHES={**settings.CACHES, "previews": previews}):
        yield folder


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Accounts of the tests are hashed with MD5: PBKDF2's 0.4 s a login, paid by hundreds of
    tests, would be most of the suite's time. (Production keeps Django's default.)"""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True, scope="session")
def search_index_folder(tmp_path_factory):
    """The search index of the test run, empty as the database is: in memory-backed
    /dev/shm where there is one (a commit there costs no disk flush), else in the run's
    temporary folder."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        folder = Path(tempfile.mkdtemp(prefix="readingroom-search-", dir=shm))
    else:
        folder = tmp_path_factory.mktemp("search-index")
    with override_settings(SEARCH_INDEX=folder):
        index.writable()
        yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with nothing cached, as it starts with an empty database: the pages a
    test cached under a version would otherwise be served to the next test, whose rolled-back
    database can give the same version to other content. (Redis in the PostgreSQL run.) The
    process's copy of the sign-in choices goes too: a rolled-back social application sends
    no signal."""
    caches["default"].clear()
    forget_choices()


@pytest.fixture(autouse=True)
def empty_search_index():
    """Each test starts with an empty search index, as it starts with an empty database: a
    test that wrote to the index has it emptied afterwards."""
    before = index.commits
    yield
    if index.commits != before and index.current_folder() is not None:
        with index.writer() as writer:
            writer.delete_all_documents()


@pytest.fixture
def search_index(monkeypatch):
    """Cables the factories make are indexed at once, as the importer indexes them: for the
    tests of search, the lists and every page that counts through the index. Elsewhere they
    are stored only, which spares the suite a commit of the index (about 10 ms) for each."""
    monkeypatch.setattr(factories, "INDEXING", True)


@pytest.fixture
def seed_text() -> str:
    return SEED_CABLE.read_text(encoding="utf-8")


@pytest.fixture
def seed_cable(db, seed_text) -> Cable:
    store_cable(parse_cable(read_text(seed_text)), source_text=seed_text, index=factories.INDEXING)
    return Cable.objects.get(reference_id="07MOSCOW601")


# Fixtures that open the database (directly, or through the test's other fixtures).
_DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
    "admin_client",
    "admin_user",
    "django_user_model",
}


def pytest_collection_modifyitems(config, items):
    """In `make test`'s PostgreSQL pass (READINGROOM_TESTS_USING_THE_DATABASE set by
    scripts/test-both.sh) only the tests that use the database run: the others (the parser,
    Markdown, the corpus...) cannot tell one database from another, since pytest-django
    refuses them any access, and they run in the SQLite pass beside it. `make test-postgres`
    runs them all."""
    if not os.environ.get("READINGROOM_TESTS_USING_THE_DATABASE"):
        return
    using, other = [], []
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        uses = item.get_closest_marker("django_db") is not None or bool(
            fixtures & _DATABASE_FIXTURES
        )
        (using if uses else other).append(item)
    config.hook.pytest_deselected(items=other)
    items[:] = using
