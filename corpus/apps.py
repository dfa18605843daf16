from django.apps import AppConfig


class CorpusConfig(AppConfig):
    """A development tool: the synthetic corpus the benchmarks import. Installed with DEBUG or
    READINGROOM_DEVELOPMENT_TOOLS, never in production."""

    name = "corpus"
    verbose_name = "Synthetic corpus (development)"
