"""Just enough XML-RPC for Pingback 1.0: read a methodCall, write a response or a fault.

The request is parsed by defusedxml, which refuses DTDs and so any entity expansion (the
"billion laughs" and external-entity attacks); responses are written by the standard library.
Pure, no Django.
"""

from __future__ import annotations

import xmlrpc.client
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

# XML-RPC's own scalar types that can carry a URL; pingback's two parameters are strings.
_STRING_TYPES = ("string", "name")
MAX_REQUEST_BYTES = 64 * 1024


class XmlRpcError(ValueError):
    """Not a methodCall we can read. The message is ours, one of a few fixed ones, and may be
    sent back to the client; what the XML parser said is its `__cause__`, for our logs only
    (it quotes the request back, and tells a prober which parser we run)."""


@dataclass(frozen=True)
class MethodCall:
    method: str
    params: tuple[str, ...]  # only string parameters are kept as such; others are ''


def parse_method_call(body: bytes) -> MethodCall:
    if len(body) > MAX_REQUEST_BYTES:
        raise XmlRpcError("the request is too large")
    try:
        root = fromstring(body, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise XmlRpcError("not well-formed XML") from error
    if root.tag != "methodCall":
        raise XmlRpcError("not an XML-RPC methodCall")
    name = root.findtext("methodName")
    if not name or not name.strip():
        raise XmlRpcError("no methodName")
    values = [param.find("value") for param in root.findall("params/param")]
    return MethodCall(name.strip(), tuple(_scalar(value) for value in values))


def _scalar(value: Element | None) -> str:
    """A string parameter's text; a value with no type element is a string too."""
    if value is None:
        return ""
    children = list(value)
    if not children:
        return (value.text or "").strip()
    if len(children) == 1 and children[0].tag in _STRING_TYPES:
        return (children[0].text or "").strip()
    return ""


def response(value: str) -> str:
    return xmlrpc.client.dumps((value,), methodresponse=True, allow_none=False)


def fault(code: int, message: str) -> str:
    return xmlrpc.client.dumps(xmlrpc.client.Fault(code, message), methodresponse=True)
