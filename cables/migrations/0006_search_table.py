"""PostgreSQL: search reads the narrow table cables_search instead of a vector column on the
wide cable rows (SQLite keeps its FTS5 tables)."""

import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models

from cables import search


def install(apps, schema_editor):
    search.install_search_table(schema_editor)


def uninstall(apps, schema_editor):
    search.uninstall_search_table(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("cables", "0005_paragraph_vectors")]

    operations = [
        migrations.RunPython(install, uninstall),
        migrations.CreateModel(
            name="SearchRow",
            fields=[
                (
                    "cable",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="cables.cable",
                    ),
                ),
                ("classification", models.CharField(max_length=40)),
                (
                    "origin",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="cables.origin",
                    ),
                ),
                ("created", models.DateTimeField()),
                ("released", models.DateTimeField(null=True)),
                (
                    "tag_ids",
                    django.contrib.postgres.fields.ArrayField(base_field=models.IntegerField()),
                ),
            ],
            options={"db_table": "cables_search", "managed": False},
        ),
    ]
