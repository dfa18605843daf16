"""PostgreSQL: each paragraph's tsvector as a stored generated column, for snippets and marks
(removed again by 0008). SQLite had cables_paragraph_fts since 0003.

Frozen: the SQL this migration ran, copied in."""

from django.db import migrations

INSTALL = """ALTER TABLE cables_paragraph ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('english', text)) STORED"""
UNINSTALL = "ALTER TABLE cables_paragraph DROP COLUMN search_vector"


def run(statement):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("cables", "0004_versions")]

    operations = [migrations.RunPython(run(INSTALL), run(UNINSTALL))]
