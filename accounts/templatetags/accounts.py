"""{% sign_in_choices as choices %}: the outside accounts a reader may sign in with."""

from django import template

from accounts.providers import SignInChoice, sign_in_choices

register = template.Library()


@register.simple_tag(name="sign_in_choices")
def choices() -> list[SignInChoice]:
    return sign_in_choices()
