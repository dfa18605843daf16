"""Turn the text of a diplomatic cable into a `ParsedCable`: pure Python, no Django.

The importer stores what this returns; the tests feed it the messy forms real cables come
in. The modules are named for what they read: `metadata` (the table), `header` (routing),
`labels` and `preamble` (the fields of the body's opening, wherever they stand), `values`,
`dates` and `references` (what a field says), `body` and `joining` (paragraphs, headings,
the original pages' anchors), `closing` (summary and signature), `shapes` (page furniture,
banners, captions), `text` (newlines, spaces and characters made plain), and `cable`, which
reads the parts in turn."""

from cables.parsing.body import ParsedParagraph
from cables.parsing.cable import (
    CableParseError,
    MediaArticle,
    ParsedCable,
    parse_cable,
    parse_cable_parts,
)
from cables.parsing.dates import parse_timestamp
from cables.parsing.labels import split_labels
from cables.parsing.metadata import Metadata, metadata_from_cells
from cables.parsing.references import normalize_reference_id, wanted_reference_id

__all__ = [
    "CableParseError",
    "MediaArticle",
    "Metadata",
    "ParsedCable",
    "ParsedParagraph",
    "metadata_from_cells",
    "normalize_reference_id",
    "parse_cable",
    "parse_cable_parts",
    "parse_timestamp",
    "split_labels",
    "wanted_reference_id",
]
