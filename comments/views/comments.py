from __future__ import annotations

import json
from functools import wraps
from http import HTTPStatus

from django.conf import settings
from django.contrib.auth import login
from django.core import signing
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.profiles import profile_url_of
from accounts.signing_in import begin_sign_in
from cables.models import Cable
from comments import services
from comments.discussion import can_change, is_own, load_discussion
from comments.drafts import keep_draft, return_address, take_draft
from comments.forms import BODY_LIMIT, CommentForm, EditCommentForm, SignupForm, served_token
from comments.http import client_of, liker_of
from comments.liking import liked_on
from comments.markup import MarkupRefused, render_markdown
from comments.models import Comment, Status, display_name_of
from comments.tasks import comment_for_token
from readingroom.middleware import one_click_unsubscribe
from readingroom.redirects import is_ours

_OWN_COMMENTS_KEY = "comments_own"
_AUTHOR_COOKIE_SALT = "comments.author"
_AUTHOR_COOKIE_AGE = 365 * 24 * 60 * 60


# --- what every page with a discussion needs -----------------------------------------------


def _own_comment_ids(request: HttpRequest) -> list[int]:
    """Comments this browser posted as a guest (kept in the session)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return []  # no session: no query to find out
    return list(request.session.get(_OWN_COMMENTS_KEY, []))


def _remember_own_comment(request: HttpRequest, comment: Comment) -> None:
    own = [pk for pk in request.session.get(_OWN_COMMENTS_KEY, []) if pk != comment.pk]
    request.session[_OWN_COMMENTS_KEY] = (own + [comment.pk])[-100:]


def _remembered_author(request: HttpRequest) -> dict:
    try:
        value = request.get_signed_cookie(
            settings.COMMENTS_AUTHOR_COOKIE, salt=_AUTHOR_COOKIE_SALT, max_age=_AUTHOR_COOKIE_AGE
        )
        author = json.loads(value or "")
    except (KeyError, signing.BadSignature, ValueError):
        return {}
    if not isinstance(author, dict):
        return {}
    return {key: str(author.get(key, "")) for key in ("name", "email", "url")}


def reader_layer(request: HttpRequest) -> JsonResponse:
    """What a shared page shows one reader only, for its script: their account in the header;
    with ?cable=ID, their comments held for moderation on that cable, those they may still
    edit, and who the form comments as. Private, never cached. A reader with neither session
    nor remembered name gets the empty layer without a query."""
    author = _remembered_author(request)
    layer: dict[str, object] = {
        "account": render_to_string("_account_nav.html", {"personal": True}, request=request),
        "signed_in": None,
        "author": {**author, "remember": bool(author)},
        "held": [],
        "editable": [],
        "liked": [],
    }
    user = request.user
    if user.is_authenticated:
        layer["signed_in"] = display_name_of(user)
    own_ids = _own_comment_ids(request)
    named = request.GET.get("cable", "")
    layer["draft"] = take_draft(request, named) if named else None
    liker = liker_of(request)
    if named and (own_ids or user.is_authenticated or liker is not None):
        cable = Cable.objects.named(named).first()
        if cable is not None:
            layer |= _own_on(request, cable, own_ids=own_ids, user=user)
            layer["liked"] = liked_on(cable, liker)
    response = JsonResponse(layer)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _own_on(request: HttpRequest, cable: Cable, *, own_ids: list[int], user) -> dict:
    """The reader's comments on the cable held for moderation (rendered, with where they go)
    and the ids of those they may still change."""
    discussion = load_discussion(cable, own_ids=own_ids, user=user)
    held, editable = [], []
    for entry in discussion.entries_by_id.values():
        if entry.can_change:
            editable.append(entry.comment.pk)
        if entry.awaiting_moderation:
            comment = entry.comment
            entry.closes = range(0)
            entry.children_follow = False
            context = {"entry": entry, "comment": comment, "cable": cable}
            html = render_to_string("comments/_thread.html#entry", context, request=request)
            html = mark_safe(f"{html}</li>")  # rendered by our template, and the tag it ends
            held.append(
                {
                    "id": comment.pk,
                    "anchor": comment.anchor,
                    "parent": comment.parent_id,
                    "html": html,
                }
            )
    return {"held": held, "editable": sorted(editable)}


# --- pages ----------------------------------------------------------------------------------


def _rejected(
    request: HttpRequest,
    message: str,
    *,
    cable: Cable | None = None,
    status: HTTPStatus = HTTPStatus.BAD_REQUEST,
) -> HttpResponse:
    """The page that says why a request was refused, with a way back to the cable if any."""
    context = {"message": message, "cable": cable}
    return render(request, "comments/comment_rejected.html", context, status=status)


@require_POST
def sign_in_to_comment(request: HttpRequest) -> HttpResponse:
    """The comment form's "or sign in with" buttons: the draft kept, then to the provider."""
    keep_draft(request)
    return begin_sign_in(
        request,
        request.POST.get("provider", ""),
        return_address(request),
        instance=request.POST.get("mastodon_instance", ""),
    )


