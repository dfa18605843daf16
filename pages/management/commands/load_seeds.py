from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cables.models import Cable
from comments import linkbacks
from comments.services import Client


@dataclass(frozen=True)
class SeedArticle:
    """A news article in seeds/, loaded as a trackback awaiting moderation.

    The file holds the headline, the byline and the text; the column it ran in and that
    column's address are not in it, so they are given here.
    """

    file: str
    cable: str
    column: str
    url: str


class Command(BaseCommand):
    help = (
        "Load the sample cable in seeds/, and the sample article as a trackback to it that "
        "waits in the moderation queue."
    )

    # The seed cable: 07MOSCOW601 as reposted on a blog.
    cable_seeds = ["000_109c0dc381017bfb.txt"]
    # A Wall Street Journal article on a Tokyo cable of June 2007 about Japan and Russia: close
    # to 07MOSCOW601 in subject, but it does not cite it. Held for moderation, it shows a
    # moderator a real trackback without publishing a citation the article does not make.
    article_seeds = [
        SeedArticle(
            file="004_41c1c5f2c3e6c0ad.txt",
            cable="07MOSCOW601",
            column="Japan Real Time",
            url="https://blogs.wsj.com/japanrealtime/",
        )
    ]

    def handle(self, *args, **options):
        seeds = Path(settings.BASE_DIR, "seeds")
        cables = [str(seeds / name) for name in self.cable_seeds]
        call_command("import_cables", *cables, "--no-progress", stdout=self.stdout)
        for article in self.article_seeds:
            self.load_article(seeds / article.file, article)

    def load_article(self, path: Path, article: SeedArticle) -> None:
        headline, excerpt = headline_and_first_paragraph(path.read_text(encoding="utf-8"))
        cable = Cable.objects.filter(reference_id=article.cable).first()
        if cable is None:
            raise CommandError(f"{path.name}: the cable {article.cable} is not in the archive")
        try:
            linkbacks.receive_trackback(
                cable=cable,
                url=article.url,
                title=headline,
                excerpt=excerpt,
                blog_name=article.column,
                client=Client(),
                hosts=[],
                verify=False,  # no network at install time; a moderator decides
            )
        except linkbacks.LinkbackRejected as rejection:
            if rejection.fault != linkbacks.ALREADY_REGISTERED:
                raise CommandError(f"{path.name}: {rejection.message}") from None
            self.stdout.write(f"{path.name}: already a trackback to {cable}")
            return
        self.stdout.write(f"{path.name}: trackback to {cable}, awaiting moderation")


def headline_and_first_paragraph(text: str) -> tuple[str, str]:
    """The first line, and the first paragraph after the byline ('By ...')."""
    paragraphs = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    paragraphs = [block for block in paragraphs if block]
    if len(paragraphs) < 2:
        raise CommandError("an article needs a headline and a paragraph")
    headline, body = paragraphs[0], paragraphs[1:]
    if body[0].lower().startswith("by ") and len(body) > 1:
        body = body[1:]
    return " ".join(headline.split()), " ".join(body[0].split())
