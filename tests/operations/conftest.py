"""The tests of operations break things for real (tests/faults.py) and read what a browser
gets."""

import pytest
from django.test import Client


@pytest.fixture
def reader() -> Client:
    """A browser: it gets the error page the server sends, where Django's test client would
    raise the view's exception in the test instead."""
    return Client(raise_request_exception=False)
