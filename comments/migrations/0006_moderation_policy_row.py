"""The moderation policy's one row, there from the first migrate: moderators edit it in the
admin (which offers no second one) instead of having to add it first."""

from django.db import migrations


def create_policy(apps, schema_editor):
    ModerationPolicy = apps.get_model("comments", "ModerationPolicy")
    if not ModerationPolicy.objects.exists():
        ModerationPolicy.objects.create(hold_all=False, moderation_words="", disallowed_words="")


class Migration(migrations.Migration):
    dependencies = [("comments", "0005_cables_liked")]

    operations = [migrations.RunPython(create_policy, migrations.RunPython.noop)]
