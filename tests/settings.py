"""The suite's settings: the site's as `make run` has them (DJANGO_DEBUG=1: the synthetic corpus
installed, static files from the folders), unless the environment says otherwise.
pytest-django turns DEBUG itself off in each test; the processes the tests start (workers,
servers) inherit the environment, so they run with the same settings."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from readingroom.settings import *  # noqa: E402, F403
