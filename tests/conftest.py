import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from hypothesis import settings as hypothesis_settings

from cables.importer import store_cable
from cables.models import Cable
from cables.parsing import parse_cable
from cables.readers import read_text

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


@pytest.fixture
def seed_text() -> str:
    return SEED_CABLE.read_text(encoding="utf-8")


@pytest.fixture
def seed_cable(db, seed_text) -> Cable:
    store_cable(parse_cable(read_text(seed_text)), source_text=seed_text)
    return Cable.objects.get(reference_id="07MOSCOW601")
