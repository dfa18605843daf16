"""XML-RPC for Pingback: a methodCall read with a hardened parser, responses and faults that any
XML-RPC client reads back."""

from __future__ import annotations

import xmlrpc.client
from pathlib import Path

import pytest

from comments.xmlrpc import (
    MAX_REQUEST_BYTES,
    MethodCall,
    XmlRpcError,
    fault,
    parse_method_call,
    response,
)

SOURCE = "https://blog.example/2024/03/embassy-reading.html"
TARGET = "https://cables.example/cable/2008/03/08STATE1234.html#par3"


def method_call(params: str, method: str = "pingback.ping") -> bytes:
    return (
        f'<?xml version="1.0"?><methodCall><methodName>{method}</methodName>'
        f"<params>{params}</params></methodCall>"
    ).encode()


def param(value: str) -> str:
    return f"<param><value>{value}</value></param>"


# Reading a call.


def test_a_pingback_call_is_read():
    body = xmlrpc.client.dumps((SOURCE, TARGET), methodname="pingback.ping").encode()

    assert parse_method_call(body) == MethodCall("pingback.ping", (SOURCE, TARGET))


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (f"<string>{SOURCE}</string>", f"<string>{TARGET}</string>"),
        (SOURCE, TARGET),  # a value without a type is a string
        (f"<string>{SOURCE}</string>", TARGET),
        (f"\n   <string>  {SOURCE}\n</string>  ", f"\n\t{TARGET}\n"),
    ],
    ids=["typed", "untyped", "mixed", "whitespace"],
)
def test_string_parameters_are_read_typed_or_not(source, target):
    body = method_call(param(source) + param(target))

    assert parse_method_call(body).params == (SOURCE, TARGET)


def test_a_call_laid_out_over_many_lines_is_read():
    body = f"""<?xml version="1.0" encoding="utf-8"?>
<methodCall>
  <methodName>
    pingback.ping
  </methodName>
  <params>
    <param>
      <value><string>{SOURCE}</string></value>
    </param>
    <param>
      <value><string>{TARGET}</string></value>
    </param>
  </params>
</methodCall>
""".encode()

    assert parse_method_call(body) == MethodCall("pingback.ping", (SOURCE, TARGET))


def test_escaped_characters_in_a_url_are_read():
    body = method_call(param("<string>https://blog.example/?a=1&amp;b=2</string>"))

    assert parse_method_call(body).params == ("https://blog.example/?a=1&b=2",)


def test_a_call_in_another_encoding_is_read():
    body = (
        '<?xml version="1.0" encoding="iso-8859-1"?><methodCall>'
        "<methodName>pingback.ping</methodName><params>"
        "<param><value><string>https://blog.example/café</string></value></param>"
        "</params></methodCall>"
    ).encode("iso-8859-1")

    assert parse_method_call(body).params == ("https://blog.example/café",)


def test_parameters_that_are_not_strings_are_read_as_empty():
    body = method_call(
        param("<int>16</int>")
        + param("<struct><member><name>a</name><value>b</value></member></struct>")
        + param("<array><data><value>x</value></data></array>")
        + param(f"<string>{SOURCE}</string>")
    )

    assert parse_method_call(body).params == ("", "", "", SOURCE)


def test_a_call_without_parameters_has_none():
    body = b"<methodCall><methodName>system.listMethods</methodName></methodCall>"

    assert parse_method_call(body) == MethodCall("system.listMethods", ())


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"source=https://blog.example/&target=https://cables.example/",
        b"<methodCall><methodName>pingback.ping</methodName>",
        b"<methodCall><methodName>a</methodName></methodCall><methodCall/>",
        b"\xff\xfe<\x00m\x00",
    ],
    ids=["empty", "form-data", "unclosed", "two-roots", "garbage"],
)
def test_what_is_not_xml_is_refused(body):
    with pytest.raises(XmlRpcError, match="not well-formed"):
        parse_method_call(body)


@pytest.mark.parametrize(
    ("body", "parser_said"),
    [
        (b"<methodCall><methodName>pingback.ping</methodName><params>", "no element found"),
        (b"<methodCall><methodName>&secret_probe;</methodName></methodCall>", "undefined entity"),
        (b'<!DOCTYPE m [<!ENTITY a "x">]><methodCall/>', "DTDForbidden"),
    ],
    ids=["unclosed", "unknown-entity", "dtd"],
)
def test_the_refusal_says_what_is_wrong_in_our_words_not_the_parsers(body, parser_said):
    with pytest.raises(XmlRpcError) as refused:
        parse_method_call(body)
    assert str(refused.value) == "not well-formed XML"
    # What the parser said (where, which entity, which parser) stays with us, for the logs.
    assert parser_said in str(refused.value.__cause__)