@require_POST
def post_comment(request: HttpRequest) -> HttpResponse:
    cable = Cable.objects.named(request.POST.get("cable", "")).first()
    if cable is None:
        return _rejected(request, "There is no such cable to comment on.")
    form = CommentForm(request.POST, cable=cable, user=request.user)
    if not form.is_valid():
        return _form_page(request, form, status=HTTPStatus.BAD_REQUEST)
    if "preview" in request.POST:
        return _form_page(request, form, preview=render_markdown(form.cleaned_data["body"]))
    data = form.cleaned_data
    user = form.user
    author = services.Author(
        name=display_name_of(user) if user else data["name"],
        email=user.email if user else data["email"],
        url=profile_url_of(user) if user else data["url"],
        user=user,
    )
    try:
        comment = services.post_comment(
            cable=cable,
            paragraph=form.paragraph,
            parent=form.parent_comment,
            quote=form.quote,
            author=author,
            body=data["body"],
            notify_replies=data["notify"],
            client=client_of(request),
            form=services.FormCheck(honeypot=data["homepage"], served_at=form.served_at()),
        )
    except services.CommentRejected as rejection:
        response = _form_page(request, form, status=rejection.status, rejection=rejection.message)
        if rejection.retry_after is not None:
            response["Retry-After"] = str(rejection.retry_after)
        return response
    if user is None:
        _remember_own_comment(request, comment)
    if comment.status == Status.APPROVED:
        destination = (
            data["next"] if is_ours(request, data["next"]) else comment.cable.get_absolute_url()
        )
        destination = f"{destination}#{comment.html_id}"
    else:
        destination = reverse("comments:permalink", kwargs={"pk": comment.pk})
    response = HttpResponseRedirect(destination, status=HTTPStatus.SEE_OTHER)
    if user is None:
        _remember_author(response, data)
    return response


