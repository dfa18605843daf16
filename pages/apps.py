from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The pages that show a cable with what readers said of it: the cable page, a paragraph's
    page, the short addresses and hashtags, and the read API. It composes the two apps below
    it (`cables`, then `comments`), which know nothing of it."""

    name = "pages"
    verbose_name = "Cable pages"
