"""The start of a worker process of import_cables. Kept out of the command's module: a
spawned process reads this function before Django is set up, and so must be able to import
its module without the models."""

from __future__ import annotations


def start_worker(database: str) -> None:
    """Set up Django in the worker, on the database the command writes to (under tests, the
    test database, whose name the settings module does not know)."""
    import django

    django.setup()
    from django.db import connections

    connections["default"].settings_dict["NAME"] = database