@pytest.mark.parametrize(
    "body",
    [
        b"<methodResponse><params/></methodResponse>",
        b"<html><body>pingback.ping</body></html>",
        b'<methodCall xmlns="http://example.org/"><methodName>pingback.ping</methodName></methodCall>',
    ],
)
def test_what_is_not_a_method_call_is_refused(body):
    with pytest.raises(XmlRpcError, match="methodCall"):
        parse_method_call(body)


@pytest.mark.parametrize(
    "body",
    [
        b"<methodCall><params/></methodCall>",
        b"<methodCall><methodName></methodName></methodCall>",
        b"<methodCall><methodName>  \n </methodName></methodCall>",
    ],
)
def test_a_call_without_a_method_name_is_refused(body):
    with pytest.raises(XmlRpcError, match="methodName"):
        parse_method_call(body)


def padded_call(size: int) -> bytes:
    """A well-formed pingback call of exactly `size` bytes."""
    call = method_call(param(SOURCE) + param(TARGET))
    return call.replace(b"<params>", b"<params>" + b" " * (size - len(call)))


def test_a_call_at_the_size_limit_is_read():
    body = padded_call(MAX_REQUEST_BYTES)

    assert len(body) == MAX_REQUEST_BYTES
    assert parse_method_call(body).params == (SOURCE, TARGET)


def test_a_call_over_the_size_limit_is_refused():
    with pytest.raises(XmlRpcError, match="too large"):
        parse_method_call(padded_call(MAX_REQUEST_BYTES + 1))


# Hostile XML: no entity is ever expanded.

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE methodCall [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<methodCall><methodName>pingback.ping</methodName><params>
<param><value><string>&lol9;</string></value></param>
<param><value><string>https://cables.example/</string></value></param>
</params></methodCall>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE methodCall [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<methodCall><methodName>pingback.ping</methodName><params>
<param><value><string>&x;</string></value></param>
<param><value><string>https://cables.example/</string></value></param>
</params></methodCall>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE methodCall SYSTEM "http://127.0.0.1:1/evil.dtd">
<methodCall><methodName>pingback.ping</methodName></methodCall>"""

PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE methodCall [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>
<methodCall><methodName>pingback.ping</methodName></methodCall>"""

EMPTY_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE methodCall>
<methodCall><methodName>pingback.ping</methodName></methodCall>"""


@pytest.mark.parametrize(
    "body",
    [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD, PARAMETER_ENTITY, EMPTY_DTD],
    ids=["billion-laughs", "external-entity", "external-dtd", "parameter-entity", "any-dtd"],
)
def test_a_document_type_declaration_is_refused(body):
    with pytest.raises(XmlRpcError):
        parse_method_call(body)


def test_an_external_entity_is_never_expanded():
    with pytest.raises(XmlRpcError) as raised:
        parse_method_call(EXTERNAL_ENTITY)

    passwd = Path("/etc/passwd")
    first_line = passwd.read_text().splitlines()[0] if passwd.exists() else "root:x:0:0"
    message = str(raised.value)
    assert first_line not in message
    assert "root:" not in message


def test_the_billion_laughs_are_never_expanded():
    with pytest.raises(XmlRpcError) as raised:
        parse_method_call(BILLION_LAUGHS)

    assert "lollol" not in str(raised.value)


# Writing the answer.


@pytest.mark.parametrize(
    "message",
    [
        "Pingback from https://blog.example/ to https://cables.example/ registered.",
        "Text with <markup> & ampersands, \"quotes\" and 'apostrophes'",
        "Посольство США в Москве",
    ],
)
def test_a_response_is_read_back_by_an_xml_rpc_client(message):
    params, method = xmlrpc.client.loads(response(message))

    assert params == (message,)
    assert method is None


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (0, "The pingback was not registered."),
        (17, "The source does not link to the target."),
        (48, "The pingback has already been registered."),
        (33, "Text with <markup> & ampersands"),
    ],
)
def test_a_fault_is_read_back_by_an_xml_rpc_client(code, message):
    with pytest.raises(xmlrpc.client.Fault) as raised:
        xmlrpc.client.loads(fault(code, message))

    assert (raised.value.faultCode, raised.value.faultString) == (code, message)


def test_a_response_and_a_fault_are_method_responses():
    assert "<methodResponse>" in response("ok")
    assert "<fault>" in fault(0, "no")
    assert "<fault>" not in response("ok")
