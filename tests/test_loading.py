"""Rows made into instances directly are the instances Django would make, and rows Django
must see to (deferred fields, init signals) still go its way."""

from __future__ import annotations

import pytest
from django.db.models import Model
from django.db.models.signals import post_init

from cables.models import Cable, Paragraph
from comments.models import Comment
from tests.comments.conftest import make_comment
from tests.factories import make_cable

pytestmark = pytest.mark.django_db


@pytest.fixture
def cable():
    return make_cable("08STATE1234", paragraphs=3)


def by_django(model, instance):
    """The same row (the fields it has loaded) made through Django's own Model.from_db."""
    loaded = vars(instance)
    names = [field.attname for field in model._meta.concrete_fields if field.attname in loaded]
    values = [getattr(instance, name) for name in names]
    return Model.from_db.__func__(model, instance._state.db, names, values)


def state(instance) -> dict:
    fields = {name: value for name, value in vars(instance).items() if not name.startswith("_")}
    return {"fields": fields, "adding": instance._state.adding, "db": instance._state.db}


def test_a_comment_loaded_directly_is_the_one_django_makes(cable):
    made = make_comment(cable, body="Words.")
    loaded = Comment.objects.select_related("user").get(pk=made.pk)
    assert type(loaded) is Comment
    assert state(loaded) == state(by_django(Comment, loaded))
    assert loaded._state.adding is False and loaded._state.db == "default"
    assert loaded.user is None and loaded.cable == cable
    loaded.body = "Changed."
    loaded.save()
    assert Comment.objects.get(pk=made.pk).body == "Changed."


def test_a_cable_and_its_paragraphs_loaded_directly(cable):
    loaded = Cable.objects.for_page().get(pk=cable.pk)
    assert state(loaded) == state(by_django(Cable, loaded))
    paragraphs = list(loaded.paragraphs.all())
    assert paragraphs and all(p._state.adding is False for p in paragraphs)
    assert state(paragraphs[0]) == state(by_django(Paragraph, paragraphs[0]))


def test_deferred_fields_are_deferred_as_django_defers_them(cable):
    made = make_comment(cable, body="Words.")
    loaded = Comment.objects.only("pk", "cable").get(pk=made.pk)
    names = ["id", "cable_id"]
    assert state(loaded) == state(
        Model.from_db.__func__(Comment, "default", names, [made.pk, cable.pk])
    )
    assert loaded.get_deferred_fields() == {
        field.attname for field in Comment._meta.concrete_fields
    } - set(names)
    assert loaded.body == "Words."


def test_a_listener_to_the_init_signals_is_still_told(cable):
    made = make_comment(cable, body="Words.")
    told = []

    def receiver(sender, instance, **kwargs):
        told.append(instance.pk)

    post_init.connect(receiver, sender=Comment)
    try:
        Comment.objects.get(pk=made.pk)
    finally:
        post_init.disconnect(receiver, sender=Comment)
    assert told == [made.pk]
