"""The classifications and portion markings a cable's fields take, as model choices."""

from __future__ import annotations

from django.db import models

from cables import fields
from cables.addresses import (
    classification_slug,
)


class Classification(models.TextChoices):
    UNCLASSIFIED = "UNCLASSIFIED", "Unclassified"
    UNCLASSIFIED_FOUO = (
        "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        "Unclassified, for official use only",
    )
    CONFIDENTIAL = "CONFIDENTIAL", "Confidential"
    CONFIDENTIAL_NOFORN = "CONFIDENTIAL//NOFORN", "Confidential, no foreign nationals"
    SECRET = "SECRET", "Secret"
    SECRET_NOFORN = "SECRET//NOFORN", "Secret, no foreign nationals"


# Django's functional API for choices, which the stubs do not describe.
PortionMarking = models.TextChoices(  # type: ignore[call-overload]
    "PortionMarking", [(code, (code, label)) for code, label in fields.PORTION_MARKINGS.items()]
)


# /classification/<n>_0.html: each classification's number, kept stable (the enum's order,
# least secret first).
CLASSIFICATION_NUMBERS = {value: number for number, value in enumerate(Classification.values, 1)}


CLASSIFICATION_SLUGS = {classification_slug(value): value for value in Classification.values}
