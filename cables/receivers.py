"""The search index forgets a cable deleted from the database (in the admin, or by a script).

Like the importer's writes, this one is made at once, inside the deletion's transaction: the
index then says what the database will say once that commits (a deletion rolled back after it
leaves the cable unfound until it is imported again or the index rebuilt)."""

from __future__ import annotations

from django.db.models.signals import post_delete
from django.dispatch import receiver

from cables.models import Cable
from cables.search import writing


@receiver(post_delete, sender=Cable, dispatch_uid="cables.search.forget")
def forget_deleted_cable(sender, instance: Cable, **kwargs) -> None:
    writing.forget_cables([instance.pk])
