"""Full-text search: a tsvector column and GIN index on PostgreSQL, FTS5 tables on SQLite.

Neither is a model field, so the SQL lives in cables.search, which also indexes the cables
already stored."""

from django.db import migrations

from cables import search


def install(apps, schema_editor):
    search.install(schema_editor)


def uninstall(apps, schema_editor):
    search.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("cables", "0002_cable_articles"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
