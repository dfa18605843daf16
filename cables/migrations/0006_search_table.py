"""PostgreSQL: search reads the narrow table cables_search instead of a vector column on the
wide cable rows (SQLite kept its FTS5 tables). Removed again by 0008.

Frozen: the SQL this migration ran, copied in."""

import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models

INSTALL = [
    "ALTER TABLE cables_cable DROP COLUMN search_vector",
    """CREATE TABLE cables_search (
        cable_id integer PRIMARY KEY,
        vector tsvector NOT NULL,
        title_vector tsvector NOT NULL,
        classification varchar(40) NOT NULL,
        origin_id integer NOT NULL,
        created timestamp with time zone NOT NULL,
        released timestamp with time zone,
        tag_ids integer[] NOT NULL
    )""",
    "CREATE INDEX cables_search_vector ON cables_search USING gin (vector)",
    """CREATE FUNCTION cables_search_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            TRUNCATE cables_search;
        ELSE
            DELETE FROM cables_search WHERE cable_id = OLD.id;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER cables_search_delete AFTER DELETE ON cables_cable
        FOR EACH ROW EXECUTE FUNCTION cables_search_forget()""",
    """CREATE TRIGGER cables_search_truncate AFTER TRUNCATE ON cables_cable
        FOR EACH STATEMENT EXECUTE FUNCTION cables_search_forget()""",
    # Every cable already stored.
    """INSERT INTO cables_search AS entry
    (cable_id, vector, title_vector, classification, origin_id, created, released, tag_ids)
SELECT cable.id, title.vector || body.vector, title.vector, cable.classification,
       cable.origin_id, cable.created, cable.released, tags.ids
FROM cables_cable AS cable
JOIN cables_origin AS origin ON origin.id = cable.origin_id
CROSS JOIN LATERAL (
    SELECT coalesce(array_agg(item.tag_id ORDER BY item.position), '{}') AS ids,
           string_agg(tag.name, ' ' ORDER BY item.position) AS names
    FROM cables_cabletag AS item JOIN taggit_tag AS tag ON tag.id = item.tag_id
    WHERE item.content_object_id = cable.id
) AS tags
CROSS JOIN LATERAL (
    SELECT setweight(to_tsvector('english', cable.subject), 'A')
        || setweight(to_tsvector('english',
                     concat_ws(' ', cable.reference_id, origin.name, tags.names)), 'B') AS vector
) AS title
CROSS JOIN LATERAL (
    SELECT setweight(to_tsvector('english', coalesce(
        string_agg(concat_ws(' ', paragraph.heading, paragraph.text), E'\\n'
                   ORDER BY paragraph.position), '')), 'C') AS vector
    FROM cables_paragraph AS paragraph WHERE paragraph.cable_id = cable.id
) AS body

ON CONFLICT (cable_id) DO UPDATE SET
    vector = excluded.vector, title_vector = excluded.title_vector,
    classification = excluded.classification, origin_id = excluded.origin_id,
    created = excluded.created, released = excluded.released, tag_ids = excluded.tag_ids""",
]
UNINSTALL = [
    "DROP TRIGGER cables_search_truncate ON cables_cable",
    "DROP TRIGGER cables_search_delete ON cables_cable",
    "DROP FUNCTION cables_search_forget()",
    "DROP TABLE cables_search",
    "ALTER TABLE cables_cable ADD COLUMN search_vector tsvector",
    "CREATE INDEX cables_cable_search ON cables_cable USING gin (search_vector)",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("cables", "0005_paragraph_vectors")]

    operations = [
        migrations.RunPython(run(INSTALL), run(UNINSTALL)),
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
