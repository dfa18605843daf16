"""What the sign-in tests share: reading the hop page's way on to the provider."""

from tests.html import parse_html


def onward_of(response) -> str:
    """The address the signing-in page moves on to (its meta refresh)."""
    refresh = parse_html(response.content).find("meta", **{"http-equiv": "refresh"})
    return refresh.attrs["content"].split("url=", 1)[1]
