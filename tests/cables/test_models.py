"""Model behaviour that the pages rely on."""

from cables.models import Cable
from cables.parsing import MediaArticle

SPIEGEL = "http://www.spiegel.de/international/world/0,1518,732127,00.html"


def test_media_articles_are_only_the_stored_http_links() -> None:
    # The articles are edited as JSON in the admin: what is not an http(s) link never
    # reaches a page as one.
    cable = Cable(
        articles=[
            {"url": SPIEGEL, "title": "spiegel.de"},
            {"url": "javascript:alert(document.cookie)", "title": "click me"},
            {"title": "no address"},
            "http://www.example.org/not-a-dict",
            {"url": "https://elpais.com/diario/2010/12/03/", "title": ""},
        ]
    )
    assert cable.media_articles == [
        MediaArticle(url=SPIEGEL, title="spiegel.de"),
        MediaArticle(url="https://elpais.com/diario/2010/12/03/", title="elpais.com"),
    ]


def test_media_articles_of_a_cable_without_any() -> None:
    assert Cable().media_articles == []
