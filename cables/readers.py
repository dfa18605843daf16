"""Readers for the three shapes cables come in: plain text (a blog repost too), an original
cable HTML page, and rows of cables.csv. Each turns its input into cable text that
`parse_cable` reads; the CSV reader streams. An original page also lists the news articles
that cite the cable, which `parse_html_cable` adds to the `ParsedCable`. Pure Python, no
Django."""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from cables.parsing import (
    CableParseError,
    MediaArticle,
    ParsedCable,
    metadata_from_cells,
    normalize_reference_id,
    parse_cable_parts,
    parse_timestamp,
)

# Lines that blog platforms put around a reposted cable; the cable ends where they begin.
_PAGE_CHROME_END = re.compile(
    r"^\s*(?:Post a comment or leave a trackback|Leave a Reply|Leave a Comment|"
    r"Fill in your details below|Share this:|Like this:|Related posts?|%d bloggers like this)",
    re.IGNORECASE,
)

# The ¶ link an original page puts before each line that opens with '3. ' or 'B. ': href
# '#par3', '#parB'.
_PARAGRAPH_LINK = re.compile(r"^#par\w+$")
# The origin cell links to the origin's list, which carries its number: /origin/67_0.html.
_ORIGIN_LIST = re.compile(r"/origin/(\d+)_\d+\.html$")

# In the metadata table of an original page, the links after this are news articles.
_ARTICLES_LABEL = re.compile(r"Appears\s+in\s+these\s+articles", re.IGNORECASE)

# cables.csv fields can be huge (a few cables run past a megabyte).
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _undouble_quotes(text: str) -> str:
    """A CSV export doubles every quote: '""Creative""' means '"Creative"'."""
    if '""' not in text:
        return text
    runs = re.findall(r'"+', text)
    if all(len(run) % 2 == 0 for run in runs):
        return text.replace('""', '"')
    return text


def read_text(text: str) -> str:
    """Plain cable text, with a blog's page chrome dropped and doubled quotes undone."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, line in enumerate(lines):
        if _PAGE_CHROME_END.match(line):
            lines = lines[:index]
            break
    return _undouble_quotes("\n".join(lines))


class _CablePageParser(HTMLParser):
    """Collects the metadata cells of <table class='cable'>, the <pre> blocks and the news
    articles the table lists after 'Appears in these articles:'.

    The text of the paragraph links (`<a id='par3' href='#par3'>¶</a>`) is page furniture,
    not cable text, and is left out; the text of the TAGS links is kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[str] = []
        self.cell_links: list[str] = []  # each cell's first link, '' for none
        self.blocks: list[str] = []
        self.articles: list[MediaArticle] = []
        self.in_table = False
        self.in_cell = False
        self.cell_link = ""
        self.in_pre = False
        self.in_paragraph_link = False
        self.in_articles = False
        self.buffer: list[str] = []
        self.article_href: str | None = None
        self.article_text: list[str] = []
        self.ended = False  # </html> seen

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a" and self.in_cell and not self.cell_link:
            self.cell_link = attributes.get("href") or ""
        if tag == "table" and "cable" in (attributes.get("class") or "").split():
            self.in_table = True
        elif tag == "td" and self.in_table:
            self.in_cell, self.buffer, self.cell_link = True, [], ""
        elif tag == "pre":
            self.in_pre, self.buffer = True, []
        elif tag == "br" and self.in_pre:
            self.buffer.append("\n")
        elif tag == "a" and self.in_pre and _PARAGRAPH_LINK.match(attributes.get("href") or ""):
            self.in_paragraph_link = True
        elif tag == "a" and self.in_articles:
            self.add_article()  # an <a> left open
            self.article_href, self.article_text = attributes.get("href") or "", []

    def handle_endtag(self, tag: str) -> None:
        if tag == "html":
            self.ended = True
        elif tag == "a":
            self.in_paragraph_link = False
            self.add_article()
        elif tag == "td" and self.in_cell:
            self.cells.append(" ".join("".join(self.buffer).split()))
            self.cell_links.append(self.cell_link)
            self.in_cell = False
        elif tag == "table" and self.in_table:
            self.add_article()
            self.in_table = self.in_articles = False
        elif tag == "pre" and self.in_pre:
            self.blocks.append("".join(self.buffer))
            self.in_pre = False

    def handle_data(self, data: str) -> None:
        if (self.in_cell or self.in_pre) and not self.in_paragraph_link:
            self.buffer.append(data)
        if self.article_href is not None:
            self.article_text.append(data)
        elif self.in_table and _ARTICLES_LABEL.search(data):
            self.in_articles = True

    def add_article(self) -> None:
        if self.article_href is None:
            return
        article = media_article(self.article_href, "".join(self.article_text))
        self.article_href = None
        if article and all(known.url != article.url for known in self.articles):
            self.articles.append(article)

    def parsed(self) -> ParsedCable:
        """The metadata from the table, the header box and the body box, each as itself.

        The HTML parser has already turned '&#x000A;' and '&amp;' into text: no second
        unescape, which would turn a cable's own '&amp;lt;' into '<'."""
        metadata = None
        if len(self.cells) >= 5:
            origin_list = _ORIGIN_LIST.search(self.cell_links[4])
            metadata = metadata_from_cells(
                self.cells[:5], int(origin_list[1]) if origin_list else None
            )
        header, *body = self.blocks if len(self.blocks) >= 2 else ["", *self.blocks]
        cable = parse_cable_parts(
            metadata=metadata, header=header.strip("\n"), body="\n\n".join(body).strip("\n")
        )
        cable.articles = list(self.articles)
        return cable


