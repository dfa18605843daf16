"""The pages join a cable and its discussion: their tests use the discussion's cable."""

from tests.comments.conftest import cable  # noqa: F401
