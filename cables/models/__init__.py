"""The archive's models: the cable and its origin, tags and queries (`cable`), the parts
stored beside it (`parts`), and the choices its fields take (`choices`)."""

from cables.models.cable import (
    LIST_FIELDS,
    Cable,
    CableQuerySet,
    CableTag,
    Origin,
    PageVersion,
    in_order,
    tag_named,
)
from cables.models.choices import (
    CLASSIFICATION_NUMBERS,
    CLASSIFICATION_SLUGS,
    Classification,
    PortionMarking,
)
from cables.models.parts import CableVersion, Paragraph, Reference, ReferenceQuerySet

__all__ = [
    "CLASSIFICATION_NUMBERS",
    "CLASSIFICATION_SLUGS",
    "LIST_FIELDS",
    "Cable",
    "CableQuerySet",
    "CableTag",
    "CableVersion",
    "Classification",
    "Origin",
    "PageVersion",
    "Paragraph",
    "PortionMarking",
    "Reference",
    "ReferenceQuerySet",
    "in_order",
    "tag_named",
]
