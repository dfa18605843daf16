"""A comment a reader was writing when they went to sign in with an outside account: kept in
their session, given back once (the reader layer puts it into the form again)."""

from __future__ import annotations

from django.http import HttpRequest

from comments.forms import BODY_LIMIT

_SESSION_KEY = "comments:draft"
# What the form holds that is the reader's, with the most of each a draft keeps.
_FIELDS = {
    "cable": 40,
    "anchor": 20,
    "parent": 20,
    "quote_exact": 2_000,
    "quote_prefix": 500,
    "quote_suffix": 500,
    "body": BODY_LIMIT,
}


def keep_draft(request: HttpRequest) -> None:
    """The comment form's fields as posted, kept for after the sign-in."""
    draft: dict[str, str | bool] = {
        name: request.POST.get(name, "")[:limit] for name, limit in _FIELDS.items()
    }
    draft["notify"] = request.POST.get("notify") == "on"
    request.session[_SESSION_KEY] = draft


def take_draft(request: HttpRequest, cable: str) -> dict | None:
    """The draft kept for `cable` (a reference ID as the form sends it), once."""
    draft = request.session.get(_SESSION_KEY)
    if not draft or str(draft.get("cable", "")).upper() != cable.upper():
        return None
    del request.session[_SESSION_KEY]
    return draft


def return_address(request: HttpRequest) -> str:
    """Where the reader comes back to: the page they wrote on, at the paragraph or comment."""
    page = request.POST.get("next", "").split("#")[0]
    anchor, parent = request.POST.get("anchor", ""), request.POST.get("parent", "")
    if parent.isdigit():
        return f"{page}#comment-{parent}"
    return f"{page}#{anchor}" if anchor else f"{page}#respond"
