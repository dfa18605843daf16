"""Model instances made from database rows at a fraction of Django's cost.

`Model.from_db` makes each row an instance through `Model.__init__`, which checks every field
of every row as if the values came from a caller (deferred or not, keyword or not, related
object or id) and sends two signals: some thirty microseconds for a comment's row, most of the
work of loading a long discussion. A row from the database needs none of that when every
field is in it: its values go straight into the instance, as `__init__` would put them.

`from_db` is Django's documented hook for customising loading; rows with deferred fields, and
models something listens to the init signals of, still take Django's way.
"""

from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init


class DirectLoading:
    """Mixed into a model (before models.Model): rows with every field loaded become instances
    directly."""

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        if (
            len(values) != len(cls._meta.concrete_fields)
            or pre_init.has_listeners(cls)
            or post_init.has_listeners(cls)
        ):
            return super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        instance = cls.__new__(cls)
        # Every concrete field, by attname, as Model.__init__ sets them from positional values;
        # the descriptors in front of them read the instance's __dict__.
        instance.__dict__.update(zip(field_names, values))
        state = instance._state = ModelState()
        state.adding = False
        state.db = db
        if fetch_mode is not None:
            state.fetch_mode = fetch_mode
        return instance
