"""The search form: the words typed, the filters, the order. Every field is optional. A filter
(or order) that cannot be used is named with the reason and left out, and the search goes
ahead without it; words that cannot be read give the form back with a message. Never an
error page."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from taggit.models import Tag

from cables import lists
from cables.addresses import classification_slug
from cables.models import (
    CLASSIFICATION_SLUGS,
    CableQuerySet,
    Classification,
    Origin,
    PortionMarking,
    tag_named,
)
from cables.query_syntax import ParsedQuery, parse_query
from cables.search import Criteria, SearchUnavailable, engine

SORTS = {"relevance": "best match first", **lists.SORTS}
# What each filter (and the order) is called in a message saying it was left out.
_FILTER_NAMES = {
    "classification": "Classification",
    "origin": "Origin",
    "tag": "Tag",
    "marking": "Portion marking",
    "created_from": "Created from",
    "created_to": "Created to",
    "released_from": "Released from",
    "released_to": "Released to",
}
_IGNORABLE = {**_FILTER_NAMES, "sort": "Order"}
_SHOWN_LENGTH = 40
_NO_NULL = "Null characters are not allowed"


def _shown(value: object) -> str:
    """A value the reader sent, as a message quotes it: cut short, control characters
    replaced."""
    text = "".join(c if c.isprintable() else "\ufffd" for c in str(value))
    return f"'{Truncator(text).chars(_SHOWN_LENGTH)}'"


def _origin_choices() -> list[tuple[str, str]]:
    """Every origin, by name: read once per commit of the search index (origins come with
    imports), from the database while there is no index."""
    try:
        named = list(engine.origins_named().values())
    except SearchUnavailable:
        named = list(Origin.objects.order_by("name").values_list("slug", "name"))
    return [("", "Any origin"), *named]


# The search form's widgets write their HTML in Python. Django draws each widget, and each
# option of a <select>, through templates of their own: for this form, on every search
# page, that cost more than finding the cables.


class _PlainInput(forms.widgets.Input):
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        value = self.format_value(value)
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            self.input_type,
            name,
            format_html(' value="{}"', value) if value is not None else "",
            flatatt(self.build_attrs(self.attrs, attrs)),
        )


class _TextInput(_PlainInput, forms.TextInput):
    pass


class _DateInput(_PlainInput, forms.DateInput):
    input_type = "date"


class _PlainSelect(forms.Select):
    """A <select> of the field's choices, or of `options()` read each time it is drawn
    (the origins: hundreds, and more with each import)."""

    def __init__(
        self, attrs=None, options: Callable[[], list[tuple[str, str]]] | None = None
    ) -> None:
        super().__init__(attrs)
        self.read_options = options

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        chosen = {str(item) for item in self.format_value(value)}
        choices = self.read_options() if self.read_options else self.choices
        # html.escape, not format_html: it is called for each of hundreds of options.
        options = "".join(
            f'<option value="{escape(str(option))}"'
            f"{' selected' if str(option) in chosen else ''}>{escape(str(label))}</option>"
            for option, label in choices
        )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe(options),
        )


class _Day(forms.DateField):
    """A date, or a message that quotes what came instead."""

    widget = _DateInput

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                "%(value)s is not a date (YYYY-MM-DD)",
                code="invalid",
                params={"value": _shown(value)},
            ) from None


class _Choice(forms.ChoiceField):
    """One of the choices, or a message that quotes what came instead."""

    widget = _PlainSelect

    def validate(self, value) -> None:
        if value and not self.valid_value(value):
            raise forms.ValidationError(
                "%(value)s is not one of the choices",
                code="invalid_choice",
                params={"value": _shown(value)},
            )
        super().validate(value)


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search the cables",
        required=False,
        max_length=500,
        help_text='Words, "a phrase", -excluded, this OR that.',
        widget=_TextInput,
    )
    classification = _Choice(
        required=False,
        choices=[("", "Any classification")]
        + [(classification_slug(value), value) for value in Classification.values],
    )
    origin = forms.CharField(
        required=False,
        widget=_PlainSelect(options=_origin_choices),
        error_messages={"null_characters_not_allowed": _NO_NULL},
    )
    tag = forms.CharField(
        required=False,
        max_length=100,
        widget=_TextInput,
        error_messages={
            "max_length": "%(show_value)d characters, more than %(limit_value)d",
            "null_characters_not_allowed": _NO_NULL,
        },
    )
    marking = _Choice(
        label="Portion marking",
        required=False,
        choices=[("", "Any marking")]
        + [(value, f"({value}) {label}") for value, label in PortionMarking.choices],
    )
    created_from = _Day(label="Created from", required=False)
    created_to = _Day(label="to", required=False)
    released_from = _Day(label="Released from", required=False)
    released_to = _Day(label="to", required=False)
    sort = _Choice(required=False, choices=list(SORTS.items()))

    def clean_origin(self) -> Origin | None:
        slug = self.cleaned_data["origin"]
        if not slug:
            return None
        origin = Origin.objects.filter(slug=slug).first()
        if origin is None:
            raise forms.ValidationError(f"No cable comes from {_shown(slug)}")
        return origin

    def clean_tag(self) -> Tag | None:
        name = self.cleaned_data["tag"].strip()
        if not name:
            return None
        tag = tag_named(name)
        if tag is None:
            raise forms.ValidationError(f"No cable is tagged {_shown(name)}")
        return tag

    def clean(self) -> dict:
        data = super().clean() or {}
        for start, end in (("created_from", "created_to"), ("released_from", "released_to")):
            if data.get(start) and data.get(end) and data[start] > data[end]:
                self.add_error(
                    end, f"{data[end]:%Y-%m-%d} comes before the start, {data[start]:%Y-%m-%d}"
                )
        return data

    @cached_property
    def query(self) -> ParsedQuery:
        """The words, parsed once (read only after is_valid)."""
        return parse_query(self.cleaned_data.get("q") or "")

    @property
    def searchable(self) -> bool:
        """The words can be read (read after is_valid): the search goes ahead, without
        the filters that cannot be used."""
        return "q" not in self.errors

    def ignored(self) -> list[str]:
        """What the search leaves out, each filter (or order) named with why: "Created
        from: '2007-13-45' is not a date (YYYY-MM-DD); ignored." (read after is_valid)."""
        return [
            f"{name}: {str(message).rstrip('.')}; ignored."
            for field, name in _IGNORABLE.items()
            for message in self.errors.get(field, [])
        ]

    @property
    def has_filters(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in _FILTER_NAMES)

    @property
    def has_criteria(self) -> bool:
        """Something to search for: words, or a filter (a filter alone lists its cables)."""
        return bool(self.query) or self.has_filters

    @property
    def classification_value(self) -> str:
        return CLASSIFICATION_SLUGS.get(self.cleaned_data.get("classification") or "", "")

    @property
    def order(self) -> str:
        sort = self.cleaned_data.get("sort") or ""
        if sort == "relevance" and not self.query:
            sort = ""
        return sort or ("relevance" if self.query else "-created")

    def criteria(self) -> Criteria:
        """The words and every filter, as the search index is asked (read after is_valid)."""
        data = self.cleaned_data
        return Criteria(
            query=self.query,
            classification=self.classification_value,
            origin_id=data["origin"].pk if data.get("origin") else None,
            tag=data["tag"].name if data.get("tag") else "",
            marking=data.get("marking") or "",
            created_from=data.get("created_from"),
            created_to=data.get("created_to"),
            released_from=data.get("released_from"),
            released_to=data.get("released_to"),
        )

    def matching(self, cables: CableQuerySet) -> CableQuerySet:
        """The cables that match every filter, read from the database (the API's lists,
        which take filters but no words)."""
        data = self.cleaned_data
        if data.get("classification"):
            cables = cables.filter(classification=CLASSIFICATION_SLUGS[data["classification"]])
        if data.get("origin"):
            cables = cables.filter(origin=data["origin"])
        if data.get("tag"):
            cables = cables.tagged(data["tag"])
        if data.get("marking"):
            cables = cables.with_marking(data["marking"])
        if data.get("created_from") or data.get("created_to"):
            cables = cables.created_in(data.get("created_from"), data.get("created_to"))
        if data.get("released_from") or data.get("released_to"):
            cables = cables.released_in(data.get("released_from"), data.get("released_to"))
        return cables
