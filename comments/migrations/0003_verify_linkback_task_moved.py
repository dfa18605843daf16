"""The linkback check task moved from comments.tasks to comments.linkback_checks, beside the
check it runs: tasks queued (or running) under its old path are pointed at the new one, so
that the worker finds them after the upgrade. Written out: it imports nothing of the live
code."""

from django.db import migrations

OLD = "comments.tasks.verify_linkback"
NEW = "comments.linkback_checks.verify_linkback"


def point(old: str, new: str):
    def run(apps, schema_editor):
        results = apps.get_model("django_tasks_database", "DBTaskResult")
        unfinished = results.objects.using(schema_editor.connection.alias).filter(
            task_path=old, status__in=["READY", "RUNNING"]
        )
        unfinished.update(task_path=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0002_linkbacks"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(point(OLD, NEW), point(NEW, OLD))]
