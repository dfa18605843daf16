"""PostgreSQL: each paragraph's tsvector as a stored generated column, for snippets and marks.
(SQLite has cables_paragraph_fts since 0003.)"""

from django.db import migrations

from cables import search


def install(apps, schema_editor):
    search.install_paragraph_vectors(schema_editor)


def uninstall(apps, schema_editor):
    search.uninstall_paragraph_vectors(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("cables", "0004_versions")]

    operations = [migrations.RunPython(install, uninstall)]
