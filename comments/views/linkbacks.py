"""The linkback endpoints: TrackBack (one address per cable), Pingback (XML-RPC) and
Webmention, the webmention status page, and the discovery headers on cable pages.

The endpoints take requests from other servers: no CSRF token, no session. They only check
and store (comments/linkbacks.py); the source is fetched later, by the task worker.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from urllib.parse import parse_qsl
from xml.sax.saxutils import escape

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from cables.addresses import our_hosts
from cables.models import Cable
from comments import linkbacks, xmlrpc
from comments.http import client_of
from comments.markup import without_control_characters
from comments.models import Comment

logger = logging.getLogger(__name__)

_STATUS_SALT = "comments.webmention-status"
_XML = "text/xml; charset=utf-8"


# --- TrackBack ------------------------------------------------------------------------------


def _trackback_reply(
    message: str | None = None, *, status: HTTPStatus = HTTPStatus.OK
) -> HttpResponse:
    """The XML reply of the TrackBack specification: error 0, or error 1 with a message."""
    if message is None:
        body = '<?xml version="1.0" encoding="utf-8"?>\n<response>\n<error>0</error>\n</response>\n'
    else:
        body = (
            '<?xml version="1.0" encoding="utf-8"?>\n<response>\n<error>1</error>\n'
            f"<message>{escape(without_control_characters(message))}</message>\n</response>\n"
        )
    return HttpResponse(body, content_type=_XML, status=status)


@csrf_exempt
def trackback(request: HttpRequest, year: str, month: str, reference_id: str) -> HttpResponse:
    cable = Cable.objects.named(reference_id).first()
    if cable is None:
        return _trackback_reply(
            f"There is no cable {reference_id} here.", status=HTTPStatus.NOT_FOUND
        )
    if request.method != "POST":
        response = _trackback_reply(
            "TrackBack pings are sent with POST (url, title, excerpt, blog_name).",
            status=HTTPStatus.METHOD_NOT_ALLOWED,
        )
        response["Allow"] = "POST"
        return response
    fields = _trackback_fields(request)
    try:
        linkbacks.receive_trackback(
            cable=cable,
            url=fields.get("url", ""),
            title=fields.get("title", ""),
            excerpt=fields.get("excerpt", ""),
            blog_name=fields.get("blog_name", ""),
            client=client_of(request),
            hosts=our_hosts(request),
        )
    except linkbacks.LinkbackRejected as rejection:
        return _trackback_reply(rejection.message)
    return _trackback_reply()


def _trackback_fields(request: HttpRequest) -> dict[str, str]:
    """The ping's form fields, decoded in the charset the sender declares: old blog engines
    send theirs in ISO-8859-1 or Windows-1252 and say so, which request.POST does not accept."""
    charset = (request.content_params or {}).get("charset") or "utf-8"
    try:
        "".encode(charset)
    except LookupError:  # unknown, or a codec that is no text encoding: 'base64', 'rot13'
        charset = "utf-8"
    if request.content_type != "application/x-www-form-urlencoded":
        return {key: request.POST.get(key, "") for key in request.POST}
    body = request.body.decode(charset, errors="replace")
    return dict(parse_qsl(body, keep_blank_values=True, encoding=charset, errors="replace"))


# --- Pingback -------------------------------------------------------------------------------


def _xml_response(body: str) -> HttpResponse:
    return HttpResponse(body, content_type=_XML)


@csrf_exempt
def pingback(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        response = HttpResponse(
            "XML-RPC server accepts POST requests only.",
            content_type="text/plain; charset=utf-8",
            status=HTTPStatus.METHOD_NOT_ALLOWED,
        )
        response["Allow"] = "POST"
        return response
    if len(request.body) > xmlrpc.MAX_REQUEST_BYTES:
        return _xml_response(xmlrpc.fault(linkbacks.GENERIC, "The request is too large."))
    try:
        call = xmlrpc.parse_method_call(request.body)
    except xmlrpc.XmlRpcError as error:
        logger.info("Unreadable pingback request (%s): %s", error, error.__cause__ or "")
        return _xml_response(xmlrpc.fault(linkbacks.GENERIC, f"Unreadable request: {error}."))
    if call.method != "pingback.ping":
        return _xml_response(
            xmlrpc.fault(linkbacks.GENERIC, "This server offers only pingback.ping.")
        )
    if len(call.params) != 2 or not all(call.params):
        return _xml_response(
            xmlrpc.fault(linkbacks.GENERIC, "pingback.ping takes two strings: source, target.")
        )
    source, target = call.params
    try:
        linkbacks.receive_pingback(
            source=source, target=target, client=client_of(request), hosts=our_hosts(request)
        )
    except linkbacks.LinkbackRejected as rejection:
        logger.info(
            "Pingback %s -> %s refused (%s): %s", source, target, rejection.fault, rejection
        )
        if rejection.fault == linkbacks.ALREADY_REGISTERED:
            return _xml_response(xmlrpc.fault(rejection.fault, rejection.message))
        # Which check failed stays here: the answer must not tell what we can reach.
        return _xml_response(
            xmlrpc.fault(linkbacks.GENERIC, "The pingback could not be registered.")
        )
    return _xml_response(
        xmlrpc.response(
            f"Pingback from {source} to {target} registered. It is published once the source "
            "is shown to link to the cable."
        )
    )


# --- Webmention -----------------------------------------------------------------------------


def _status_token(linkback: Comment) -> str:
    return linkback.token(salt=_STATUS_SALT)


@csrf_exempt
def webmention(request: HttpRequest) -> HttpResponse:
    """GET: a page explaining the endpoint, with a form to send a mention by hand."""
    if request.method not in ("GET", "HEAD", "POST"):
        response = HttpResponse(status=HTTPStatus.METHOD_NOT_ALLOWED)
        response["Allow"] = "GET, HEAD, POST"
        return response
    if request.method != "POST":
        return render(request, "comments/webmention.html", {})
    source, target = request.POST.get("source", ""), request.POST.get("target", "")
    try:
        linkback = linkbacks.receive_webmention(
            source=source, target=target, client=client_of(request), hosts=our_hosts(request)
        )
    except linkbacks.LinkbackRejected as rejection:
        if _wants_html(request):
            context = {"error": rejection.message, "source": source, "target": target}
            return render(request, "comments/webmention.html", context, status=rejection.status)
        return HttpResponse(
            f"{rejection.message}\n", content_type="text/plain; charset=utf-8",
            status=rejection.status,
        )  # fmt: skip
    location = request.build_absolute_uri(
        reverse("comments:webmention-status", kwargs={"token": _status_token(linkback)})
    )
    if _wants_html(request):
        response = render(
            request,
            "comments/webmention_status.html",
            {"linkback": linkback, "status_url": location},
            status=HTTPStatus.ACCEPTED,
        )
    else:
        response = HttpResponse(
            f"Accepted: the source will be checked for a link to the cable.\nStatus: {location}\n",
            content_type="text/plain; charset=utf-8",
            status=HTTPStatus.ACCEPTED,
        )
    response["Location"] = location
    return response


def _wants_html(request: HttpRequest) -> bool:
    """A person with a browser (the form on the endpoint's page), not a sending server."""
    return "text/html" in request.META.get("HTTP_ACCEPT", "")


def webmention_status(request: HttpRequest, token: str) -> HttpResponse:
    linkback = (
        Comment.objects.linkbacks().select_related("cable").for_token(token, salt=_STATUS_SALT)
    )
    if linkback is None:
        raise Http404("No such webmention.")
    status_url = request.build_absolute_uri(request.path)
    return render(
        request,
        "comments/webmention_status.html",
        {"linkback": linkback, "status_url": status_url},
    )
