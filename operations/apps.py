from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: the error pages when something fails, /healthz, and the task worker
    that outlives database outages. Listed before django_tasks_db, so that its `db_worker`
    command is the one `manage.py db_worker` runs."""

    name = "operations"
    verbose_name = "Operations"
