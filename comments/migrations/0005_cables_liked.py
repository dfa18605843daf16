"""Mark the cables that already have likes: their pages ask for them (Cable.liked)."""

from django.db import migrations


def mark_liked(apps, schema_editor):
    Cable = apps.get_model("cables", "Cable")
    Like = apps.get_model("comments", "Like")
    Cable.objects.filter(pk__in=Like.objects.values("cable")).update(liked=True)


class Migration(migrations.Migration):
    dependencies = [
        ("cables", "0010_cable_liked"),
        ("comments", "0004_likes"),
    ]

    operations = [migrations.RunPython(mark_liked, migrations.RunPython.noop)]
