from django.apps import AppConfig


class CablesConfig(AppConfig):
    name = "cables"
    verbose_name = "Cables"

    def ready(self) -> None:
        from cables import checks, receivers  # noqa: F401 (they register themselves)
