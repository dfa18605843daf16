"""Model instances made from database rows at a fraction of Django's cost.

`Model.from_db` makes each row an instance through `Model.__init__`, which checks every field
of every row as if the values came from a caller (deferred or not, keyword or not, related
object or id) and sends two signals: some thirty microseconds for a comment's row, most of the
work of loading a long discussion. A row from the database needs none of that: its values go
straight into the instance's __dict__, where `__init__` would put them, and a deferred field
is, as with `__init__`, one that is not there.

`from_db` is Django's documented hook for customising loading; models something listens to
the init signals of still take Django's way.
"""

from typing import TYPE_CHECKING

from django.db import models
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init

# For the type checker the mixin is a model (it is only ever mixed into one); at run time it
# adds nothing to a model's bases, so that migrations do not see it.
if TYPE_CHECKING:
    _Mixin = models.Model
else:
    _Mixin = object


class DirectLoading(_Mixin):
    """Mixed into a model (before models.Model): rows become instances directly."""

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        if pre_init.has_listeners(cls) or post_init.has_listeners(cls):
            return super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        instance = cls.__new__(cls)
        # The fields loaded (`field_names` are their attnames, in the order of `values`), as
        # Model.__init__ sets them; the descriptors in front of them read the __dict__.
        instance.__dict__.update(zip(field_names, values, strict=True))
        state = instance._state = ModelState()
        state.adding = False
        state.db = db
        if fetch_mode is not None:
            state.fetch_mode = fetch_mode
        return instance
