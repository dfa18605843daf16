from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the sample cable(s) in seeds/ that a fresh install shows."

    # The seed cable: 07MOSCOW601 as reposted on a blog. (004_... is a news article citing it,
    # which the linkbacks work loads as a trackback.)
    cable_seeds = ["000_109c0dc381017bfb.txt"]

    def handle(self, *args, **options):
        seeds = [Path(settings.BASE_DIR, "seeds", name) for name in self.cable_seeds]
        call_command("import_cables", *map(str, seeds), "--no-progress", stdout=self.stdout)
