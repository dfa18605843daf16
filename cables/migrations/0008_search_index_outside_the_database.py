"""Search moved out of the database into its own index (cables.search, a Tantivy index on
disk, built by `manage.py rebuild_search_index`): the FTS5 tables and triggers of SQLite, and
PostgreSQL's search table, its triggers and the paragraphs' vectors, go.

Irreversible: the migrations before this one built those structures from code that is gone."""

from django.db import migrations

SQLITE = [
    "DROP TRIGGER IF EXISTS cables_paragraph_fts_update",
    "DROP TRIGGER IF EXISTS cables_paragraph_fts_delete",
    "DROP TRIGGER IF EXISTS cables_paragraph_fts_insert",
    "DROP TABLE IF EXISTS cables_paragraph_fts",
    "DROP TRIGGER IF EXISTS cables_cable_fts_delete",
    "DROP TABLE IF EXISTS cables_cable_fts",
]
POSTGRESQL = [
    "DROP TRIGGER IF EXISTS cables_search_truncate ON cables_cable",
    "DROP TRIGGER IF EXISTS cables_search_delete ON cables_cable",
    "DROP FUNCTION IF EXISTS cables_search_forget()",
    "DROP TABLE IF EXISTS cables_search",
    "ALTER TABLE cables_paragraph DROP COLUMN IF EXISTS search_vector",
]


def remove(apps, schema_editor):
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("cables", "0007_inline_anchors_and_origin_numbers")]

    operations = [
        migrations.RunPython(remove),
        migrations.DeleteModel(name="SearchRow"),
    ]