def media_article(url: str, text: str = "") -> MediaArticle | None:
    """A link to a news article, or None unless `url` is an http(s) address on a named host.

    The title is the link text, or the host when the text is empty or the address itself.
    Some original pages link every word of 'not yet set' as 'http://not', 'http://yet',
    'http://set': a host without a dot is not a news site."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or "." not in host.strip("."):
        return None
    title = " ".join(text.split())
    if not title or title == url:
        title = host
    return MediaArticle(url=url, title=title)


def read_cable_page(page: str) -> _CablePageParser:
    """The page read, or CableParseError when it holds no cable or only part of one."""
    reader = _CablePageParser()
    reader.feed(page)
    reader.close()
    if not reader.blocks and not reader.cells and not reader.in_pre:
        ending = "" if reader.ended else " (nor </html>: cut short?)"
        raise CableParseError(
            f"not a cable page: no <table class='cable'> and no <pre> blocks{ending}"
        )
    if reason := _page_cut_short(reader):
        raise CableParseError(f"truncated page: {reason}")
    return reader


def _page_cut_short(reader: _CablePageParser) -> str | None:
    """Where a page cut short ends, or None when the cable's parts are whole.

    An original page closes its metadata table and both text blocks (the header, then the
    body) before it ends; what comes after them (scripts, the closing tags) holds nothing of
    the cable, so a page cut there is whole. A page without the table may be one <pre> of
    cable text, complete once that block closes."""
    if reader.in_table:
        return "it ends inside the metadata table (no closing </table>)"
    if reader.in_pre:
        block = "header" if reader.cells and not reader.blocks else "body"
        return f"it ends inside the {block} text block (no closing </pre>)"
    if reader.cells and len(reader.blocks) < 2 and not reader.ended:
        return "it ends before the body text block (no second <pre> block, no </html>)"
    return None


def parse_html_cable(page: str) -> ParsedCable:
    """An original cable page as a `ParsedCable`, with the news articles the page lists."""
    return read_cable_page(page).parsed()


@dataclass(frozen=True)
class CsvCable:
    line: int  # the line of the file where the row starts, for error messages
    row_id: str
    created: str
    reference_id: str
    origin: str
    classification: str
    references: str
    header: str
    content: str

    def text(self) -> str:
        return f"{self.header.strip()}\n\n{self.content.strip()}\n"


_CSV_COLUMNS = (
    "id",
    "date",
    "reference ID",
    "origin",
    "classification",
    "references",
    "header",
    "content",
)


def read_csv(lines: Iterable[str]) -> Iterator[CsvCable | CableParseError]:
    """Stream cables.csv: 8 columns, no header row, multi-line quoted fields.

    Yields a CsvCable per row, or a CableParseError naming the line for a row with the wrong
    shape or cut short by the end of the file, and never holds more than one row in memory.
    """
    counted = _LineCounter(lines)
    reader = csv.reader(counted, strict=False)
    while True:
        start = counted.count + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield CableParseError(f"line {start}: unreadable CSV ({error})")
            continue
        if reason := _row_cut_short(row, counted):
            yield CableParseError(f"line {start}: truncated row: {reason}")
            continue
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != 8:
            yield CableParseError(f"line {start}: expected 8 columns, found {len(row)}")
            continue
        yield CsvCable(start, *row)


def _row_cut_short(row: list[str], counted: _LineCounter) -> str | None:
    """Why the row the CSV reader just gave is the start of one the file cut off, or None.

    A row ends at the line break after its last field, or at the end of the last line. The
    reader in its forgiving mode also hands back, as a row, what it holds when the lines run
    out inside a quoted field: it asked for a line past the last only then. A last line
    without a line break that ends before the eighth column was cut too (unless blank)."""
    column = len(row)
    name = _CSV_COLUMNS[column - 1] if 0 < column <= len(_CSV_COLUMNS) else "extra"
    if counted.exhausted:
        return f"the file ends inside its quoted {name} field (column {column} of 8)"
    if counted.unterminated and column < len(_CSV_COLUMNS) and any(c.strip() for c in row):
        return f"the file ends after its {name} field (column {column} of 8)"
    return None


class _LineCounter:
    """Wraps an iterable of lines and counts how many the CSV reader has taken; says whether
    it asked for one past the last, and whether the last it took lacks a line break."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = iter(lines)
        self.count = 0
        self.exhausted = False
        self.unterminated = False

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> str:
        try:
            line = next(self.lines)
        except StopIteration:
            self.exhausted = True
            raise
        self.count += 1
        self.unterminated = not line.endswith(("\n", "\r"))
        return line


def parse_csv_cable(row: CsvCable) -> ParsedCable:
    """The columns are authoritative for id, date, origin and classification."""
    cable = parse_cable_parts(metadata=None, header=row.header, body=row.content)
    cable.reference_id = normalize_reference_id(row.reference_id) or cable.reference_id
    cable.created = parse_timestamp(row.created) or cable.created
    cable.origin = row.origin.strip() or cable.origin
    cable.classification = row.classification.strip().upper() or cable.classification
    if not cable.reference_id:
        raise CableParseError(f"row {row.row_id}: no reference ID")
    return cable
