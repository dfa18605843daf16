"""Full-text search: a tsvector column and GIN index on PostgreSQL, FTS5 tables on SQLite
(removed again by 0008, when search moved to its own index).

Frozen: the SQL this migration ran, copied in, so that it does the same whatever the code
of search becomes."""

from django.db import migrations

POSTGRESQL_INSTALL = [
    "ALTER TABLE cables_cable ADD COLUMN search_vector tsvector",
    "CREATE INDEX cables_cable_search ON cables_cable USING gin (search_vector)",
]
POSTGRESQL_UNINSTALL = ["ALTER TABLE cables_cable DROP COLUMN search_vector"]

SQLITE_INSTALL = [
    """CREATE VIRTUAL TABLE cables_cable_fts USING fts5(
        subject, meta, body, tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER cables_cable_fts_delete AFTER DELETE ON cables_cable BEGIN
        DELETE FROM cables_cable_fts WHERE rowid = old.id;
    END""",
    """CREATE VIRTUAL TABLE cables_paragraph_fts USING fts5(
        text, content='cables_paragraph', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER cables_paragraph_fts_insert AFTER INSERT ON cables_paragraph BEGIN
        INSERT INTO cables_paragraph_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER cables_paragraph_fts_delete AFTER DELETE ON cables_paragraph BEGIN
        INSERT INTO cables_paragraph_fts(cables_paragraph_fts, rowid, text)
        VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER cables_paragraph_fts_update AFTER UPDATE OF text ON cables_paragraph BEGIN
        INSERT INTO cables_paragraph_fts(cables_paragraph_fts, rowid, text)
        VALUES ('delete', old.id, old.text);
        INSERT INTO cables_paragraph_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO cables_paragraph_fts(cables_paragraph_fts) VALUES ('rebuild')",
    # Every cable already stored.
    """INSERT INTO cables_cable_fts(rowid, subject, meta, body)
    SELECT cable.id, cable.subject,
        cable.reference_id || ' ' || origin.name || ' ' || coalesce(
            (SELECT group_concat(tag.name, ' ') FROM cables_cabletag AS item
             JOIN taggit_tag AS tag ON tag.id = item.tag_id
             WHERE item.content_object_id = cable.id), ''),
        coalesce((SELECT group_concat(heading || ' ' || text, char(10)) FROM
            (SELECT heading, text FROM cables_paragraph WHERE cable_id = cable.id
             ORDER BY position)), '')
    FROM cables_cable AS cable JOIN cables_origin AS origin ON origin.id = cable.origin_id""",
]
SQLITE_UNINSTALL = [
    "DROP TRIGGER cables_paragraph_fts_update",
    "DROP TRIGGER cables_paragraph_fts_delete",
    "DROP TRIGGER cables_paragraph_fts_insert",
    "DROP TABLE cables_paragraph_fts",
    "DROP TRIGGER cables_cable_fts_delete",
    "DROP TABLE cables_cable_fts",
]


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("cables", "0002_cable_articles"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRESQL_INSTALL, "sqlite": SQLITE_INSTALL}),
            run({"postgresql": POSTGRESQL_UNINSTALL, "sqlite": SQLITE_UNINSTALL}),
        )
    ]
