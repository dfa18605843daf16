from __future__ import annotations

import time
from datetime import UTC, datetime

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.core import signing
from django.utils.html import strip_tags

from cables.models import Cable, Paragraph
from comments.markup import (
    CONTROL_CHARACTERS,
    MarkupRefused,
    render_markdown,
    without_control_characters,
)
from comments.models import Comment
from comments.passages import MAX_QUOTE_CHARACTERS, PassageNotFound, Quote, locate_quote

_SERVED_SALT = "comments.form-served"

# Limits as WordPress has them (LINKBACKS.md), with messages a reader understands.
NAME_LIMIT, EMAIL_LIMIT, URL_LIMIT, BODY_LIMIT = 245, 100, 200, 65_525


def _too_long(what: str) -> str:
    return f"{what} can be at most %(limit_value)d characters (it has %(show_value)d)."


def served_token(now: float | None = None) -> str:
    """A signed timestamp of when the form was served; see `CommentForm.served_at`."""
    return signing.dumps(int(now if now is not None else time.time()), salt=_SERVED_SALT)


class CommentForm(forms.Form):
    required_css_class = "required"

    cable = forms.CharField(widget=forms.HiddenInput)
    anchor = forms.CharField(required=False, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    quote_exact = forms.CharField(
        required=False,
        widget=forms.HiddenInput,
        max_length=MAX_QUOTE_CHARACTERS * 2,
        error_messages={"max_length": _too_long("The quoted passage")},
    )
    quote_prefix = forms.CharField(required=False, widget=forms.HiddenInput, max_length=500)
    next = forms.CharField(required=False, widget=forms.HiddenInput, max_length=500)

    name = forms.CharField(
        label="Name",
        max_length=NAME_LIMIT,
        error_messages={"required": "Give your name.", "max_length": _too_long("Your name")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="E-mail",
        max_length=EMAIL_LIMIT,
        help_text="Never shown.",
        error_messages={
            "required": "Give your e-mail address: it is never shown.",
            "invalid": "That is not an e-mail address.",
            "max_length": _too_long("Your e-mail address"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    url = forms.URLField(
        label="Website",
        required=False,
        max_length=URL_LIMIT,
        assume_scheme="https",
        error_messages={
            "invalid": "That is not a web address.",
            "max_length": _too_long("Your web address"),
        },
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    body = forms.CharField(
        label="Comment",
        max_length=BODY_LIMIT,
        help_text="Markdown: *emphasis*, **strong**, [link](https://…), > quotation, `code`.",
        error_messages={
            "required": "Write your comment.",
            "max_length": _too_long("A comment"),
        },
        widget=forms.Textarea(attrs={"rows": 6}),
        strip=False,
    )
    notify = forms.BooleanField(label="E-mail me when someone replies", required=False)
    remember = forms.BooleanField(
        label="Save my name, e-mail and website in this browser for the next time I comment",
        required=False,
    )
    # Left empty by people, who never see it; filled in by bots, which fill in everything.
    homepage = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    served = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, cable: Cable, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.on_cable = cable  # (`cable` is the form's field of that name)
        self.user = user if user is not None and user.is_authenticated else None
        self.paragraph: Paragraph | None = None
        self.parent_comment: Comment | None = None
        self.quote: Quote | None = None
        if self.user is not None:
            for name in ("name", "email", "url", "remember"):
                del self.fields[name]

    def clean_name(self) -> str:
        name = without_control_characters(self.cleaned_data["name"]).strip()
        if not name:
            raise forms.ValidationError("Give your name.")
        return name

    def clean_body(self) -> str:
        body = without_control_characters(self.cleaned_data["body"])
        if not body.strip():
            raise forms.ValidationError("Write your comment.")
        try:
            html = render_markdown(body)
        except MarkupRefused as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
        if not strip_tags(html).strip():
            raise forms.ValidationError(
                "Your comment has no text left once the HTML it contains is removed."
            )
        return body

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if CONTROL_CHARACTERS.search(url):
            raise forms.ValidationError("That is not a web address.")
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Give a web address starting with http:// or https://.")
        return url

    def clean_anchor(self) -> str:
        anchor = self.cleaned_data["anchor"].strip()
        if anchor:
            self.paragraph = self.on_cable.paragraphs.filter(anchor=anchor).first()
            if self.paragraph is None:
                raise forms.ValidationError(f"Cable {self.on_cable} has no paragraph {anchor}.")
        return anchor

    def clean_parent(self) -> int | None:
        parent_id = self.cleaned_data["parent"]
        if parent_id is not None:
            self.parent_comment = (
                Comment.objects.filter(pk=parent_id, cable=self.on_cable)
                .select_related("parent")
                .first()
            )
            if self.parent_comment is None:
                raise forms.ValidationError("The comment you reply to is not on this cable.")
        return parent_id

    def clean(self) -> dict:
        data = super().clean() or {}
        exact = data.get("quote_exact") or ""
        if exact.strip() and self.paragraph is not None and self.parent_comment is None:
            try:
                self.quote = locate_quote(self.paragraph.text, exact, data.get("quote_prefix", ""))
            except PassageNotFound as error:
                self.add_error("quote_exact", str(error))
        return data

    def served_at(self) -> datetime | None:
        """When the form was served; None when the timestamp is missing or was altered."""
        try:
            served = signing.loads(self.data.get("served", ""), salt=_SERVED_SALT)
        except signing.BadSignature:
            return None
        return datetime.fromtimestamp(served, UTC) if isinstance(served, int) else None


class EditCommentForm(forms.Form):
    body = CommentForm.base_fields["body"]

    clean_body = CommentForm.clean_body


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        label="E-mail",
        max_length=EMAIL_LIMIT,
        help_text="For reply notices, if you ask for them. Never shown.",
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")