def _remember_author(response: HttpResponse, data: dict) -> None:
    if data.get("remember"):
        value = json.dumps({key: data[key] for key in ("name", "email", "url")})
        response.set_signed_cookie(
            settings.COMMENTS_AUTHOR_COOKIE,
            value,
            salt=_AUTHOR_COOKIE_SALT,
            max_age=_AUTHOR_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    else:
        response.delete_cookie(settings.COMMENTS_AUTHOR_COOKIE, samesite="Lax")


def _form_page(
    request: HttpRequest,
    form: CommentForm,
    *,
    status: int = HTTPStatus.OK,
    preview: str = "",
    rejection: str = "",
) -> HttpResponse:
    """The form again, with the reader's text, what went wrong or the preview, and what the
    comment answers. The timestamp is renewed so that sending again works."""
    data = form.data.copy()  # type: ignore[attr-defined]  # request.POST, a QueryDict
    data["served"] = served_token()
    form.data = data
    context = {
        "form": form,
        "cable": form.on_cable,
        "paragraph": form.paragraph,
        "parent": form.parent_comment,
        "preview": preview,
        "rejection": rejection,
        "personal": True,
    }
    return render(request, "comments/comment_form_page.html", context, status=status)


@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The rendered comment, for the form's Preview button (a fragment for the script), or
    why it cannot be shown."""
    body = request.POST.get("body", "")[:BODY_LIMIT]
    try:
        context = {"preview": render_markdown(body)}
    except MarkupRefused as refusal:
        context = {"preview_refused": str(refusal)}
    return render(request, "comments/comment_form_page.html#preview", context)


def comment_permalink(request: HttpRequest, pk: int) -> HttpResponse:
    """The comment in its place on the cable's page; for its author, a comment held for
    moderation on a page of its own (the cable's page is the same for every reader)."""
    comment = get_object_or_404(Comment.objects.select_related("cable"), pk=pk)
    if comment.status in (Status.APPROVED, Status.REMOVED):
        return redirect(comment.get_absolute_url())
    own = is_own(comment, own_ids=_own_comment_ids(request), user=request.user)
    if not own or comment.status != Status.PENDING:
        raise Http404("No such comment.")
    context = {
        "comment": comment,
        "cable": comment.cable,
        "can_change": can_change(comment, own=own),
    }
    response = render(request, "comments/comment_held.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _author_only(view):
    """The view gets the comment when the reader wrote it and may still change it; anybody
    else, or the author too late, gets a 403 page saying why."""

    @wraps(view)
    def wrapper(request: HttpRequest, pk: int) -> HttpResponse:
        comment = get_object_or_404(Comment.objects.select_related("cable"), pk=pk)
        own = is_own(comment, own_ids=_own_comment_ids(request), user=request.user)
        if can_change(comment, own=own):
            return view(request, comment)
        message = (
            "Only its author can change a comment, within "
            f"{settings.COMMENTS_EDIT_MINUTES} minutes of posting it."
        )
        return _rejected(request, message, cable=comment.cable, status=HTTPStatus.FORBIDDEN)

    return wrapper


@require_http_methods(["GET", "POST"])
@_author_only
def edit_comment(request: HttpRequest, comment: Comment) -> HttpResponse:
    if request.method == "POST":
        form = EditCommentForm(request.POST)
        if form.is_valid():
            services.edit_comment(comment=comment, body=form.cleaned_data["body"])
            return HttpResponseRedirect(comment.get_absolute_url(), status=HTTPStatus.SEE_OTHER)
        status = HTTPStatus.BAD_REQUEST
    else:
        form, status = EditCommentForm(initial={"body": comment.body}), HTTPStatus.OK
    context = {"form": form, "comment": comment, "edit_minutes": settings.COMMENTS_EDIT_MINUTES}
    return render(request, "comments/comment_edit.html", context, status=status)


@require_http_methods(["GET", "POST"])
@_author_only
def delete_comment(request: HttpRequest, comment: Comment) -> HttpResponse:
    if request.method == "POST":
        services.remove_comment(comment=comment)
        return HttpResponseRedirect(
            f"{comment.cable.get_absolute_url()}#responses", status=HTTPStatus.SEE_OTHER
        )
    return render(request, "comments/comment_delete.html", {"comment": comment})


@one_click_unsubscribe  # the mail provider's POST (RFC 8058): no token, no cookie
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The address in a reply notice and in its List-Unsubscribe header. Opening it changes
    nothing (mail scanners open every link): the page asks, and its button unsubscribes with
    the same POST a mail provider's one-click sends. Afterwards the page offers to subscribe
    again (a POST with subscribe=1, which the CSRF check guards)."""
    comment = comment_for_token(token)
    if comment is None:
        return _rejected(request, "This unsubscribe link is not valid: it may have been cut short.")
    if request.method == "POST":
        subscribe = request.POST.get("subscribe") == "1"
        services.unsubscribe(comment=comment, subscribed=subscribe)
    context = {"comment": comment, "token": token, "asking": request.method != "POST"}
    return render(request, "comments/unsubscribe.html", context)


def signup(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if request.method == "POST":
        form = SignupForm(request.POST)
        if form.is_valid():
            user = form.save()
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(next_url if is_ours(request, next_url) else "cables:home")
    else:
        form = SignupForm()
    return render(request, "registration/signup.html", {"form": form, "next": next_url})
